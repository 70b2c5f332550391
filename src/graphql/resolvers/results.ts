import { mayCount, requireCompetitionScope } from '../../services/visibility.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Resolvers } from '../generated/types.js';
import { toFloat } from './scalars.js';

export const resultResolvers: Resolvers = {
  Query: {
    standings: (_, { competitionId, group, first, after }, context) => {
      requireCompetitionScope(context, competitionId);
      return context.services.results.standings(competitionId, { group, first, after }, (round) => mayCount(context, round));
    },
    verifyRound: (_, { roundId }, { services }) => services.results.verifyRound(roundId),
    judgeStats: async (_, { roundId }, { services, loaders }) => {
      if (!(await loaders.round.load(roundId))) throw new NotFoundError('Round', roundId, 'roundId');
      return services.results.judgeStats(roundId);
    },
    roundProgress: async (_, { roundId }, { services, loaders }) => {
      if (!(await loaders.round.load(roundId))) throw new NotFoundError('Round', roundId, 'roundId');
      return services.results.roundProgress(roundId);
    },
  },
  StandingsConnection: {
    pageInfo: (connection) => ({ hasNextPage: connection.hasNextPage, endCursor: connection.edges.at(-1)?.cursor ?? null }),
  },
  StandingRow: {
    total: (row) => toFloat(row.total),
  },
  Participant: {
    cadre: (p) => (p.cadre ? { ...p.cadre, unitSnapshot: p.unit } : null),
  },
  RoundTotal: {
    total: (t) => toFloat(t.total),
  },
  RoundVerification: {
    ok: (v) => v.mismatches.length === 0,
  },
  JudgeStats: {
    sheetCount: ({ stats }) => stats.sheetCount,
    mean: ({ stats }) => toFloat(stats.mean),
    spread: ({ stats }) => toFloat(stats.spread),
    meanDeviation: ({ stats }) => toFloat(stats.meanDeviation),
    deviationZ: ({ stats }) => toFloat(stats.deviationZ),
    outlier: ({ stats }) => stats.outlier,
  },
};
