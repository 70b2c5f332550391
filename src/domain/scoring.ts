import { canonical, dec, mean, round2, sum } from './decimal.js';
import type { Criterion, Decimal, Mark } from './model.js';

export interface TrimRule {
  trimHighest: number;
  trimLowest: number;
}

/** Sheet total = Σ weight × score over the rubric's criteria. */
export function sheetTotal(criteria: readonly Criterion[], marks: readonly Mark[]): Decimal {
  const weightOf = new Map(criteria.map((c) => [c.key, c.weight]));
  return canonical(sum(marks.map((m) => dec(m.score).times(weightOf.get(m.criterion) ?? 0))));
}

/** A sheet as the aggregate sees it: a total and a stable key that settles ties. */
export interface TrimCandidate {
  readonly key: string;
  readonly total: Decimal;
}

/**
 * Drops the `trimHighest` highest and `trimLowest` lowest sheets (去掉最高分、最低分).
 * With too few sheets to drop that many and keep one, nothing is dropped (plain mean).
 * Among equal totals the sheet with the greater key is treated as the higher one,
 * which only decides which of two identical totals is labelled "trimmed".
 */
export function trimSheets<T extends TrimCandidate>(sheets: readonly T[], rule: TrimRule): { kept: T[]; dropped: T[] } {
  const ordered = [...sheets].sort(
    (a, b) => dec(a.total).cmp(b.total) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  if (ordered.length <= rule.trimHighest + rule.trimLowest) return { kept: ordered, dropped: [] };
  const kept = ordered.slice(rule.trimLowest, ordered.length - rule.trimHighest);
  const dropped = [...ordered.slice(0, rule.trimLowest), ...ordered.slice(ordered.length - rule.trimHighest)];
  return { kept, dropped };
}

/** Entry total: mean of the kept sheet totals, two decimals half up; null with no sheet. */
export function entryTotal(sheetTotals: Readonly<Record<string, Decimal>>, rule: TrimRule): Decimal | null {
  const candidates = Object.entries(sheetTotals).map(([key, total]) => ({ key, total }));
  if (candidates.length === 0) return null;
  const { kept } = trimSheets(candidates, rule);
  return round2(mean(kept.map((s) => dec(s.total))));
}

/** Per-criterion mean mark over the given sheets, two decimals; null with no sheet. */
export function criterionMeans(
  criteria: readonly Criterion[],
  sheets: readonly { scores: readonly Mark[] }[],
): { criterion: Criterion; mean: Decimal | null }[] {
  return criteria.map((criterion) => {
    const marks = sheets.flatMap((s) => s.scores.filter((m) => m.criterion === criterion.key).map((m) => dec(m.score)));
    return { criterion, mean: marks.length > 0 ? round2(mean(marks)) : null };
  });
}
