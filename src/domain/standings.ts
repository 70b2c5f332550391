import { dec, mean, round2, sum } from './decimal.js';
import type { Decimal } from './primitives.js';

/** How a competition combines its rounds into standings. */
export const STANDINGS_METHODS = ['SUM', 'WEIGHTED_SUM', 'BEST', 'AVERAGE', 'LAST'] as const;
export type StandingsMethod = (typeof STANDINGS_METHODS)[number];

export interface StandingsRule {
  method: StandingsMethod;
  /** Weights for WEIGHTED_SUM; a round without one weighs 1. */
  roundWeights: { roundId: string; weight: Decimal }[];
}

export const DEFAULT_STANDINGS_RULE: StandingsRule = { method: 'SUM', roundWeights: [] };

export interface RoundTotal {
  roundId: string;
  total: Decimal | null;
}

/**
 * A participant's standing from its round totals, given in round order.
 * A round without a total counts as 0 for SUM and WEIGHTED_SUM and is skipped by
 * BEST, AVERAGE and LAST. Null when the participant has no total in any round.
 */
export function standingTotal(rule: StandingsRule, rounds: readonly RoundTotal[]): Decimal | null {
  const scored = rounds.filter((r): r is { roundId: string; total: Decimal } => r.total !== null);
  if (scored.length === 0) return null;
  const weightOf = new Map(rule.roundWeights.map((w) => [w.roundId, w.weight]));
  switch (rule.method) {
    case 'SUM':
      return round2(sum(scored.map((r) => dec(r.total))));
    case 'WEIGHTED_SUM':
      return round2(sum(scored.map((r) => dec(r.total).times(weightOf.get(r.roundId) ?? '1'))));
    case 'BEST':
      return round2(scored.map((r) => dec(r.total)).reduce((a, b) => (b.gt(a) ? b : a)));
    case 'AVERAGE':
      return round2(mean(scored.map((r) => dec(r.total))));
    case 'LAST':
      return round2(dec(scored.at(-1)!.total));
  }
}
