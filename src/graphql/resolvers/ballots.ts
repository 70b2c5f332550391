import { dec, round2 } from '../../domain/decimal.js';
import type { Resolvers } from '../generated/types.js';

const toFloat = (value: string | null) => (value === null ? null : Number(value));

/** Audience ballots (群众评委): issued by organizers, cast by attendees holding one. */
export const ballotResolvers: Resolvers = {
  Query: {
    ballotPaper: (_, { token }, { services }) => services.ballots.paper(token),
    ballotTallies: (_, { roundId }, { services }) => services.ballots.tallies(roundId),
  },
  Mutation: {
    createBallots: async (_, { roundId, count }, { viewer, services }) =>
      (await services.ballots.create(viewer!.id, roundId, count)).map(({ token }) => ({ token, voteUrl: `/vote/${token}` })),
    castBallot: async (_, { token, entryId, score }, { services }) => {
      const receipt = await services.ballots.cast(token, entryId, score);
      return { entryId: receipt.entryId, score: Number(receipt.score) };
    },
  },
  BallotPaper: {
    roundName: (paper) => paper.round.name,
    competitionName: async (paper, _, { loaders }) => (await loaders.competition.load(paper.round.competitionId))?.name ?? '',
    maxScore: (paper) => Number(paper.round.method.rubric.maxTotal),
    classLabel: (paper) => paper.audience.label,
    open: (paper) => paper.round.status === 'OPEN',
    roundStatus: (paper) => paper.round.status,
    entries: (paper) => paper.entries.map((entry) => ({ entry, myScore: paper.votes.get(entry.id) ?? null })),
  },
  BallotEntry: {
    id: ({ entry }) => entry.id,
    order: ({ entry }) => entry.order,
    title: ({ entry }) => entry.title,
    cadreName: ({ entry }) => entry.cadre?.name ?? null,
    unitName: ({ entry }) => entry.unit?.name ?? null,
    myScore: ({ myScore }) => toFloat(myScore),
  },
  BallotTally: {
    entry: ({ entry }) => entry,
    count: ({ tally }) => tally.count,
    mean: ({ tally }) => (tally.count > 0 ? Number(round2(dec(tally.sum).div(tally.count))) : null),
  },
};
