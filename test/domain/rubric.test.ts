import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/domain/errors.js';
import { buildCriteria, validateMarks } from '../../src/domain/rubric.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error.issues;
    throw error;
  }
  throw new Error('expected InvalidInputError');
}

describe('buildCriteria', () => {
  it('computes the maximum total with weights', () => {
    const { criteria, maxTotal } = buildCriteria([
      { key: 'a', label: 'A', maxScore: 20, weight: 1, step: 0.5 },
      { key: 'b', label: 'B', maxScore: 10, weight: 1.5, step: 1 },
    ]);
    expect(maxTotal).toBe('35');
    expect(criteria[1]).toMatchObject({ maxScore: '10', weight: '1.5', step: '1' });
  });

  it('reports duplicate keys, non-positive numbers and steps that do not divide the maximum, with paths', () => {
    const issues = issuesOf(() =>
      buildCriteria([
        { key: 'a', label: 'A', maxScore: 10, weight: 1, step: 0.5 },
        { key: 'a', label: 'A2', maxScore: 10, weight: 0, step: 3 },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['input.criteria.1.key', 'input.criteria.1.weight']);
    const step = issuesOf(() => buildCriteria([{ key: 'a', label: 'A', maxScore: 10, weight: 1, step: 3 }]));
    expect(step).toEqual([
      { path: 'input.criteria.0.step', code: 'STEP_DOES_NOT_DIVIDE_MAX', params: { step: '3', maximum: '10' }, message: 'step 3 does not divide maxScore 10' },
    ]);
  });
});

describe('validateMarks', () => {
  const { criteria } = buildCriteria([
    { key: 'vision', label: '发展思路', maxScore: 20, weight: 1, step: 0.5 },
    { key: 'qa', label: '现场答辩', maxScore: 15, weight: 1, step: 0.5 },
  ]);

  it('returns marks in rubric order as canonical decimals', () => {
    expect(
      validateMarks(criteria, [
        { criterion: 'qa', score: 12.5 },
        { criterion: 'vision', score: 18 },
      ]),
    ).toEqual([
      { criterion: 'vision', score: '18' },
      { criterion: 'qa', score: '12.5' },
    ]);
  });

  it('names each offending field', () => {
    expect(
      issuesOf(() =>
        validateMarks(criteria, [
          { criterion: 'vision', score: 20.5 },
          { criterion: 'qa', score: 12.3 },
        ]),
      ),
    ).toEqual([
      {
        path: 'input.scores.0.score',
        code: 'ABOVE_MAX_SCORE',
        params: { criterion: 'vision', label: '发展思路', maximum: '20' },
        message: 'must lie in [0, 20]',
      },
      {
        path: 'input.scores.1.score',
        code: 'NOT_MULTIPLE_OF_STEP',
        params: { criterion: 'qa', label: '现场答辩', step: '0.5' },
        message: 'must be a multiple of 0.5',
      },
    ]);
    expect(issuesOf(() => validateMarks(criteria, [{ criterion: 'vision', score: 10 }]))).toEqual([
      { path: 'input.scores', code: 'MISSING_CRITERION', params: { criterion: 'qa', label: '现场答辩' }, message: 'criterion "qa" is required' },
    ]);
    expect(
      issuesOf(() =>
        validateMarks(criteria, [
          { criterion: 'vision', score: 10 },
          { criterion: 'qa', score: 1 },
          { criterion: 'x', score: 1 },
        ]),
      )[0],
    ).toEqual({
      path: 'input.scores.2.criterion',
      code: 'UNKNOWN_CRITERION',
      params: { criterion: 'x' },
      message: 'unknown criterion "x"',
    });
    expect(
      issuesOf(() =>
        validateMarks(criteria, [
          { criterion: 'vision', score: -0.5 },
          { criterion: 'qa', score: Number.NaN },
        ]),
      ).map((i) => i.path),
    ).toEqual(['input.scores.0.score', 'input.scores.1.score']);
  });
});
