import { useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { useOutbox } from './useOutbox';

/** What is still waiting to reach the API on this device, and when it is retried. */
export function OutboxPanel({ describe }: { describe?: (entryId: string) => string }) {
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
