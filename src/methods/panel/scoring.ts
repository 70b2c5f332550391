import { canonical, dec, mean, round2, sum, type Big } from '../../domain/decimal.js';
import type { Criterion, Decimal, Mark } from '../../domain/primitives.js';
import type { Aggregate, ScoringRule } from './rule.js';
import { dictOf, own } from '../../domain/dict.js';

/** One judge's current sheet as the aggregate keeps it. */
export interface JudgeSheet {
  total: Decimal;
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

/**
 * Applies a round's rule to an entry's sheets, keyed by judge. `sheetValues`
 * overrides the sheet totals that are trimmed and aggregated (normalised totals).
 */
export function entryResult(
  criteria: readonly Criterion[],
  rule: ScoringRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  sheetValues?: Readonly<Record<string, Decimal>>,
): EntryResult {
  const judges = Object.keys(sheets);
  if (judges.length === 0) return { total: null, criterionValues: dictOf([]), droppedSheets: [], droppedMarks: dictOf([]) };
  const markOf = (judge: string, key: string) => dec(own(own(sheets, judge)?.marks, key) ?? 0);

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
      total: round2(sum(values.map((v) => v.value.times(v.criterion.weight)))),
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
  return {
    total: round2(
      aggregate(
        kept.map((k) => k.value),
        rule.aggregate,
      ),
    ),
    criterionValues: dictOf(
      criteria.map((c) => [
        c.key,
        round2(
          aggregate(
            keptJudges.map((j) => markOf(j, c.key)),
            rule.aggregate,
          ),
        ),
      ]),
    ),
    droppedSheets: dropped.map((d) => d.key),
    droppedMarks: dictOf([]),
  };
}

export interface EntryScore {
  rawTotal: Decimal | null;
  total: Decimal | null;
  criterionValues: Record<string, Decimal>;
}

/** The aggregate fields of an entry from its sheets (and normalised totals, once finalised). */
export function scoreEntry(
  criteria: readonly Criterion[],
  rule: ScoringRule,
  sheets: Readonly<Record<string, JudgeSheet>>,
  normalized: Readonly<Record<string, Decimal>> | null,
): EntryScore {
  const raw = entryResult(criteria, rule, sheets);
  const official = normalized ? entryResult(criteria, rule, sheets, normalized) : raw;
  return { rawTotal: raw.total, total: official.total, criterionValues: raw.criterionValues };
}
