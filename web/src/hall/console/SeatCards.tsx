import { QrImage } from '../../components/QrImage';
import { useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { ConsoleHallSeatCardsDocument, type ConsoleHallSeatCardsQuery } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { Link, useLocation } from '../../router';
import { roundTabPath } from './paths';
import '../../results/print.css';
import './hall.css';

type CardRound = NonNullable<ConsoleHallSeatCardsQuery['round']>;
type Seat = CardRound['seats'][number];

/** Where a phone without the QR code goes to type its code: the join link's site and /join, without the scheme. */
export function joinPageOf(joinUrl: string): string {
  try {
    const url = new URL(joinUrl, window.location.origin);
    return `${url.host}/join`;
  } catch {
    return `${window.location.host}/join`;
  }
}

/** 8 letters and digits in two groups of four, for reading aloud and typing (the gap is spacing only). */
function CodeGroups({ code }: { code: string }) {
  const half = Math.ceil(code.length / 2);
  return (
    <span className="card-code">
      <span>{code.slice(0, half)}</span>
      <span>{code.slice(half)}</span>
    </span>
  );
}

/**
 * The QR cards of a round's seats on A4, six to a page, to cut out and hand to the
 * judges: the round, the seat's label and judge, the QR code of the join link, the code
 * in large letters and one line saying how to join without scanning. `?seat=` prints
 * one card (a reissued seat). Revoked seats are left out. Buttons stay off the paper.
 */
export function SeatCards({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { query: params } = useLocation();
  const only = params.get('seat');
  const query = useQuery(ConsoleHallSeatCardsDocument, { id: roundId });
  const round = query.data?.round;
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const classes = round.method.__typename === 'PanelMethod' ? round.method.classes : [];
  const seats = round.seats.filter((s) => s.status !== 'REVOKED' && (!only || s.id === only));
  const classLabel = (seat: Seat) => (seat.classKey ? (classes.find((c) => c.key === seat.classKey)?.label ?? seat.classKey) : null);
  return (
    <div className="print-doc seat-cards-doc" data-testid="seat-cards">
      <div className="print-toolbar no-print">
        <Link to={roundTabPath(roundId, 'seats')}>{t('hall.cards.back')}</Link>
        <span className="muted small">{t('hall.cards.hint', { n: seats.length })}</span>
        <button type="button" className="button-primary" onClick={() => window.print()}>
          {t('hall.cards.print')}
        </button>
      </div>
      <h1 className="visually-hidden">{t('hall.cards.title', { round: round.name })}</h1>
      {seats.length === 0 ? <Note>{t('hall.cards.none')}</Note> : null}
      <div className="seat-cards">
        {seats.map((seat) => (
          <article key={seat.id} className="seat-card" aria-label={t('hall.cards.cardLabel', { label: seat.label, name: seat.name })} data-seat={seat.label}>
            <p className="card-round">
              <span className="card-competition">{round.competition.name}</span>
              <span>{round.name}</span>
            </p>
            <p className="card-judge">
              <span className="card-label">{seat.label}</span>
              <span className="card-name">{seat.name}</span>
            </p>
            {seat.unit || classLabel(seat) ? <p className="card-meta">{[seat.unit?.name, classLabel(seat)].filter(Boolean).join(' · ')}</p> : null}
            <QrImage url={seat.joinUrl} label={t('hall.cards.qrLabel', { label: seat.label })} className="card-qr" testId="seat-qr" />
            <p className="card-code-line">
              <span className="card-code-caption">{t('hall.cards.code')}</span>
              <CodeGroups code={seat.joinCode} />
            </p>
            <p className="card-how">{t('hall.cards.how', { page: joinPageOf(seat.joinUrl) })}</p>
          </article>
        ))}
      </div>
    </div>
  );
}
