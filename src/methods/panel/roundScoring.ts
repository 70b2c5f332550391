import { dec } from '../../domain/decimal.js';
import { own } from '../../domain/dict.js';
import type { Entry } from '../../domain/model.js';
import type { RoundScoring } from '../../domain/roundScoring.js';
import { panelEntry, type PanelEntry } from './aggregate.js';
import type { PanelConfig } from './config.js';
import { zscoreNormalize, type ScoredSheet } from './normalization.js';
import { rankValueOf } from './quorum.js';
import { scoreEntry, type JudgeSheet } from './scoring.js';

/** A panel round's scoring: sheets trimmed and aggregated by the rule, z-scores at close when asked. */
export function panelScoring(config: PanelConfig): RoundScoring {
  const criteria = config.rubric.criteria;
  const classes = config.classes ?? [];
  return {
    rankValue(entry) {
      const panel = panelEntry(entry);
      return rankValueOf(panel, panel.sheetCount, config);
    },
    vetoed: () => false,
    evidenceCount: (entry) => panelEntry(entry).sheetCount,
    rescore: (entry) => withAggregate(config, panelEntry(entry), panelEntry(entry).normalized),
    finalize(entries) {
      const panel = entries.map((e) => panelEntry(e));
      const normalized = config.normalization === 'ZSCORE' ? zscoreNormalize(scoredSheets(panel), config.rubric.maxTotal) : null;
      return panel.map((entry) => withAggregate(config, entry, normalized ? (normalized.get(entry.id) ?? null) : null));
    },
    // The aggregate itself first: verification compares it with the sheets it was built from.
    derivedFields: ['sheets', 'sheetCount', 'audience', 'criterionValues', 'normalized', 'classResults'],
    breakdownColumns: () => [
      ...criteria.map((c) => ({ key: `mean_${c.key}`, header: { en: `mean_${c.key}`, 'zh-CN': `${c.label}（均分）` } })),
      ...classes.map((c) => ({ key: `class_${c.key}`, header: { en: `class_${c.key}`, 'zh-CN': `${c.label}（${percent(c.weight)}）` } })),
      { key: 'bonus', header: { en: 'bonus', 'zh-CN': '附加分' } },
      { key: 'overtime_deduction', header: { en: 'overtime_deduction', 'zh-CN': '超时扣分' } },
    ],
    breakdown(entry) {
      const panel = panelEntry(entry);
      const byClass = new Map(panel.classResults.map((r) => [r.key, r.result]));
      return Object.fromEntries([
        ...criteria.map((c) => [`mean_${c.key}`, own(panel.criterionValues, c.key) ?? null]),
        ...classes.map((c) => [`class_${c.key}`, byClass.get(c.key) ?? null]),
        ['bonus', panel.bonus],
        ['overtime_deduction', panel.overtimeDeduction],
      ]);
    },
  };
}

const percent = (weight: string) => `${dec(weight).times(100).toFixed()}%`;

/** The entry's derived fields from its sheets (and normalised totals, once finalised). */
export function withAggregate<E extends Entry>(config: PanelConfig, entry: PanelEntry<E>, normalized: PanelEntry['normalized']): PanelEntry<E> {
  return {
    ...entry,
    sheetCount: Object.keys(entry.sheets).length,
    normalized,
    ...scoreEntry(config.rubric.criteria, config, entry.sheets, normalized, { bonus: entry.bonus, deduction: entry.overtimeDeduction }, entry.audience),
  };
}

/** Every sheet total of the round, for normalisation and judge statistics. */
export function scoredSheets(entries: readonly PanelEntry[]): ScoredSheet[] {
  return entries.flatMap((entry) =>
    Object.entries(entry.sheets).map(([judgeId, sheet]: [string, JudgeSheet]) => ({ entryId: entry.id, judgeId, total: sheet.total })),
  );
}
