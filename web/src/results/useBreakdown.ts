import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { readExportRows } from './download';

/** What explains an indicator entry's total: its section scores, bonus and penalty. */
export interface Breakdown {
  sections: Record<string, number | null>;
  bonus: number | null;
  penalty: number | null;
}

const numberOr = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/**
 * Each entry's section scores, bonus and penalty for a whole indicator round (or one
 * group of it), by entry id. The GraphQL leaderboard has no such columns and one
 * `indicatorAssessment` per row would be 50 requests, so this reads the leaderboard
 * export as JSON Lines: one request, the same visibility rules.
 */
export function useBreakdown(roundId: string, group: string | null, sectionKeys: readonly string[], skip: boolean) {
  const [state, setState] = useState<{ byEntry?: Map<string, Breakdown>; error?: ApiError }>({});
  const generation = useRef(0);
  const keys = sectionKeys.join('\u0000');

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((s) => ({ ...s, error: undefined }));
    const search = group ? `?${new URLSearchParams({ group })}` : '';
    try {
      const rows = await readExportRows(`/export/rounds/${encodeURIComponent(roundId)}/leaderboard.json${search}`);
      const byEntry = new Map<string, Breakdown>();
      for (const row of rows) {
        if (typeof row.entryId !== 'string') continue;
        byEntry.set(row.entryId, {
          sections: Object.fromEntries(keys.split('\u0000').map((key) => [key, numberOr(row[`section_${key}`])])),
          bonus: numberOr(row.bonus),
          penalty: numberOr(row.penalty),
        });
      }
      if (mine === generation.current) setState({ byEntry });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError('UNKNOWN', String(error));
      if (mine === generation.current) setState((s) => ({ ...s, error: apiError }));
    }
  }, [roundId, group, keys]);

  useEffect(() => {
    if (skip) return;
    setState({});
    void load();
    return () => {
      generation.current++;
    };
  }, [load, skip]);

  return { ...state, refetch: load };
}
