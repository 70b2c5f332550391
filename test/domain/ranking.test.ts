import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RANK_START, compareTotalsDescending, nextRank, rankAll, type RankState } from '../../src/domain/ranking.js';

function rankSequence(totals: (string | null)[]): (number | null)[] {
  let state: RankState = RANK_START;
  return totals.map((t) => (state = nextRank(state, t)).rank);
}

describe('competition ranking', () => {
  it('shares ranks on ties and skips after them (1, 2, 2, 4)', () => {
    expect(rankSequence(['95', '90.5', '90.50', '88', null])).toEqual([1, 2, 2, 4, null]);
  });

  it('continues correctly from a state carried across pages', () => {
    const firstPage = [nextRank(RANK_START, '90')];
    const carried = { ...firstPage[0]! };
    expect(nextRank(carried, '90').rank).toBe(1);
    expect(nextRank(nextRank(carried, '90'), '80').rank).toBe(3);
  });

  it('agrees with rank = 1 + number of strictly greater totals, for any totals', () => {
    const total = fc.option(fc.integer({ min: 0, max: 40 }).map((n) => String(n / 4)), { nil: null });
    fc.assert(
      fc.property(fc.array(total, { maxLength: 30 }), (totals) => {
        const sorted = [...totals].sort(compareTotalsDescending);
        const streamed = rankSequence(sorted);
        const direct = rankAll(sorted);
        expect(streamed).toEqual(direct);
        // Paging anywhere gives the same ranks as one pass.
        const cut = Math.floor(sorted.length / 2);
        let state: RankState = RANK_START;
        for (const t of sorted.slice(0, cut)) state = nextRank(state, t);
        const rest = sorted.slice(cut).map((t) => (state = nextRank(state, t)).rank);
        expect(rest).toEqual(streamed.slice(cut));
      }),
    );
  });
});
