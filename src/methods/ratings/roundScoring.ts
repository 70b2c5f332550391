import { dec, round2 } from '../../domain/decimal.js';
import type { Entry } from '../../domain/model.js';
import type { RoundScoring } from '../../domain/roundScoring.js';
import { emptyCounts, figuresOf, rankingValue, type LevelCounts } from './figures.js';
import { LEVEL_LABELS, RATING_LEVELS } from './levels.js';
import type { RatingsConfig } from './model.js';

/** What a ratings round keeps on each unit's entry: the counts folded from its codes' counters. */
export interface RatingsAggregate {
  counts: LevelCounts;
  /** Ratings taken out of the figures by upheld appeals. */
  removed: number;
  /** When the counters were last folded in. */
  collectedAt: string | null;
}

export type RatingsEntry<E extends Entry = Entry> = E & RatingsAggregate;

export function emptyRatingsAggregate(): RatingsAggregate {
  return { counts: emptyCounts(), removed: 0, collectedAt: null };
}

export function ratingsEntry<E extends Entry>(entry: E): RatingsEntry<E> {
  const stored = entry as E & Partial<RatingsAggregate>;
  return { ...entry, counts: { ...emptyCounts(), ...(stored.counts ?? {}) }, removed: stored.removed ?? 0, collectedAt: stored.collectedAt ?? null };
}

/** The entry's total: 满意率 as a percentage, two decimals (null without a rating). */
export function withRatingsResult<E extends Entry>(entry: RatingsEntry<E>): RatingsEntry<E> {
  const figures = figuresOf(entry.counts);
  const total = figures.satisfactionRate === null ? null : round2(dec(figures.satisfactionRate).times(100));
  return { ...entry, rawTotal: total, total };
}

/**
 * A ratings round's scoring: units ranked on 满意率 (or its Wilson lower bound), once
 * they have `minRatings` ratings; the total shown is 满意率 in per cent.
 */
export function ratingsScoring(config: RatingsConfig): RoundScoring {
  return {
    rankValue(entry) {
      const figures = figuresOf(ratingsEntry(entry).counts);
      const value = rankingValue(figures, { minRatings: config.minRatings, by: config.rankBy });
      return value === null ? null : { total: value, tieBreakers: [String(figures.count)] };
    },
    vetoed: () => false,
    evidenceCount: (entry) => figuresOf(ratingsEntry(entry).counts).count,
    rescore: (entry) => withRatingsResult(ratingsEntry(entry)),
    finalize: (entries) => entries.map((entry) => withRatingsResult(ratingsEntry(entry))),
    derivedFields: ['counts', 'removed'],
    headers: { total: { en: 'total', 'zh-CN': '满意率（%）' }, evidence: { en: 'sheetCount', 'zh-CN': '有效评价数' } },
    breakdownColumns: () => [
      { key: 'ratings', header: { en: 'ratings', 'zh-CN': '评价数' } },
      ...RATING_LEVELS.filter((level) => config.scale === 'FIVE_LEVEL' || level === 'SATISFIED' || level === 'DISSATISFIED').map((level) => ({
        key: `level_${level.toLowerCase()}`,
        header: { en: `level_${level.toLowerCase()}`, 'zh-CN': LEVEL_LABELS[level] },
      })),
      { key: 'bad_rate', header: { en: 'bad_rate', 'zh-CN': '差评率' } },
      { key: 'wilson_lower', header: { en: 'wilson_lower', 'zh-CN': '满意率置信下限' } },
      { key: 'removed_by_appeal', header: { en: 'removed_by_appeal', 'zh-CN': '申诉剔除' } },
    ],
    breakdown(entry) {
      const e = ratingsEntry(entry);
      const figures = figuresOf(e.counts);
      return {
        ratings: String(figures.count),
        ...Object.fromEntries(RATING_LEVELS.map((level) => [`level_${level.toLowerCase()}`, String(e.counts[level])])),
        bad_rate: figures.badRate,
        wilson_lower: figures.wilsonLower,
        removed_by_appeal: String(e.removed),
      };
    },
  };
}
