import { own } from '../../domain/dict.js';
import type { RoundScoring } from '../../domain/roundScoring.js';
import { indicatorsEntry, roundRankPoints, withResult } from './fold.js';
import type { IndicatorsConfig } from './model.js';

/**
 * An indicator round's scoring: the total of the verified values' weighted scores and
 * the approved adjustments; rank points across the round at close; a veto (一票否决)
 * leaves the entry unranked, after every ranked entry. Ties share a rank.
 */
export function indicatorsScoring(config: IndicatorsConfig): RoundScoring {
  const set = config.indicatorSet;
  return {
    rankValue(entry) {
      const e = indicatorsEntry(entry);
      if (e.vetoed || e.total === null) return null;
      return { total: e.total, tieBreakers: [] };
    },
    vetoed: (entry) => indicatorsEntry(entry).vetoed,
    evidenceCount: (entry) => indicatorsEntry(entry).valueCount,
    rescore(entry) {
      const e = indicatorsEntry(entry);
      return withResult(config, entry, e, null);
    },
    finalize(entries) {
      const aggregates = entries.map((e) => indicatorsEntry(e));
      const points = roundRankPoints(config, aggregates);
      return entries.map((entry, i) => withResult(config, entry, aggregates[i]!, points[i]!));
    },
    derivedFields: ['measured', 'scores', 'indicatorPoints', 'sectionScores', 'adjustments', 'bonus', 'penalty', 'vetoed', 'valueCount'],
    breakdownColumns: () => [
      ...set.sections.map((s) => ({ key: `section_${s.key}`, header: { en: `section_${s.key}`, 'zh-CN': s.label } })),
      ...set.indicators.map((i) => ({ key: `points_${i.key}`, header: { en: `points_${i.key}`, 'zh-CN': `${i.label}（得分）` } })),
      { key: 'bonus', header: { en: 'bonus', 'zh-CN': '加分' } },
      { key: 'penalty', header: { en: 'penalty', 'zh-CN': '扣分' } },
    ],
    breakdown(entry) {
      const e = indicatorsEntry(entry);
      return {
        ...Object.fromEntries(set.sections.map((s) => [`section_${s.key}`, own(e.sectionScores, s.key) ?? null])),
        ...Object.fromEntries(set.indicators.map((i) => [`points_${i.key}`, own(e.indicatorPoints, i.key) ?? null])),
        bonus: e.bonus,
        penalty: e.penalty,
      };
    },
  };
}
