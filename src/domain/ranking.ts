import { dec } from './decimal.js';
import type { Decimal } from './model.js';

/** Where a ranked listing stands after its last row; carried in cursors so ranks hold across pages. */
export interface RankState {
  /** 1-based position of the last row. */
  readonly position: number;
  readonly rank: number | null;
  readonly total: Decimal | null;
}

export const RANK_START: RankState = { position: 0, rank: null, total: null };

/**
 * Standard competition ranking (1, 2, 2, 4) applied one row at a time to rows
 * ordered by total, highest first. Rows without a total are unranked.
 */
export function nextRank(previous: RankState, total: Decimal | null): RankState {
  const position = previous.position + 1;
  if (total === null) return { position, rank: null, total: null };
  const tied = previous.total !== null && previous.rank !== null && dec(previous.total).eq(total);
  return { position, rank: tied ? previous.rank : position, total };
}

/** Ranks for totals in any order: rank = 1 + the number of strictly greater totals. */
export function rankAll(totals: readonly (Decimal | null)[]): (number | null)[] {
  const ordered = totals.filter((t): t is Decimal => t !== null).sort((a, b) => dec(b).cmp(a));
  return totals.map((total) => {
    if (total === null) return null;
    const greater = ordered.findIndex((t) => !dec(t).gt(total));
    return greater + 1;
  });
}

/** Orders totals highest first, with missing totals last. */
export function compareTotalsDescending(a: Decimal | null, b: Decimal | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return dec(b).cmp(a);
}
