import { canonical, dec, fromNumber, sum } from './decimal.js';
import { isReservedKey } from './dict.js';
import { InvalidInputError, issue, type FieldIssue } from './errors.js';
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
export function buildCriteria(drafts: readonly CriterionDraft[], path = 'input.criteria'): { criteria: Criterion[]; maxTotal: string } {
  const issues: FieldIssue[] = [];
  if (drafts.length === 0) issues.push(issue(path, 'TOO_FEW', 'a rubric needs at least one criterion', { minimum: 1 }));
  if (drafts.length > MAX_CRITERIA) issues.push(issue(path, 'TOO_MANY', `at most ${MAX_CRITERIA} criteria`, { maximum: MAX_CRITERIA }));
  const seen = new Set<string>();
  const criteria: Criterion[] = [];

  drafts.forEach((draft, i) => {
    const at = `${path}.${i}`;
    if (isReservedKey(draft.key))
      issues.push(issue(`${at}.key`, 'RESERVED_WORD', `"${draft.key}" is a reserved word and cannot be a criterion key`, { value: draft.key }));
    if (seen.has(draft.key)) issues.push(issue(`${at}.key`, 'DUPLICATE', `duplicate criterion key "${draft.key}"`, { value: draft.key }));
    seen.add(draft.key);
    const numbers = { maxScore: draft.maxScore, weight: draft.weight, step: draft.step };
    for (const [field, value] of Object.entries(numbers)) {
      if (!Number.isFinite(value) || value <= 0) issues.push(issue(`${at}.${field}`, 'NOT_POSITIVE', 'must be a positive number'));
    }
    if (issues.length > 0) return;
    const maxScore = dec(draft.maxScore);
    const step = dec(draft.step);
    if (!maxScore.mod(step).eq(0)) {
      issues.push(
        issue(`${at}.step`, 'STEP_DOES_NOT_DIVIDE_MAX', `step ${draft.step} does not divide maxScore ${draft.maxScore}`, {
          step: String(draft.step),
          maximum: String(draft.maxScore),
        }),
      );
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
    throw InvalidInputError.at(path, 'TOTAL_TOO_LARGE', `the weighted maximum total may not exceed ${MAX_RUBRIC_TOTAL}`, { maximum: MAX_RUBRIC_TOTAL });
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
      issues.push(issue(`${at}.criterion`, 'UNKNOWN_CRITERION', `unknown criterion "${draft.criterion}"`, { criterion: draft.criterion }));
    } else if (given.has(criterion.key)) {
      issues.push(issue(`${at}.criterion`, 'DUPLICATE', `criterion "${criterion.key}" scored twice`, { value: criterion.key }));
    } else {
      const problem = markProblem(criterion, draft.score);
      if (problem) issues.push({ path: `${at}.score`, ...problem });
      else given.set(criterion.key, { criterion: criterion.key, score: fromNumber(draft.score) });
    }
  });

  const scored = new Set(drafts.map((d) => d.criterion));
  for (const criterion of criteria) {
    if (!scored.has(criterion.key))
      issues.push(issue(path, 'MISSING_CRITERION', `criterion "${criterion.key}" is required`, { criterion: criterion.key, label: criterion.label }));
  }
  if (issues.length > 0) throw new InvalidInputError(issues);
  return criteria.map((c) => given.get(c.key)!);
}

function markProblem(criterion: Criterion, value: number): Omit<FieldIssue, 'path'> | null {
  const about = { criterion: criterion.key, label: criterion.label };
  if (!Number.isFinite(value)) return { code: 'NOT_FINITE', params: about, message: 'must be a finite number' };
  const score = dec(value);
  if (score.lt(0)) return { code: 'TOO_SMALL', params: { ...about, minimum: 0 }, message: `must lie in [0, ${criterion.maxScore}]` };
  if (score.gt(criterion.maxScore)) {
    return { code: 'ABOVE_MAX_SCORE', params: { ...about, maximum: criterion.maxScore }, message: `must lie in [0, ${criterion.maxScore}]` };
  }
  if (!score.mod(criterion.step).eq(0)) {
    return { code: 'NOT_MULTIPLE_OF_STEP', params: { ...about, step: criterion.step }, message: `must be a multiple of ${criterion.step}` };
  }
  return null;
}
