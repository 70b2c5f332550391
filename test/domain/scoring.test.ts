import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, fromNumber, round2 } from '../../src/domain/decimal.js';
import type { Criterion } from '../../src/domain/model.js';
import { criterionMeans, entryTotal, sheetTotal, trimSheets } from '../../src/domain/scoring.js';

const criterion = (key: string, maxScore: string, weight = '1', step = '0.5'): Criterion => ({ key, label: key, description: null, maxScore, weight, step });
const totals = (...values: string[]) => Object.fromEntries(values.map((v, i) => [`judge${i}`, v]));

describe('sheetTotal', () => {
  it('is Σ weight × score in exact decimals', () => {
    const criteria = [criterion('a', '10', '0.1'), criterion('b', '10', '0.2'), criterion('c', '100', '0.7')];
    // 0.1×1 + 0.2×1 + 0.7×1 is 1.0000000000000002 in binary floating point.
    expect(sheetTotal(criteria, [{ criterion: 'a', score: '1' }, { criterion: 'b', score: '1' }, { criterion: 'c', score: '1' }])).toBe('1');
  });
});

describe('entryTotal', () => {
  it('drops the highest and the lowest sheet and averages the rest (去掉一个最高分和一个最低分)', () => {
    // 92 and 85 are dropped; (90 + 88 + 87 + 86 + 89) / 5 = 88.
    expect(entryTotal(totals('90', '85', '88', '92', '87', '86', '89'), { trimHighest: 1, trimLowest: 1 })).toBe('88');
  });

  it('falls back to the plain mean when trimming would leave no sheet', () => {
    expect(entryTotal(totals('90', '80'), { trimHighest: 1, trimLowest: 1 })).toBe('85');
  });

  it('rounds to two decimals half up, where binary floating point rounds down', () => {
    expect(entryTotal(totals('1.005'), { trimHighest: 0, trimLowest: 0 })).toBe('1.01');
    expect((1.005).toFixed(2)).toBe('1.00');
    // 86 + 87 + 87 = 260 / 3 = 86.666… → 86.67
    expect(entryTotal(totals('86', '87', '87'), { trimHighest: 0, trimLowest: 0 })).toBe('86.67');
  });

  it('is null without sheets', () => {
    expect(entryTotal({}, { trimHighest: 1, trimLowest: 1 })).toBeNull();
  });

  const halfPoints = fc.integer({ min: 0, max: 200 }).map((n) => fromNumber(n / 2));
  const rules = fc.record({ trimHighest: fc.integer({ min: 0, max: 3 }), trimLowest: fc.integer({ min: 0, max: 3 }) });

  it('does not depend on the order of the sheets', () => {
    fc.assert(
      fc.property(fc.array(halfPoints, { minLength: 1, maxLength: 12 }), rules, fc.infiniteStream(fc.nat()), (values, rule, seeds) => {
        const shuffled = [...values].sort(() => (seeds.next().value % 3) - 1);
        expect(entryTotal(totals(...shuffled), rule)).toBe(entryTotal(totals(...values), rule));
      }),
    );
  });

  it('lies between the smallest and the largest sheet total', () => {
    fc.assert(
      fc.property(fc.array(halfPoints, { minLength: 1, maxLength: 12 }), rules, (values, rule) => {
        const total = dec(entryTotal(totals(...values), rule)!);
        const sorted = values.map((v) => dec(v)).sort((a, b) => a.cmp(b));
        expect(total.gte(sorted[0]!) && total.lte(sorted.at(-1)!)).toBe(true);
      }),
    );
  });
});

describe('trimSheets', () => {
  it('never drops more sheets than exist and keeps every sheet in exactly one list', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 15 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (values, trimHighest, trimLowest) => {
          const sheets = values.map((v, i) => ({ key: `j${i}`, total: String(v) }));
          const { kept, dropped } = trimSheets(sheets, { trimHighest, trimLowest });
          expect(kept.length + dropped.length).toBe(sheets.length);
          expect(dropped.length).toBeLessThanOrEqual(Math.min(sheets.length, trimHighest + trimLowest));
          if (sheets.length > trimHighest + trimLowest) expect(kept.length).toBe(sheets.length - trimHighest - trimLowest);
          const keptMax = Math.max(...kept.map((k) => Number(k.total)));
          const keptMin = Math.min(...kept.map((k) => Number(k.total)));
          for (const d of dropped) expect(Number(d.total) >= keptMax || Number(d.total) <= keptMin).toBe(true);
        },
      ),
    );
  });
});

describe('criterionMeans', () => {
  it('averages each criterion over the given sheets, two decimals', () => {
    const criteria = [criterion('a', '10'), criterion('b', '10')];
    const sheets = [
      { scores: [{ criterion: 'a', score: '8' }, { criterion: 'b', score: '7.5' }] },
      { scores: [{ criterion: 'a', score: '9' }, { criterion: 'b', score: '7' }] },
      { scores: [{ criterion: 'a', score: '9' }, { criterion: 'b', score: '7' }] },
    ];
    expect(criterionMeans(criteria, sheets).map((m) => m.mean)).toEqual(['8.67', '7.17']);
    expect(criterionMeans(criteria, []).map((m) => m.mean)).toEqual([null, null]);
  });
});

describe('round2', () => {
  it('rounds half away from zero at the third decimal', () => {
    expect(round2(dec('2.675'))).toBe('2.68');
    expect(round2(dec('2.674999'))).toBe('2.67');
  });
});
