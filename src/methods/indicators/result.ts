import { dec, round2, sum } from '../../domain/decimal.js';
import { dictOf, own } from '../../domain/dict.js';
import type { Decimal } from '../../domain/primitives.js';
import type { Indicator, Section } from './indicatorSet.js';

/**
 * An approved adjustment of an entry (加分, 减分, 一票否决). Points are a magnitude:
 * the kind, not the sign, says which way they count; a VETO's points are ignored.
 */
export interface AdjustmentLine {
  kind: 'BONUS' | 'PENALTY' | 'VETO';
  points: Decimal;
}

/** Most that bonuses (or penalties) may add up to; null: no limit. */
export interface AdjustmentCaps {
  bonusCap: Decimal | null;
  penaltyCap: Decimal | null;
}

export interface IndicatorEntryResult {
  /** Per indicator key, weight × score / 100, two decimals; null without a score. */
  indicatorPoints: Record<string, Decimal | null>;
  /** Per section key, Σ points of its indicators (a missing score counts 0), two decimals. */
  sectionScores: Record<string, Decimal>;
  /** Σ section.weight × section score, two decimals. */
  base: Decimal;
  /** Capped Σ of approved bonuses, two decimals, never negative. */
  bonus: Decimal;
  /** Capped Σ of approved penalties, two decimals, never negative. */
  penalty: Decimal;
  /** base + bonus − penalty, two decimals, never below 0; null when no indicator has a score. */
  total: Decimal | null;
  /** An approved veto (一票否决); what it does to the ranking is the ranking's business. */
  vetoed: boolean;
  /** Every indicator of the set has a score. */
  complete: boolean;
}

function capped(lines: readonly AdjustmentLine[], kind: AdjustmentLine['kind'], cap: Decimal | null): Decimal {
  const total = sum(lines.filter((l) => l.kind === kind).map((l) => dec(l.points).abs()));
  return round2(cap !== null && total.gt(cap) ? dec(cap) : total);
}

/**
 * An entry's result from its indicator scores (0–100, keyed by indicator key; null
 * or absent: no verified value) and its approved adjustments.
 *
 * Each figure is rounded to two decimals where it is published, and the next one is
 * summed from the rounded figures, so the published points add up to the published
 * section scores, and those (weighted) to the base.
 */
export function entryResult(
  set: { sections: readonly Section[]; indicators: readonly Indicator[] },
  scores: Readonly<Record<string, Decimal | null>>,
  adjustments: readonly AdjustmentLine[],
  caps: AdjustmentCaps,
): IndicatorEntryResult {
  const scoreOf = (key: string): Decimal | null => own(scores, key) ?? null;
  const indicatorPoints = dictOf(
    set.indicators.map((indicator): [string, Decimal | null] => {
      const score = scoreOf(indicator.key);
      return [indicator.key, score === null ? null : round2(dec(indicator.weight).times(score).div(100))];
    }),
  );
  const sectionScores = dictOf(
    set.sections.map((section): [string, Decimal] => {
      const points = set.indicators.filter((i) => i.section === section.key).map((i) => dec(own(indicatorPoints, i.key) ?? 0));
      return [section.key, round2(sum(points))];
    }),
  );
  // The base as published, so that total = base + bonus − penalty in the published figures.
  const base = round2(sum(set.sections.map((s) => dec(s.weight).times(own(sectionScores, s.key)!))));
  const bonus = capped(adjustments, 'BONUS', caps.bonusCap);
  const penalty = capped(adjustments, 'PENALTY', caps.penaltyCap);
  const scored = set.indicators.filter((i) => scoreOf(i.key) !== null).length;
  const total = dec(base).plus(bonus).minus(penalty);
  return {
    indicatorPoints,
    sectionScores,
    base,
    bonus,
    penalty,
    total: scored === 0 ? null : round2(total.lt(0) ? dec(0) : total),
    vetoed: adjustments.some((a) => a.kind === 'VETO'),
    complete: scored === set.indicators.length,
  };
}
