import { useCallback, useEffect, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql';
import { ApiError, request } from './client';

const RETRY_MS = 2000;

export interface QueryState<R> {
  data: R | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** When the data last arrived. */
  updatedAt: number | undefined;
  refetch: () => Promise<void>;
}

/**
 * Runs a query when its variables change and, with `pollMs`, again that long after each
 * answer. Keeps the last data while refreshing or after a failed refresh, and ignores
 * answers that arrive after newer ones were asked for.
 */
/**
 * Runs `run` now and every `pollMs` (once when none), until unmounted or skipped. `run`
 * resolves true when its request should be retried: a lost connection is retried sooner
 * than the polling interval, backing off to 30 s, and at once when the browser is back
 * online. Unmounting bumps `generation`, so an answer still in flight is dropped.
 */
export function usePolling(run: () => Promise<boolean>, pollMs: number | undefined, skip: boolean | undefined, generation: { current: number }): void {
  useEffect(() => {
    if (skip) return;
    let stopped = false;
    let failures = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const loop = async () => {
      if (timer) clearTimeout(timer);
      timer = undefined;
      const retry = await run();
      if (stopped) return;
      failures = retry ? failures + 1 : 0;
      const delay = retry ? Math.min(pollMs ?? Infinity, RETRY_MS * 2 ** (failures - 1), 30_000) : pollMs;
      if (delay) timer = setTimeout(() => void loop(), delay);
    };
    const online = () => {
      if (failures > 0) void loop();
    };
    window.addEventListener('online', online);
    void loop();
    return () => {
      stopped = true;
      generation.current++;
      window.removeEventListener('online', online);
      if (timer) clearTimeout(timer);
    };
  }, [run, pollMs, skip, generation]);
}

export function useQuery<R, V>(document: TypedDocumentString<R, V>, variables: V, options: { pollMs?: number; skip?: boolean } = {}): QueryState<R> {
  const key = JSON.stringify(variables ?? {});
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean; updatedAt?: number; key: string }>({ loading: !options.skip, key });
  const generation = useRef(0);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  /** Runs the query; resolves true when it failed for a reason worth retrying (offline, busy). */
  const run = useCallback(async (): Promise<boolean> => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true }));
    try {
      const data = await (request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, variablesRef.current);
      if (mine === generation.current) setState({ data, loading: false, updatedAt: Date.now(), key });
      return false;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => (s.key === key ? { ...s, error: apiError, loading: false } : { error: apiError, loading: false, key }));
      return apiError.retryable;
    }
  }, [document, key]);

  usePolling(run, options.pollMs, options.skip, generation);

  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: state.loading || !current,
    updatedAt: current ? state.updatedAt : undefined,
    refetch: async () => {
      await run();
    },
  };
}

/** A mutation with its pending flag and last error. */
export function useMutation<R, V>(document: TypedDocumentString<R, V>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const mutate = useCallback(
    async (variables: V): Promise<R | undefined> => {
      setPending(true);
      setError(undefined);
      try {
        return await (request as (d: TypedDocumentString<R, V>, v: V) => Promise<R>)(document, variables);
      } catch (e) {
        setError(e instanceof ApiError ? e : new ApiError('UNKNOWN', String(e)));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [document],
  );
  return { mutate, pending, error, reset: () => setError(undefined) };
}
