import { NotFoundError } from '../../domain/errors.js';
import { parseEntryId } from '../../domain/ids.js';
import { asIndicatorsRound } from '../../methods/indicators/config.js';
import { roundAccess } from '../../services/visibility.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/types.js';
import { toConnection, toFloat } from './scalars.js';

/** Measured results: the INDICATORS method's sets, values, adjustments and assessments. */
export const indicatorResolvers: Resolvers = {
  Query: {
    indicatorSet: (_, { id, version }, { services }) => services.indicatorSets.getIndicatorSet(id, version),
    indicatorSets: async (_, args, { services }) => toConnection(await services.indicatorSets.listIndicatorSets(args)),
    indicatorValues: (_, { roundId, status }, { services }) => services.indicators.values(roundId, status),
    adjustments: (_, { roundId }, { services }) => services.adjustments.adjustments(roundId),
    indicatorAssessment: async (_, { entryId }, context) => {
      const { roundId } = parseEntryId(entryId, 'entryId');
      const [round, entry] = await Promise.all([requiredRound(context, roundId), context.loaders.entry.load(entryId)]);
      if (!entry) throw new NotFoundError('Entry', entryId, 'entryId');
      const access = await roundAccess(context, round);
      const rank = access.scores ? await context.services.leaderboard.rankOf(entry, round) : null;
      return context.services.indicatorAssessment.assessment(round, entry, rank, access);
    },
  },
  Mutation: {
    createIndicatorSet: (_, { input }, { services, viewer }) => services.indicatorSets.createIndicatorSet(viewer!, input),
    updateIndicatorSet: (_, { id, input }, { services, viewer }) => services.indicatorSets.updateIndicatorSet(viewer!, id, input),
    submitIndicatorValues: async (_, { roundId, values, clientRequestId }, context) =>
      context.services.indicators.submitValues(context.viewer!, await requiredRound(context, roundId), values, clientRequestId),
    verifyIndicatorValues: async (_, { roundId, ids }, context) =>
      context.services.indicators.verifyValues(context.viewer!, await requiredRound(context, roundId), ids),
    addAdjustment: (_, { entryId, input }, { services, viewer }) => services.adjustments.addAdjustment(viewer!, entryId, input),
    approveAdjustment: (_, { id }, { services, viewer }) => services.adjustments.approveAdjustment(viewer!, id),
  },
  IndicatorsMethod: {
    bonusCap: (config) => toFloat(config.bonusCap),
    penaltyCap: (config) => toFloat(config.penaltyCap),
  },
  IndicatorSet: {
    fullMark: (set) => Number(set.fullMark),
  },
  IndicatorSection: {
    fullMark: (section) => Number(section.fullMark),
    weight: (section) => Number(section.weight),
  },
  Indicator: {
    weight: (i) => Number(i.weight),
    satisfactory: (i) => toFloat(i.satisfactory),
    disallowed: (i) => toFloat(i.disallowed),
    target: (i) => toFloat(i.target),
    cap: (i) => toFloat(i.cap),
    floor: (i) => toFloat(i.floor),
    partial: (i) => toFloat(i.partial),
    step: (i) => toFloat(i.step),
    lowest: (i) => toFloat(i.lowest),
    pointsEach: (i) => toFloat(i.pointsEach),
  },
  IndicatorValue: {
    entry: async (v, _, { loaders }) => required(await loaders.entry.load(v.entryId), 'Entry', v.entryId),
    indicator: async (v, _, context) => {
      const round = asIndicatorsRound(await requiredRound(context, v.roundId));
      return required(round.method.indicatorSet.indicators.find((i) => i.key === v.indicator) ?? null, 'Indicator', v.indicator);
    },
    value: (v) => toFloat(v.value),
    numerator: (v) => toFloat(v.numerator),
    denominator: (v) => toFloat(v.denominator),
    measured: async (v, _, context) => {
      const round = asIndicatorsRound(await requiredRound(context, v.roundId));
      const indicator = round.method.indicatorSet.indicators.find((i) => i.key === v.indicator);
      return indicator ? toFloat(context.services.indicatorAssessment.measuredOf(indicator, v)) : null;
    },
    score: async (v, _, context) => {
      if (v.status !== 'VERIFIED') return null;
      const entry = await context.loaders.entry.load(v.entryId);
      return entry ? toFloat(context.services.indicatorAssessment.scoreOf(entry, v.indicator)) : null;
    },
  },
  Adjustment: {
    entry: async (a, _, { loaders }) => required(await loaders.entry.load(a.entryId), 'Entry', a.entryId),
    points: (a) => Number(a.points),
  },
  IndicatorAssessment: {
    total: (a) => toFloat(a.total),
    base: (a) => toFloat(a.base),
    bonus: (a) => Number(a.bonus),
    penalty: (a) => Number(a.penalty),
  },
  IndicatorLine: {
    measured: (l) => toFloat(l.measured),
    score: (l) => toFloat(l.score),
    points: (l) => toFloat(l.points),
  },
  SectionScore: {
    score: (s) => Number(s.score),
  },
};

async function requiredRound(context: GraphQLContext, roundId: string) {
  return required(await context.loaders.round.load(roundId), 'Round', roundId);
}

function required<T>(value: T | null, kind: string, id: string): T {
  if (value === null) throw new NotFoundError(kind, id);
  return value;
}
