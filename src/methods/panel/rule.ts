import { issue, type FieldIssue } from '../../domain/errors.js';
import type { Criterion } from '../../domain/primitives.js';

/** How a round turns sheets into an entry total and a rank. */
export const TRIM_SCOPES = ['SHEET', 'CRITERION'] as const;
export const AGGREGATES = ['MEAN', 'MEDIAN'] as const;
export const NORMALIZATIONS = ['NONE', 'ZSCORE'] as const;

export type TrimScope = (typeof TRIM_SCOPES)[number];
export type Aggregate = (typeof AGGREGATES)[number];
export type Normalization = (typeof NORMALIZATIONS)[number];
export const QUORUM_MODES = ['FIXED', 'ALL_EXPECTED'] as const;
/** FIXED: at least `quorum` sheets. ALL_EXPECTED: every expected sheet (the panel less judges excused by 回避). */
export type QuorumMode = (typeof QUORUM_MODES)[number];

export interface ScoringRule {
  /** Highest values dropped before aggregating (去掉最高分). */
  trimHighest: number;
  trimLowest: number;
  /** SHEET: drop whole sheets by total. CRITERION: drop each criterion's marks separately. */
  trimScope: TrimScope;
  aggregate: Aggregate;
  /** ZSCORE: each judge's totals standardised, applied when the round closes. */
  normalization: Normalization;
  /** Sheets an entry needs before it is ranked (quorumMode FIXED). */
  quorum: number;
  /** Absent on rounds stored before the mode existed: FIXED. */
  quorumMode?: QuorumMode;
  /** Criteria whose values order equal totals, in turn. */
  tieBreakers: string[];
}

export const DEFAULT_RULE: ScoringRule = {
  trimHighest: 0,
  trimLowest: 0,
  trimScope: 'SHEET',
  aggregate: 'MEAN',
  normalization: 'NONE',
  quorum: 1,
  quorumMode: 'FIXED',
  tieBreakers: [],
};

/** Cross-field checks of a rule against the rubric it will score with. */
export function ruleIssues(rule: ScoringRule, criteria: readonly Criterion[], path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = new Set(criteria.map((c) => c.key));
  rule.tieBreakers.forEach((key, i) => {
    if (!keys.has(key)) issues.push(issue(`${path}.tieBreakers.${i}`, 'UNKNOWN_CRITERION', `"${key}" is not a criterion of the rubric`, { criterion: key }));
    else if (rule.tieBreakers.indexOf(key) !== i) issues.push(issue(`${path}.tieBreakers.${i}`, 'DUPLICATE', `"${key}" is listed twice`, { value: key }));
  });
  if (rule.normalization === 'ZSCORE' && rule.trimScope === 'CRITERION') {
    // Normalisation standardises sheet totals; per-criterion trimming never forms one.
    issues.push(issue(`${path}.normalization`, 'NEEDS_SHEET_TRIM', 'ZSCORE normalisation works on sheet totals and needs trimScope SHEET'));
  }
  return issues;
}
