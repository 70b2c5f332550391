/**
 * The live hall (台上赛 run as a show): how a round is run on stage, who is on it,
 * what the big screen revealed, the judges' seats and sign-offs. Pure records and rules.
 */
import { ForbiddenError } from './errors.js';
import type { Decimal } from './primitives.js';

export const SCORING_GATES = ['ANY', 'ON_STAGE', 'PITCHED'] as const;
/** Which entries judges may score while the round is open. */
export type ScoringGate = (typeof SCORING_GATES)[number];

export interface OvertimeRule {
  perSeconds: number;
  /** Points off per started period over the limit, a canonical decimal. */
  points: Decimal;
}

/** How a round is run live. Absent on rounds stored before it existed: DEFAULT_LIVE_SETTINGS. */
export interface LiveSettings {
  scoringGate: ScoringGate;
  pitchLimitSeconds: number | null;
  overtime: OvertimeRule | null;
  requireSignOff: boolean;
}

/** The API's defaults keep existing clients working; the console proposes PITCHED and sign-off for a live show. */
export const DEFAULT_LIVE_SETTINGS: LiveSettings = { scoringGate: 'ANY', pitchLimitSeconds: null, overtime: null, requireSignOff: false };

export function liveSettingsOf(round: { live?: LiveSettings }): LiveSettings {
  return round.live ?? DEFAULT_LIVE_SETTINGS;
}

/** Who is on stage and the timer of their pitch (server times). */
export interface Stage {
  entryId: string;
  since: string;
  pitchStartedAt: string | null;
  pitchEndedAt: string | null;
}

/** One judge's total as revealed, by label. */
export interface RevealedSheet {
  judgeLabel: string;
  classKey: string | null;
  total: Decimal;
  dropped: boolean;
}

/** What the big screen played for one entry (亮分), kept as shown. */
export interface RevealRecord {
  sequence: number;
  entryId: string;
  at: string;
  by: string;
  sheets: RevealedSheet[];
  classResults: { key: string; result: Decimal | null; sheetCount: number }[];
  overtimeDeduction: Decimal;
  total: Decimal | null;
  rank: number | null;
  overrideReason: string | null;
}

/** A round's hall state, one item beside the round: the stage, the last reveal, and a sequence that moves with each. */
export interface HallState {
  roundId: string;
  stage: Stage | null;
  reveal: RevealRecord | null;
  /** Stage changes and reveals so far. */
  sequence: number;
}

export const emptyHall = (roundId: string): HallState => ({ roundId, stage: null, reveal: null, sequence: 0 });

/** What an entry records of its time on stage; absent fields: never on stage. */
export interface EntryStageFields {
  stagedAt?: string | null;
  pitchStartedAt?: string | null;
  pitchEndedAt?: string | null;
  pitchSeconds?: number | null;
  revealedAt?: string | null;
}

/**
 * Whether the gate lets judges score this entry now: ANY always; ON_STAGE only the one
 * on stage; PITCHED the one on stage and every entry that has been on stage before.
 */
export function gateRefusal(gate: ScoringGate, stageEntryId: string | null, entryId: string, entry: EntryStageFields): 'NOT_ON_STAGE' | 'NOT_PITCHED' | null {
  if (gate === 'ANY' || stageEntryId === entryId) return null;
  if (gate === 'ON_STAGE') return 'NOT_ON_STAGE';
  return entry.stagedAt ? null : 'NOT_PITCHED';
}

export function assertGateOpen(gate: ScoringGate, stageEntryId: string | null, entryId: string, entry: EntryStageFields): void {
  const refusal = gateRefusal(gate, stageEntryId, entryId, entry);
  if (refusal === 'NOT_ON_STAGE') throw new ForbiddenError('Only the entry on stage may be scored now', 'NOT_ON_STAGE');
  if (refusal === 'NOT_PITCHED') throw new ForbiddenError('This entry has not been on stage yet', 'NOT_PITCHED');
}

export const SEAT_STATUSES = ['ISSUED', 'JOINED', 'REVOKED'] as const;
export type SeatStatus = (typeof SEAT_STATUSES)[number];

/** A judge seat joined by code: also a Judge of the round, whose user id is `seat-<id>`. */
export interface JudgeSeat {
  id: string;
  roundId: string;
  label: string;
  name: string;
  unitId: string | null;
  classKey: string | null;
  joinCode: string;
  status: SeatStatus;
  /** A hash of the device id that joined (the id itself is the phone's secret). */
  deviceHash: string | null;
  createdAt: string;
  joinedAt: string | null;
  revokedAt: string | null;
}

export const seatJudgeId = (seatId: string) => `seat-${seatId}`;

/** A judge's confirmation of their sheets of a round, with a hash of them at the time. */
export interface SignOff {
  roundId: string;
  judgeId: string;
  at: string;
  sheetsHash: string;
}
