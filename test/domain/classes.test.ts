import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Criterion } from '../../src/domain/primitives.js';
import { DEFAULT_RULE, type PanelClass, type ScoringRule } from '../../src/methods/panel/rule.js';
import { panelResult, scoreEntry, tallyOf, type JudgeSheet } from '../../src/methods/panel/scoring.js';

const criteria: Criterion[] = [
  { key: 'a', label: '思路', description: null, maxScore: '50', weight: '1', step: '0.01' },
  { key: 'b', label: '实绩', description: null, maxScore: '50', weight: '1', step: '0.01' },
];
const sheet = (a: number, b: number, classKey?: string): JudgeSheet => ({
  total: String(a + b),
  marks: { a: String(a), b: String(b) },
  ...(classKey ? { classKey } : {}),
});
const cls = (key: string, weight: string, trim = 0): PanelClass => ({ key, label: key, weight, trimHighest: trim, trimLowest: trim, aggregate: 'MEAN' });

describe('evaluator classes', () => {
  it('20/40/40 between the supervising leader, colleagues and the assessment team, with a bonus (附加分) and an overtime deduction on top', () => {
    const rule: ScoringRule = { ...DEFAULT_RULE, classes: [cls('leader', '0.2'), cls('peers', '0.4', 1), cls('team', '0.4')] };
    const sheets = {
      l1: sheet(45, 45, 'leader'), // leader: 90
      p1: sheet(40, 40, 'peers'),
      p2: sheet(35, 35, 'peers'),
      p3: sheet(30, 30, 'peers'), // peers 80, 70, 60 → trimmed to 70
      t1: sheet(42, 43, 'team'),
      t2: sheet(40, 40, 'team'), // team: 82.5
    };
    const result = panelResult(criteria, rule, sheets);
    // 0.2 × 90 + 0.4 × 70 + 0.4 × 82.5 = 18 + 28 + 33 = 79
    expect(result.total).toBe('79');
    expect(result.classes).toEqual([
      { key: 'leader', result: '90', sheetCount: 1 },
      { key: 'peers', result: '70', sheetCount: 3 },
      { key: 'team', result: '82.5', sheetCount: 2 },
    ]);
    expect(result.droppedSheets.sort()).toEqual(['p1', 'p3']);
    // 附加分 on top: 79 + 3 = 82; with 1.5 off for overtime, 80.5.
    expect(scoreEntry(criteria, rule, sheets, null, { bonus: '3', deduction: '0' }).total).toBe('82');
    expect(scoreEntry(criteria, rule, sheets, null, { bonus: '3', deduction: '1.5' }).total).toBe('80.5');
  });

  it('leaves an entry a class has not scored without a total (UNRANKED), or shares that weight out (RENORMALIZE)', () => {
    const classes = [cls('leaders', '0.6'), cls('public', '0.4')];
    const sheets = { a: sheet(40, 40, 'leaders'), b: sheet(45, 45, 'leaders') };
    expect(panelResult(criteria, { ...DEFAULT_RULE, classes }, sheets).total).toBeNull();
    expect(panelResult(criteria, { ...DEFAULT_RULE, classes, missingClass: 'RENORMALIZE' }, sheets).total).toBe('85');
  });

  it('with one class of weight 1 gives exactly the single-panel result', () => {
    const mark = fc.integer({ min: 0, max: 5000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(mark, mark), { minLength: 1, maxLength: 9 }), fc.integer({ min: 0, max: 2 }), (pairs, trim) => {
        const plain = Object.fromEntries(pairs.map(([a, b], i) => [`j${i}`, sheet(a, b)]));
        const classed = Object.fromEntries(pairs.map(([a, b], i) => [`j${i}`, sheet(a, b, 'all')]));
        const single = panelResult(criteria, { ...DEFAULT_RULE, trimHighest: trim, trimLowest: trim }, plain).total;
        const one = panelResult(criteria, { ...DEFAULT_RULE, classes: [cls('all', '1', trim)] }, classed).total;
        expect(one).toBe(single);
      }),
    );
  });
});

