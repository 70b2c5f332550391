import { canonical, dec, mean, round2, roundHalfUp, sum, type Big } from '../../domain/decimal.js';
import type { Criterion, Decimal, Mark } from '../../domain/primitives.js';
import { isAudience, type Aggregate, type ScoringRule } from './rule.js';
import { dictOf, own } from '../../domain/dict.js';

/** One judge's current sheet as the aggregate keeps it. */
export interface JudgeSheet {
  total: Decimal;
  /** The judge's evaluator class, when the round has classes. */
  classKey?: string;
  /** Mark per criterion key. */
  marks: Record<string, Decimal>;
}

/** Sheet total = Σ weight × score over the rubric's criteria. */
export function sheetTotal(criteria: readonly Criterion[], marks: readonly Mark[]): Decimal {
  const weightOf = new Map(criteria.map((c) => [c.key, c.weight]));
  return canonical(sum(marks.map((m) => dec(m.score).times(weightOf.get(m.criterion) ?? 0))));
}

export function marksByCriterion(marks: readonly Mark[]): Record<string, Decimal> {
  return dictOf(marks.map((m) => [m.criterion, m.score]));
}

export interface Valued {
  readonly key: string;
  readonly value: Big;
}

/**
 * Drops the `trimHighest` highest and `trimLowest` lowest values (去掉最高分、最低分).
 * With too few values to drop that many and keep one, nothing is dropped.
 * Among equal values the greater key counts as higher; that only decides which of
 * two identical values is labelled dropped, never the result.
 */
