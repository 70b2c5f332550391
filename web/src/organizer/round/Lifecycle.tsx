import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import { ErrorNote } from '../../components/ui';
import { MissingSheetsDocument, type MissingSheetsQuery, type RoundStatus } from '../../gql/graphql';
import { PublishDialog } from '../../hall/console/PublishDialog';
import { useI18n } from '../../i18n';
import { useRoundTransitions } from './useRoundTransitions';

interface MissingByJudge {
  judge: { userId: string; name: string; label: string };
  entries: { id: string; order: number; name: string }[];
}

/** The judge × entry cells still EXPECTED, grouped by judge in panel order. */
export function missingSheets(progress: MissingSheetsQuery['roundProgress']): MissingByJudge[] {
  return progress.judges
    .map(({ judge }, j) => ({
      judge,
      entries: progress.entries
        .filter((row) => row.judgeStates[j] === 'EXPECTED')
        .map(({ entry }) => ({ id: entry.id, order: entry.order, name: entry.cadre ? `${entry.cadre.name}（${entry.title}）` : entry.title })),
    }))
    .filter((m) => m.entries.length > 0);
}

type Asking = { kind: 'close'; missing: MissingByJudge[]; count: number; expected: number } | { kind: 'publish' } | null;

/**
 * Opens, closes and publishes the round. Closing first lists the sheets still missing,
 * by judge and entry, and asks for confirmation in those terms.
 */
export function Lifecycle({ roundId, name, status, onChanged }: { roundId: string; name: string; status: RoundStatus; onChanged: () => void }) {
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
      const { roundProgress } = await request(MissingSheetsDocument, { roundId });
      const missing = missingSheets(roundProgress);
      setAsking({ kind: 'close', missing, count: missing.reduce((n, m) => n + m.entries.length, 0), expected: roundProgress.expected });
    } catch (e) {
      setCheckError(e instanceof ApiError ? e : String(e));
    } finally {
      setChecking(false);
    }
  };

  if (status === 'PUBLISHED') return null;
  const label = status === 'DRAFT' ? t('org.open') : status === 'OPEN' ? t('org.close') : t('org.publish');
  return (
    <div className="lifecycle">
      {asking?.kind === 'publish' ? (
        // Publication asks for the notice period and the judges' sign-off (the live hall's dialog).
        <div className="confirm confirm-wide" role="group" aria-label={label} data-testid="close-check">
          <PublishDialog
            roundId={roundId}
            name={name}
            onCancel={() => setAsking(null)}
            onPublished={() => {
              setAsking(null);
              onChanged();
            }}
          />
        </div>
      ) : asking ? (
        <div className="confirm confirm-wide" role="group" aria-label={label} data-testid="close-check">
          <CloseChecklist name={name} {...asking} />
          <div className="row">
            <button type="button" className="button-danger" onClick={() => void act()}>
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
          onClick={() => (status === 'DRAFT' ? void act() : status === 'OPEN' ? void askToClose() : setAsking({ kind: 'publish' }))}
        >
          {label}
        </button>
      )}
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

function CloseChecklist({ name, missing, count, expected }: { name: string; missing: MissingByJudge[]; count: number; expected: number }) {
  const { t } = useI18n();
  if (count === 0) return <p>{t('round.close.complete', { expected, name })}</p>;
  return (
    <div className="close-check">
      <p>
        <strong>{t('round.close.missing', { n: count })}</strong>
      </p>
      <p className="small">{t('round.close.missingIntro', { name })}</p>
      <ul className="missing-list">
        {missing.map((m) => (
          <li key={m.judge.userId}>
            <strong>{t('round.close.judge', { name: m.judge.name, label: m.judge.label, n: m.entries.length })}</strong>
            {m.entries.map((e) => t('round.close.entry', { order: e.order, name: e.name })).join('、')}
          </li>
        ))}
      </ul>
    </div>
  );
}
