import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, request } from '../api/client';
import { ResultsLeaderboardDocument, type ResultsLeaderboardQuery } from '../gql/graphql';

export type LeaderboardRow = ResultsLeaderboardQuery['leaderboard']['edges'][number]['node'];

/** The API's page limit: a round of 63 is one page, a county-wide one a few. */
const MAX_PAGES = 50;

/**
 * Every row of a round's (or one group's) leaderboard, all pages, best first. Ranks hold
 * across pages (the cursor carries them), so the rows are simply concatenated.
 */
export function useFullLeaderboard(roundId: string, group: string | null) {
  const [state, setState] = useState<{ rows?: LeaderboardRow[]; totalCount?: number; error?: ApiError; loading: boolean }>({ loading: true });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    try {
      const rows: LeaderboardRow[] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (let page = 0; page < MAX_PAGES; page++) {
        const data: ResultsLeaderboardQuery = await request(ResultsLeaderboardDocument, { roundId, group, after });
        rows.push(...data.leaderboard.edges.map((e) => e.node));
        totalCount = data.leaderboard.totalCount;
        if (!data.leaderboard.pageInfo.hasNextPage) break;
        after = data.leaderboard.pageInfo.endCursor;
      }
      if (mine === generation.current) setState({ rows, totalCount, loading: false });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => ({ ...s, error: apiError, loading: false }));
    }
  }, [roundId, group]);

  useEffect(() => {
    setState({ loading: true });
    void load();
    return () => {
      generation.current++;
    };
  }, [load]);

  return { ...state, refetch: load };
}
