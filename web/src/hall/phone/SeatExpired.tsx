import { useEffect } from 'react';
import { ApiError, request } from '../../api/client';
import { session } from '../../auth/session';
import { useSession } from '../../auth/useSession';
import { PhoneLiveStateDocument } from '../../gql/graphql';
import { OutboxPanel } from '../../judge/OutboxPanel';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import './phone.css';

/**
 * A seat whose token the API no longer takes (revoked, the round closed, or run out): the judge
 * has no account to sign in with, so the phone says whom to ask. Sheets still waiting on this
 * phone stay in sight; they go once the same phone joins the same seat again.
 */
export function SeatExpired() {
  const { t } = useI18n();
  const current = useSession();
  const reason = current?.expiredReason;
  const roundId = current?.seat?.roundId;
  // The refusal that ended the seat may have come without its reason at hand: ask once more to learn it
  // (and should the token work after all, a passing fault, take the seat back).
  useEffect(() => {
    if (reason || !roundId) return;
    request(PhoneLiveStateDocument, { roundId }).then(
      () => {
        const now = session.get();
        if (now?.seat && now.expired) session.joinSeat(now.token, now.seat, now.expiresAt ?? Date.now());
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.code === 'UNAUTHENTICATED' && error.reason) session.seatRefused(error.reason);
      },
    );
  }, [reason, roundId]);
  return (
    <section className="seat-expired" aria-labelledby="seat-expired-title" data-testid="seat-expired">
      <h1 id="seat-expired-title">{t('live.seat.expired')}</h1>
      <p>{reason === 'ROUND_STATUS' ? t('live.seat.roundClosed') : reason === 'SEAT_REVOKED' ? t('live.seat.revoked') : t('live.seat.expiredHint')}</p>
      <OutboxPanel />
      {reason === 'ROUND_STATUS' ? null : (
        <p>
          <Link to="/join" className="button">
            {t('live.seat.rejoin')}
          </Link>
        </p>
      )}
    </section>
  );
}
