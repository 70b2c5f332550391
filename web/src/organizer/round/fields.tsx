import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n';

/** A whole-number input with a visible label and an optional hint read with it. */
export function NumberField({
  label,
  value,
  min,
  max,
  hint,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max?: number;
  hint?: string;
  onChange: (n: number) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => onChange(Math.max(min, Math.trunc(Number(e.target.value) || 0)))}
      />
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
    </div>
  );
}

/**
 * A button whose action waits for a second, explicit click: the question is shown in
 * words beside it, so nothing destructive happens on a slip of the mouse.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  disabled = false,
  danger = true,
  small = false,
}: {
  label: string;
  question: ReactNode;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  danger?: boolean;
  small?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLDivElement>(null);
  // The question may open at the bottom of a scrolled list: bring it into view.
  useEffect(() => {
    if (asking) questionRef.current?.scrollIntoView({ block: 'nearest' });
  }, [asking]);
  const size = small ? ' button-small' : '';
  if (!asking) {
    return (
      <button type="button" className={`${danger ? 'button-danger' : 'button'}${size}`} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label} ref={questionRef}>
      <span>{question}</span>
      <button
        type="button"
        className={`button-danger${size}`}
        onClick={() => {
          setAsking(false);
          void onConfirm();
        }}
      >
        {confirmLabel ?? label}
      </button>
      <button type="button" className={`button${size}`} onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </div>
  );
}
