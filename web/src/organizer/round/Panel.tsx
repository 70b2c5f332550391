import Papa from 'papaparse';
import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '../../api/hooks';
import { panelOf } from '../../api/method';
import { ErrorNote, Note } from '../../components/ui';
import { AdvanceEntriesDocument, AssignJudgesDocument, SetLeaderboardVisibilityDocument, type LeaderboardVisibility } from '../../gql/graphql';
import { useI18n } from '../../i18n';
import { NumberField } from './fields';
import { VISIBILITIES } from './RuleFields';
import type { ConsoleRound } from './types';

function rows(text: string): string[][] {
  return Papa.parse<string[]>(text.trim(), { skipEmptyLines: 'greedy' }).data.map((r) => r.map((c) => c.trim()));
}

/** Who may see the scores; changeable until publication (e.g. LIVE for the big screen). */
export function Visibility({ roundId, value, onChanged }: { roundId: string; value: LeaderboardVisibility; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const { mutate, pending, error } = useMutation(SetLeaderboardVisibilityDocument);
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{t('org.visibility')}</label>
      <select
        id={id}
        value={value}
        disabled={pending}
        onChange={async (e) => {
          if (await mutate({ roundId, visibility: e.target.value as LeaderboardVisibility })) onChanged();
        }}
      >
        {VISIBILITIES.map((v) => (
          <option key={v} value={v}>
            {t(`visibility.${v}`)}
          </option>
        ))}
      </select>
      {error ? <ErrorNote error={error} /> : null}
    </div>
  );
}

/** The judging panel; new seats may be added while the panel is not fixed. */
export function Judges({ round, canAssign, onChanged }: { round: ConsoleRound; canAssign: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const { mutate, pending, error } = useMutation(AssignJudgesDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    const list = rows(text).map(([userId = '', name = '', unitId = '']) => ({ userId, name: name || userId, unitId: unitId || null }));
    const result = await mutate({ roundId: round.id, judges: list });
    if (result) {
      setDone(result.assignJudges.length);
      setText('');
      onChanged();
    }
  };
  return (
    <details className="subpanel">
      <summary>
        {t('org.judges')} ({round.judges.length})
      </summary>
      {round.judges.length ? (
        <ul className="inline-list">
          {round.judges.map((j) => (
            <li key={j.userId}>
              {j.label} {j.name}
              {j.unit ? ` · ${j.unit.name}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {panelOf(round)?.quorumMode === 'ALL_EXPECTED' ? <p className="muted small">{t('round.judges.fixedHint')}</p> : null}
      {canAssign ? (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor={id}>{t('org.assign')}</label>
            <textarea
              id={id}
              rows={3}
              className="mono"
              placeholder="judge-8,周明"
              aria-describedby={`${id}-hint`}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
            <span id={`${id}-hint`} className="muted small">
              {t('org.judgesHint')}
            </span>
          </div>
          {error ? <ErrorNote error={error} /> : null}
          {done !== null ? (
            <Note kind="ok" live>
              {t('org.assigned', { n: done })}
            </Note>
          ) : null}
          <button type="submit" className="button-primary" disabled={pending || !text.trim()}>
            {t('org.assign')}
          </button>
        </form>
      ) : null}
    </details>
  );
}

/** Enrols the top N of this (closed) round into a DRAFT round of the same competition. */
export function Advance({ round, onChanged }: { round: ConsoleRound; onChanged: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const targets = round.competition.rounds.filter((r) => r.status === 'DRAFT' && r.id !== round.id);
  const [to, setTo] = useState(targets[0]?.id ?? '');
  const [top, setTop] = useState(10);
  const [perGroup, setPerGroup] = useState(false);
  const { mutate, pending, error, reset } = useMutation(AdvanceEntriesDocument);
  const [result, setResult] = useState<{ advanced: number; already: number } | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    const done = await mutate({ fromRoundId: round.id, toRoundId: to, top, perGroup });
    if (done) {
      setResult({ advanced: done.advanceEntries.advanced.length, already: done.advanceEntries.alreadyEnrolled.length });
      onChanged();
    }
  };
  return (
    <details className="subpanel" open>
      <summary>{t('org.advance')}</summary>
      <p className="muted small">{t('org.advanceHint')}</p>
      {targets.length === 0 ? (
        <Note>{t('org.noDraftRound')}</Note>
      ) : (
        <form onSubmit={submit} className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-to`}>{t('org.advanceTo')}</label>
            <select
              id={`${id}-to`}
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                reset();
              }}
            >
              {targets.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
          <NumberField label={t('org.advanceTop')} value={top} min={1} onChange={setTop} />
          <div className="field field-check">
            <input id={`${id}-per`} type="checkbox" checked={perGroup} onChange={(e) => setPerGroup(e.target.checked)} />
            <label htmlFor={`${id}-per`}>{t('org.advancePerGroup')}</label>
          </div>
          {error ? <ErrorNote error={error} /> : null}
          {result ? (
            <Note kind="ok" live>
              {t('org.advanced', { n: result.advanced, already: result.already })}
            </Note>
          ) : null}
          <button type="submit" className="button-primary" disabled={pending || !to}>
            {t('org.advanceSubmit')}
          </button>
        </form>
      )}
    </details>
  );
}
