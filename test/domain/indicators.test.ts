import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, dec, round2, sum } from '../../src/domain/decimal.js';
import { InvalidInputError } from '../../src/domain/errors.js';
import { indicatorScore, measured, rankPoints, scoreForInput, scoreOf } from '../../src/methods/indicators/formulas.js';
import {
  buildIndicatorSet,
  type Direction,
  type Indicator,
  type IndicatorDraft,
  type IndicatorSetDraft,
  type Section,
} from '../../src/methods/indicators/indicatorSet.js';
import { type AdjustmentLine, entryResult } from '../../src/methods/indicators/result.js';

const indicator = (overrides: Partial<Indicator>): Indicator => ({
  key: 'k',
  label: 'k',
  section: 's',
  unit: null,
  weight: '100',
  direction: 'HIGHER_BETTER',
  method: 'EFFICACY',
  satisfactory: null,
  disallowed: null,
  target: null,
  cap: null,
  floor: null,
  partial: null,
  step: null,
  lowest: null,
  pointsEach: null,
  ratio: false,
  zeroDenominator: 'ZERO',
  ...overrides,
});
const section = (key: string, fullMark = '100', weight = '1'): Section => ({ key, label: key, fullMark, weight });
/** Exact x / 100 as a decimal string: no binary floating point in the inputs either. */
const hundredths = (n: number) => canonical(dec(n).div(100));

/** The issues buildIndicatorSet reports, as `path code` lines. */
function issuesOf(draft: IndicatorSetDraft): string[] {
  try {
    buildIndicatorSet(draft);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).issues.map((i) => `${i.path} ${i.code}`);
  }
  return [];
}

describe('EFFICACY (功效系数法)', () => {
  const growth = indicator({ method: 'EFFICACY', satisfactory: '12', disallowed: '6' });

  it('scores 5.81 against satisfactory 12 and disallowed 6 as 58.73, below 60', () => {
    // 60 + 40 × (5.81 − 6) / (12 − 6) = 60 − 1.2666… = 58.7333…
    expect(indicatorScore(growth, '5.81')).toBe('58.7333');
    expect(round2(dec(indicatorScore(growth, '5.81')))).toBe('58.73');
  });

  it('gives 60 at the disallowed value and 100 at the satisfactory one, clamped to [0, 100]', () => {
    expect(indicatorScore(growth, '6')).toBe('60');
    expect(indicatorScore(growth, '12')).toBe('100');
    expect(indicatorScore(growth, '20')).toBe('100');
    expect(indicatorScore(growth, '-100')).toBe('0');
    expect(indicatorScore({ ...growth, cap: '110', floor: '40' }, '20')).toBe('110');
    expect(indicatorScore({ ...growth, cap: '110', floor: '40' }, '-100')).toBe('40');
  });

  it('serves LOWER_BETTER with the same formula, satisfactory below disallowed', () => {
    // Energy use per unit of output: 0.5 is satisfactory, 0.9 not allowed.
    const energy = indicator({ method: 'EFFICACY', direction: 'LOWER_BETTER', satisfactory: '0.5', disallowed: '0.9' });
    expect(indicatorScore(energy, '0.5')).toBe('100');
    expect(indicatorScore(energy, '0.9')).toBe('60');
    expect(indicatorScore(energy, '0.7')).toBe('80');
  });
});

describe('TARGET_RATIO (完成率)', () => {
  it('stops at 100 over target unless a cap of 120 lets over-achievement count', () => {
    const sales = indicator({ method: 'TARGET_RATIO', target: '100' });
    expect(indicatorScore(sales, '130')).toBe('100');
    expect(indicatorScore({ ...sales, cap: '120' }, '130')).toBe('120');
    expect(indicatorScore(sales, '85.5')).toBe('85.5');
  });

  it('scores lower-better as target / x: 80 against 100 is 125, capped at 100', () => {
    const cost = indicator({ method: 'TARGET_RATIO', direction: 'LOWER_BETTER', target: '100' });
    expect(indicatorScore(cost, '80')).toBe('100');
    expect(indicatorScore({ ...cost, cap: '150' }, '80')).toBe('125');
    expect(indicatorScore(cost, '200')).toBe('50');
    expect(indicatorScore({ ...cost, cap: '120' }, '0')).toBe('120');
  });
});