describe('rounding stage', () => {
  it('PER_CRITERION rounds each criterion mean to two decimals before summing; FINAL rounds only the total', () => {
    // Criterion means 33.335 and 33.335 (three judges): FINAL 66.67, PER_CRITERION 33.34 + 33.34 = 66.68.
    const sheets = { x: sheet(33.33, 33.33), y: sheet(33.34, 33.34), z: sheet(33.335, 33.335) };
    expect(panelResult(criteria, { ...DEFAULT_RULE, rounding: 'FINAL' }, sheets).total).toBe('66.67');
    expect(panelResult(criteria, { ...DEFAULT_RULE, rounding: 'PER_CRITERION' }, sheets).total).toBe('66.68');
  });

  it('never moves a total by more than half a hundredth per criterion', () => {
    const mark = fc.integer({ min: 0, max: 5000 }).map((n) => n / 100);
    fc.assert(
      fc.property(fc.array(fc.tuple(mark, mark), { minLength: 1, maxLength: 9 }), (pairs) => {
        const sheets = Object.fromEntries(pairs.map(([a, b], i) => [`j${i}`, sheet(a, b)]));
        const final = Number(panelResult(criteria, { ...DEFAULT_RULE, rounding: 'FINAL' }, sheets).total);
        const staged = Number(panelResult(criteria, { ...DEFAULT_RULE, rounding: 'PER_CRITERION' }, sheets).total);
        expect(Math.abs(final - staged)).toBeLessThanOrEqual(0.015 + 1e-9);
      }),
    );
  });
});

describe('the audience class (群众评委 by ballot)', () => {
  const audience: PanelClass = { ...cls('audience', '0.4'), source: 'AUDIENCE' };
  const rule: ScoringRule = { ...DEFAULT_RULE, classes: [cls('leaders', '0.6'), audience] };
  const leaders = { l1: sheet(40, 40, 'leaders'), l2: sheet(45, 35, 'leaders') };

  it('weighs the mean of the ballots as the class result, and leaves the entry unranked before the first ballot', () => {
    // Leaders 80; ballots 90, 80, 85.5, 70 → 81.375; 0.6 × 80 + 0.4 × 81.375 = 80.55.
    const result = panelResult(criteria, rule, leaders, undefined, tallyOf(['90', '80', '85.5', '70']));
    expect(result.total).toBe('80.55');
    expect(result.classes).toEqual([
      { key: 'leaders', result: '80', sheetCount: 2 },
      { key: 'audience', result: '81.38', sheetCount: 4 },
    ]);
    expect(panelResult(criteria, rule, leaders).total).toBeNull();
    expect(panelResult(criteria, { ...rule, missingClass: 'RENORMALIZE' }, leaders).total).toBe('80');
  });

  it('gives the same result however the ballots are spread over counter shards and in whatever order they land', () => {
    const ballots = fc.array(
      fc.integer({ min: 0, max: 200 }).map((half) => String(half / 2)),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(ballots, fc.array(fc.nat(7), { maxLength: 60 }), (scores, shardOf) => {
        const shards = Array.from({ length: 8 }, (_, n) => scores.filter((_, i) => (shardOf[i] ?? 0) === n));
        const perShard = shards.map((s) => tallyOf(s));
        const added = { sum: String(perShard.reduce((a, t) => a + Number(t.sum), 0)), count: perShard.reduce((a, t) => a + t.count, 0) };
        const direct = panelResult(criteria, rule, leaders, undefined, tallyOf(scores));
        expect(panelResult(criteria, rule, leaders, undefined, added)).toEqual(direct);
        expect(panelResult(criteria, rule, leaders, undefined, tallyOf([...scores].reverse()))).toEqual(direct);
      }),
    );
  });
});
