import { useState } from 'react';
import { ErrorNote } from '../components/ui';
import type { RoundStatus } from '../gql/graphql';
import { useI18n } from '../i18n';
import { useRoundTransitions } from '../organizer/round/useRoundTransitions';

/**
 * Opens a ratings round (its units' QR codes start taking ratings), closes it (no more
 * ratings; the counters are folded into the ranking) and publishes the ranking, each
 * after a sentence saying what it does.
 */
export function RatingsLifecycle({ roundId, name, status, onChanged }: { roundId: string; name: string; status: RoundStatus; onChanged: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const transitions = useRoundTransitions(roundId, status, onChanged);
  if (status === 'PUBLISHED') return null;
  const step = status === 'DRAFT' ? 'open' : status === 'OPEN' ? 'close' : 'publish';
  const label = t(`ratings.lifecycle.${step}`);
  return (
    <div className="lifecycle">
      {asking ? (
        <div className="confirm confirm-wide" role="group" aria-label={label} data-testid="close-check">
          <p>{t(`ratings.lifecycle.${step}Ask`, { name })}</p>
          <div className="row">
            <button
              type="button"
              className={step === 'open' ? 'button-primary' : 'button-danger'}
              onClick={async () => {
                setAsking(false);
                await transitions.act();
              }}
            >
              {label}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={step === 'open' ? 'button-primary' : 'button-danger'} disabled={transitions.pending} onClick={() => setAsking(true)}>
          {label}
        </button>
      )}
      {transitions.error ? <ErrorNote error={transitions.error} /> : null}
    </div>
  );
}