describe('THRESHOLD', () => {
  it('gives 100 when met and the partial score (or 0) when not', () => {
    const coverage = indicator({ method: 'THRESHOLD', target: '95' });
    expect(indicatorScore(coverage, '95')).toBe('100');
    expect(indicatorScore(coverage, '94.99')).toBe('0');
    expect(indicatorScore({ ...coverage, partial: '50' }, '94.99')).toBe('50');
    const complaints = indicator({ method: 'THRESHOLD', direction: 'LOWER_BETTER', target: '3', partial: '40' });
    expect(indicatorScore(complaints, '3')).toBe('100');
    expect(indicatorScore(complaints, '4')).toBe('40');
  });
});

describe('PER_OCCURRENCE (扣分制)', () => {
  const incidents = indicator({ method: 'PER_OCCURRENCE', direction: 'LOWER_BETTER', pointsEach: '-2' });

  it('deducts per occurrence down to nothing (扣完为止)', () => {
    expect(indicatorScore(incidents, '0')).toBe('100');
    expect(indicatorScore(incidents, '3')).toBe('94');
    expect(indicatorScore(incidents, '60')).toBe('0');
  });
});

describe('measured values and ratios', () => {
  const solveRate = indicator({ method: 'TARGET_RATIO', target: '100', ratio: true });

  it('takes 破解率 as 1,129 solved of 1,185 raised = 95.2743 (95.27 at two decimals)', () => {
    const rate = measured(solveRate, { numerator: '1129', denominator: '1185' });
    expect(rate).toBe('95.2743');
    expect(round2(dec(rate!))).toBe('95.27');
    expect(scoreForInput(solveRate, { numerator: '1129', denominator: '1185' })).toBe('95.2743');
  });

  it('returns the plain value of a non-ratio indicator, null when a figure is missing', () => {
    expect(measured(indicator({}), { value: '7.50' })).toBe('7.5');
    expect(measured(indicator({}), {})).toBeNull();
    expect(measured(solveRate, { numerator: '3' })).toBeNull();
    expect(scoreForInput(solveRate, { denominator: '0' })).toBeNull();
    expect(scoreOf(solveRate, null)).toBeNull();
  });

  it('scores a zero denominator by the ZERO or FULL rule: never NaN, never a throw', () => {
    expect(measured(solveRate, { numerator: '0', denominator: '0' })).toBeNull();
    expect(scoreForInput(solveRate, { numerator: '0', denominator: '0' })).toBe('0');
    expect(scoreForInput({ ...solveRate, zeroDenominator: 'FULL' }, { numerator: '0', denominator: '0' })).toBe('100');
    expect(scoreForInput({ ...solveRate, zeroDenominator: 'FULL' }, { numerator: '5', denominator: '0' })).toBe('100');
    // The rule's score stays within the indicator's bounds.
    expect(scoreForInput({ ...solveRate, zeroDenominator: 'ZERO', floor: '20' }, { numerator: '0', denominator: '0' })).toBe('20');
  });

  it('refuses RANK_POINTS, which is scored across entries', () => {
    expect(() => scoreForInput(indicator({ method: 'RANK_POINTS', step: '10' }), { value: '1' })).toThrow(/rankPoints/);
  });
});

describe('RANK_POINTS (排位赋分)', () => {
  it('shares ranks among ties (1, 2, 2, 4) and deducts step per rank', () => {
    const byStep = indicator({ method: 'RANK_POINTS', step: '10' });
    expect(rankPoints(byStep, ['90', '80', '80', '70'])).toEqual(['100', '90', '90', '70']);
    expect(rankPoints(byStep, ['70', null, '90', '80', '80'])).toEqual(['70', null, '100', '90', '90']);
    expect(rankPoints({ ...byStep, direction: 'LOWER_BETTER' }, ['90', '80', '80', '70'])).toEqual(['70', '90', '90', '100']);
    expect(rankPoints({ ...byStep, step: '40' }, ['4', '3', '2', '1'])).toEqual(['100', '60', '20', '0']);
  });

  it('spreads points evenly from 100 to lowest over the ranked values', () => {
    const toSixty = indicator({ method: 'RANK_POINTS', lowest: '60' });
    const points = rankPoints(toSixty, ['90', '80', '80', '70']);
    expect(points).toEqual(['100', '86.6667', '86.6667', '60']);
    expect(points.map((p) => round2(dec(p!)))).toEqual(['100', '86.67', '86.67', '60']);
    expect(rankPoints(toSixty, ['55', null])).toEqual(['100', null]);
    expect(rankPoints(toSixty, [null, null])).toEqual([null, null]);
  });
});

