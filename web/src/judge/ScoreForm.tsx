import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useI18n, type MessageKey } from '../i18n';

export interface CriterionSpec {
  key: string;
  label: string;
  description: string | null;
  maxScore: number;
  weight: number;
  step: number;
}

export interface Marks {
  scores: { criterion: string; score: number }[];
  comment: string | null;
}

/** What is wrong with a mark as typed, if anything. */
export type MarkProblem = 'empty' | 'notNumber' | 'negative' | 'aboveMax' | 'notStep';

/** A mark is valid when it lies in [0, max] and is a whole number of steps. */
export function markProblem(value: string, criterion: CriterionSpec): MarkProblem | null {
  if (value.trim() === '') return 'empty';
  const n = Number(value);
  if (!Number.isFinite(n)) return 'notNumber';
  if (n < 0) return 'negative';
  if (n > criterion.maxScore) return 'aboveMax';
  const steps = n / criterion.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? null : 'notStep';
}

/** The mark as a number when it is valid, else null (an invalid mark never counts towards the total). */
export function validMark(value: string, criterion: CriterionSpec): number | null {
  return markProblem(value, criterion) === null ? Number(value) : null;
}

const PROBLEM_MESSAGES: Record<MarkProblem, MessageKey> = {
  empty: 'judge.mark.empty',
  notNumber: 'judge.mark.notNumber',
  negative: 'judge.mark.negative',
  aboveMax: 'judge.mark.aboveMax',
  notStep: 'judge.mark.notStep',
};

/** Σ weight × score, rounded to two decimals for display (the API's total is authoritative). */
export function totalOf(criteria: readonly CriterionSpec[], scores: readonly { criterion: string; score: number }[]): number {
  const sum = criteria.reduce((acc, c) => acc + c.weight * (scores.find((s) => s.criterion === c.key)?.score ?? 0), 0);
  return Math.round((sum + Number.EPSILON) * 100) / 100;
}

const plain = (n: number) => String(Number(n.toFixed(4)));

