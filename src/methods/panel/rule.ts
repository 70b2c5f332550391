import { issue, type FieldIssue } from '../../domain/errors.js';
import { dec, sum } from '../../domain/decimal.js';
import type { Criterion, Decimal } from '../../domain/primitives.js';

/** How a round turns sheets into an entry total and a rank. */
export const TRIM_SCOPES = ['SHEET', 'CRITERION'] as const;
export const AGGREGATES = ['MEAN', 'MEDIAN'] as const;
export const NORMALIZATIONS = ['NONE', 'ZSCORE'] as const;

export type TrimScope = (typeof TRIM_SCOPES)[number];
export type Aggregate = (typeof AGGREGATES)[number];
export type Normalization = (typeof NORMALIZATIONS)[number];
export const QUORUM_MODES = ['FIXED', 'ALL_EXPECTED'] as const;
export const ROUNDINGS = ['FINAL', 'PER_CRITERION'] as const;
/** FINAL: only the total is rounded. PER_CRITERION: each criterion's aggregate is rounded to two decimals before weighting (figure skating). */
export type Rounding = (typeof ROUNDINGS)[number];
export const MISSING_CLASS_RULES = ['UNRANKED', 'RENORMALIZE'] as const;
/** UNRANKED: an entry some class has not scored has no total. RENORMALIZE: the weights of the classes that did are scaled to sum to 1. */
export type MissingClassRule = (typeof MISSING_CLASS_RULES)[number];
export const CLASS_SOURCES = ['JUDGES', 'AUDIENCE'] as const;
/** JUDGES: the class's judges' sheets. AUDIENCE: attendees' ballots (群众评委), tallied by commutative counters. */
export type ClassSource = (typeof CLASS_SOURCES)[number];

/** One group of evaluators (领导评委, 群众评委…) aggregated by its own rule; the entry total is Σ weight × class result. */
export interface PanelClass {
  key: string;
  label: string;
  /** Share of the total, a canonical decimal; the classes' weights sum to 1. */
  weight: Decimal;
  trimHighest: number;
  trimLowest: number;
  aggregate: Aggregate;
  /** Absent on classes stored before ballots existed: JUDGES. */
  source?: ClassSource;
}

export const isAudience = (c: Pick<PanelClass, 'source'>): boolean => c.source === 'AUDIENCE';
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
  /** Absent on rounds stored before it existed: FINAL. */
  rounding?: Rounding;
  /** Evaluator classes; absent or empty: one panel. */
  classes?: PanelClass[];
  /** Absent: UNRANKED. */
  missingClass?: MissingClassRule;
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
  rounding: 'FINAL',
  classes: [],
  missingClass: 'UNRANKED',
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
  return [...issues, ...classIssues(rule, path)];
}

/** Classes: distinct keys, weights above zero summing to exactly 1, raw marks only. */
function classIssues(rule: ScoringRule, path: string): FieldIssue[] {
  const classes = rule.classes ?? [];
  if (classes.length === 0) return [];
  const issues: FieldIssue[] = [];
  const keys = classes.map((c) => c.key);
  classes.forEach((c, i) => {
    if (keys.indexOf(c.key) !== i) issues.push(issue(`${path}.classes.${i}.key`, 'DUPLICATE', `"${c.key}" is listed twice`, { value: c.key }));
    if (dec(c.weight).lte(0)) issues.push(issue(`${path}.classes.${i}.weight`, 'NOT_POSITIVE', 'a class weight must be above zero'));
  });
  const total = sum(classes.map((c) => dec(c.weight)));
  if (!total.eq(1)) {
    issues.push(
      issue(`${path}.classes`, 'WEIGHTS_DO_NOT_SUM', `class weights add up to ${total.toFixed()}, not 1`, { actual: total.toFixed(), expected: '1' }),
    );
  }
  if (rule.normalization === 'ZSCORE') {
    issues.push(issue(`${path}.normalization`, 'CLASSES_EXCLUDE_ZSCORE', 'evaluator classes are aggregated on raw marks; normalization must be NONE'));
  }
  return [...issues, ...audienceIssues(classes, path)];
}

/**
 * The audience class is the mean of its ballots: the counters that tally them add up
 * sums and counts, which can neither drop the highest ballots nor find a median. One
 * such class per round, and never the only one (someone must judge the pitches).
 */
function audienceIssues(classes: readonly PanelClass[], path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const audience = classes.flatMap((c, i) => (isAudience(c) ? [i] : []));
  for (const i of audience.slice(1)) {
    issues.push(issue(`${path}.classes.${i}.source`, 'DUPLICATE', 'a round has at most one audience class', { value: 'AUDIENCE' }));
  }
  for (const i of audience) {
    const c = classes[i]!;
    if (c.trimHighest > 0 || c.trimLowest > 0)
      issues.push(
        issue(`${path}.classes.${i}.trimHighest`, 'AUDIENCE_NO_TRIM', 'ballots are tallied as a sum and a count: an audience class cannot drop ballots'),
      );
    if (c.aggregate !== 'MEAN')
      issues.push(
        issue(`${path}.classes.${i}.aggregate`, 'AUDIENCE_MEAN_ONLY', 'ballots are tallied as a sum and a count: an audience class takes their mean'),
      );
  }
  if (audience.length > 0 && audience.length === classes.length) {
    issues.push(issue(`${path}.classes`, 'AUDIENCE_NEEDS_JUDGES', 'a round with an audience class needs a class of judges too'));
  }
  return issues;
}
