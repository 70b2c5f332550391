import type { BreakdownColumn } from './method.js';
import type { Entry } from './model.js';
import type { Decimal } from './primitives.js';
import type { RankValue } from './ranking.js';

/**
 * The scoring of one round, bound to its method's configuration: everything the core
 * asks of an entry, whatever the method. Implementations read their own aggregate
 * from the entry through their codec; the core never names it.
 */
export interface RoundScoring {
  /** The entry's rank value, or null when it is not ranked (no result, below quorum, vetoed…). */
  rankValue(entry: Entry): RankValue | null;
  /** Whether a veto (一票否决) put the entry after all others, off the red list and awards. */
  vetoed(entry: Entry): boolean;
  /** How many pieces of evidence the entry's result rests on (sheets, values, ratings). */
  evidenceCount(entry: Entry): number;
  /** The entry with its result (and the method's derived fields) recomputed from its own aggregate, not finalised. */
  rescore<E extends Entry>(entry: E): E;
  /**
   * The official results across all entries at close (z-score today; min-max or rank
   * points later): every entry returned with its result recomputed, in the same order.
   */
  finalize<E extends Entry>(entries: readonly E[]): E[];
  /** Attributes the method derives and verification compares, besides `total` and `rawTotal`. */
  readonly derivedFields: readonly string[];
  /** Columns that explain a total, in order, for protocols and exports. */
  breakdownColumns(): BreakdownColumn[];
  /**
   * What the total and the evidence count are called in exports when not 总分 and 评分表数 (a
   * ratings round's total is its 满意率 in per cent, its evidence the ratings); the column keys stay.
   */
  readonly headers?: { total?: BreakdownColumn['header']; evidence?: BreakdownColumn['header'] };
  /** The entry's value in each breakdown column (absent or null: none yet). */
  breakdown(entry: Entry): Readonly<Record<string, Decimal | null>>;
}
