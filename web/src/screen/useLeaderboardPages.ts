import { useCallback, useRef, useState } from 'react';
import { ApiError, request } from '../api/client';
import { usePolling } from '../api/hooks';
import { ScreenBoardDocument, type ScreenBoardQuery } from '../gql/graphql';

export type ScreenLeaderboardNode = ScreenBoardQuery['leaderboard']['edges'][number]['node'];

/** Pages of 100 keep each request within the API's query cost limit; a county-wide round takes a few. */
const MAX_PAGES = 20;

/**
 * Every row of the round's (or one group's) leaderboard, all pages, polled every `pollMs`:
 * what the hall's board shows. Keeps the last rows while refreshing and after a failed
 * refresh (the screen says how old they are); a lost connection is retried sooner, backing
 * off to 30 s, as the API hooks do. `refetch` reads it at once, skipped while `skip`.
 */
export function useLeaderboardPages(roundId: string, group: string | null, options: { pollMs: number; skip: boolean }) {
  const key = `${roundId}\u0000${group ?? ''}`;
  const [state, setState] = useState<{ rows?: ScreenLeaderboardNode[]; error?: ApiError; updatedAt?: number; key: string }>({ key });
  const generation = useRef(0);
  const skipRef = useRef(options.skip);
  skipRef.current = options.skip;

  const run = useCallback(async (): Promise<boolean> => {
    if (skipRef.current) return false;
    const mine = ++generation.current;
    try {
      const rows: ScreenLeaderboardNode[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: ScreenBoardQuery = await request(ScreenBoardDocument, { roundId, group, after });
        rows.push(...data.leaderboard.edges.map((e) => e.node));
        if (!data.leaderboard.pageInfo.hasNextPage) break;
        after = data.leaderboard.pageInfo.endCursor;
      }
      if (mine === generation.current) setState({ rows, updatedAt: Date.now(), key });
      return false;
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => (s.key === key ? { ...s, error: apiError } : { error: apiError, key }));
      return apiError.retryable;
    }
  }, [roundId, group, key]);

  usePolling(run, options.pollMs, options.skip, generation);

  const current = state.key === key;
  return {
    rows: current ? state.rows : undefined,
    error: current ? state.error : undefined,
    updatedAt: current ? state.updatedAt : undefined,
    /** Reads the board now (e.g. when the hall's live state moved), between polls. */
    refetch: run,
  };
}
