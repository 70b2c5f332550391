import { canonical, dec, sum } from '../domain/decimal.js';
import { own } from '../domain/dict.js';
import type { Round } from '../domain/model.js';
import type { Decimal } from '../domain/primitives.js';
import { asIndicatorsRound } from '../methods/indicators/config.js';
import { indicatorsEntry } from '../methods/indicators/fold.js';
import { measured } from '../methods/indicators/formulas.js';
import type { Adjustment, Indicator, IndicatorValue, Section } from '../methods/indicators/model.js';
import type { StoredEntry } from '../store/entries.js';
import type { Store } from '../store/index.js';

/** One indicator of an entry's assessment. */
export interface IndicatorLine {
  indicator: Indicator;
  value: IndicatorValue | null;
  measured: Decimal | null;
  score: Decimal | null;
  points: Decimal | null;
}

export interface SectionScoreParent {
  section: Section;
  score: Decimal;
}

/** An entry's indicator assessment, with aggregates only when the caller may see scores. */
export interface IndicatorAssessment {
  entry: StoredEntry;
  rank: number | null;
  total: Decimal | null;
  base: Decimal | null;
  bonus: Decimal;
  penalty: Decimal;
  vetoed: boolean;
  sections: SectionScoreParent[];
  indicators: IndicatorLine[];
  adjustments: Adjustment[];
}

/** An indicator round's protocol of one entry, as far as the caller may see it. */
export class IndicatorAssessmentService {
  constructor(private readonly store: Store) {}

  /** The measure x a value gives its indicator (a ratio's percentage; null: not measurable). */
  measuredOf(indicator: Indicator, value: IndicatorValue): Decimal | null {
    return measured(indicator, value);
  }

  /** The 0–100 score an entry's aggregate holds for an indicator (RANK_POINTS: after close). */
  scoreOf(entry: StoredEntry, indicator: string): Decimal | null {
    return own(indicatorsEntry(entry).scores, indicator) ?? null;
  }

  /**
   * One entry's assessment: every indicator's verified value, measure, score and
   * points, the sections, the adjustments and the total. Without `show.scores` only
   * what was measured is shown; organizers (`show.managing`) also see what is pending.
   */
  async assessment(round: Round, entry: StoredEntry, rank: number | null, show: { scores: boolean; managing: boolean }): Promise<IndicatorAssessment> {
    const { method } = asIndicatorsRound(round);
    const evidence = await this.store.indicatorEvidence.loadEntryEvidence(round.id, entry.keyPart, entry.id);
    const counted = indicatorsEntry(entry);
    const verified = new Map(evidence.values.filter((v) => show.managing || v.status === 'VERIFIED').map((v) => [v.indicator, v]));
    const hidden = !show.scores;
    const sections = method.indicatorSet.sections.map((section) => ({ section, score: own(counted.sectionScores, section.key) ?? '0' }));
    return {
      entry,
      rank: hidden ? null : rank,
      total: hidden ? null : entry.total,
      base: hidden || entry.total === null ? null : canonical(sum(sections.map((s) => dec(s.score).times(s.section.weight)))),
      bonus: hidden ? '0' : counted.bonus,
      penalty: hidden ? '0' : counted.penalty,
      vetoed: !hidden && counted.vetoed,
      sections: hidden ? [] : sections,
      indicators: method.indicatorSet.indicators.map((indicator) => ({
        indicator,
        // Values and measures give the totals away: shown when scores are (organizers always).
        value: hidden && !show.managing ? null : (verified.get(indicator.key) ?? null),
        measured: hidden && !show.managing ? null : (own(counted.measured, indicator.key) ?? null),
        score: hidden ? null : (own(counted.scores, indicator.key) ?? null),
        points: hidden ? null : (own(counted.indicatorPoints, indicator.key) ?? null),
      })),
      adjustments: evidence.adjustments.filter((a) => show.managing || (!hidden && a.status === 'APPROVED')),
    };
  }
}
