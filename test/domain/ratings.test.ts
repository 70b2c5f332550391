import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.js';
import { openCase, transition, type CaseAction, type CaseState } from '../../src/methods/ratings/cases.js';
import { caseCountsOf, emptyCounts, figuresOf, type LevelCounts, rankingValue, wilsonLowerBound } from '../../src/methods/ratings/figures.js';
import { isBad, isRatingLevel, LEVEL_LABELS, levelsOf, RATING_LEVELS } from '../../src/methods/ratings/levels.js';

const counts = (partial: Partial<LevelCounts>): LevelCounts => ({ ...emptyCounts(), ...partial });
/** A canonical decimal string: no exponent, no trailing zeros, at most four decimals. */
const RATE = /^(0|1|0\.\d{0,3}[1-9])$/;

const levelCounts = (max = 5_000): fc.Arbitrary<LevelCounts> =>
  fc.record({
    VERY_SATISFIED: fc.nat(max),
    SATISFIED: fc.nat(max),
    BASICALLY_SATISFIED: fc.nat(max),
    DISSATISFIED: fc.nat(max),
    VERY_DISSATISFIED: fc.nat(max),
  });

describe('rating levels', () => {
  it('offers five levels, or 满意 / 不满意 on the two-level scale', () => {
    expect(levelsOf('FIVE_LEVEL')).toEqual(RATING_LEVELS);
    expect(levelsOf('TWO_LEVEL')).toEqual(['SATISFIED', 'DISSATISFIED']);
    expect(RATING_LEVELS.map((l) => LEVEL_LABELS[l])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });

  it('counts the lowest two as 差评', () => {
    expect(RATING_LEVELS.filter(isBad)).toEqual(['DISSATISFIED', 'VERY_DISSATISFIED']);
    expect(levelsOf('TWO_LEVEL').filter(isBad)).toEqual(['DISSATISFIED']);
    expect(isRatingLevel('SATISFIED')).toBe(true);
    expect(isRatingLevel('GOOD')).toBe(false);
  });
});

describe('rating figures: worked examples', () => {
  it('3 ratings, all satisfied: satisfaction 1, but a Wilson lower bound of only 0.4385', () => {
    const f = figuresOf(counts({ VERY_SATISFIED: 2, BASICALLY_SATISFIED: 1 }));
    expect(f).toMatchObject({ count: 3, satisfied: 3, bad: 0, satisfactionRate: '1', badRate: '0', wilsonLower: '0.4385' });
    expect(f.callbackRate).toBeNull();
  });

  it('3,000 ratings, 2,900 satisfied: 0.9667 and a Wilson lower bound of about 0.96, so the big unit ranks first by WILSON', () => {
    const small = figuresOf(counts({ SATISFIED: 3 }));
    const big = figuresOf(counts({ VERY_SATISFIED: 2_000, SATISFIED: 900, DISSATISFIED: 60, VERY_DISSATISFIED: 40 }));
    expect(big).toMatchObject({ count: 3_000, satisfied: 2_900, bad: 100, satisfactionRate: '0.9667', badRate: '0.0333', wilsonLower: '0.9596' });

    const rank = (by: 'SATISFACTION' | 'WILSON') =>
      [
        { unit: 'small', v: rankingValue(small, { minRatings: 1, by }) },
        { unit: 'big', v: rankingValue(big, { minRatings: 1, by }) },
      ]
        .sort((a, b) => dec(b.v!).cmp(dec(a.v!)))
        .map((r) => r.unit);
    expect(rank('SATISFACTION')).toEqual(['small', 'big']);
    expect(rank('WILSON')).toEqual(['big', 'small']);
  });

  it('leaves a unit with fewer ratings than the minimum unranked', () => {
    const f = figuresOf(counts({ SATISFIED: 29, DISSATISFIED: 1 }));
    expect(rankingValue(f, { minRatings: 31, by: 'SATISFACTION' })).toBeNull();
    expect(rankingValue(f, { minRatings: 30, by: 'SATISFACTION' })).toBe('0.9667');
    expect(rankingValue(f, { minRatings: 30, by: 'WILSON' })).toBe(f.wilsonLower);
    expect(rankingValue(figuresOf(emptyCounts()), { minRatings: 0, by: 'WILSON' })).toBeNull();
  });

  it('has no rates without ratings', () => {
    expect(figuresOf(emptyCounts())).toMatchObject({ count: 0, satisfactionRate: null, badRate: null, wilsonLower: null });
  });

  it('rates the follow-up: callbacks of the cases that count, rectified of the substantiated, closed on time of the closed', () => {
    const f = figuresOf(counts({ SATISFIED: 10, DISSATISFIED: 3 }), {
      bad: 3,
      calledBack: 2,
      verified: 1,
      rectified: 1,
      closed: 2,
      closedOnTime: 1,
      upheldAppeals: 1,
    });
    expect(f).toMatchObject({ callbackRate: '0.6667', rectificationRate: '1', onTimeRate: '0.5' });
    const none = figuresOf(emptyCounts(), { bad: 0, calledBack: 0, verified: 0, rectified: 0, closed: 0, closedOnTime: 0, upheldAppeals: 0 });
    expect(none).toMatchObject({ callbackRate: null, rectificationRate: null, onTimeRate: null });
  });

  it('counts cases from their records, leaving UPHELD ones out of all but upheldAppeals', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 10, 16, h));
    const fresh = openCase(t(0), { callbackDueAt: t(8), rectificationDueAt: t(20) });
    const run = (actions: CaseAction[]): CaseState => actions.reduce(transition, fresh);
    const cases = [
      fresh,
      run([{ type: 'CALL_BACK', at: t(1) }]),
      run([
        { type: 'CALL_BACK', at: t(1) },
        { type: 'VERIFY', substantiated: true, at: t(2) },
        { type: 'RECTIFY', at: t(3) },
        { type: 'CLOSE', at: t(4) },
      ]),
      run([
        { type: 'CALL_BACK', at: t(1) },
        { type: 'VERIFY', substantiated: false, at: t(2) },
        { type: 'CLOSE', at: t(21) },
      ]),
      run([
        { type: 'APPEAL', at: t(1) },
        { type: 'DECIDE_APPEAL', upheld: true, at: t(2) },
      ]),
    ];
    expect(caseCountsOf(cases)).toEqual({ bad: 4, calledBack: 3, verified: 1, rectified: 1, closed: 2, closedOnTime: 1, upheldAppeals: 1 });
  });

  it('refuses counts that are not whole numbers ≥ 0, and case counts above their denominator', () => {
    expect(() => figuresOf(counts({ SATISFIED: -1 }))).toThrow(RangeError);
    expect(() => figuresOf(counts({ SATISFIED: 1.5 }))).toThrow(RangeError);
    expect(() =>
      figuresOf(counts({ DISSATISFIED: 1 }), { bad: 1, calledBack: 2, verified: 0, rectified: 0, closed: 0, closedOnTime: 0, upheldAppeals: 0 }),
    ).toThrow(RangeError);
  });
});

