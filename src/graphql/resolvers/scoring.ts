import { NotFoundError } from '../../domain/errors.js';
import { parseEntryId } from '../../domain/ids.js';
import { isOrganizer } from '../access.js';
import type { Resolvers } from '../generated/types.js';

const toFloat = (value: string | null) => (value === null ? null : Number(value));

export const scoringResolvers: Resolvers = {
  Query: {
    leaderboard: async (_, { roundId, first, after }, { services, loaders }) => {
      const round = await loaders.round.load(roundId);
      if (!round) throw new NotFoundError('Round', roundId, 'roundId');
      const page = await services.scoring.leaderboard(round.id, { first, after });
      return { roundId: round.id, ...page };
    },
    assessment: async (_, { entryId }, { services, loaders }) => {
      const { roundId } = parseEntryId(entryId, 'entryId');
      const [round, entry] = await Promise.all([loaders.round.load(roundId), loaders.entry.load(entryId)]);
      if (!round || !entry) throw new NotFoundError('Entry', entryId, 'entryId');
      return services.scoring.assessment(entryId, round, entry);
    },
  },
  Mutation: {
    submitScoreSheet: (_, { input }, { viewer, services }) => services.scoring.submitSheet(viewer!, input),
  },
  LeaderboardConnection: {
    edges: (connection) => connection.rows,
    pageInfo: (connection) => ({ hasNextPage: connection.hasNextPage, endCursor: connection.rows.at(-1)?.cursor ?? null }),
    totalCount: async (connection, _, { loaders }) => (await loaders.round.load(connection.roundId))?.entryCount ?? 0,
  },
  LeaderboardRow: {
    total: (row) => toFloat(row.total),
  },
  ScoreSheet: {
    entry: async (sheet, _, { loaders }) => {
      const entry = await loaders.entry.load(sheet.entryId);
      if (!entry) throw new NotFoundError('Entry', sheet.entryId);
      return entry;
    },
    total: (sheet) => Number(sheet.total),
  },
  Mark: {
    score: (mark) => Number(mark.score),
  },
  Assessment: {
    entry: (a) => ({ ...a.entry, rank: a.rank }),
    total: (a) => toFloat(a.entry.total),
    rank: (a) => a.rank,
    sheetCount: (a) => a.entry.sheetCount,
    trimHighest: (a) => a.round.trimHighest,
    trimLowest: (a) => a.round.trimLowest,
  },
  AssessedSheet: {
    id: (s) => s.sheet.id,
    judge: (s, _, { viewer }) => (isOrganizer(viewer) ? (s.judge?.name ?? s.sheet.judgeId) : (s.judge?.label ?? '?')),
    judgeLabel: (s) => s.judge?.label ?? '?',
    marks: (s) => s.sheet.scores,
    total: (s) => Number(s.sheet.total),
    version: (s) => s.sheet.version,
    submittedAt: (s) => s.sheet.submittedAt,
    comment: (s, _, { viewer }) => (isOrganizer(viewer) ? s.sheet.comment : null),
  },
  CriterionMean: {
    criterion: (m) => m.criterion.key,
    label: (m) => m.criterion.label,
    maxScore: (m) => Number(m.criterion.maxScore),
    weight: (m) => Number(m.criterion.weight),
    mean: (m) => toFloat(m.mean),
  },
};
