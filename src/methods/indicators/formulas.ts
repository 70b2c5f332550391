import { canonical, dec, roundHalfUp, type Big } from '../../domain/decimal.js';
import type { Decimal } from '../../domain/primitives.js';
import type { Indicator } from './indicatorSet.js';

/**
 * The standard formulas of 实绩比拼: each indicator turns an entry's measured value
 * into a score on a 0–100 basis (a cap above 100 lets over-achievement count).
 *
 * Scores and measured percentages keep four decimals, half up: enough that two
 * decimals of the weighted sums are exact, and the same inputs always give the same
 * strings.
 */
export const SCORE_PLACES = 4;

/** An entry's verified figures for one indicator: `value`, or `numerator` and `denominator` for a ratio. */
export interface MeasuredInput {
  value?: Decimal | null;
  numerator?: Decimal | null;
  denominator?: Decimal | null;
}

type Bounded = Pick<Indicator, 'floor' | 'cap'>;

function clamp(value: Big, low: Big, high: Big): Big {
  return value.lt(low) ? low : value.gt(high) ? high : value;
}

/** [floor ?? 0, cap ?? 100]: the range every per-entry score of the indicator lies in. */
function bounds(indicator: Bounded): { low: Big; high: Big } {
  return { low: dec(indicator.floor ?? 0), high: dec(indicator.cap ?? 100) };
}

/** A parameter buildIndicatorSet guarantees for the method; its absence is a programming error. */
function parameter(indicator: Indicator, name: 'satisfactory' | 'disallowed' | 'target' | 'pointsEach'): Big {
  const value = indicator[name];
  if (value === null) throw new Error(`indicator ${indicator.key}: ${indicator.method} needs ${name}`);
  return dec(value);
}

/**
 * The value an entry is scored on, or null when it is missing.
 *
 * A ratio indicator measures numerator / denominator × 100 (a percentage, four
 * decimals half up). Zero-denominator rule: with a zero denominator there is no
 * percentage, so this returns null like a missing value; `scoreForInput` tells the
 * two apart (`hasZeroDenominator`) and scores a zero denominator by the indicator's
 * `zeroDenominator` rule (ZERO: the lowest score, FULL: full marks). RANK_POINTS
 * leaves such entries unranked, as it does missing values.
 */
export function measured(indicator: Pick<Indicator, 'ratio'>, input: MeasuredInput): Decimal | null {
  if (!indicator.ratio) return input.value == null ? null : canonical(dec(input.value));
  if (input.numerator == null || input.denominator == null) return null;
  const denominator = dec(input.denominator);
  if (denominator.eq(0)) return null;
  return canonical(roundHalfUp(dec(input.numerator).times(100).div(denominator), SCORE_PLACES));
}

/** True for a ratio whose figures are both given and whose denominator is zero (e.g. 0 solved of 0 raised). */
export function hasZeroDenominator(indicator: Pick<Indicator, 'ratio'>, input: MeasuredInput): boolean {
  return indicator.ratio && input.numerator != null && input.denominator != null && dec(input.denominator).eq(0);
}

/**
 * The score of a zero denominator: FULL is full marks (nothing to achieve was
 * achieved), ZERO is nothing. Both are held within [floor, cap] so that no entry
 * outscores, or falls below, what any measured value could reach: with the default
 * bounds that is exactly 100 and 0.
 */
export function zeroDenominatorScore(indicator: Pick<Indicator, 'zeroDenominator' | 'floor' | 'cap'>): Decimal {
  const { low, high } = bounds(indicator);
  return canonical(clamp(dec(indicator.zeroDenominator === 'FULL' ? 100 : 0), low, high));
}

/**
 * The 0–100 score of measured value `x` by a per-entry method, rounded to four
 * decimals and then held within [floor ?? 0, cap ?? 100]. Rounding before clamping
 * keeps the result inside the bounds, and both steps are monotone, so the score
 * never moves against the indicator's direction.
 *
 * RANK_POINTS scores an entry against all the others: see `rankPoints`.
 */
