import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import type { PendingSheet } from './outbox';
import { useOutbox } from './useOutbox';
import './judge.css';

type Describe = (entryId: string) => string;

/**
 * What is still waiting to reach the API on this device, and when it is retried; and the
 * sheets that arrived after scoring had ended, until the judge has read that they did not count.
 */
export function OutboxPanel({ describe }: { describe?: Describe }) {
  return (
    <>
      <Waiting describe={describe} />
      <ClosedOut describe={describe} />
    </>
  );
}

function Waiting({ describe }: { describe?: Describe }) {
  const { t, score } = useI18n();
  const box = useOutbox();
  const items = box.pending();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (items.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [items.length]);
  if (items.length === 0) return null;
  const retryAt = box.retryAt();
  return (
    <section className="outbox" aria-labelledby="outbox-title" role="status" data-testid="outbox">
      <h2 id="outbox-title">{t('judge.outbox', { n: items.length })}</h2>
      <p className="muted">{t('judge.outboxHint')}</p>
      <ul>
        {items.map((item) => (
          <li key={item.clientRequestId}>
            {t('judge.outboxItem', {
              entry: describe?.(item.entryId) ?? item.entryId,
              total: score(item.total),
              attempts: item.attempts,
            })}
            {box.isSending(item.clientRequestId) ? ` · ${t('judge.sending')}` : ''}
          </li>
        ))}
      </ul>
      <div className="row">
        <button type="button" className="button-small" onClick={() => void box.flush()}>
          {t('judge.outboxRetry')}
        </button>
        {retryAt ? <span className="muted">{t('judge.outboxNext', { seconds: Math.max(0, Math.ceil((retryAt - now) / 1000)) })}</span> : null}
      </div>
    </section>
  );
}

/** The words for a sheet that came too late: recorded by the API, or (older APIs) not at all. */
export function closedOutText(t: ReturnType<typeof useI18n>['t'], item: PendingSheet): string {
  return item.closedOut?.reason === 'ROUND_STATUS' ? t('judge.closedOut.notRecorded') : t('judge.closedOut.recorded');
}

function ClosedOut({ describe }: { describe?: Describe }) {
  const { t, score, time } = useI18n();
  const box = useOutbox();
  const items = box.closedOut();
  if (items.length === 0) return null;
  return (
    <section className="outbox outbox-closed" aria-labelledby="outbox-closed-title" data-testid="outbox-closed">
      <h2 id="outbox-closed-title">{t('judge.closedOut.title', { n: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.clientRequestId}>
            <span>
              {t('judge.closedOut.item', {
                entry: describe?.(item.entryId) ?? item.entryId,
                total: score(item.total),
                time: time(item.queuedAt),
              })}
              <strong className="outbox-closed-why">{closedOutText(t, item)}</strong>
            </span>
            <button
              type="button"
              className="button-small"
              aria-label={t('judge.closedOut.dismissFor', { entry: describe?.(item.entryId) ?? item.entryId })}
              onClick={() => box.dismiss(item.clientRequestId)}
            >
              {t('judge.closedOut.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
