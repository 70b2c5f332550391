import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blackList, mostImproved, persistentlyLow, rankChange, redList, type Placed } from '../../src/domain/progression.js';

const placed = (key: string, rank: number | null, vetoed = false): Placed => ({ key, rank, vetoed });

describe('争先进位 and 红黑榜', () => {
  it('counts a climb as positive and leaves new or unranked entries without a change', () => {
    expect(rankChange(5, 2)).toBe(3);
    expect(rankChange(2, 4)).toBe(-2);
    expect(rankChange(undefined, 1)).toBeNull();
    expect(rankChange(3, null)).toBeNull();
  });

  it('takes the whole tie at the cut-off of the red list, and never a vetoed entry', () => {
    const entries = [placed('a', 1), placed('b', 2), placed('c', 3), placed('d', 3), placed('e', 5), placed('v', null, true)];
    expect(redList(entries, 3).map((e) => e.key)).toEqual(['a', 'b', 'c', 'd']);
    expect(redList(entries, 0)).toEqual([]);
  });

  it('puts vetoed entries first on the black list, then the worst ranked, ties at the cut included', () => {
    const entries = [placed('a', 1), placed('b', 2), placed('c', 3), placed('d', 3), placed('v', null, true), placed('u', null)];
    expect(blackList(entries, 2).map((e) => e.key)).toEqual(['v', 'c', 'd']);
  });

  it('lists only entries that climbed as most improved', () => {
    const entries = [
      { ...placed('a', 1), change: 4 },
      { ...placed('b', 2), change: 0 },
      { ...placed('c', 3), change: 4 },
      { ...placed('d', 4), change: -1 },
      { ...placed('e', 5), change: 1 },
    ];
    expect(mostImproved(entries, 1).map((e) => e.key)).toEqual(['a', 'c']);
  });

  it('finds who sat in the bottom two rounds running', () => {
    const q1 = [placed('a', 1), placed('b', 2), placed('c', 3)];
    const q2 = [placed('a', 1), placed('c', 2), placed('b', 3)];
    const q3 = [placed('c', 1), placed('a', 2), placed('b', 3)];
    expect(persistentlyLow([q1, q2, q3], 1, 2)).toEqual(['b']);
    expect(persistentlyLow([q1, q2, q3], 1, 3)).toEqual([]);
    expect(persistentlyLow([q3], 1, 2)).toEqual([]);
  });

  it('never lists more than the size unless a tie forces it, and then only the tied', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), { maxLength: 30 }), fc.integer({ min: 0, max: 10 }), (ranks, size) => {
        const entries = ranks.map((rank, i) => placed(`k${i}`, rank));
        const red = redList(entries, size);
        if (red.length > size) expect(new Set(red.slice(size - 1).map((e) => e.rank)).size).toBe(1);
        for (const e of red) expect(e.rank).not.toBeNull();
      }),
    );
  });
});
