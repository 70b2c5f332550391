import { canonical, dec, fromNumber, sum } from './decimal.js';
import { isReservedKey } from './dict.js';
import { InvalidInputError, type FieldIssue } from './errors.js';
import type { Criterion, Mark } from './model.js';

/** Largest maxTotal a rubric may reach; keeps sortable leaderboard keys fixed-width. */
export const MAX_RUBRIC_TOTAL = 1_000_000;
export const MAX_CRITERIA = 30;

export interface CriterionDraft {
  key: string;
  label: string;
  description?: string | null;
  maxScore: number;
  weight: number;
  step: number;
}

/**
 * Checks a rubric's criteria and returns them in canonical decimal form with the
 * rubric's maximum total. Reports every problem at once, each with its path.
 */
export function buildCriteria(
  drafts: readonly CriterionDraft[],
  path = 'input.criteria',
): { criteria: Criterion[]; maxTotal: string } {
  const issues: FieldIssue[] = [];
  if (drafts.length === 0) issues.push({ path, message: 'a rubric needs at least one criterion' });
  if (drafts.length > MAX_CRITERIA) issues.push({ path, message: `at most ${MAX_CRITERIA} criteria` });
  const seen = new Set<string>();
  const criteria: Criterion[] = [];

  drafts.forEach((draft, i) => {
    const at = `${path}.${i}`;
    if (isReservedKey(draft.key)) issues.push({ path: `${at}.key`, message: `"${draft.key}" is a reserved word and cannot be a criterion key` });
    if (seen.has(draft.key)) issues.push({ path: `${at}.key`, message: `duplicate criterion key "${draft.key}"` });
    seen.add(draft.key);
    const numbers = { maxScore: draft.maxScore, weight: draft.weight, step: draft.step };
    for (const [field, value] of Object.entries(numbers)) {
      if (!Number.isFinite(value) || value <= 0) issues.push({ path: `${at}.${field}`, message: 'must be a positive number' });
    }
    if (issues.length > 0) return;
    const maxScore = dec(draft.maxScore);
    const step = dec(draft.step);
    if (!maxScore.mod(step).eq(0)) {
      issues.push({ path: `${at}.step`, message: `step ${draft.step} does not divide maxScore ${draft.maxScore}` });
    }
    criteria.push({
      key: draft.key,
      label: draft.label,
      description: draft.description ?? null,
      maxScore: fromNumber(draft.maxScore),
      weight: fromNumber(draft.weight),
      step: fromNumber(draft.step),
    });
  });

  if (issues.length > 0) throw new InvalidInputError(issues);
  const maxTotal = sum(criteria.map((c) => dec(c.maxScore).times(c.weight)));
  if (maxTotal.gt(MAX_RUBRIC_TOTAL)) {
    throw InvalidInputError.at(path, `the weighted maximum total may not exceed ${MAX_RUBRIC_TOTAL}`);
  }
  return { criteria, maxTotal: canonical(maxTotal) };
}

export interface MarkDraft {
  criterion: string;
  score: number;
}

/**
 * Validates one judge's marks against the rubric: every criterion exactly once,
 * each mark within [0, maxScore] and a multiple of the criterion's step.
 * Returns the marks in rubric order.
 */
export function validateMarks(criteria: readonly Criterion[], drafts: readonly MarkDraft[], path = 'input.scores'): Mark[] {
  const issues: FieldIssue[] = [];
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  const given = new Map<string, Mark>();

  drafts.forEach((draft, i) => {
    const at = `${path}.${i}`;
    const criterion = byKey.get(draft.criterion);
    if (!criterion) {
      issues.push({ path: `${at}.criterion`, message: `unknown criterion "${draft.criterion}"` });
    } else if (given.has(criterion.key)) {
      issues.push({ path: `${at}.criterion`, message: `criterion "${criterion.key}" scored twice` });
    } else {
      const problem = markProblem(criterion, draft.score);
      if (problem) issues.push({ path: `${at}.score`, message: problem });
      else given.set(criterion.key, { criterion: criterion.key, score: fromNumber(draft.score) });
    }
  });

  const scored = new Set(drafts.map((d) => d.criterion));
  for (const criterion of criteria) {
    if (!scored.has(criterion.key)) issues.push({ path, message: `criterion "${criterion.key}" is required` });
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return criteria.map((c) => given.get(c.key)!);
}

function markProblem(criterion: Criterion, value: number): string | null {
  if (!Number.isFinite(value)) return 'must be a finite number';
  const score = dec(value);
  if (score.lt(0) || score.gt(criterion.maxScore)) return `must lie in [0, ${criterion.maxScore}]`;
  if (!score.mod(criterion.step).eq(0)) return `must be a multiple of ${criterion.step}`;
  return null;
}
