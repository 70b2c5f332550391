import { gateRefusal, liveSettingsOf } from '../../domain/hall.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Round } from '../../domain/model.js';
import { panelEntry } from '../../methods/panel/aggregate.js';
import { isPanel } from '../../methods/panel/config.js';
import { seatPublicId } from '../../services/hall/seats.js';
import { managesRound, roundAccess } from '../../services/visibility.js';
import { parseEntryId } from '../../domain/ids.js';
import type { GraphQLContext } from '../context.js';
import type { Resolvers } from '../generated/types.js';
import type { ClassResultParent, EntryParent } from '../parents.js';
import { toFloat } from './scalars.js';

/** The live hall: judge seats joined by code, stage control, 亮分, evaluator classes and sign-off. */
export const hallResolvers: Resolvers = {
  Query: {
    liveState: async (_, { roundId }, context) => {
      const snapshot = await context.services.stage.snapshot(roundId);
      await roundAccess(context, snapshot.round!);
      context.loaders.round.prime(roundId, snapshot.round!);
      return snapshot;
    },
  },
  Mutation: {
    createJudgeSeats: (_, { roundId, seats }, { services }) => services.seats.createSeats(roundId, seats),
    revokeJudgeSeat: (_, { id }, { services }) => services.seats.revoke(id),
    reissueJudgeSeat: (_, { id }, { services }) => services.seats.reissue(id),
    joinRound: (_, { code, device }, { services }) => services.seats.join({ code, device }),
    setLiveSettings: (_, { roundId, settings }, { services }) => services.stage.setLiveSettings(roundId, settings),
    setOnStage: (_, { roundId, entryId }, { services }) => services.stage.setOnStage(roundId, entryId),
    startPitch: (_, { entryId }, { services }) => services.stage.startPitch(entryId),
    endPitch: (_, { entryId }, { services }) => services.stage.endPitch(entryId),
    revealEntry: (_, { entryId, overrideReason }, { viewer, services }) => services.stage.reveal(viewer!.id, entryId, overrideReason ?? null),
    signOffSheets: (_, { roundId }, { viewer, services }) => services.signOffs.signOff(viewer!, roundId),
    setEntryBonus: (_, { entryId, points, reason }, { services }) => services.stage.setBonus(entryId, points, reason),
  },
  LiveState: {
    round: (snapshot) => snapshot.round!,
    stage: (snapshot) => (snapshot.hall.stage ? { ...snapshot.hall.stage, roundId: snapshot.hall.roundId } : null),
    reveal: (snapshot) => snapshot.hall.reveal,
    serverTime: (_, __, { services }) => services.stage.serverTime(),
  },
  StageState: {
    entry: (stage, _, context) => entryOf(context, stage.entryId),
    pitchLimitSeconds: async (stage, _, { loaders }) => {
      const round = await loaders.round.load(stage.roundId);
      return round ? liveSettingsOf(round).pitchLimitSeconds : null;
    },
  },
  Reveal: {
    entry: (reveal, _, context) => entryOf(context, reveal.entryId),
    total: (reveal) => toFloat(reveal.total),
    overtimeDeduction: (reveal) => Number(reveal.overtimeDeduction),
    classResults: async (reveal, _, { loaders }) => {
      const round = await loaders.round.load(roundOf(reveal.entryId));
      return round ? classResultsOf(round, reveal.classResults) : [];
    },
    overrideReason: async (reveal, _, context) => ((await managesRound(context, roundOf(reveal.entryId))) ? reveal.overrideReason : null),
  },
  RevealedSheet: {
    total: (sheet) => Number(sheet.total),
  },
  Round: {
    live: (round) => liveSettingsOf(round),
    onStage: async (round, _, context) => {
      const hall = await context.loaders.hall.load(round.id);
      return hall.stage ? entryOf(context, hall.stage.entryId) : null;
    },
    stage: async (round, _, context) => {
      const hall = await context.loaders.hall.load(round.id);
      return hall.stage ? { ...hall.stage, roundId: round.id } : null;
    },
    reveal: async (round, _, context) => {
      await roundAccess(context, round);
      return (await context.loaders.hall.load(round.id)).reveal;
    },
    seats: async (round, _, context) => ((await roundAccess(context, round)).managing ? context.services.seats.seats(round.id) : []),
    signOffs: async (round, _, context) => {
      const access = await roundAccess(context, round);
      if (!access.managing && !access.onPanel) return [];
      const all = await context.services.signOffs.signOffs(round.id);
      return access.managing ? all : all.filter((s) => s.judgeId === context.viewer?.id);
    },
  },
  OvertimeRule: {
    points: (rule) => Number(rule.points),
  },
  Entry: {
    pitchSeconds: (entry) => entry.pitchSeconds ?? null,
    pitchStartedAt: (entry) => entry.pitchStartedAt ?? null,
    stagedAt: (entry) => entry.stagedAt ?? null,
    revealedAt: (entry) => entry.revealedAt ?? null,
    overtimeDeduction: (entry) => Number(panelEntry(entry).overtimeDeduction),
    bonus: (entry) => Number(panelEntry(entry).bonus),
    bonusReason: async (entry, _, context) => ((await managesRound(context, entry.roundId)) ? panelEntry(entry).bonusReason : null),
    classResults: async (entry, _, context) => {
      const round = await context.loaders.round.load(entry.roundId);
      if (!round || !(await roundAccess(context, round)).scores) return [];
      return classResultsOf(round, panelEntry(entry).classResults);
    },
    scoringOpen: async (entry, _, context) => {
      const round = await context.loaders.round.load(entry.roundId);
      if (!round || round.status !== 'OPEN') return false;
      const hall = await context.loaders.hall.load(round.id);
      return gateRefusal(liveSettingsOf(round).scoringGate, hall.stage?.entryId ?? null, entry.id, entry) === null;
    },
  },
  Judge: {
    classKey: (judge) => judge.classKey ?? null,
  },
  PanelMethod: {
    rounding: (config) => config.rounding ?? 'FINAL',
    classes: (config) => config.classes ?? [],
    missingClass: (config) => config.missingClass ?? 'UNRANKED',
  },
  PanelClass: {
    weight: (c) => Number(c.weight),
    source: (c) => c.source ?? 'JUDGES',
  },
  ClassResult: {
    key: (r) => r.config.key,
    source: (r) => r.config.source ?? 'JUDGES',
    label: (r) => r.config.label,
    weight: (r) => Number(r.config.weight),
    result: (r) => toFloat(r.result),
  },
  JudgeSeat: {
    id: (seat) => seatPublicId(seat),
    unit: (seat, _, { loaders }) => (seat.unitId ? loaders.unit.load(seat.unitId) : null),
    joinUrl: (seat) => `/join/${seat.joinCode}`,
  },
  SignOff: {
    judge: (signOff) => signOff.judge,
  },
};

const roundOf = (entryId: string) => parseEntryId(entryId, 'entryId').roundId;

function classResultsOf(round: Round, results: readonly { key: string; result: string | null; sheetCount: number }[]): ClassResultParent[] {
  if (!isPanel(round.method)) return [];
  const byKey = new Map(results.map((r) => [r.key, r]));
  return (round.method.classes ?? []).map((config) => ({
    config,
    result: byKey.get(config.key)?.result ?? null,
    sheetCount: byKey.get(config.key)?.sheetCount ?? 0,
  }));
}

async function entryOf(context: GraphQLContext, entryId: string): Promise<EntryParent> {
  const entry = await context.loaders.entry.load(entryId);
  if (!entry) throw new NotFoundError('Entry', entryId);
  return entry;
}
