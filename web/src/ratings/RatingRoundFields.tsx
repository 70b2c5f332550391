import { useId, useState, type ReactNode } from 'react';
import type { LeaderboardVisibility, RatingRankBy, RatingScale, RoundMethodInput } from '../gql/graphql';
import { useI18n } from '../i18n';
import { periodLabel } from '../indicators/round/period';
import { beijingMonth, STANDARD_REASONS } from './model';
import './ratings.css';

/** What a new ratings round's form holds. */
export interface RatingRoundDraft {
  period: string;
  scale: RatingScale;
  reasons: string[];
  minRatings: string;
  rankBy: RatingRankBy;
  callbackWorkingDays: string;
  rectificationWorkingDays: string;
  visibility: LeaderboardVisibility;
}

/** The API's defaults, this month in Beijing, and the ranking public as soon as it is refreshed. */
export const newRatingRound = (now = new Date()): RatingRoundDraft => ({
  period: beijingMonth(now),
  scale: 'TWO_LEVEL',
  reasons: [...STANDARD_REASONS],
  minRatings: '30',
  rankBy: 'WILSON',
  callbackWorkingDays: '1',
  rectificationWorkingDays: '5',
  visibility: 'LIVE',
});

const whole = (text: string, fallback: number) => {
  const n = Number(text);
  return Number.isFinite(n) && text.trim() !== '' ? Math.trunc(n) : fallback;
};

/** The round's method as createRound takes it. */
export function ratingMethodInput(draft: RatingRoundDraft): RoundMethodInput {
  return {
    kind: 'PUBLIC_RATING',
    period: draft.period,
    scale: draft.scale,
    reasons: draft.reasons,
    minRatings: whole(draft.minRatings, 30),
    rankBy: draft.rankBy,
    callbackWorkingDays: whole(draft.callbackWorkingDays, 1),
    rectificationWorkingDays: whole(draft.rectificationWorkingDays, 5),
  };
}

/** What stops the form from being sent, as message keys (none: it may be sent). */
export function ratingDraftProblems(draft: RatingRoundDraft): ('reasons' | 'days')[] {
  const problems: ('reasons' | 'days')[] = [];
  if (draft.reasons.length === 0) problems.push('reasons');
  if (whole(draft.rectificationWorkingDays, 5) < whole(draft.callbackWorkingDays, 1)) problems.push('days');
  return problems;
}

