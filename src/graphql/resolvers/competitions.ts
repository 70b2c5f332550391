import { conflictOf, entryScoresVisible, inScope, isJudgeOnly } from '../../domain/access.js';
import { own } from '../../domain/dict.js';
import { NotFoundError } from '../../domain/errors.js';
import { parseEntryId } from '../../domain/ids.js';
import type { Judge, Round } from '../../domain/model.js';
import { rankAll } from '../../domain/ranking.js';
import { panelEntry } from '../../methods/panel/aggregate.js';
import { asPanelRound, isPanel } from '../../methods/panel/config.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/types.js';
import { toConnection, toFloat } from './scalars.js';
import type { EntryParent } from '../parents.js';
import { roundAccess } from '../../services/visibility.js';

export const competitionResolvers: Resolvers = {
  Query: {
    competitions: async (_, args, { viewer, services }) => {
      const page = await services.competitions.listCompetitions(args);
      return toConnection({ ...page, edges: page.edges.filter((edge) => inScope(viewer, edge.node.id)) });
    },
    competition: (_, { id }, { viewer, loaders }) => (inScope(viewer, id) ? loaders.competition.load(id) : null),
    round: async (_, { id }, context) => {
      const round = await context.loaders.round.load(id);
      if (round) await roundAccess(context, round);
      return round;
    },
    entry: async (_, { id }, context) => {
      const { roundId } = parseEntryId(id, 'id');
      const [round, entry] = await Promise.all([context.loaders.round.load(roundId), context.loaders.entry.load(id)]);
      if (round) await roundAccess(context, round);
      if (!round || !entry) return entry;
      return (await context.services.enrolment.current(round, [entry]))[0]!;
    },
    myAssignments: async (_, __, { viewer, services, loaders }) => {
      const roundIds = await services.rounds.assignedRoundIds(viewer!.id);
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
    assignJudges: (_, { roundId, judges }, { services }) => services.panels.assignJudges(roundId, judges),
    openRound: (_, { id }, { services }) => services.lifecycle.openRound(id),
    closeRound: (_, { id }, { services }) => services.lifecycle.closeRound(id),
    publishRound: (_, { id, noticeWorkingDays, overrideReason }, { viewer, services }) =>
      services.publication.publish(viewer!, id, { noticeWorkingDays, overrideReason }),
    advanceEntries: (_, { fromRoundId, toRoundId, top, perGroup }, { services }) =>
      services.rounds.advanceEntries(fromRoundId, toRoundId, top, perGroup ?? false),
    setLeaderboardVisibility: (_, { roundId, visibility }, { services }) => services.rounds.setLeaderboardVisibility(roundId, visibility),
    grantOrganizer: (_, { competitionId, userId }, { viewer, services }) => services.competitions.grantOrganizer(viewer!, competitionId, userId),
  },
  Competition: {
    standingsRule: (competition) => competition.standingsRule ?? { method: 'SUM', roundWeights: [] },
    rounds: (competition, { archived }, context) => visibleRounds(context, competition.id, archived ?? false),
  },
  StandingsRule: {
    roundWeights: (rule) => rule.roundWeights.map((w) => ({ roundId: w.roundId, weight: Number(w.weight) })),
  },
  Round: {
    competition: async (round, _, { loaders }) => required(await loaders.competition.load(round.competitionId), 'Competition', round.competitionId),
    entries: async (round, _, context) => {
      await roundAccess(context, round);
      // DRAFT entries show the directory as it is now (a fixed typo); opening the round takes the snapshot.
      const entries = await context.services.rounds.entries(round);
      const scoring = context.services.methods.forRound(round).scoring;
      const ranks = rankAll(entries.map((e) => scoring.rankValue(e)));
      return entries.map((entry, i) => ({ ...entry, rank: ranks[i] ?? null })).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
    },
    judges: async (round, _, context) => {
      await roundAccess(context, round);
      return context.services.panels.panel(round.id);
    },
    mySheets: async (round, _, { loaders }) => [...(await loaders.mySheets.load(round.id)).values()],
    method: (round) => round.method,
    // Deprecated: a judged panel's configuration at the top level (use `method`).
    rubric: (round) => asPanelRound(round).method.rubric,
    trimHighest: (round) => asPanelRound(round).method.trimHighest,
    trimLowest: (round) => asPanelRound(round).method.trimLowest,
    trimScope: (round) => asPanelRound(round).method.trimScope,
    aggregate: (round) => asPanelRound(round).method.aggregate,
    normalization: (round) => asPanelRound(round).method.normalization,
    quorum: (round) => asPanelRound(round).method.quorum,
    quorumMode: (round) => asPanelRound(round).method.quorumMode ?? 'FIXED',
    tieBreakers: (round) => asPanelRound(round).method.tieBreakers,

    amendmentCount: (round) => round.amendmentCount ?? 0,
    amendments: async (round, _, context) => ((await roundAccess(context, round)).managing ? context.services.removals.amendments(round.id) : []),
  },
  RoundMethod: {
    __resolveType: (config, { services }) => services.methods.graphqlTypeOf(config) as 'PanelMethod',
  },
  PanelMethod: {
    quorumMode: (config) => config.quorumMode ?? 'FIXED',
  },
  // Outside the competition's organizers a judge is only a label (J1…Jn); a judge sees their own seat.
  Judge: {
    userId: async (judge, _, context) => ((await judgeRevealed(context, judge)) ? judge.userId : judge.label),
    name: async (judge, _, context) => ((await judgeRevealed(context, judge)) ? judge.name : judge.label),
    unit: async (judge, _, context) => (judge.unitId && (await judgeRevealed(context, judge)) ? context.loaders.unit.load(judge.unitId) : null),
  },
  Entry: {
    round: async (entry, _, { loaders }) => required(await loaders.round.load(entry.roundId), 'Round', entry.roundId),
    cadre: (entry) => (entry.cadre ? { ...entry.cadre, unitSnapshot: entry.unit } : null),
    unit: (entry) => entry.unit,
    total: async (entry, _, context) => ((await scoresOf(context, entry)) ? toFloat(entry.total) : null),
    rawTotal: async (entry, _, context) => ((await scoresOf(context, entry)) ? toFloat(entry.rawTotal) : null),
    rank: async (entry, _, context) => {
      const round = await scoresOf(context, entry);
      if (!round) return null;
      return entry.rank !== undefined ? entry.rank : context.services.leaderboard.rankOf(entry, round);
    },
    criterionValues: async (entry, _, context) => {
      const round = required(await context.loaders.round.load(entry.roundId), 'Round', entry.roundId);
      if (!isPanel(round.method)) return [];
      const visible = (await roundAccess(context, round)).scores;
      const values = panelEntry(entry).criterionValues;
      return round.method.rubric.criteria.map((criterion) => ({ criterion, mean: visible ? (own(values, criterion.key) ?? null) : null }));
    },
    mySheet: async (entry, _, { loaders }) => (await loaders.mySheets.load(entry.roundId)).get(entry.id) ?? null,
    myConflict: async (entry, _, { loaders }) => {
      const seat = await loaders.seat.load(entry.roundId);
      if (!seat) return null;
      return conflictOf(seat, entry.unit?.id ?? null, (await loaders.myConflicts.load(entry.roundId)).get(entry.id) ?? null);
    },
  },
};

/** Whether the caller may see who a judge is: the competition's organizers, and the judge themself. */
async function judgeRevealed(context: GraphQLContext, judge: Judge): Promise<boolean> {
  if ((context.viewer?.kind === 'user' || context.viewer?.kind === 'seat') && context.viewer.id === judge.userId) return true;
  const round = await context.loaders.round.load(judge.roundId);
  return round !== null && (await context.loaders.manages.load(round.competitionId));
}

/** A competition's rounds in creation order, less those a judge-only caller does not sit on. */
async function visibleRounds(context: GraphQLContext, competitionId: string, archived: boolean): Promise<Round[]> {
  const rounds = await context.services.rounds.ofCompetition(competitionId, archived);
  for (const round of rounds) context.loaders.round.prime(round.id, round);
  if (!isJudgeOnly(context.viewer) || (await context.loaders.manages.load(competitionId))) return rounds;
  const seats = await context.loaders.seat.loadMany(rounds.map((r) => r.id));
  return rounds.filter((_, i) => {
    const seat = seats[i];
    return seat !== null && !(seat instanceof Error);
  });
}

/** The entry's round when the caller may see its scores now; null hides totals and ranks (they are not errors). */
async function scoresOf(context: GraphQLContext, entry: EntryParent): Promise<Round | null> {
  const round = required(await context.loaders.round.load(entry.roundId), 'Round', entry.roundId);
  const access = await roundAccess(context, round);
  return access.scores && entryScoresVisible(round, entry, access.managing) ? round : null;
}

function required<T>(value: T | null, kind: string, id: string): T {
  if (value === null) throw new NotFoundError(kind, id);
  return value;
}
