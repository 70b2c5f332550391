import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, fromNumber, round2 } from '../../src/domain/decimal.js';
import type { Criterion } from '../../src/domain/model.js';
import { DEFAULT_RULE, type ScoringRule } from '../../src/methods/panel/rule.js';
import { aggregate, entryResult, sheetTotal, trim, type JudgeSheet } from '../../src/methods/panel/scoring.js';

const criterion = (key: string, maxScore: string, weight = '1', step = '0.5'): Criterion => ({ key, label: key, description: null, maxScore, weight, step });
const ONE = [criterion('overall', '100')];
const rule = (overrides: Partial<ScoringRule> = {}): ScoringRule => ({ ...DEFAULT_RULE, ...overrides });
/** Single-criterion sheets: the total is the mark. */
const sheets = (...totals: string[]): Record<string, JudgeSheet> =>
  Object.fromEntries(totals.map((t, i) => [`judge${i}`, { total: t, marks: { overall: t } }]));
const totalOf = (values: string[], r: Partial<ScoringRule> = {}) => entryResult(ONE, rule(r), sheets(...values)).total;

describe('sheetTotal', () => {
  it('is Σ weight × score in exact decimals', () => {
    const criteria = [criterion('a', '10', '0.1'), criterion('b', '10', '0.2'), criterion('c', '100', '0.7')];
    // 0.1×1 + 0.2×1 + 0.7×1 is 1.0000000000000002 in binary floating point.
    expect(
      sheetTotal(criteria, [
        { criterion: 'a', score: '1' },
        { criterion: 'b', score: '1' },
        { criterion: 'c', score: '1' },
      ]),
    ).toBe('1');
  });
});

describe('entry total (trimScope SHEET)', () => {
  it('drops the highest and the lowest sheet and averages the rest (去掉一个最高分和一个最低分)', () => {
    // 92 and 85 are dropped; (90 + 88 + 87 + 86 + 89) / 5 = 88.
    expect(totalOf(['90', '85', '88', '92', '87', '86', '89'], { trimHighest: 1, trimLowest: 1 })).toBe('88');
  });

  it('falls back to the plain mean when trimming would leave no sheet', () => {
    expect(totalOf(['90', '80'], { trimHighest: 1, trimLowest: 1 })).toBe('85');
  });

  it('takes the median when asked: the middle mark, or the mean of the two middle marks', () => {
    expect(totalOf(['70', '95', '80'], { aggregate: 'MEDIAN' })).toBe('80');
    expect(totalOf(['70', '95', '80', '81'], { aggregate: 'MEDIAN' })).toBe('80.5');
  });

  it('rounds to two decimals half up, where binary floating point rounds down', () => {
    expect(totalOf(['1.005'])).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(totalOf(['86', '87', '87'])).toBe('86.67');
  });

  it('is null without sheets', () => {
    expect(entryResult(ONE, rule({ trimHighest: 1 }), {}).total).toBeNull();
  });

  it('reports which sheets trimming dropped and the per-criterion means over the kept ones', () => {
    const criteria = [criterion('a', '10'), criterion('b', '10')];
    const result = entryResult(criteria, rule({ trimHighest: 1, trimLowest: 1 }), {
      low: { total: '5', marks: { a: '2', b: '3' } },
      mid1: { total: '15.5', marks: { a: '8', b: '7.5' } },
      mid2: { total: '16', marks: { a: '9', b: '7' } },
      mid3: { total: '16', marks: { a: '9', b: '7' } },
      high: { total: '20', marks: { a: '10', b: '10' } },
    });
    expect(result.droppedSheets.sort()).toEqual(['high', 'low']);
    expect(result.criterionValues).toEqual({ a: '8.67', b: '7.17' });
    expect(result.total).toBe('15.83');
  });
});