describe('rating figures: properties', () => {
  it('rates are canonical decimals within [0, 1] that add up, give or take rounding', () => {
    fc.assert(
      fc.property(levelCounts(), (c) => {
        const f = figuresOf(c);
        expect(f.count).toBe(RATING_LEVELS.reduce((s, l) => s + c[l], 0));
        expect(f.satisfied + f.bad).toBe(f.count);
        if (f.count === 0) return;
        for (const r of [f.satisfactionRate, f.badRate, f.wilsonLower]) expect(r).toMatch(RATE);
        const exact = dec(f.satisfied).div(f.count);
        expect(dec(f.satisfactionRate!).minus(exact).abs().lte('0.00005')).toBe(true);
        expect(dec(f.satisfactionRate!).plus(f.badRate!).minus(1).abs().lte('0.0001')).toBe(true);
      }),
    );
  });

  it('the case rates lie within [0, 1]', () => {
    const caseCounts = fc.tuple(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500)).map(([bad, a, b, c, d, e]) => {
      const calledBack = Math.min(a, bad);
      const verified = Math.min(b, calledBack);
      const rectified = Math.min(c, verified);
      const closed = Math.min(d, calledBack);
      return { bad, calledBack, verified, rectified, closed, closedOnTime: Math.min(e, closed), upheldAppeals: e };
    });
    fc.assert(
      fc.property(levelCounts(50), caseCounts, (c, cases) => {
        const f = figuresOf(c, cases);
        for (const r of [f.callbackRate, f.rectificationRate, f.onTimeRate]) if (r !== null) expect(r).toMatch(RATE);
      }),
    );
  });

  it('the Wilson lower bound never exceeds the satisfaction rate', () => {
    fc.assert(
      fc.property(levelCounts(), (c) => {
        const f = figuresOf(c);
        if (f.count === 0) return;
        expect(dec(f.wilsonLower!).lte(f.satisfactionRate!)).toBe(true);
        expect(wilsonLowerBound(f.satisfied, f.count)).toBeLessThanOrEqual(f.satisfied / f.count);
      }),
    );
  });

  it('the Wilson lower bound grows with the number of ratings at a fixed proportion', () => {
    const proportion = fc.integer({ min: 1, max: 200 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
    fc.assert(
      fc.property(proportion, fc.integer({ min: 2, max: 50 }), ([k, n], m) => {
        const smaller = figuresOf(counts({ SATISFIED: k, DISSATISFIED: n - k }));
        const larger = figuresOf(counts({ SATISFIED: k * m, DISSATISFIED: (n - k) * m }));
        expect(larger.satisfactionRate).toBe(smaller.satisfactionRate);
        expect(dec(larger.wilsonLower!).gte(smaller.wilsonLower!)).toBe(true);
        if (k > 0) expect(wilsonLowerBound(k * m, n * m)).toBeGreaterThan(wilsonLowerBound(k, n));
        else expect(larger.wilsonLower).toBe('0');
      }),
    );
  });
});