const doubleHundred: IndicatorSetDraft = {
  sections: [
    { key: 'work', label: '工作实绩', fullMark: 100 },
    { key: 'party', label: '党建', fullMark: 100 },
  ],
  indicators: [
    { key: 'growth', label: 'GDP 增速', section: 'work', unit: '%', weight: 60, method: 'EFFICACY', satisfactory: 12, disallowed: 6 },
    { key: 'solved', label: '破解率', section: 'work', weight: 40, method: 'TARGET_RATIO', target: 100, ratio: true, zeroDenominator: 'FULL' },
    { key: 'meetings', label: '三会一课', section: 'party', weight: 50, method: 'THRESHOLD', target: 12, partial: 50 },
    { key: 'incidents', label: '安全事故', section: 'party', weight: 50, method: 'PER_OCCURRENCE', pointsEach: -2 },
  ],
};

describe('buildIndicatorSet', () => {
  it('builds a 双百分制 set worth 200 with defaults filled in', () => {
    const set = buildIndicatorSet(doubleHundred);
    expect(set.fullMark).toBe('200');
    expect(set.sections.map((s) => s.weight)).toEqual(['1', '1']);
    const byKey = new Map(set.indicators.map((i) => [i.key, i]));
    expect(byKey.get('incidents')!.direction).toBe('LOWER_BETTER');
    expect(byKey.get('growth')).toMatchObject({
      direction: 'HIGHER_BETTER',
      satisfactory: '12',
      disallowed: '6',
      unit: '%',
      ratio: false,
      zeroDenominator: 'ZERO',
    });
    expect(byKey.get('solved')).toMatchObject({ ratio: true, zeroDenominator: 'FULL', cap: null });
  });

  it('weighs sections into the full mark', () => {
    const weighted = {
      ...doubleHundred,
      sections: [
        { ...doubleHundred.sections[0]!, weight: 0.7 },
        { ...doubleHundred.sections[1]!, weight: 0.3 },
      ],
    };
    expect(buildIndicatorSet(weighted).fullMark).toBe('100');
  });

  it('reports every problem at once, each at its path', () => {
    const bad: IndicatorDraft[] = [
      { key: 'growth', label: 'x', section: 'work', weight: 60, method: 'EFFICACY', satisfactory: 6, disallowed: 6 },
      { key: 'growth', label: 'x', section: 'nowhere', weight: 0, method: 'EFFICACY', disallowed: 6 },
      { key: 'constructor', label: 'x', section: 'party', weight: 50, method: 'TARGET_RATIO', target: 0 },
      { key: '9lives', label: '', section: 'party', weight: 50, method: 'RANK_POINTS' },
      { key: 'fines', label: 'x', section: 'work', weight: 40, method: 'PER_OCCURRENCE', direction: 'HIGHER_BETTER' },
      { key: 'odd', label: 'x', section: 'work', weight: 10, method: 'THRESHOLD', cap: 50, floor: 60, partial: Number.NaN },
    ];
    expect(issuesOf({ sections: doubleHundred.sections, indicators: bad })).toEqual([
      'input.indicators.0.satisfactory EQUAL_BOUNDS',
      'input.indicators.1.key DUPLICATE',
      'input.indicators.1.section UNKNOWN_CRITERION',
      'input.indicators.1.weight NOT_POSITIVE',
      'input.indicators.1.satisfactory MISSING_PARAMETER',
      'input.indicators.2.key RESERVED_WORD',
      'input.indicators.2.target NOT_POSITIVE',
      'input.indicators.3.key BAD_ID',
      'input.indicators.3.label TOO_SHORT',
      'input.indicators.3 ONE_OF_REQUIRED',
      'input.indicators.4.direction NOT_ONE_OF',
      'input.indicators.4.pointsEach MISSING_PARAMETER',
      'input.indicators.5.partial NOT_FINITE',
      'input.indicators.5.target MISSING_PARAMETER',
      'input.indicators.5.floor TOO_BIG',
      'input.sections.0.fullMark WEIGHTS_DO_NOT_SUM',
    ]);
  });

  it('reports section problems and weights that do not sum to the full mark, with the sums', () => {
    try {
      buildIndicatorSet({
        sections: [
          { key: 'work', label: 'a', fullMark: 100 },
          { key: 'work', label: 'b', fullMark: 100 },
          { key: 'toString', label: 'c', fullMark: -1, weight: 0 },
        ],
        indicators: [{ key: 'a', label: 'a', section: 'work', weight: 99.5, method: 'THRESHOLD', target: 1 }],
      });
      expect.unreachable();
    } catch (error) {
      const issues = (error as InvalidInputError).issues;
      expect(issues.map((i) => `${i.path} ${i.code}`)).toEqual([
        'input.sections.1.key DUPLICATE',
        'input.sections.2.key RESERVED_WORD',
        'input.sections.2.fullMark NOT_POSITIVE',
        'input.sections.2.weight NOT_POSITIVE',
        'input.sections.0.fullMark WEIGHTS_DO_NOT_SUM',
      ]);
      expect(issues.at(-1)!.params).toEqual({ expected: '100', actual: '99.5' });
    }
  });

  it('asks EFFICACY bounds to agree with the direction, and names what a method lacks', () => {
    const one = (d: Partial<IndicatorDraft>): IndicatorSetDraft => ({
      sections: [{ key: 's', label: 's', fullMark: 10 }],
      indicators: [{ key: 'i', label: 'i', section: 's', weight: 10, method: 'EFFICACY', ...d }],
    });
    expect(issuesOf(one({ satisfactory: 6, disallowed: 12 }))).toEqual(['input.indicators.0.satisfactory TOO_SMALL']);
    expect(issuesOf(one({ satisfactory: 12, disallowed: 6, direction: 'LOWER_BETTER' }))).toEqual(['input.indicators.0.satisfactory TOO_BIG']);
    expect(issuesOf(one({ satisfactory: 6, disallowed: 12, direction: 'LOWER_BETTER' }))).toEqual([]);
    expect(issuesOf(one({ method: 'RANK_POINTS', lowest: 120, step: -1 }))).toEqual([
      'input.indicators.0.step NOT_POSITIVE',
      'input.indicators.0.lowest TOO_BIG',
    ]);
    expect(issuesOf(one({ method: 'BOGUS' as never, zeroDenominator: 'HALF' as never }))).toEqual([
      'input.indicators.0.method NOT_ONE_OF',
      'input.indicators.0.zeroDenominator NOT_ONE_OF',
    ]);
    try {
      buildIndicatorSet(one({ satisfactory: 12 }));
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidInputError).issues[0]!.params).toEqual({ parameter: 'disallowed', method: 'EFFICACY' });
    }
  });
});

