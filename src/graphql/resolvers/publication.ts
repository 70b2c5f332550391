import { NotFoundError } from '../../domain/errors.js';
import { managesRound, roundAccess } from '../../services/visibility.js';
import type { Resolvers } from '../generated/types.js';
import { toFloat } from './scalars.js';

/** Publication, the notice period (公示), objections and the working-day calendar. */
export const publicationResolvers: Resolvers = {
  Query: {
    calendarDays: (_, { year }, { services }) => services.publication.calendarDays(year),
    workingDayDeadline: (_, { from, workingDays }, { services }) => services.publication.previewDeadline({ from, workingDays }),
    noticeBoard: async (_, { roundId }, { services }) => {
      const round = await services.rounds.requireRound(roundId, false, 'roundId');
      // Only a published round has a public notice; anything else is not there for the public.
      if (round.status !== 'PUBLISHED') throw new NotFoundError('Round', roundId, 'roundId');
      return { round, open: services.publication.noticeOpen(round) };
    },
  },
  Mutation: {
    setCalendarDays: (_, { days }, { viewer, services }) => services.publication.setCalendarDays(viewer!, days),
    fileObjection: (_, { input }, { viewer, services }) => services.publication.fileObjection(viewer, input),
    answerObjection: (_, { id, outcome, response }, { viewer, services }) => services.publication.answerObjection(viewer!, id, { outcome, response }),
    reviseRound: (_, { id, objectionId }, { services }) => services.publication.revise(id, objectionId),
  },
  Round: {
    noticeEndsAt: (round) => round.noticeEndsAt ?? null,
    final: (round, _, { services }) => services.publication.isFinal(round),
    openObjectionCount: (round) => round.openObjectionCount ?? 0,
    objections: async (round, _, context) => ((await roundAccess(context, round)).managing ? context.services.publication.objections(round.id) : []),
    publications: async (round, _, context) => {
      await roundAccess(context, round);
      return context.services.publication.publications(round.id);
    },
  },
  Objection: {
    round: (objection, _, context) => required(context.loaders.round.load(objection.roundId), 'Round', objection.roundId),
    entry: (objection, _, context) => required(context.loaders.entry.load(objection.entryId), 'Entry', objection.entryId),
    // The objector's name and contact are personal data: the competition's organizers only.
    name: async (objection, _, context) => ((await managesRound(context, objection.roundId)) ? objection.name : null),
    contact: async (objection, _, context) => ((await managesRound(context, objection.roundId)) ? objection.contact : null),
    answeredBy: async (objection, _, context) => ((await managesRound(context, objection.roundId)) ? objection.answeredBy : null),
  },
  Publication: {
    overrideReason: async (publication, _, context) => ((await managesRound(context, publication.roundId)) ? publication.overrideReason : null),
  },
  PublicationChange: {
    entry: (change, _, context) => required(context.loaders.entry.load(change.entryId), 'Entry', change.entryId),
    totalBefore: (change) => toFloat(change.totalBefore),
    totalAfter: (change) => toFloat(change.totalAfter),
  },
  NoticeBoard: {
    roundId: (board) => board.round.id,
    roundName: (board) => board.round.name,
    competitionName: async (board, _, { loaders }) => (await loaders.competition.load(board.round.competitionId))?.name ?? '',
    noticeEndsAt: (board) => board.round.noticeEndsAt ?? null,
    entries: async (board, _, { services }) => {
      const page = await services.leaderboard.leaderboard(board.round, { first: 200 });
      return page.rows.map((row) => ({ ...row.node.entry, rank: row.node.rank }));
    },
  },
  NoticeEntry: {
    name: (entry) => entry.cadre?.name ?? entry.unit?.name ?? entry.title,
    unitName: (entry) => entry.unit?.name ?? null,
    total: (entry) => toFloat(entry.total),
    rank: (entry) => entry.rank ?? null,
  },
};

async function required<T>(value: Promise<T | null>, kind: string, id: string): Promise<T> {
  const found = await value;
  if (found === null) throw new NotFoundError(kind, id);
  return found;
}
