import type { ReactNode } from 'react';
import { describeError, type IssueWording } from '../api/errors';
import { useI18n } from '../i18n';

/**
 * An error for the user: announced to screen readers, with an optional retry. `wording`
 * tells describeError how to name list items (spreadsheet rows, criterion labels).
 */
export function ErrorNote({ error, onRetry, wording }: { error: unknown; onRetry?: () => void; wording?: IssueWording }) {
  const { t } = useI18n();
  return (
    <div className="note note-error" role="alert">
      <span>{describeError(t, error, wording)}</span>
      {onRetry ? (
        <button type="button" className="button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Note({ kind = 'info', children, live = false }: { kind?: 'info' | 'ok' | 'warn'; children: ReactNode; live?: boolean }) {
  return (
    <div className={`note note-${kind}`} role={live ? 'status' : undefined}>
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** A round's status; a round of measured results is 考核中, not 评分中, while it is open. */
export function StatusBadge({ status, measured = false }: { status: 'DRAFT' | 'OPEN' | 'CLOSED' | 'PUBLISHED'; measured?: boolean }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status.toLowerCase()}`}>{measured && status === 'OPEN' ? t('status.OPEN.measured') : t(`status.${status}`)}</span>;
}

/** A determinate progress bar with a visible label. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="progress">
      <div className="progress-label">
        <span>{label}</span>
        <span>
          {value}/{max}
        </span>
      </div>
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