describe('entryResult', () => {
  const set = buildIndicatorSet(doubleHundred);
  const noCaps = { bonusCap: null, penaltyCap: null };

  it('sums a 双百分制 set to 200 and reports both section scores', () => {
    const full = entryResult(set, { growth: '100', solved: '100', meetings: '100', incidents: '100' }, [], noCaps);
    expect(full).toMatchObject({ sectionScores: { work: '100', party: '100' }, base: '200', total: '200', complete: true, vetoed: false });

    const result = entryResult(set, { growth: '58.7333', solved: '95.2743', meetings: '50', incidents: null }, [], noCaps);
    // growth 60 × 58.7333% = 35.24, solved 40 × 95.2743% = 38.11, meetings 25, incidents missing.
    expect(result.indicatorPoints).toEqual({ growth: '35.24', solved: '38.11', meetings: '25', incidents: null });
    expect(result.sectionScores).toEqual({ work: '73.35', party: '25' });
    expect(result).toMatchObject({ base: '98.35', total: '98.35', complete: false });
  });

  it('caps bonuses and penalties, and never goes below 0', () => {
    const scores = { growth: '100', solved: '100', meetings: '0', incidents: '0' };
    const lines: AdjustmentLine[] = [
      { kind: 'BONUS', points: '3' },
      { kind: 'BONUS', points: '4' },
      { kind: 'PENALTY', points: '2.5' },
    ];
    expect(entryResult(set, scores, lines, { bonusCap: '5', penaltyCap: '2' })).toMatchObject({ base: '100', bonus: '5', penalty: '2', total: '103' });
    expect(entryResult(set, scores, lines, noCaps)).toMatchObject({ bonus: '7', penalty: '2.5', total: '104.5' });
    const low = entryResult(set, { growth: '1' }, [{ kind: 'PENALTY', points: '10' }], noCaps);
    expect(low).toMatchObject({ base: '0.6', penalty: '10', total: '0' });
  });

  it('flags a veto and is null without any score', () => {
    const vetoed = entryResult(set, { growth: '100' }, [{ kind: 'VETO', points: '0' }], noCaps);
    expect(vetoed.vetoed).toBe(true);
    expect(vetoed.total).toBe('60');
    const empty = entryResult(set, {}, [{ kind: 'BONUS', points: '1' }], noCaps);
    expect(empty).toMatchObject({ total: null, base: '0', bonus: '1', complete: false, sectionScores: { work: '0', party: '0' } });
  });

  it('weighs section scores into the base (70% work, 30% party)', () => {
    const weighted = {
      sections: [section('work', '100', '0.7'), section('party', '100', '0.3')],
      indicators: [indicator({ key: 'x', section: 'work' }), indicator({ key: 'y', section: 'party' })],
    };
    expect(entryResult(weighted, { x: '90', y: '80' }, [], noCaps)).toMatchObject({ sectionScores: { work: '90', party: '80' }, base: '87', total: '87' });
  });

  it('ignores inherited keys in the scores', () => {
    const scores = Object.create({ growth: '100' }) as Record<string, string>;
    expect(entryResult(set, scores, [], noCaps).total).toBeNull();
  });
});

