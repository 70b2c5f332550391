import { NotFoundError } from '../../domain/errors.js';
import { parseEntryId } from '../../domain/ids.js';
import { entryScoresVisible } from '../../domain/access.js';
import { requireScores, roundAccess } from '../../services/visibility.js';
import type { Resolvers } from '../generated/types.js';
import { toFloat } from './scalars.js';

export const scoringResolvers: Resolvers = {
  Query: {
    leaderboard: async (_, { roundId, group, first, after }, context) => {
      const { services, loaders } = context;
      const round = await loaders.round.load(roundId);
      if (!round) throw new NotFoundError('Round', roundId, 'roundId');
      const access = await requireScores(context, round);
      const page = await services.leaderboard.leaderboard(round, { group, first, after });
      // ON_REVEAL: the hall sees an entry's place only once it is revealed; its order would tell it otherwise.
      const rows = page.rows.filter((row) => entryScoresVisible(round, row.node.entry, access.managing));
      return { roundId: round.id, ...page, rows };
    },
    assessment: async (_, { entryId }, context) => {
      const { viewer, services, loaders } = context;
      const { roundId } = parseEntryId(entryId, 'entryId');
      const [round, entry] = await Promise.all([loaders.round.load(roundId), loaders.entry.load(entryId)]);
      if (!round || !entry) throw new NotFoundError('Entry', entryId, 'entryId');
      // A judge on the panel may read their own sheets of a running round, but none of its aggregates.
      const access = await roundAccess(context, round);
      const ownSheetsOnly = access.onPanel && !access.scores && (round.status === 'DRAFT' || round.status === 'OPEN');
      if (!ownSheetsOnly) await requireScores(context, round);
      return services.assessment.assessment(viewer!, round, entry, { managing: access.managing, aggregates: !ownSheetsOnly });
    },
    apiKeys: (_, __, { viewer, services }) => services.apiKeys.list(viewer!),
    auditTrail: async (_, { entryId }, { services }) => {
      const { events, judges } = await services.removals.auditTrail(entryId);
      return events.map((event) => ({ event, judge: judges.get(event.sheet.judgeId) }));
    },
  },
  Mutation: {
    createApiKey: (_, { name, expiresAt, competitionIds }, { viewer, services }) => services.apiKeys.create(viewer!, name, expiresAt, competitionIds),
    revokeApiKey: (_, { id }, { viewer, services }) => services.apiKeys.revoke(viewer!, id),
    submitScoreSheet: (_, { input }, { viewer, services }) => services.submission.submitSheet(viewer!, input),
    voidSheet: (_, { sheetId, reason }, { viewer, services }) => services.removals.voidSheet(viewer!, sheetId, reason),
    declareConflict: (_, { entryId, reason }, { viewer, services }) => services.removals.declareConflict(viewer!, entryId, reason),
    setConflict: (_, { roundId, userId, entryId, reason }, { viewer, services }) => services.removals.setConflict(viewer!, roundId, userId, entryId, reason),
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
    total: (a) => (a.aggregates ? toFloat(a.entry.total) : null),
    rawTotal: (a) => (a.aggregates ? toFloat(a.entry.rawTotal) : null),
    rank: (a) => a.rank,
    sheetCount: (a) => a.entry.sheetCount,
    trimHighest: (a) => a.round.method.trimHighest,
    trimLowest: (a) => a.round.method.trimLowest,
    trimScope: (a) => a.round.method.trimScope,
    aggregate: (a) => a.round.method.aggregate,
    normalization: (a) => a.round.method.normalization,
  },
  AssessedSheet: {
    id: (s) => s.sheet.id,
    judge: (s) => (s.managing ? (s.judge?.name ?? s.sheet.judgeId) : (s.judge?.label ?? '?')),
    judgeLabel: (s) => s.judge?.label ?? '?',
    marks: (s) => s.sheet.scores,
    total: (s) => Number(s.sheet.total),
    normalizedTotal: (s) => toFloat(s.normalizedTotal),
    version: (s) => s.sheet.version,
    submittedAt: (s) => s.sheet.submittedAt,
    comment: (s) => (s.managing ? s.sheet.comment : null),
  },
  CriterionMean: {
    criterion: (m) => m.criterion.key,
    label: (m) => m.criterion.label,
    maxScore: (m) => Number(m.criterion.maxScore),
    weight: (m) => Number(m.criterion.weight),
    mean: (m) => toFloat(m.mean),
  },
  ApiKeyWithSecret: {
    id: (k) => k.key.id,
    name: (k) => k.key.name,
    expiresAt: (k) => k.key.expiresAt,
  },
  Conflict: {
    entry: async (conflict, _, { loaders }) => {
      const entry = await loaders.entry.load(conflict.entryId);
      if (!entry) throw new NotFoundError('Entry', conflict.entryId);
      return entry;
    },
    userId: (conflict) => conflict.judgeId,
  },
  Amendment: {
    action: ({ amendment }) => amendment.action,
    entry: async ({ amendment }, _, { loaders }) => {
      const entry = await loaders.entry.load(amendment.entryId);
      if (!entry) throw new NotFoundError('Entry', amendment.entryId);
      return entry;
    },
    judge: ({ amendment, judge }) => judge?.name ?? amendment.judgeId,
    judgeLabel: ({ judge }) => judge?.label ?? '?',
    actorId: ({ amendment }) => amendment.actorId,
    reason: ({ amendment }) => amendment.reason,
    totalBefore: ({ amendment }) => toFloat(amendment.totalBefore),
    totalAfter: ({ amendment }) => toFloat(amendment.totalAfter),
    at: ({ amendment }) => amendment.at,
  },
  SheetEvent: {
    action: ({ event }) => event.action,
    sheetId: ({ event }) => event.sheet.id,
    judge: ({ event, judge }) => judge?.name ?? event.sheet.judgeId,
    judgeLabel: ({ judge }) => judge?.label ?? '?',
    version: ({ event }) => event.sheet.version,
    total: ({ event }) => Number(event.sheet.total),
    scores: ({ event }) => event.sheet.scores,
    comment: ({ event }) => event.sheet.comment,
    clientRequestId: ({ event }) => event.sheet.clientRequestId,
    actorId: ({ event }) => event.actorId,
    reason: ({ event }) => event.reason,
    at: ({ event }) => event.at,
  },
};
