import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../../api/client';
import { session } from '../../auth/session';
import type { TypedDocumentString } from '../../gql/graphql';

/** How often the phones and the big screen ask who is on stage (liveState is small and cheap). */
export const LIVE_POLL_MS = 500;
/** After a failed poll: 1 s, 2 s, 4 s … up to this, and at once when the browser is back online. */
const MAX_BACKOFF_MS = 8000;

export interface LivePoll<R> {
  data: R | undefined;
  /** The last failure, cleared by the next answer. */
  error: ApiError | undefined;
  /** When the last answer arrived (this device's clock). */
  updatedAt: number | undefined;
  /** When the request of the last answer was sent (this device's clock): with `updatedAt`, how long it took. */
  sentAt: number | undefined;
  /** Failed polls in a row: the hall's Wi-Fi is down. */
  failures: number;
}

/**
 * Polls a live query every `pollMs` while the page is visible: a phone in a pocket or a
 * hidden tab asks nothing and asks again the moment it is shown. One request at a time;
 * a lost connection keeps the last answer and is retried with a growing pause. Answers to
 * an earlier `variables` are dropped.
 */
export function useLivePoll<R, V extends Record<string, unknown>>(
  query: TypedDocumentString<R, V>,
  variables: V,
  options: { skip?: boolean; pollMs?: number } = {},
): LivePoll<R> {
  const { skip = false, pollMs = LIVE_POLL_MS } = options;
  const key = JSON.stringify(variables);
  const [state, setState] = useState<LivePoll<R> & { key: string }>({
    data: undefined,
    error: undefined,
    updatedAt: undefined,
    sentAt: undefined,
    failures: 0,
    key,
  });
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  const ask = useCallback(
    () => (request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(query, variablesRef.current),
    // Dependencies: `key` stands for the variables.
    [query, key],
  );

  useEffect(() => {
    if (skip) return;
    let stopped = false;
    let busy = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (ms: number) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void poll(), ms);
    };
    const poll = async () => {
      timer = undefined;
      if (stopped || busy) return;
      if (pageHidden()) return; // resumed by visibilitychange
      busy = true;
      try {
        const sentAt = Date.now();
        const data = await ask();
        if (stopped) return;
        failures = 0;
        setState({ data, error: undefined, updatedAt: Date.now(), sentAt, failures: 0, key });
        schedule(pollMs);
      } catch (e) {
        if (stopped) return;
        const error = e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e));
        // A seat's token refused: keep why, so that the phone can say it (revoked, or the round closed).
        if (error.code === 'UNAUTHENTICATED' && error.reason) session.seatRefused(error.reason);
        failures += 1;
        const count = failures;
        setState((s) =>
          s.key === key ? { ...s, error, failures: count } : { data: undefined, error, updatedAt: undefined, sentAt: undefined, failures: count, key },
        );
        schedule(Math.min(MAX_BACKOFF_MS, Math.max(pollMs, 1000 * 2 ** (failures - 1))));
      } finally {
        busy = false;
      }
    };
    const wake = () => {
      if (!pageHidden()) schedule(0);
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('online', wake);
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('online', wake);
    };
  }, [ask, skip, pollMs, key]);

  if (state.key !== key) return { data: undefined, error: undefined, updatedAt: undefined, sentAt: undefined, failures: 0 };
  return { data: state.data, error: state.error, updatedAt: state.updatedAt, sentAt: state.sentAt, failures: state.failures };
}

function pageHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
