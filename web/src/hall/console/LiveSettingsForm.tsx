import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { ErrorNote, Loading, Note } from '../../components/ui';
import { ConsoleHallSetLiveDocument, ConsoleHallSettingsDocument, type ConsoleHallSettingsQuery, type ScoringGate } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { clock, overtimePoints, splitSeconds } from './time';

const GATES: ScoringGate[] = ['PITCHED', 'ON_STAGE', 'ANY'];
/** The shortest limit the API takes, in seconds. */
const MIN_LIMIT = 10;

type Live = NonNullable<ConsoleHallSettingsQuery['round']>['live'];

interface Draft {
  scoringGate: ScoringGate;
  limited: boolean;
  minutes: number;
  seconds: number;
  deducts: boolean;
  perSeconds: number;
  points: string;
  requireSignOff: boolean;
}

function draftOf(live: Live): Draft {
  const limit = splitSeconds(live.pitchLimitSeconds ?? 300);
  return {
    scoringGate: live.scoringGate,
    limited: live.pitchLimitSeconds !== null,
    minutes: limit.minutes,
    seconds: limit.seconds,
    deducts: live.overtime !== null,
    perSeconds: live.overtime?.perSeconds ?? 30,
    points: String(live.overtime?.points ?? 0.5),
    requireSignOff: live.requireSignOff,
  };
}

/**
 * 现场规则: which entries judges may score (a live show proposes 只能为已上台选手评分), the
 * pitch time limit in minutes and seconds, the overtime deduction (每超时 30 秒扣 0.5 分, with
 * an example), and whether publication waits for every judge's sign-off. Changeable while
 * the round is DRAFT or OPEN.
 */
export function LiveSettingsForm({ roundId, onChanged }: { roundId: string; onChanged: () => void }) {
  const { t } = useI18n();
  const query = useQuery(ConsoleHallSettingsDocument, { id: roundId });
  const round = query.data?.round;
  if (!round) return query.error ? <ErrorNote error={query.error} onRetry={() => void query.refetch()} /> : <Loading />;
  const editable = round.status === 'DRAFT' || round.status === 'OPEN';
  return (
    <section className="hall-section" aria-labelledby="live-rules-title">
      <h3 id="live-rules-title">{t('hall.rules.title')}</h3>
      <p className="muted small">{t('hall.rules.intro')}</p>
      {!editable ? <Note>{t('hall.rules.readOnly')}</Note> : null}
      <RulesForm
        roundId={roundId}
        live={round.live}
        editable={editable}
        onSaved={() => {
          void query.refetch();
          onChanged();
        }}
      />
    </section>
  );
}