export function trim<T extends Valued>(items: readonly T[], rule: Pick<ScoringRule, 'trimHighest' | 'trimLowest'>): { kept: T[]; dropped: T[] } {
  const ordered = [...items].sort((a, b) => a.value.cmp(b.value) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (ordered.length <= rule.trimHighest + rule.trimLowest) return { kept: ordered, dropped: [] };
  return {
    kept: ordered.slice(rule.trimLowest, ordered.length - rule.trimHighest),
    dropped: [...ordered.slice(0, rule.trimLowest), ...ordered.slice(ordered.length - rule.trimHighest)],
  };
}

export function aggregate(values: readonly Big[], how: Aggregate): Big {
  if (how === 'MEAN') return mean(values);
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : mean([sorted[middle - 1]!, sorted[middle]!]);
}

export interface EntryResult {
  /** Entry total, two decimals, half up; null with no sheet. */
  total: Decimal | null;
  /** Per-criterion value (mean or median over what was kept), two decimals. */
  criterionValues: Record<string, Decimal>;
  /** Judges whose whole sheet was dropped (trimScope SHEET). */
  droppedSheets: string[];
  /** Per criterion, judges whose mark was dropped (trimScope CRITERION). */
  droppedMarks: Record<string, string[]>;
}

/** One evaluator class's share of an entry's result. */
export interface ClassShare {
  key: string;
  /** The class's aggregate over its kept sheets, two decimals; null when it has no sheet. */
  result: Decimal | null;
  sheetCount: number;
}

/** The result before rounding: what class weighting and the rounding stage work on. */
interface ExactResult extends Omit<EntryResult, 'total'> {
  exact: Big | null;
}

type RoundingRule = Pick<ScoringRule, 'trimHighest' | 'trimLowest' | 'trimScope' | 'aggregate' | 'rounding'>;

/**
 * Applies a round's rule to an entry's sheets, keyed by judge. `sheetValues`
 * overrides the sheet totals that are trimmed and aggregated (normalised totals).
 */
export function entryResult(
  criteria: readonly Criterion[],
  rule: RoundingRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  sheetValues?: Readonly<Record<string, Decimal>>,
): EntryResult {
  const { exact, ...rest } = exactResult(criteria, rule, sheets, sheetValues);
  return { total: exact === null ? null : round2(exact), ...rest };
}

/**
 * PER_CRITERION rounding rounds each criterion's aggregate to two decimals before
 * weighting; FINAL keeps every digit until the total. Normalised totals are sheet
 * totals, so they have no criterion stage to round at.
 */
function exactResult(
  criteria: readonly Criterion[],
  rule: RoundingRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  sheetValues?: Readonly<Record<string, Decimal>>,
): ExactResult {
  const judges = Object.keys(sheets);
  if (judges.length === 0) return { exact: null, criterionValues: dictOf([]), droppedSheets: [], droppedMarks: dictOf([]) };
  const markOf = (judge: string, key: string) => dec(own(own(sheets, judge)?.marks, key) ?? 0);
  const stage = (value: Big) => (rule.rounding === 'PER_CRITERION' ? roundHalfUp(value, 2) : value);

  if (rule.trimScope === 'CRITERION') {
    const droppedMarks = dictOf<string[]>([]);
    const values = criteria.map((c) => {
      const { kept, dropped } = trim(
        judges.map((key) => ({ key, value: markOf(key, c.key) })),
        rule,
      );
      droppedMarks[c.key] = dropped.map((d) => d.key);
      return {
        criterion: c,
        value: aggregate(
          kept.map((k) => k.value),
          rule.aggregate,
        ),
      };
    });
    return {
      exact: sum(values.map((v) => stage(v.value).times(v.criterion.weight))),
      criterionValues: dictOf(values.map((v) => [v.criterion.key, round2(v.value)])),
      droppedSheets: [],
      droppedMarks,
    };
  }

  const { kept, dropped } = trim(
    judges.map((key) => ({ key, value: dec(own(sheetValues, key) ?? own(sheets, key)!.total) })),
    rule,
  );
  const keptJudges = kept.map((k) => k.key);
  const criterionExact = criteria.map((c) => ({
    criterion: c,
    value: aggregate(
      keptJudges.map((j) => markOf(j, c.key)),
      rule.aggregate,
    ),
  }));
  const perCriterion = rule.rounding === 'PER_CRITERION' && !sheetValues;
  return {
    exact: perCriterion
      ? sum(criterionExact.map((v) => roundHalfUp(v.value, 2).times(v.criterion.weight)))
      : aggregate(
          kept.map((k) => k.value),
          rule.aggregate,
        ),
    criterionValues: dictOf(criterionExact.map((v) => [v.criterion.key, round2(v.value)])),
    droppedSheets: dropped.map((d) => d.key),
    droppedMarks: dictOf([]),
  };
}

/** An entry's result with its evaluator classes: each aggregated by its own rule, then Σ weight × class result. */
export interface PanelResult extends EntryResult {
  classes: ClassShare[];
}

/**
 * The panel's rule over an entry's sheets. With classes, each class is trimmed and
 * aggregated over its own judges' sheets; the total is Σ weight × class result, rounded
 * once (or per criterion inside each class). A class without a sheet leaves the entry
 * without a total (UNRANKED), or its weight is shared among the others (RENORMALIZE).
 * Criterion values and dropped sheets are reported per class, merged.
 */
export function panelResult(
  criteria: readonly Criterion[],
  rule: ScoringRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  sheetValues?: Readonly<Record<string, Decimal>>,
  audience: Tally = NO_BALLOTS,
): PanelResult {
  const classes = rule.classes ?? [];
  if (classes.length === 0) return { ...entryResult(criteria, rule, sheets, sheetValues), classes: [] };
  const shares = classes.map((c) => {
    if (isAudience(c))
      return {
        rule: c,
        count: audience.count,
        result: { ...ballotResult(audience), criterionValues: dictOf<Decimal>([]), droppedSheets: [], droppedMarks: dictOf<string[]>([]) },
      };
    const own = dictOf(Object.entries(sheets).filter(([, sheet]) => sheet.classKey === c.key));
    return { rule: c, count: Object.keys(own).length, result: exactResult(criteria, { ...rule, ...c }, own) };
  });
  const scored = shares.filter((s) => s.result.exact !== null);
  const missing = scored.length < shares.length;
  const weightSum = sum(scored.map((s) => dec(s.rule.weight)));
  const exact =
    scored.length === 0 || (missing && rule.missingClass !== 'RENORMALIZE')
      ? null
      : sum(scored.map((s) => s.result.exact!.times(s.rule.weight))).div(weightSum);
  const allJudges = dictOf(Object.entries(sheets).filter(([, sheet]) => classes.some((c) => c.key === sheet.classKey)));
  return {
    total: exact === null ? null : round2(exact),
    // The whole panel's criterion values (over the kept sheets of every class) explain the total and break ties.
    criterionValues: exactResult(criteria, { ...rule, trimHighest: 0, trimLowest: 0 }, allJudges).criterionValues,
    droppedSheets: shares.flatMap((s) => s.result.droppedSheets),
    droppedMarks: dictOf(criteria.map((c) => [c.key, shares.flatMap((s) => own(s.result.droppedMarks, c.key) ?? [])])),
    classes: shares.map((s) => ({ key: s.rule.key, result: s.result.exact === null ? null : round2(s.result.exact), sheetCount: s.count })),
  };
}

/** The audience's ballots for an entry as the counters add them up: Σ score and how many. */
export interface Tally {
  sum: Decimal;
  count: number;
}

export const NO_BALLOTS: Tally = { sum: '0', count: 0 };

/** The tally some ballots' scores add up to. */
export function tallyOf(scores: readonly Decimal[]): Tally {
  return { sum: canonical(sum(scores.map((s) => dec(s)))), count: scores.length };
}

/** The audience class's result: the mean of its ballots (none: no result). */
function ballotResult(tally: Tally): { exact: Big | null } {
  return { exact: tally.count > 0 ? dec(tally.sum).div(tally.count) : null };
}

export interface EntryScore {
  rawTotal: Decimal | null;
  total: Decimal | null;
  criterionValues: Record<string, Decimal>;
  classResults: ClassShare[];
}

/** Points added to or taken off the panel's result: a bonus (附加分) and an overtime deduction. */
export interface Adjustments {
  bonus: Decimal;
  deduction: Decimal;
}

export const NO_ADJUSTMENTS: Adjustments = { bonus: '0', deduction: '0' };

/**
 * The aggregate fields of an entry from its sheets (and normalised totals, once
 * finalised), plus any bonus (附加分) and less any overtime deduction; a total never
 * falls below zero, and an entry without a result gets none from a bonus alone.
 */
export function scoreEntry(
  criteria: readonly Criterion[],
  rule: ScoringRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  normalized: Readonly<Record<string, Decimal>> | null,
  adjustments: Adjustments = NO_ADJUSTMENTS,
  audience: Tally = NO_BALLOTS,
): EntryScore {
  const raw = panelResult(criteria, rule, sheets, undefined, audience);
  const official = normalized ? panelResult(criteria, rule, sheets, normalized, audience) : raw;
  const adjust = (total: Decimal | null) => (total === null ? null : canonical(atLeastZero(dec(total).plus(adjustments.bonus).minus(adjustments.deduction))));
  return { rawTotal: adjust(raw.total), total: adjust(official.total), criterionValues: raw.criterionValues, classResults: raw.classes };
}

const atLeastZero = (value: Big): Big => (value.lt(0) ? dec(0) : value);