describe('properties', () => {
  const x = fc.integer({ min: -100_000, max: 100_000 }).map(hundredths);
  const direction = fc.constantFrom<Direction>('HIGHER_BETTER', 'LOWER_BETTER');
  const bounds = fc.record({
    floor: fc.option(fc.integer({ min: 0, max: 50 })),
    cap: fc.option(fc.integer({ min: 60, max: 150 })),
  });
  /** Valid per-entry indicator drafts: built through buildIndicatorSet, so they are what a round can hold. */
  const perEntry: fc.Arbitrary<IndicatorDraft> = fc
    .oneof(
      fc.tuple(direction, fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), bounds).map(([dir, a, gap, b]) => ({
        direction: dir,
        method: 'EFFICACY' as const,
        satisfactory: (dir === 'HIGHER_BETTER' ? a + gap : a - gap) / 10,
        disallowed: a / 10,
        ...b,
      })),
      fc
        .tuple(direction, fc.integer({ min: 1, max: 100_000 }), bounds)
        .map(([dir, target, b]) => ({ direction: dir, method: 'TARGET_RATIO' as const, target: target / 100, ...b })),
      fc
        .tuple(direction, fc.integer({ min: -1000, max: 1000 }), fc.option(fc.integer({ min: 0, max: 100 })), bounds)
        .map(([dir, target, partial, b]) => ({ direction: dir, method: 'THRESHOLD' as const, target, partial, ...b })),
      fc.tuple(fc.integer({ min: 1, max: 2000 }), bounds).map(([each, b]) => ({ method: 'PER_OCCURRENCE' as const, pointsEach: -each / 100, ...b })),
    )
    .map((d) => ({ key: 'i', label: 'i', section: 's', weight: 100, ...d }));
  const built = (d: IndicatorDraft) => buildIndicatorSet({ sections: [{ key: 's', label: 's', fullMark: 100 }], indicators: [d] }).indicators[0]!;

  it('per-entry scores move with x in the indicator’s direction and stay within [floor, cap]', () => {
    fc.assert(
      fc.property(perEntry, x, x, (draft, a, b) => {
        const ind = built(draft);
        const [low, high] = dec(a).lte(b) ? [a, b] : [b, a];
        const sLow = dec(indicatorScore(ind, low));
        const sHigh = dec(indicatorScore(ind, high));
        if (ind.direction === 'HIGHER_BETTER') expect(sLow.lte(sHigh)).toBe(true);
        else expect(sLow.gte(sHigh)).toBe(true);
        for (const s of [sLow, sHigh]) {
          expect(s.gte(ind.floor ?? 0)).toBe(true);
          expect(s.lte(ind.cap ?? 100)).toBe(true);
        }
      }),
    );
  });

  it('rank points give equal values equal points, better values no fewer, within [0, 100]', () => {
    const values = fc.array(fc.option(fc.integer({ min: 0, max: 20 }).map(hundredths)), { maxLength: 15 });
    const scheme = fc.oneof(
      fc.integer({ min: 1, max: 4000 }).map((s) => ({ step: hundredths(s), lowest: null })),
      fc.integer({ min: 0, max: 100 }).map((l) => ({ step: null, lowest: String(l) })),
    );
    fc.assert(
      fc.property(values, scheme, direction, (xs, s, dir) => {
        const ind = indicator({ method: 'RANK_POINTS', direction: dir, ...s });
        const points = rankPoints(ind, xs);
        xs.forEach((xi, i) => {
          const pi = points[i]!;
          expect(pi === null).toBe(xi === null);
          if (xi === null || pi === null) return;
          expect(dec(pi).gte(0) && dec(pi).lte(100)).toBe(true);
          xs.forEach((xj, j) => {
            const pj = points[j]!;
            if (xj === null || pj === null) return;
            const cmp = dec(xi).cmp(xj) * (dir === 'HIGHER_BETTER' ? 1 : -1);
            if (cmp === 0) expect(pi).toBe(pj);
            if (cmp > 0) expect(dec(pi).gte(pj)).toBe(true);
          });
        });
      }),
    );
  });

  it('an entry total lies in [0, fullMark + bonusCap] and is Σ section weight × section score without adjustments', () => {
    const sectionShape = fc.record({
      weight: fc.integer({ min: 1, max: 20 }).map((w) => w / 10),
      indicatorWeights: fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 4 }),
    });
    const setArb = fc.array(sectionShape, { minLength: 1, maxLength: 3 }).map((shapes) =>
      buildIndicatorSet({
        sections: shapes.map((s, i) => ({ key: `s${i}`, label: `s${i}`, weight: s.weight, fullMark: s.indicatorWeights.reduce((a, b) => a + b, 0) })),
        indicators: shapes.flatMap((s, i) =>
          s.indicatorWeights.map((w, j) => ({ key: `s${i}i${j}`, label: 'i', section: `s${i}`, weight: w, method: 'THRESHOLD' as const, target: 1 })),
        ),
      }),
    );
    const score = fc.option(fc.integer({ min: 0, max: 10_000 }).map(hundredths));
    const line = fc.record({
      kind: fc.constantFrom<AdjustmentLine['kind']>('BONUS', 'PENALTY', 'VETO'),
      points: fc.integer({ min: 0, max: 2000 }).map(hundredths),
    });
    fc.assert(
      fc.property(setArb, fc.infiniteStream(score), fc.array(line, { maxLength: 5 }), fc.integer({ min: 0, max: 30 }), (s, scores, lines, bonusCap) => {
        const given = Object.fromEntries(s.indicators.map((i) => [i.key, scores.next().value as string | null]));
        const caps = { bonusCap: String(bonusCap), penaltyCap: null };
        const result = entryResult(s, given, lines, caps);
        const weighted = round2(sum(s.sections.map((sec) => dec(sec.weight).times(result.sectionScores[sec.key]!))));
        expect(result.base).toBe(weighted);
        if (result.total === null) {
          expect(Object.values(given).every((v) => v === null)).toBe(true);
          return;
        }
        expect(dec(result.total).gte(0)).toBe(true);
        expect(dec(result.total).lte(dec(s.fullMark).plus(bonusCap))).toBe(true);
        const plain = entryResult(s, given, [], caps);
        expect(plain.total).toBe(weighted);
      }),
    );
  });
});
