import { NotFoundError } from '../../domain/errors.js';
import { parseEntryId } from '../../domain/ids.js';
import type { Round } from '../../domain/model.js';
import { rankAll, rankValueOf } from '../../domain/ranking.js';
import type { Resolvers } from '../generated/types.js';

const toFloat = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));

export const competitionResolvers: Resolvers = {
  Query: {
    competitions: async (_, args, { services }) => {
      const page = await services.competitions.listCompetitions(args);
      return { edges: page.edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor } };
    },
    competition: (_, { id }, { loaders }) => loaders.competition.load(id),
    round: (_, { id }, { loaders }) => loaders.round.load(id),
    entry: (_, { id }, { loaders }) => {
      parseEntryId(id, 'id');
      return loaders.entry.load(id);
    },
    myAssignments: async (_, __, { viewer, services, loaders }) => {
      const roundIds = await services.store.rounds.listAssignedRoundIds(viewer!.id);
      const rounds = await loaders.round.loadMany(roundIds);
      return rounds.filter((r): r is Round => r !== null && !(r instanceof Error));
    },
  },
  Mutation: {
    createCompetition: (_, { input }, { viewer, services }) => services.competitions.createCompetition(viewer!, input),
    updateCompetition: (_, { id, input }, { services }) => services.competitions.updateCompetition(id, input),
    createRound: (_, { input }, { services }) => services.rounds.createRound(input),
    updateRound: (_, { id, input }, { services }) => services.rounds.updateRound(id, input),
    addEntries: (_, { roundId, entries }, { services }) => services.rounds.addEntries(roundId, entries),
    assignJudges: (_, { roundId, judges }, { services }) => services.rounds.assignJudges(roundId, judges),
    openRound: (_, { id }, { services }) => services.rounds.openRound(id),
    closeRound: (_, { id }, { services }) => services.rounds.closeRound(id),
    publishRound: (_, { id }, { services }) => services.rounds.publishRound(id),
    advanceEntries: (_, { fromRoundId, toRoundId, top, perGroup }, { services }) =>
      services.rounds.advanceEntries(fromRoundId, toRoundId, top, perGroup ?? false),
  },
  Competition: {
    standingsRule: (competition) => competition.standingsRule ?? { method: 'SUM', roundWeights: [] },
    rounds: (competition, _, { services }) => services.store.competitions.listRounds(competition.id),
  },
  StandingsRule: {
    roundWeights: (rule) => rule.roundWeights.map((w) => ({ roundId: w.roundId, weight: Number(w.weight) })),
  },
  Round: {
    competition: async (round, _, { loaders }) => required(await loaders.competition.load(round.competitionId), 'Competition', round.competitionId),
    entries: async (round, _, { services }) => {
      const entries = await services.store.rounds.listEntries(round.id);
      const ranks = rankAll(entries.map((e) => rankValueOf(e, e.sheetCount, round)));
      return entries
        .map((entry, i) => ({ ...entry, rank: ranks[i] ?? null }))
        .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },
    judges: async (round, _, { services }) =>
      (await services.store.rounds.listJudges(round.id)).sort((a, b) => Number(a.label.slice(1)) - Number(b.label.slice(1))),
    mySheets: async (round, _, { loaders }) => [...(await loaders.mySheets.load(round.id)).values()],
  },
  Judge: {
    unit: (judge, _, { loaders }) => (judge.unitId ? loaders.unit.load(judge.unitId) : null),
  },
  Entry: {
    round: async (entry, _, { loaders }) => required(await loaders.round.load(entry.roundId), 'Round', entry.roundId),
    cadre: (entry) => (entry.cadre ? { ...entry.cadre, unitSnapshot: entry.unit } : null),
    unit: (entry) => entry.unit,
    total: (entry) => toFloat(entry.total),
    rawTotal: (entry) => toFloat(entry.rawTotal),
    rank: async (entry, _, { services, loaders }) => {
      if (entry.rank !== undefined) return entry.rank;
      const round = await loaders.round.load(entry.roundId);
      return round ? services.scoring.rankOf(entry, round) : null;
    },
    criterionValues: async (entry, _, { loaders }) => {
      const round = required(await loaders.round.load(entry.roundId), 'Round', entry.roundId);
      return round.rubric.criteria.map((criterion) => ({ criterion, mean: entry.criterionValues?.[criterion.key] ?? null }));
    },
    mySheet: async (entry, _, { loaders }) => (await loaders.mySheets.load(entry.roundId)).get(entry.id) ?? null,
  },
};

function required<T>(value: T | null, kind: string, id: string): T {
  if (value === null) throw new NotFoundError(kind, id);
  return value;
}
