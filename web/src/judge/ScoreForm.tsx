import { useId, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n';

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

/** A mark is valid when it lies in [0, max] and is a whole number of steps. */
export function validMark(value: string, criterion: CriterionSpec): number | null {
  if (value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > criterion.maxScore) return null;
  const steps = n / criterion.step;
  return Math.abs(steps - Math.round(steps)) < 1e-9 ? n : null;
}

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
  onSubmit,
}: {
  criteria: readonly CriterionSpec[];
  maxTotal: number;
  initial: Marks | null;
  disabled: boolean;
  submitLabel: string;
  onSubmit: (marks: Marks, total: number) => void;
}) {
  const { t, score } = useI18n();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(criteria.map((c) => [c.key, initial?.scores.find((s) => s.criterion === c.key)?.score?.toString() ?? ''])),
  );
  const [comment, setComment] = useState(initial?.comment ?? '');
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [tried, setTried] = useState(false);

  const parsed = useMemo(() => criteria.map((c) => ({ criterion: c, value: validMark(values[c.key] ?? '', c) })), [criteria, values]);
  const missing = parsed.filter((p) => p.value === null).length;
  const scores = parsed.flatMap((p) => (p.value === null ? [] : [{ criterion: p.criterion.key, score: p.value }]));
  const total = totalOf(criteria, scores);

  const set = (key: string, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((s) => ({ ...s, [key]: true }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing > 0 || disabled) return;
    const trimmed = comment.trim();
    onSubmit({ scores, comment: trimmed ? trimmed : null }, total);
  };

  return (
    <form className="score-form" onSubmit={submit} noValidate>
      <fieldset disabled={disabled} className="plain-fieldset">
        {criteria.map((c) => {
          const raw = values[c.key] ?? '';
          const value = validMark(raw, c);
          const showError = value === null && (tried || (touched[c.key] && raw !== ''));
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
              {showError ? (
                <p className="field-error" id={errorId}>
                  {t('judge.invalid', { max: plain(c.maxScore), step: plain(c.step) })}
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
          {missing > 0 && !disabled ? <span className="muted">{t('judge.incomplete', { n: missing })}</span> : null}
          <button type="submit" className="button-primary" disabled={disabled}>
            {submitLabel}
          </button>
        </div>
      </div>
    </form>
  );
}
