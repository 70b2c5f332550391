/**
 * A service unit's rating figures: counts, satisfaction and bad-rating rates, the
 * Wilson lower bound to rank small and large units fairly, and the follow-up
 * rates of its 差评 cases.
 *
 * Rates are canonical decimal strings in [0, 1] with at most four decimals, half
 * up ('0.9667', '1'), or null when there is nothing to divide by.
 *
 * Appeals: a rating whose case ended in an upheld appeal (UPHELD) no longer counts.
 * `figuresOf` does not know about cases' outcomes for the ratings themselves: the
 * caller leaves such ratings out of `counts` (subtracts them); `caseCountsOf`
 * likewise leaves UPHELD cases out of every count but `upheldAppeals`.
 */
import { canonical, dec, roundHalfUp } from '../../domain/decimal.js';
import type { Decimal } from '../../domain/primitives.js';
import { type CaseState, closedOnTime } from './cases.js';
import { isBad, RATING_LEVELS, type RatingLevel } from './levels.js';

export const RATE_PLACES = 4;
/** The normal quantile of a two-sided 95 % interval. */
export const WILSON_Z = 1.96;

export type LevelCounts = Record<RatingLevel, number>;

/** The follow-up of a unit's 差评 cases (see caseCountsOf for what each counts). */
export interface CaseCounts {
  /** Cases that still count (not UPHELD): each needs a callback. */
  bad: number;
  /** … of which called back. */
  calledBack: number;
  /** … verified and found substantiated: each needs rectification. */
  verified: number;
  /** … rectified: closed after rectification. */
  rectified: number;
  /** … closed, rectified or not substantiated. */
  closed: number;
  /** … closed before the rectification deadline. */
  closedOnTime: number;
  /** Cases whose appeal was upheld: their ratings no longer count. */
  upheldAppeals: number;
}

export interface RatingFigures {
  count: number;
  byLevel: LevelCounts;
  /** Every rating but the two bad levels (基本满意 counts as satisfied). */
  satisfied: number;
  bad: number;
  satisfactionRate: Decimal | null;
  badRate: Decimal | null;
  wilsonLower: Decimal | null;
  callbackRate: Decimal | null;
  rectificationRate: Decimal | null;
  onTimeRate: Decimal | null;
}

export function emptyCounts(): LevelCounts {
  return { VERY_SATISFIED: 0, SATISFIED: 0, BASICALLY_SATISFIED: 0, DISSATISFIED: 0, VERY_DISSATISFIED: 0 };
}

function checkCount(name: string, n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number ≥ 0, not ${n}`);
}

/** part / whole to four decimals half up, computed exactly; null for whole 0. */
function rate(part: number, whole: number, name: string): Decimal | null {
  if (part > whole) throw new RangeError(`${name}: ${part} out of ${whole}`);
  if (whole === 0) return null;
  return canonical(roundHalfUp(dec(part).div(whole), RATE_PLACES));
}

/**
 * The lower bound of the Wilson score interval for a proportion, as a binary
 * float: with p̂ = successes / n and z the normal quantile,
 *
 *   lower = ( p̂ + z²/(2n) − z·√( p̂(1 − p̂)/n + z²/(4n²) ) ) / ( 1 + z²/n )
 *
 * It is a statistic, an estimate (with 95 % confidence the true proportion is at
 * least this), not an amount: computed in floating point, clamped to [0, p̂]
 * (where it lies mathematically; rounding error could stray by an ulp), and only
 * then rounded to decimals. n must be > 0.
 */
export function wilsonLowerBound(successes: number, n: number, z = WILSON_Z): number {
  checkCount('n', n);
  checkCount('successes', successes);
  if (n === 0 || successes > n) throw new RangeError(`no proportion of ${successes} out of ${n}`);
  const p = successes / n;
  const z2 = z * z;
  const lower = (p + z2 / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return Math.min(Math.max(lower, 0), p);
}

/**
 * The figures of a unit from its ratings by level (upheld-appeal ratings already
 * left out) and, optionally, its cases' counts (caseCountsOf). Without `cases`
 * the case rates are null. Throws a RangeError for a count that is not a whole
 * number ≥ 0 or a case count larger than the one it is a rate of.
 */
export function figuresOf(counts: LevelCounts, cases?: CaseCounts): RatingFigures {
  const byLevel = emptyCounts();
  let count = 0;
  let bad = 0;
  for (const level of RATING_LEVELS) {
    const n = counts[level];
    checkCount(level, n);
    byLevel[level] = n;
    count += n;
    if (isBad(level)) bad += n;
  }
  checkCount('count', count);
  const satisfied = count - bad;
  if (cases) for (const [name, n] of Object.entries(cases)) checkCount(name, n);
  return {
    count,
    byLevel,
    satisfied,
    bad,
    satisfactionRate: rate(satisfied, count, 'satisfied'),
    badRate: rate(bad, count, 'bad'),
    wilsonLower: count === 0 ? null : canonical(roundHalfUp(dec(wilsonLowerBound(satisfied, count)), RATE_PLACES)),
    callbackRate: cases ? rate(cases.calledBack, cases.bad, 'calledBack') : null,
    rectificationRate: cases ? rate(cases.rectified, cases.verified, 'rectified') : null,
    onTimeRate: cases ? rate(cases.closedOnTime, cases.closed, 'closedOnTime') : null,
  };
}

/** Counts a unit's follow-up cases for figuresOf; UPHELD cases count only in `upheldAppeals`. */
export function caseCountsOf(cases: readonly CaseState[]): CaseCounts {
  const counts: CaseCounts = { bad: 0, calledBack: 0, verified: 0, rectified: 0, closed: 0, closedOnTime: 0, upheldAppeals: 0 };
  for (const c of cases) {
    if (c.status === 'UPHELD') {
      counts.upheldAppeals += 1;
      continue;
    }
    counts.bad += 1;
    if (c.calledBackAt !== null) counts.calledBack += 1;
    if (c.verifiedAt !== null && c.substantiated === true) counts.verified += 1;
    if (c.status === 'CLOSED') {
      counts.closed += 1;
      if (c.rectifyingAt !== null) counts.rectified += 1;
      if (closedOnTime(c)) counts.closedOnTime += 1;
    }
  }
  return counts;
}

export interface RankingRule {
  /** Units with fewer ratings are not ranked. */
  minRatings: number;
  /** SATISFACTION: the plain satisfaction rate; WILSON: its Wilson lower bound, which discounts small samples. */
  by: 'SATISFACTION' | 'WILSON';
}

/** The decimal string to rank a unit on (higher is better), or null when it has fewer than `rule.minRatings` ratings (unranked). */
export function rankingValue(figures: RatingFigures, rule: RankingRule): Decimal | null {
  checkCount('minRatings', rule.minRatings);
  if (figures.count < rule.minRatings) return null;
  return rule.by === 'WILSON' ? figures.wilsonLower : figures.satisfactionRate;
}
