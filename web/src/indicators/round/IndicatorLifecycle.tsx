import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import { ErrorNote } from '../../components/ui';
import { IndicatorRoundDocument, RoundAdjustmentsDocument, RoundIndicatorValuesDocument, type RoundStatus } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { useRoundTransitions } from '../../organizer/round/useRoundTransitions';
import { outstanding, progressOf, type Progress } from '../console/values';
import { adjustmentEntry, asIndicatorRound, entryName, type AdjustmentRecord, type IndicatorRecord, type RoundEntry } from '../model';

interface CloseCheck {
  progress: Progress;
  rows: { entry: RoundEntry; entered: IndicatorRecord[]; missing: IndicatorRecord[] }[];
  pending: { entry: RoundEntry | undefined; adjustment: AdjustmentRecord }[];
}

type Asking = { kind: 'open' } | { kind: 'close'; check: CloseCheck } | { kind: 'publish' } | null;

/**
 * Opens an indicator round for entering values, closes it and publishes its results.
 * Closing first lists what would not count — values not yet verified, values never
 * entered, adjustments not yet approved — unit by unit, and asks for confirmation.
 */
export function IndicatorLifecycle({ roundId, name, status, onChanged }: { roundId: string; name: string; status: RoundStatus; onChanged: () => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState<Asking>(null);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<unknown>(null);
  const transitions = useRoundTransitions(roundId, status, onChanged);
  const error = transitions.error ?? checkError;
  const pending = transitions.pending || checking;

  const act = async () => {
    setAsking(null);
    await transitions.act();
  };
  const askToClose = async () => {
    setChecking(true);
    setCheckError(null);
    try {
      // What counts now, read afresh: another organizer may have verified a minute ago.
      const [detail, values, adjustments] = await Promise.all([
        request(IndicatorRoundDocument, { id: roundId }),
        request(RoundIndicatorValuesDocument, { roundId }),
        request(RoundAdjustmentsDocument, { roundId }),
      ]);
      const round = asIndicatorRound(detail.round);
      if (!round) throw new ApiError('NOT_FOUND', 'round');
      const indicators = round.method.indicatorSet.indicators;
      const entryOf = new Map(round.entries.map((e) => [e.id, e]));
      setAsking({
        kind: 'close',
        check: {
          progress: progressOf(round.entries, indicators, values.indicatorValues),
          rows: outstanding(round.entries, indicators, values.indicatorValues),
          pending: adjustments.adjustments
            .filter((a) => a.status === 'PENDING')
            .map((adjustment) => ({ entry: entryOf.get(adjustmentEntry(adjustment.id)), adjustment })),
        },
      });
    } catch (e) {
      setCheckError(e instanceof ApiError ? e : String(e));
    } finally {
      setChecking(false);
    }
  };

  if (status === 'PUBLISHED') return null;
  const label = status === 'DRAFT' ? t('indicators.lifecycle.open') : status === 'OPEN' ? t('indicators.lifecycle.close') : t('org.publish');
  return (
    <div className="lifecycle">
      {asking ? (
        <div className="confirm confirm-wide" role="group" aria-label={label} data-testid="close-check">
          {asking.kind === 'close' ? <Checklist name={name} check={asking.check} /> : null}
          {asking.kind === 'open' ? <p>{t('indicators.lifecycle.confirmOpen', { name })}</p> : null}
          {asking.kind === 'publish' ? <p>{t('org.confirmPublish', { name })}</p> : null}
          <div className="row">
            <button type="button" className={asking.kind === 'open' ? 'button-primary' : 'button-danger'} onClick={() => void act()}>
              {label}
            </button>
            <button type="button" className="button" onClick={() => setAsking(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className={status === 'DRAFT' ? 'button-primary' : 'button-danger'}
          disabled={pending}
          onClick={() => (status === 'DRAFT' ? setAsking({ kind: 'open' }) : status === 'OPEN' ? void askToClose() : setAsking({ kind: 'publish' }))}
        >
          {label}
        </button>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function Checklist({ name, check }: { name: string; check: CloseCheck }) {
  const { t } = useI18n();
  const { progress, rows, pending } = check;
  const cells = progress.entries * progress.indicators;
  const open = progress.entered + progress.missing;
  return (
    <div className="close-check">
      {open === 0 ? (
        <p>
          <strong>{t('indicators.close.complete', { n: cells })}</strong>
        </p>
      ) : (
        <>
          <p>
            <strong>
              {progress.missing === 0
                ? t('indicators.close.incompleteEntered', { entered: progress.entered })
                : progress.entered === 0
                  ? t('indicators.close.incompleteMissing', { missing: progress.missing })
                  : t('indicators.close.incomplete', { entered: progress.entered, missing: progress.missing })}
            </strong>
          </p>
          <p className="small">{t('indicators.close.incompleteIntro', { verified: progress.verified, cells })}</p>
          <ul className="missing-list" data-testid="close-missing">
            {rows.map(({ entry, entered, missing }) => (
              <li key={entry.id}>
                <strong>{entryName(entry)}</strong>：
                {[
                  entered.length ? t('indicators.close.unitEntered', { list: entered.map((i) => i.label).join('、') }) : null,
                  missing.length ? t('indicators.close.unitMissing', { list: missing.map((i) => i.label).join('、') }) : null,
                ]
                  .filter(Boolean)
                  .join('；')}
              </li>
            ))}
          </ul>
        </>
      )}
      {pending.length ? (
        <>
          <p>
            <strong>{t('indicators.close.pendingAdjustments', { n: pending.length })}</strong>
          </p>
          <ul className="missing-list" data-testid="close-adjustments">
            {pending.map(({ entry, adjustment }) => (
              <li key={adjustment.id}>
                {t('indicators.close.adjustment', {
                  unit: entry ? entryName(entry) : '',
                  kind: t(`indicators.adjust.kind.${adjustment.kind}`),
                  reason: adjustment.reason,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>{t(open || pending.length ? 'indicators.close.confirmAnyway' : 'indicators.close.confirm', { name })}</p>
    </div>
  );
}