export function indicatorScore(indicator: Indicator, x: Decimal): Decimal {
  const value = dec(x);
  const higherBetter = indicator.direction === 'HIGHER_BETTER';
  let raw: Big;
  switch (indicator.method) {
    case 'EFFICACY': {
      // 功效系数法: 60 at the disallowed value, 100 at the satisfactory one. The same
      // formula serves LOWER_BETTER, where satisfactory < disallowed makes the slope negative.
      const satisfactory = parameter(indicator, 'satisfactory');
      const disallowed = parameter(indicator, 'disallowed');
      raw = dec(40).times(value.minus(disallowed)).div(satisfactory.minus(disallowed)).plus(60);
      break;
    }
    case 'TARGET_RATIO': {
      // 完成率. Lower-better at or below zero beats any target: the cap, as the top of the range.
      const target = parameter(indicator, 'target');
      if (higherBetter) raw = value.times(100).div(target);
      else raw = value.lte(0) ? dec(indicator.cap ?? 100) : target.times(100).div(value);
      break;
    }
    case 'THRESHOLD': {
      const target = parameter(indicator, 'target');
      const met = higherBetter ? value.gte(target) : value.lte(target);
      raw = met ? dec(100) : dec(indicator.partial ?? 0);
      break;
    }
    case 'PER_OCCURRENCE': {
      // 扣分制: each occurrence deducts, down to nothing (扣完为止).
      raw = clamp(parameter(indicator, 'pointsEach').times(value).plus(100), dec(0), dec(100));
      break;
    }
    case 'RANK_POINTS':
      throw new Error(`indicator ${indicator.key}: RANK_POINTS is scored across entries by rankPoints`);
  }
  const { low, high } = bounds(indicator);
  return canonical(clamp(roundHalfUp(raw, SCORE_PLACES), low, high));
}

/** The score of `x` by a per-entry method, or null without a value. */
export function scoreOf(indicator: Indicator, x: Decimal | null): Decimal | null {
  return x === null ? null : indicatorScore(indicator, x);
}

/**
 * An entry's score from its figures: the measured value, scored by the indicator's
 * method; a zero denominator scores by the `zeroDenominator` rule (never NaN, never
 * a throw); null when a figure is missing. Not for RANK_POINTS.
 */
export function scoreForInput(indicator: Indicator, input: MeasuredInput): Decimal | null {
  if (indicator.method === 'RANK_POINTS') throw new Error(`indicator ${indicator.key}: RANK_POINTS is scored across entries by rankPoints`);
  if (hasZeroDenominator(indicator, input)) return zeroDenominatorScore(indicator);
  return scoreOf(indicator, measured(indicator, input));
}

/**
 * 排位赋分, computed across all entries when the round closes. The non-null values are
 * ranked best first by the indicator's direction, equal values sharing a rank
 * (standard competition ranking: 1, 2, 2, 4). Rank r earns 100 − step × (r − 1) when
 * step is given, otherwise points fall evenly from 100 at rank 1 to `lowest` at rank n,
 * n being the number of ranked values (a lone value earns 100). Never below 0, four
 * decimals; null values stay null. Floor and cap do not apply: `lowest` is the floor.
 */
export function rankPoints(indicator: Pick<Indicator, 'direction' | 'step' | 'lowest' | 'key'>, xs: readonly (Decimal | null)[]): (Decimal | null)[] {
  const values = xs.map((x) => (x === null ? null : dec(x)));
  const ranked = values.filter((v): v is Big => v !== null);
  const sign = indicator.direction === 'HIGHER_BETTER' ? -1 : 1;
  const best = [...ranked].sort((a, b) => sign * a.cmp(b));
  // Canonical strings are equal exactly when the values are, so they key the shared ranks.
  const rankOf = new Map<string, number>();
  best.forEach((v, i) => {
    const key = canonical(v);
    if (!rankOf.has(key)) rankOf.set(key, i + 1);
  });
  const n = ranked.length;
  const pointsOf = (rank: number): Big => {
    if (indicator.step !== null) return dec(100).minus(dec(indicator.step).times(rank - 1));
    if (indicator.lowest === null) throw new Error(`indicator ${indicator.key}: RANK_POINTS needs step or lowest`);
    if (n === 1) return dec(100);
    return dec(100).minus(
      dec(100)
        .minus(indicator.lowest)
        .times(rank - 1)
        .div(n - 1),
    );
  };
  return values.map((v) => {
    if (v === null) return null;
    const points = roundHalfUp(pointsOf(rankOf.get(canonical(v))!), SCORE_PLACES);
    return canonical(points.lt(0) ? dec(0) : points);
  });
}