function RulesForm({ roundId, live, editable, onSaved }: { roundId: string; live: Live; editable: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(live));
  const [saved, setSaved] = useState(false);
  const { mutate, pending, error } = useMutation(ConsoleHallSetLiveDocument);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const limit = draft.minutes * 60 + draft.seconds;
  const points = Number(draft.points);
  const pointsValid = Number.isFinite(points) && points > 0;
  const valid = (!draft.limited || limit >= MIN_LIMIT) && (!draft.deducts || (draft.perSeconds > 0 && pointsValid));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const done = await mutate({
      roundId,
      settings: {
        scoringGate: draft.scoringGate,
        pitchLimitSeconds: draft.limited ? limit : null,
        overtime: draft.limited && draft.deducts ? { perSeconds: draft.perSeconds, points } : null,
        requireSignOff: draft.requireSignOff,
      },
    });
    if (done) {
      setSaved(true);
      onSaved();
    }
  };

  const example = draft.limited && draft.deducts && pointsValid && draft.perSeconds > 0;
  return (
    <form onSubmit={submit} className="live-rules" data-testid="live-rules">
      <fieldset className="rule" disabled={!editable}>
        <legend>{t('hall.rules.gate')}</legend>
        <p className="rule-help">{t('hall.rules.gateHelp')}</p>
        <div className="choices">
          {GATES.map((gate) => (
            <label key={gate} className="choice" htmlFor={`${id}-gate-${gate}`}>
              <input
                id={`${id}-gate-${gate}`}
                type="radio"
                name={`${id}-gate`}
                checked={draft.scoringGate === gate}
                onChange={() => set('scoringGate', gate)}
              />
              <span>
                <strong>{t(`hall.rules.gate.${gate}`)}</strong>
                <span className="muted small"> {t(`hall.rules.gateHelp.${gate}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset className="rule" disabled={!editable}>
        <legend>{t('hall.rules.limit')}</legend>
        <p className="rule-help">{t('hall.rules.limitHelp')}</p>
        <div className="field field-check">
          <input id={`${id}-limited`} type="checkbox" checked={draft.limited} onChange={(e) => set('limited', e.target.checked)} />
          <label htmlFor={`${id}-limited`}>{t('hall.rules.limited')}</label>
        </div>
        {draft.limited ? (
          <div className="rule-numbers time-fields">
            <div className="field">
              <label htmlFor={`${id}-min`}>{t('hall.rules.minutes')}</label>
              <input
                id={`${id}-min`}
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                step={1}
                value={draft.minutes}
                onChange={(e) => set('minutes', Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-sec`}>{t('hall.rules.seconds')}</label>
              <input
                id={`${id}-sec`}
                type="number"
                inputMode="numeric"
                min={0}
                max={59}
                step={1}
                value={draft.seconds}
                onChange={(e) => set('seconds', Math.min(59, Math.max(0, Math.trunc(Number(e.target.value) || 0))))}
              />
            </div>
          </div>
        ) : null}
        {draft.limited && limit < MIN_LIMIT ? <p className="field-error">{t('hall.rules.limitTooShort', { min: MIN_LIMIT })}</p> : null}
        {draft.limited && limit >= MIN_LIMIT ? <p className="rule-example">{t('hall.rules.limitExample', { limit: clock(limit) })}</p> : null}

        {draft.limited ? (
          <>
            <div className="field field-check">
              <input id={`${id}-deducts`} type="checkbox" checked={draft.deducts} onChange={(e) => set('deducts', e.target.checked)} />
              <label htmlFor={`${id}-deducts`}>{t('hall.rules.deducts')}</label>
            </div>
            {draft.deducts ? (
              <div className="overtime-line">
                <label htmlFor={`${id}-per`}>{t('hall.rules.every')}</label>
                <input
                  id={`${id}-per`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  value={draft.perSeconds}
                  onChange={(e) => set('perSeconds', Math.max(1, Math.trunc(Number(e.target.value) || 0)))}
                />
                <label htmlFor={`${id}-points`}>{t('hall.rules.secondsDeduct')}</label>
                <input
                  id={`${id}-points`}
                  type="number"
                  inputMode="decimal"
                  min={0.01}
                  step={0.01}
                  value={draft.points}
                  aria-invalid={!pointsValid}
                  onChange={(e) => set('points', e.target.value)}
                />
                <span>{t('hall.rules.pointsUnit')}</span>
              </div>
            ) : null}
            {draft.deducts && !pointsValid ? <p className="field-error">{t('hall.rules.pointsInvalid')}</p> : null}
            {example ? (
              <p className="rule-example">
                {t('hall.rules.deductExample', {
                  limit: clock(limit),
                  over: clock(draft.perSeconds + 15),
                  total: clock(limit + draft.perSeconds + 15),
                  points: overtimePoints(draft.perSeconds + 15, { perSeconds: draft.perSeconds, points }).toFixed(2),
                  per: draft.perSeconds,
                  each: points.toFixed(2),
                })}
              </p>
            ) : null}
          </>
        ) : null}
      </fieldset>

      <fieldset className="rule" disabled={!editable}>
        <legend>{t('hall.rules.signOff')}</legend>
        <p className="rule-help">{t('hall.rules.signOffHelp')}</p>
        <div className="field field-check">
          <input id={`${id}-sign`} type="checkbox" checked={draft.requireSignOff} onChange={(e) => set('requireSignOff', e.target.checked)} />
          <label htmlFor={`${id}-sign`}>{t('hall.rules.requireSignOff')}</label>
        </div>
      </fieldset>

      {error ? <ErrorNote error={error} /> : null}
      {saved ? (
        <Note kind="ok" live>
          {t('hall.rules.saved')}
        </Note>
      ) : null}
      {editable ? (
        <button type="submit" className="button-primary" disabled={pending || !valid}>
          {t('hall.rules.save')}
        </button>
      ) : null}
    </form>
  );
}
