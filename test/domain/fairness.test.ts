import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.js';
import { judgeStatistics } from '../../src/methods/panel/judgeStats.js';
import { zscoreNormalize, type ScoredSheet } from '../../src/methods/panel/normalization.js';
import { standingTotal, type StandingsRule } from '../../src/domain/standings.js';

describe('z-score normalisation', () => {
  it('makes a lenient and a strict judge weigh the same', () => {
    // The lenient judge gives 90/80/70, the strict one 60/50/40: the same opinions, shifted.
    const sheets: ScoredSheet[] = [
      ...['a', 'b', 'c'].map((entryId, i) => ({ entryId, judgeId: 'lenient', total: String(90 - 10 * i) })),
      ...['a', 'b', 'c'].map((entryId, i) => ({ entryId, judgeId: 'strict', total: String(60 - 10 * i) })),
    ];
    const normalized = zscoreNormalize(sheets, '100');
    for (const entryId of ['a', 'b', 'c']) expect(normalized.get(entryId)!.lenient).toBe(normalized.get(entryId)!.strict);
    // Mapped onto the panel's mean (65) and spread.
    expect(normalized.get('b')!.lenient).toBe('65');
  });

  it('preserves each judge’s order of the entries and stays within [0, maxTotal]', () => {
    const sheet = fc.record({ entry: fc.integer({ min: 0, max: 6 }), judge: fc.integer({ min: 0, max: 3 }), total: fc.integer({ min: 0, max: 200 }) });
    fc.assert(
      fc.property(fc.uniqueArray(sheet, { selector: (s) => `${s.entry}|${s.judge}`, maxLength: 28 }), (raw) => {
        const sheets = raw.map((s) => ({ entryId: `e${s.entry}`, judgeId: `j${s.judge}`, total: String(s.total / 2) }));
        const normalized = zscoreNormalize(sheets, '100');
        for (const a of sheets) {
          const na = dec(normalized.get(a.entryId)![a.judgeId]!);
          expect(na.gte(0) && na.lte(100)).toBe(true);
          for (const b of sheets.filter((s) => s.judgeId === a.judgeId)) {
            const nb = dec(normalized.get(b.entryId)![b.judgeId]!);
            if (dec(a.total).gt(b.total)) expect(na.gte(nb)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('standings', () => {
  const rounds = [
    { roundId: 'r1', total: '80' },
    { roundId: 'r2', total: null },
    { roundId: 'r3', total: '90.5' },
  ];
  const rule = (method: StandingsRule['method'], roundWeights: StandingsRule['roundWeights'] = []): StandingsRule => ({ method, roundWeights });

  it('combines round totals by the competition’s method', () => {
    expect(standingTotal(rule('SUM'), rounds)).toBe('170.5');
    expect(
      standingTotal(
        rule('WEIGHTED_SUM', [
          { roundId: 'r1', weight: '0.4' },
          { roundId: 'r3', weight: '0.6' },
        ]),
        rounds,
      ),
    ).toBe('86.3');
    expect(standingTotal(rule('BEST'), rounds)).toBe('90.5');
    expect(standingTotal(rule('AVERAGE'), rounds)).toBe('85.25');
    expect(standingTotal(rule('LAST'), rounds)).toBe('90.5');
    expect(standingTotal(rule('LAST'), rounds.slice(0, 2))).toBe('80');
    expect(standingTotal(rule('SUM'), [{ roundId: 'r2', total: null }])).toBeNull();
  });
});

describe('judge statistics', () => {
  it('flags the judge far from the panel', () => {
    const judges = ['j1', 'j2', 'j3', 'j4', 'j5', 'j6', 'j7'];
    const sheets = ['a', 'b', 'c', 'd'].flatMap((entryId, e) =>
      judges.map((judgeId, j) => ({ entryId, judgeId, total: String(judgeId === 'j7' ? 40 + e : 80 + e + (j % 3)) })),
    );
    const stats = judgeStatistics(judges, sheets);
    expect(stats.find((s) => s.judgeId === 'j7')).toMatchObject({ sheetCount: 4, mean: '41.5', outlier: true });
    expect(stats.filter((s) => s.outlier)).toHaveLength(1);
    expect(Number(stats.find((s) => s.judgeId === 'j7')!.meanDeviation)).toBeLessThan(-30);
  });
});
