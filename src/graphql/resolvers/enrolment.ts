import { NotFoundError } from '../../domain/errors.js';
import { panelEntry } from '../../methods/panel/aggregate.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/types.js';
import { roundAccess } from '../../services/visibility.js';

/** Who pitches and in what order (DRAFT rounds), the draws, sheets refused after close, and housekeeping. */
export const enrolmentResolvers: Resolvers = {
  Mutation: {
    updateEntry: (_, { id, input }, { services }) => services.enrolment.updateEntry(id, input),
    removeEntry: (_, { id }, { services }) => services.enrolment.removeEntry(id),
    reorderEntries: (_, { roundId, entryIds }, { services }) => services.enrolment.reorderEntries(roundId, entryIds),
    drawPitchOrder: (_, { roundId, seed }, { viewer, services }) => services.enrolment.drawPitchOrder(viewer!, roundId, seed),
    deleteRound: (_, { id }, { services }) => services.enrolment.deleteRound(id),
    archiveRound: async (_, { id, archived }, { services, loaders }) => {
      const round = await loaders.round.load(id);
      if (!round) throw new NotFoundError('Round', id, 'id');
      return services.competitions.archiveRound(round, archived ?? true);
    },
    deleteCompetition: (_, { id }, { services }) => services.competitions.deleteCompetition(id),
    archiveCompetition: (_, { id, archived }, { services }) => services.competitions.archiveCompetition(id, archived ?? true),
  },
  Round: {
    draws: async (round, _, context) => {
      await roundAccess(context, round);
      return context.services.enrolment.draws(round.id);
    },
    rejectedSheetCount: (round) => round.rejectedSheetCount ?? 0,
    rejectedSheets: async (round, _, context) => ((await roundAccess(context, round)).managing ? context.services.submission.rejectedSheets(round.id) : []),
    archivedAt: (round) => round.archivedAt ?? null,
  },
  Competition: {
    archivedAt: (competition) => competition.archivedAt ?? null,
  },
  PitchDraw: {
    entries: async (draw, _, { loaders }) => {
      const entries = await loaders.entry.loadMany(draw.order);
      // An entry removed since the draw is left out; the seed still reproduces the draw.
      return entries.flatMap((e) => (e && !(e instanceof Error) ? [e] : []));
    },
  },
  RejectedSheet: {
    id: ({ rejected }) => rejected.id,
    entry: async ({ rejected }, _, { loaders }) => {
      const entry = await loaders.entry.load(rejected.entryId);
      if (!entry) throw new NotFoundError('Entry', rejected.entryId);
      return entry;
    },
    judge: ({ rejected, judge }) => judge?.name ?? rejected.judgeId,
    judgeLabel: ({ judge }) => judge?.label ?? '?',
    scores: ({ rejected }) => rejected.scores.map((s) => ({ criterion: s.criterion, score: String(s.score) })),
    comment: ({ rejected }) => rejected.comment,
    reason: ({ rejected }) => rejected.reason,
    enteredAt: ({ rejected }) => rejected.enteredAt,
    at: ({ rejected }) => rejected.at,
  },
  Entry: {
    expectedSheetCount: async (entry, _, context: GraphQLContext) => {
      const { expectedSheets } = panelEntry(entry);
      if (expectedSheets !== undefined) return expectedSheets;
      return (await context.loaders.round.load(entry.roundId))?.judgeCount ?? 0;
    },
  },
};