/** The months of this year and last, latest first, then their quarters, halves and the years. */
function periodOptions(now: Date): string[] {
  const year = Number(beijingMonth(now).slice(0, 4));
  const months = [year, year - 1].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, '0')}`));
  const longer = [year, year - 1].flatMap((y) => [`${y}-Q1`, `${y}-Q2`, `${y}-Q3`, `${y}-Q4`, `${y}-H1`, `${y}-H2`, String(y)]);
  return [...months, ...longer];
}

const SCALES: RatingScale[] = ['TWO_LEVEL', 'FIVE_LEVEL'];
const RANK_BYS: RatingRankBy[] = ['WILSON', 'SATISFACTION'];
const VISIBILITIES = ['LIVE', 'AFTER_CLOSE', 'AFTER_PUBLISH'] as const satisfies readonly LeaderboardVisibility[];

/**
 * The PUBLIC_RATING part of the new-round form (群众评议): the period rated, the scale of
 * the QR page, the reasons a citizen picks for a 差评 (the standard list proposed), the
 * ratings a unit needs before it is ranked, what it is ranked on, the deadlines of the
 * follow-up in working days and who sees the ranking when.
 */
export function RatingRoundFields({ value, onChange }: { value: RatingRoundDraft; onChange: (next: RatingRoundDraft) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const set = <K extends keyof RatingRoundDraft>(key: K, v: RatingRoundDraft[K]) => onChange({ ...value, [key]: v });
  const options = periodOptions(new Date());
  const problems = ratingDraftProblems(value);
  const addReason = () => {
    const text = reason.trim();
    if (!text || value.reasons.includes(text)) return setReason('');
    set('reasons', [...value.reasons, text]);
    setReason('');
  };
  const moveReason = (index: number, by: -1 | 1) => {
    const next = [...value.reasons];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    set('reasons', next);
  };
  const standard = value.reasons.length === STANDARD_REASONS.length && value.reasons.every((r, i) => r === STANDARD_REASONS[i]);

  return (
    <div className="rule-fields rating-round-fields" data-testid="rating-round-fields">
      <Group legend={t('ratings.newRound.period')} help={t('ratings.newRound.periodHelp')}>
        <div className="field">
          <label htmlFor={`${id}-period`}>{t('ratings.newRound.pickPeriod')}</label>
          <select id={`${id}-period`} value={value.period} onChange={(e) => set('period', e.target.value)}>
            {options.includes(value.period) ? null : <option value={value.period}>{periodLabel(t, value.period)}</option>}
            {options.map((p) => (
              <option key={p} value={p}>
                {periodLabel(t, p)}
              </option>
            ))}
          </select>
        </div>
      </Group>

      <Group legend={t('ratings.newRound.scale')} help={t('ratings.newRound.scaleHelp')}>
        <div className="choices">
          {SCALES.map((s) => (
            <label key={s} className="choice" htmlFor={`${id}-scale-${s}`}>
              <input id={`${id}-scale-${s}`} type="radio" name={`${id}-scale`} checked={value.scale === s} onChange={() => set('scale', s)} />
              <span>
                <strong>{t(`ratings.scale.${s}`)}</strong>
                <span className="muted small"> {t(`ratings.scaleHelp.${s}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </Group>

      <Group legend={t('ratings.newRound.reasons')} help={t('ratings.newRound.reasonsHelp')} wide>
        <ol className="reason-list" aria-label={t('ratings.newRound.reasonsList')} data-testid="reason-list">
          {value.reasons.map((r, i) => (
            <li key={r} className="reason-item">
              <span className="reason-text">{r}</span>
              <button
                type="button"
                className="button-small"
                disabled={i === 0}
                aria-label={t('ratings.newRound.reasonUp', { reason: r })}
                onClick={() => moveReason(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="button-small"
                disabled={i === value.reasons.length - 1}
                aria-label={t('ratings.newRound.reasonDown', { reason: r })}
                onClick={() => moveReason(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="button-small"
                aria-label={t('ratings.newRound.reasonRemove', { reason: r })}
                onClick={() =>
                  set(
                    'reasons',
                    value.reasons.filter((x) => x !== r),
                  )
                }
              >
                {t('ratings.newRound.remove')}
              </button>
            </li>
          ))}
        </ol>
        <div className="row reason-add">
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('ratings.newRound.reasonNew')}</label>
            <input
              id={`${id}-reason`}
              maxLength={40}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  addReason();
                }
              }}
            />
          </div>
          <button type="button" className="button" disabled={!reason.trim() || value.reasons.length >= 30} onClick={addReason}>
            {t('ratings.newRound.reasonAdd')}
          </button>
          {standard ? null : (
            <button type="button" className="button" onClick={() => set('reasons', [...STANDARD_REASONS])}>
              {t('ratings.newRound.reasonsStandard')}
            </button>
          )}
        </div>
        {problems.includes('reasons') ? (
          <p className="field-error" role="alert">
            {t('ratings.newRound.reasonsNone')}
          </p>
        ) : null}
      </Group>

      <Group legend={t('ratings.newRound.ranking')} help={t('ratings.newRound.rankingHelp')} wide>
        <div className="rule-numbers">
          <NumberText label={t('ratings.newRound.minRatings')} value={value.minRatings} min={0} onChange={(v) => set('minRatings', v)} />
        </div>
        <div className="choices">
          {RANK_BYS.map((r) => (
            <label key={r} className="choice" htmlFor={`${id}-rank-${r}`}>
              <input id={`${id}-rank-${r}`} type="radio" name={`${id}-rank`} checked={value.rankBy === r} onChange={() => set('rankBy', r)} />
              <span>
                <strong>{t(`ratings.rankBy.${r}`)}</strong>
                <span className="muted small"> {t(`ratings.rankByHelp.${r}`)}</span>
              </span>
            </label>
          ))}
        </div>
        <p className="rule-example">{t('ratings.newRound.rankingExample', { n: whole(value.minRatings, 30) })}</p>
      </Group>

      <Group legend={t('ratings.newRound.deadlines')} help={t('ratings.newRound.deadlinesHelp')}>
        <div className="rule-numbers">
          <NumberText
            label={t('ratings.newRound.callbackDays')}
            value={value.callbackWorkingDays}
            min={1}
            max={60}
            onChange={(v) => set('callbackWorkingDays', v)}
          />
          <NumberText
            label={t('ratings.newRound.rectificationDays')}
            value={value.rectificationWorkingDays}
            min={1}
            max={120}
            onChange={(v) => set('rectificationWorkingDays', v)}
          />
        </div>
        <p className="rule-example">
          {t('ratings.newRound.deadlinesExample', { callback: whole(value.callbackWorkingDays, 1), rectify: whole(value.rectificationWorkingDays, 5) })}
        </p>
        {problems.includes('days') ? (
          <p className="field-error" role="alert">
            {t('ratings.newRound.daysOrder')}
          </p>
        ) : null}
      </Group>

      <Group legend={t('org.visibility')} help={t('ratings.newRound.visibilityHelp')}>
        <div className="choices">
          {VISIBILITIES.map((v) => (
            <label key={v} className="choice" htmlFor={`${id}-vis-${v}`}>
              <input id={`${id}-vis-${v}`} type="radio" name={`${id}-vis`} checked={value.visibility === v} onChange={() => set('visibility', v)} />
              <span>{t(`ratings.visibility.${v}`)}</span>
            </label>
          ))}
        </div>
      </Group>
    </div>
  );
}

function Group({ legend, help, wide = false, children }: { legend: string; help: string; wide?: boolean; children: ReactNode }) {
  const id = useId();
  return (
    <fieldset className={wide ? 'rule rule-wide' : 'rule'} aria-describedby={`${id}-help`}>
      <legend>{legend}</legend>
      <p id={`${id}-help`} className="rule-help">
        {help}
      </p>
      {children}
    </fieldset>
  );
}

function NumberText({ label, value, min, max, onChange }: { label: string; value: string; min: number; max?: number; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="number" inputMode="numeric" min={min} max={max} step={1} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
