import { own } from '../../domain/dict.js';
import type { RankValue } from '../../domain/ranking.js';
import type { Decimal } from '../../domain/primitives.js';
import type { ScoringRule } from './rule.js';

/** The part of a panel's rule that decides whether and how an entry is ranked. */
export type RankRule = Pick<ScoringRule, 'quorum' | 'quorumMode' | 'tieBreakers'>;

/**
 * Sheets an entry needs before it is ranked: the fixed quorum, or (ALL_EXPECTED)
 * every sheet expected of it — at least one, so an entry nobody may score stays unranked.
 */
export function sheetsRequired(entry: { expectedSheets?: number }, rule: RankRule): number {
  if (rule.quorumMode !== 'ALL_EXPECTED') return rule.quorum;
  return Math.max(1, entry.expectedSheets ?? Number.MAX_SAFE_INTEGER);
}

/** The rank value of an entry, or null when it is not ranked (no total, or below quorum). */
export function rankValueOf(
  result: { total: Decimal | null; criterionValues: Record<string, Decimal>; expectedSheets?: number },
  sheetCount: number,
  rule: RankRule,
): RankValue | null {
  if (result.total === null || sheetCount < sheetsRequired(result, rule)) return null;
  return { total: result.total, tieBreakers: rule.tieBreakers.map((key) => own(result.criterionValues, key) ?? '0') };
}
