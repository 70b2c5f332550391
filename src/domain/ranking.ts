import { dec } from './decimal.js';
import type { Decimal } from './primitives.js';

/**
 * What a rank is decided by: the total, then the tie-breaking criteria's values in
 * turn. Rows whose rank values are all equal share a rank.
 */
export interface RankValue {
  total: Decimal;
  tieBreakers: Decimal[];
}

/** Upper bound of a value in hundredths; totals are capped well below it by MAX_RUBRIC_TOTAL. */
const VALUE_CEILING = 999_999_999_999n;

/** A value as twelve digits that sort in descending order of the value. */
export function invertedValue(value: Decimal): string {
  const hundredths = BigInt(dec(value).times(100).toFixed(0));
  return (VALUE_CEILING - hundredths).toString().padStart(12, '0');
}

/**
 * Canonical, sortable encoding of a rank value: equal encodings ⇔ equal rank values,
 * and ascending order of encodings is descending order of rank values (best first).
 */
export function rankValueKey(value: RankValue): string {
  return [value.total, ...value.tieBreakers].map(invertedValue).join('#');
}

/** Highest first; null (unranked) last. */
export function compareRankValues(a: RankValue | null, b: RankValue | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const byTotal = dec(b.total).cmp(a.total);
  if (byTotal !== 0) return byTotal;
  for (let i = 0; i < Math.max(a.tieBreakers.length, b.tieBreakers.length); i++) {
    const c = dec(b.tieBreakers[i] ?? 0).cmp(a.tieBreakers[i] ?? 0);
    if (c !== 0) return c;
  }
  return 0;
}

/** Where a ranked listing stands after its last row; carried in cursors so ranks hold across pages. */
export interface RankState {
  /** 1-based position of the last row. */
  readonly position: number;
  readonly rank: number | null;
  /** A canonical encoding of the last row's rank value: equal keys ⇔ equal rank values. */
  readonly tieKey: string | null;
}

export const RANK_START: RankState = { position: 0, rank: null, tieKey: null };

/**
 * Standard competition ranking (1, 2, 2, 4) applied one row at a time to rows in
 * rank order. `tieKey` null means the row is unranked.
 */
export function nextRank(previous: RankState, tieKey: string | null): RankState {
  const position = previous.position + 1;
  if (tieKey === null) return { position, rank: null, tieKey: null };
  const tied = previous.rank !== null && previous.tieKey === tieKey;
  return { position, rank: tied ? previous.rank : position, tieKey };
}

/**
 * Ranks for rank values in any order: 1 + the number of strictly better values. One
 * sort (n log n): equal neighbours in rank order share the first one's rank.
 */
export function rankAll(values: readonly (RankValue | null)[]): (number | null)[] {
  const order = values.map((_, i) => i).filter((i) => values[i] !== null);
  order.sort((a, b) => compareRankValues(values[a]!, values[b]!));
  const ranks: (number | null)[] = values.map(() => null);
  order.forEach((index, position) => {
    const previous = order[position - 1];
    const tied = previous !== undefined && compareRankValues(values[previous]!, values[index]!) === 0;
    ranks[index] = tied ? ranks[previous]! : position + 1;
  });
  return ranks;
}