export function ScoreForm({
  criteria,
  maxTotal,
  initial,
  disabled,
  submitLabel,
  closedNote,
  onSubmit,
  onDirtyChange,
}: {
  criteria: readonly CriterionSpec[];
  maxTotal: number;
  initial: Marks | null;
  disabled: boolean;
  submitLabel: string;
  /** Scoring has ended: the form is read-only and says so where the submit button was. */
  closedNote?: string;
  onSubmit: (marks: Marks, total: number) => void;
  /** Whether the form holds marks or a comment not yet submitted (so the page asks before leaving it). */
  onDirtyChange?: (dirty: boolean) => void;
}) {
  const { t, score } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial?.scores.find((s) => s.criterion === c.key)?.score?.toString() ?? ''])),
  );
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [initialValues] = useState(values);
  const dirty =
    (comment.trim() !== (initial?.comment ?? '').trim() || criteria.some((c) => (values[c.key] ?? '') !== (initialValues[c.key] ?? ''))) && !disabled;
  useEffect(() => {
    onDirtyChange?.(dirty);
  }, [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);
  const [tried, setTried] = useState(false);

  const parsed = useMemo(
    () =>
      criteria.map((c) => {
        const raw = values[c.key] ?? '';
        const problem = markProblem(raw, c);
        return { criterion: c, problem, value: problem === null ? Number(raw) : null };
      }),
    [criteria, values],
  );
  const missing = parsed.filter((p) => p.problem === 'empty').length;
  const invalid = parsed.filter((p) => p.problem !== null && p.problem !== 'empty');
  const scores = parsed.flatMap((p) => (p.value === null ? [] : [{ criterion: p.criterion.key, score: p.value }]));
  // Only valid marks count: a typo above the maximum must not inflate the running total.
  const total = totalOf(criteria, scores);
  const problemText = (criterion: CriterionSpec, problem: MarkProblem) =>
    t(PROBLEM_MESSAGES[problem], { label: criterion.label, max: plain(criterion.maxScore), step: plain(criterion.step) });

  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((s) => ({ ...s, [key]: true }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing > 0 || invalid.length > 0 || disabled) return;
    const trimmed = comment.trim();
    onSubmit({ scores, comment: trimmed ? trimmed : null }, total);
  };

  return (
    <form className="score-form" onSubmit={submit} noValidate>
      <fieldset disabled={disabled} className="plain-fieldset">
        {criteria.map((c) => {
          const raw = values[c.key] ?? '';
          const problem = parsed.find((p) => p.criterion.key === c.key)?.problem ?? null;
          const value = problem === null ? Number(raw) : null;
          const showError = problem !== null && !disabled && (tried || (touched[c.key] && raw !== ''));
          const inputId = `${id}-${c.key}`;
          const descId = `${inputId}-desc`;
          const errorId = `${inputId}-error`;
          return (
            <div className="criterion" key={c.key} data-criterion={c.key}>
              <div className="criterion-head">
                <label htmlFor={inputId} className="criterion-label">
                  {c.label}
                </label>
                <span className="criterion-max">
                  {t('judge.maxScore', { max: plain(c.maxScore) })} · {t('judge.step', { step: plain(c.step) })}
                  {c.weight !== 1 ? ` · ${t('judge.weight', { weight: plain(c.weight) })}` : ''}
                </span>
              </div>
              {c.description ? (
                <p className="criterion-desc" id={descId}>
                  {c.description}
                </p>
              ) : null}
              <div className="criterion-inputs">
                <input
                  type="range"
                  min={0}
                  max={c.maxScore}
                  step={c.step}
                  value={value ?? 0}
                  className={value === null ? 'slider slider-unset' : 'slider'}
                  aria-label={t('judge.sliderOf', { label: c.label })}
                  aria-describedby={c.description ? descId : undefined}
                  onChange={(e) => set(c.key, e.target.value)}
                />
                <input
                  id={inputId}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={c.maxScore}
                  step={c.step}
                  value={raw}
                  className="score-input"
                  aria-invalid={showError || undefined}
                  aria-describedby={[c.description ? descId : '', showError ? errorId : ''].filter(Boolean).join(' ') || undefined}
                  onChange={(e) => set(c.key, e.target.value)}
                />
              </div>
              {showError && problem ? (
                <p className="field-error" id={errorId}>
                  {problemText(c, problem)}
                </p>
              ) : null}
            </div>
          );
        })}
        <div className="field">
          <label htmlFor={`${id}-comment`}>{t('judge.comment')}</label>
          <textarea id={`${id}-comment`} rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
      </fieldset>
      <div className="score-bar">
        <div className="score-total" aria-live="polite">
          <span className="score-total-label">{t('judge.total')}</span>
          <span className="score-total-value" data-testid="running-total">
            {score(total)}
          </span>
          <span className="score-total-max">/ {plain(maxTotal)}</span>
        </div>
        <div className="score-actions">
          {closedNote ? (
            <span className="score-closed" data-testid="score-closed">
              {closedNote}
            </span>
          ) : (
            <>
              {!disabled ? summary() : null}
              <button type="submit" className="button-primary" disabled={disabled}>
                {submitLabel}
              </button>
            </>
          )}
        </div>
      </div>
    </form>
  );

  /** Why the sheet cannot go yet: the invalid marks by name first, then how many are still empty. */
  function summary() {
    const first = invalid[0];
    if (first?.problem) {
      const text =
        invalid.length === 1
          ? problemText(first.criterion, first.problem)
          : t('judge.fixMany', {
              n: invalid.length,
              labels: invalid
                .map((p) => t('judge.fixLabel', { label: p.criterion.label }))
                .join('')
                .trim(),
            });
      return (
        <span className="score-summary" data-testid="score-summary">
          {text}
        </span>
      );
    }
    if (missing === 0) return null;
    return (
      <span className="score-summary score-summary-plain" data-testid="score-summary">
        {t('judge.incomplete', { n: missing })}
      </span>
    );
  }
}
