import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RANK_START, compareRankValues, nextRank, rankAll, rankValueKey, type RankState, type RankValue } from '../../src/domain/ranking.js';
import { rankValueOf } from '../../src/methods/panel/quorum.js';

function rankSequence(values: (RankValue | null)[]): (number | null)[] {
  let state: RankState = RANK_START;
  return values.map((v) => {
    state = nextRank(state, v && rankValueKey(v));
    return state.rank;
  });
}
const value = (total: string, ...tieBreakers: string[]): RankValue => ({ total, tieBreakers });

describe('competition ranking', () => {
  it('shares ranks on ties and skips after them (1, 2, 2, 4)', () => {
    expect(rankSequence([value('95'), value('90.5'), value('90.50'), value('88'), null])).toEqual([1, 2, 2, 4, null]);
  });

  it('orders equal totals by the tie-breaking criteria in turn, sharing a rank only when all are equal', () => {
    const rows = [value('90', '18', '27'), value('90', '19', '20'), value('90', '18', '28'), value('90', '18', '27'), value('89', '20', '30')];
    const sorted = [...rows].sort(compareRankValues);
    expect(sorted).toEqual([value('90', '19', '20'), value('90', '18', '28'), value('90', '18', '27'), value('90', '18', '27'), value('89', '20', '30')]);
    expect(rankSequence(sorted)).toEqual([1, 2, 3, 3, 5]);
  });

  it('leaves entries below quorum unranked', () => {
    const result = { total: '90', criterionValues: {} };
    expect(rankValueOf(result, 2, { quorum: 3, tieBreakers: [] })).toBeNull();
    expect(rankValueOf(result, 3, { quorum: 3, tieBreakers: [] })).toEqual(value('90'));
  });

  it('agrees with rank = 1 + number of strictly better values, for any values and any page cut', () => {
    const anyValue = fc.option(
      fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 })).map(([t, b]) => value(String(t / 4), String(b))),
      { nil: null },
    );
    fc.assert(
      fc.property(fc.array(anyValue, { maxLength: 30 }), fc.nat(), (values, cutAt) => {
        const sorted = [...values].sort(compareRankValues);
        const streamed = rankSequence(sorted);
        expect(streamed).toEqual(rankAll(sorted));
        expect(rankAll(values)).toEqual(values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && compareRankValues(o, v) < 0).length)));
        const cut = sorted.length === 0 ? 0 : cutAt % sorted.length;
        let state: RankState = RANK_START;
        for (const v of sorted.slice(0, cut)) state = nextRank(state, v && rankValueKey(v));
        const rest = sorted.slice(cut).map((v) => {
          state = nextRank(state, v && rankValueKey(v));
          return state.rank;
        });
        expect(rest).toEqual(streamed.slice(cut));
      }),
    );
  });

  it('encodes rank values so that key order is rank order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        const ka = rankValueKey(value(String(a / 100)));
        const kb = rankValueKey(value(String(b / 100)));
        expect(Math.sign(ka.localeCompare(kb))).toBe(Math.sign(b - a));
      }),
    );
  });
});
