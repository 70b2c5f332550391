import { NotFoundError } from '../../domain/errors.js';
import { DEFAULT_ALERT_RULE, rankChange } from '../../domain/progression.js';
import { asIndicatorsRound } from '../../methods/indicators/config.js';
import { mayCount, requireCompetitionScope, requireScores, roundAccess } from '../../services/visibility.js';
import type { GraphQLContext } from '../context.js';
import type { EntryParent } from '../parents.js';
import type { Resolvers } from '../generated/types.js';
import { toFloat } from './scalars.js';

/** 争先进位 and 红黑榜, for rounds of every method: rank change, boards and alerts. */
export const progressionResolvers: Resolvers = {
  Query: {
    boards: async (_, { roundId }, context) => {
      const round = await requiredRound(context, roundId);
      await requireScores(context, round);
      const sizes = round.method.kind === 'INDICATORS' ? asIndicatorsRound(round).method.boards : { red: 10, black: 5, mostImproved: 5 };
      return context.services.progression.boards(round, sizes);
    },
    alerts: async (_, { competitionId, bottom, consecutive }, context) => {
      requireCompetitionScope(context, competitionId);
      const competition = await context.services.competitions.requireCompetition(competitionId, 'competitionId');
      const rule = { bottom: bottom ?? competition.alertRule.bottom, consecutive: consecutive ?? competition.alertRule.consecutive };
      return context.services.progression.alerts(competitionId, rule, (round) => mayCount(context, round));
    },
  },
  BoardRow: {
    entry: (row) => ({ ...row.entry, rank: row.rank }),
    total: (row) => toFloat(row.entry.total),
    rankChange: (row) => row.change,
  },
  Competition: {
    alertRule: (competition) => competition.alertRule ?? DEFAULT_ALERT_RULE,
  },
  Entry: {
    // The evidence the result rests on: a panel's sheets, an indicator round's verified values.
    sheetCount: async (entry, _, context) => {
      const round = await requiredRound(context, entry.roundId);
      return context.services.methods.forRound(round).scoring.evidenceCount(entry);
    },
    previousRank: async (entry, _, context) => (await previousAndCurrent(context, entry))?.previous ?? null,
    rankChange: async (entry, _, context) => {
      const ranks = await previousAndCurrent(context, entry);
      return ranks ? rankChange(ranks.previous, ranks.current) : null;
    },
    vetoed: async (entry, _, context) => {
      const round = await requiredRound(context, entry.roundId);
      return context.services.methods.forRound(round).scoring.vetoed(entry);
    },
  },
};

/** The entry's rank now and in the round before, when the caller may see scores. */
async function previousAndCurrent(context: GraphQLContext, entry: EntryParent): Promise<{ previous: number | null; current: number | null } | null> {
  const round = await requiredRound(context, entry.roundId);
  if (!(await roundAccess(context, round)).scores) return null;
  const previous = (await context.loaders.previousRanks.load(round)).get(entry.keyPart) ?? null;
  const current = entry.rank !== undefined ? entry.rank : await context.services.leaderboard.rankOf(entry, round);
  return { previous, current };
}

async function requiredRound(context: GraphQLContext, roundId: string) {
  const round = await context.loaders.round.load(roundId);
  if (!round) throw new NotFoundError('Round', roundId);
  return round;
}
