import { InvalidInputError } from '../../domain/errors.js';
import type { Round, Viewer } from '../../domain/model.js';
import { asIndicatorsRound } from '../../methods/indicators/config.js';
import type { IndicatorValue } from '../../methods/indicators/model.js';
import { asRatingsRound } from '../../methods/ratings/config.js';
import type { Store } from '../../store/index.js';
import type { IndicatorValueService } from '../indicatorValues.js';
import type { RatingService } from './ratings.js';

export const RATING_RATES = ['SATISFACTION', 'CALLBACK', 'RECTIFICATION', 'ON_TIME'] as const;
/** Which of a unit's rates becomes the ratio indicator's numerator and denominator. */
export type RatingRate = (typeof RATING_RATES)[number];

const WORDS: Record<RatingRate, { part: string; whole: string; name: string }> = {
  SATISFACTION: { part: '满意', whole: '有效评价', name: '满意率' },
  CALLBACK: { part: '已回访', whole: '差评', name: '回访率' },
  RECTIFICATION: { part: '已整改', whole: '核实属实', name: '整改率' },
  ON_TIME: { part: '按期办结', whole: '已办结', name: '按期办结率' },
};

/**
 * Feeds a ratings round's figures into an indicator round as the counts of a RATIO
 * indicator (e.g. 群众满意率 in a 实绩比拼): for every unit entered in both rounds, the
 * rate's numerator and denominator, with the ratings round named as evidence. They are
 * entered like any other values — a second organizer still verifies them (maker-checker).
 */
export class IndicatorFeed {
  constructor(
    private readonly store: Store,
    private readonly ratings: RatingService,
    private readonly values: IndicatorValueService,
  ) {}

  async feed(viewer: Viewer, indicatorRound: Round, indicator: string, ratingsRound: Round, rate: RatingRate): Promise<IndicatorValue[]> {
    asIndicatorsRound(indicatorRound);
    asRatingsRound(ratingsRound);
    const [targets, sources] = await Promise.all([this.store.entries.listEntries(indicatorRound.id), this.store.entries.listEntries(ratingsRound.id)]);
    const rated = new Set(sources.flatMap((e) => (e.unit ? [e.unit.id] : [])));
    const matched = targets.filter((e) => e.unit && !e.cadre && rated.has(e.unit.id));
    if (matched.length === 0) throw InvalidInputError.at('ratingsRoundId', 'NOT_IN_ROUND', 'no unit is entered in both rounds');
    const words = WORDS[rate];
    const values = await Promise.all(
      matched.map(async (entry) => {
        const figures = await this.ratings.figures(ratingsRound, entry.unit!.id, null);
        const [part, whole] = countsOf(figures, rate);
        return {
          entryId: entry.id,
          indicator,
          numerator: part,
          denominator: whole,
          evidence: `${ratingsRound.name}：${words.part} ${part} / ${words.whole} ${whole}`,
          note: `由群众评议${words.name}导入`,
        };
      }),
    );
    return this.values.submitValues(viewer, indicatorRound, values, null);
  }
}

function countsOf(figures: Awaited<ReturnType<RatingService['figures']>>, rate: RatingRate): [number, number] {
  switch (rate) {
    case 'SATISFACTION':
      return [figures.satisfied, figures.count];
    case 'CALLBACK':
      return [figures.cases.calledBack, figures.cases.bad];
    case 'RECTIFICATION':
      return [figures.cases.rectified, figures.cases.verified];
    case 'ON_TIME':
      return [figures.cases.closedOnTime, figures.cases.closed];
  }
}