describe('entry total (trimScope CRITERION)', () => {
  it('drops each criterion’s highest and lowest marks separately, as judged sports do', () => {
    // Diving-style: each criterion keeps its middle marks. a: drop 2 and 10 → (8 + 9 + 9) / 3; b: drop 3 and 10 → (7 + 7 + 7.5) / 3.
    const criteria = [criterion('a', '10'), criterion('b', '10', '2')];
    const result = entryResult(criteria, rule({ trimHighest: 1, trimLowest: 1, trimScope: 'CRITERION' }), {
      j1: { total: '8', marks: { a: '2', b: '3' } },
      j2: { total: '23', marks: { a: '8', b: '7.5' } },
      j3: { total: '23', marks: { a: '9', b: '7' } },
      j4: { total: '23', marks: { a: '9', b: '7' } },
      j5: { total: '30', marks: { a: '10', b: '10' } },
    });
    expect(result.droppedMarks).toEqual({ a: ['j1', 'j5'], b: ['j1', 'j5'] });
    expect(result.criterionValues).toEqual({ a: '8.67', b: '7.17' });
    // 8.666… + 2 × 7.1666… = 23 exactly before rounding.
    expect(result.total).toBe('23');
  });
});

describe('properties', () => {
  const halfPoints = fc.integer({ min: 0, max: 200 }).map((n) => fromNumber(n / 2));
  const rules = fc.record({
    trimHighest: fc.integer({ min: 0, max: 3 }),
    trimLowest: fc.integer({ min: 0, max: 3 }),
    aggregate: fc.constantFrom('MEAN' as const, 'MEDIAN' as const),
    trimScope: fc.constantFrom('SHEET' as const, 'CRITERION' as const),
  });

  it('the total does not depend on the order of the sheets', () => {
    fc.assert(
      fc.property(fc.array(halfPoints, { minLength: 1, maxLength: 12 }), rules, fc.infiniteStream(fc.nat()), (values, r, seeds) => {
        const shuffled = [...values].sort(() => (seeds.next().value % 3) - 1);
        expect(totalOf(shuffled, r)).toBe(totalOf(values, r));
      }),
    );
  });

  it('the total lies within [0, maxTotal] and between the smallest and the largest sheet', () => {
    fc.assert(
      fc.property(fc.array(halfPoints, { minLength: 1, maxLength: 12 }), rules, (values, r) => {
        const total = dec(totalOf(values, r)!);
        const sorted = values.map((v) => dec(v)).sort((a, b) => a.cmp(b));
        expect(total.gte(sorted[0]!) && total.lte(sorted.at(-1)!)).toBe(true);
        expect(total.gte(0) && total.lte(100)).toBe(true);
      }),
    );
  });

  it('trimming never drops more values than exist and keeps each value in exactly one list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 15 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (values, trimHighest, trimLowest) => {
          const items = values.map((v, i) => ({ key: `j${i}`, value: dec(v) }));
          const { kept, dropped } = trim(items, { trimHighest, trimLowest });
          expect(kept.length + dropped.length).toBe(items.length);
          expect(dropped.length).toBeLessThanOrEqual(Math.min(items.length, trimHighest + trimLowest));
          if (items.length > trimHighest + trimLowest) expect(kept.length).toBe(items.length - trimHighest - trimLowest);
          const keptMax = Math.max(...kept.map((k) => Number(k.value)));
          const keptMin = Math.min(...kept.map((k) => Number(k.value)));
          for (const d of dropped) expect(Number(d.value) >= keptMax || Number(d.value) <= keptMin).toBe(true);
        },
      ),
    );
  });

  it('the median lies between the smallest and largest value', () => {
    fc.assert(
      fc.property(fc.array(halfPoints, { minLength: 1, maxLength: 9 }), (values) => {
        const m = aggregate(
          values.map((v) => dec(v)),
          'MEDIAN',
        );
        expect(values.some((v) => dec(v).lte(m)) && values.some((v) => dec(v).gte(m))).toBe(true);
      }),
    );
  });
});

describe('round2', () => {
  it('rounds half away from zero at the third decimal', () => {
    expect(round2(dec('2.675'))).toBe('2.68');
    expect(round2(dec('2.674999'))).toBe('2.67');
  });
});
