import type { BallotService } from './ballots.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors.js';
import { liveSettingsOf, type HallState, type RevealRecord, type Stage } from '../../domain/hall.js';
import { parseEntryId } from '../../domain/ids.js';
import { byLabel } from '../../domain/judges.js';
import type { Round } from '../../domain/model.js';
import { dec, fromNumber } from '../../domain/decimal.js';
import { panelEntry } from '../../methods/panel/aggregate.js';
import { asPanelRound } from '../../methods/panel/config.js';
import { overtimeDeduction, pitchSecondsBetween } from '../../methods/panel/overtime.js';
import { panelScoring, withAggregate } from '../../methods/panel/roundScoring.js';
import { panelResult } from '../../methods/panel/scoring.js';
import type { StoredEntry } from '../../store/entries.js';
import type { HallOutcome, LiveSnapshot } from '../../store/hall.js';
import type { Store } from '../../store/index.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../../store/ops.js';
import type { LeaderboardService } from '../leaderboard.js';
import type { RoundService } from '../rounds.js';
import * as z from 'zod/mini';
import { finite, optionalText, parseArgument, text } from '../validation.js';
import { liveSettingsFrom } from './liveSettings.js';

/** A bonus (附加分) of 0 to 100 points, kept as a decimal. */
const bonusPoints = z.pipe(
  finite.check(z.minimum(0), z.maximum(100)),
  z.transform((n) => fromNumber(n)),
);
const BONUS_ATTRIBUTES = ['bonus', 'bonusReason', 'rawTotal', 'total', 'classResults'] as const;

/** What an ended pitch rewrites on its entry: the time, the deduction, and the result they change. */
const PITCH_ATTRIBUTES = ['pitchEndedAt', 'pitchSeconds', 'overtimeDeduction', 'rawTotal', 'total', 'classResults'] as const;

/**
 * The show in the hall: the round's live settings, who is on stage, the pitch timer
 * (server time, with any overtime deduction), the reveal (亮分) and the live state
 * the big screen and the phones poll.
 */
export class StageService {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundService,
    private readonly leaderboard: LeaderboardService,
    private readonly ballots: BallotService,
    private readonly now: () => Date,
  ) {}

  /** Changes the given live settings (DRAFT or OPEN); null clears a limit or rule. */
  async setLiveSettings(roundId: string, input: unknown): Promise<Round> {
    const round = asPanelRound(await this.rounds.requireRound(roundId, true, 'roundId'));
    const next = liveSettingsFrom(liveSettingsOf(round), input, 'settings');
    const outcome = await this.store.rounds.setLiveSettings(roundId, next);
    if (!outcome.ok) throw new ConflictError(`Cannot change live settings while the round is ${round.status}`, 'ROUND_STATUS');
    return outcome.value;
  }

  serverTime(): string {
    return this.now().toISOString();
  }

  async snapshot(roundId: string): Promise<LiveSnapshot> {
    const snapshot = await this.store.hall.snapshot(roundId);
    if (!snapshot.round) throw new NotFoundError('Round', roundId, 'roundId');
    return snapshot;
  }

  /** Puts an entry on stage; the timer waits for startPitch. */
  async setOnStage(roundId: string, entryId: string): Promise<Round> {
    const { keyPart, roundId: entryRound } = parseEntryId(entryId, 'entryId');
    if (entryRound !== roundId) throw new NotFoundError('Entry', entryId, 'entryId');
    return retrying(async () => {
      const [round, hall, entry] = await this.read(roundId, keyPart, entryId);
      const stage: Stage = { entryId, since: this.now().toISOString(), pitchStartedAt: null, pitchEndedAt: null };
      this.settle(await this.store.hall.putOnStage(round, hall, stage, entry), round);
      return round;
    }, isLostRaceOrConflict);
  }

  /** Starts (or restarts) the timer of the entry on stage, at the server's time. */
  async startPitch(entryId: string): Promise<StoredEntry> {
    const { roundId, keyPart } = parseEntryId(entryId, 'entryId');
    return retrying(async () => {
      const [round, hall, entry] = await this.read(roundId, keyPart, entryId);
      const stage = this.requireOnStage(hall, entryId);
      const at = this.now().toISOString();
      this.settle(await this.store.hall.startPitch(round, hall, { ...stage, pitchStartedAt: at, pitchEndedAt: null }, entry), round);
      return { ...entry, pitchStartedAt: at, pitchEndedAt: null, pitchSeconds: null, version: entry.version + 1 } as StoredEntry;
    }, isLostRaceOrConflict);
  }

  /** Stops the timer: the pitch's length, and the overtime deduction applied to the entry's total. */
  async endPitch(entryId: string): Promise<StoredEntry> {
    const { roundId, keyPart } = parseEntryId(entryId, 'entryId');
    return retrying(async () => {
      const [round, hall, entry] = await this.read(roundId, keyPart, entryId);
      const stage = this.requireOnStage(hall, entryId);
      if (!stage.pitchStartedAt || stage.pitchEndedAt) throw new ConflictError('The pitch timer is not running', 'PITCH_NOT_RUNNING');
      const panelRound = asPanelRound(round);
      const at = this.now().toISOString();
      const seconds = pitchSecondsBetween(stage.pitchStartedAt, at);
      const live = liveSettingsOf(round);
      const deduction = overtimeDeduction(seconds, live.pitchLimitSeconds, live.overtime);
      const current = panelEntry(entry);
      const rescored = withAggregate(panelRound.method, { ...current, overtimeDeduction: deduction }, current.normalized);
      const next = { ...rescored, pitchEndedAt: at, pitchSeconds: seconds, version: entry.version + 1 } as StoredEntry;
      const outcome = await this.store.hall.endPitch(
        round,
        hall,
        { ...stage, pitchEndedAt: at },
        next,
        panelScoring(panelRound.method).rankValue,
        PITCH_ATTRIBUTES,
      );
      this.settle(outcome, round);
      return next;
    }, isLostRaceOrConflict);
  }

  /** Sets an entry's 附加分 (0 removes it), with its reason; the total follows at once. */
  async setBonus(entryId: string, points: unknown, reason: unknown): Promise<StoredEntry> {
    const { roundId, keyPart } = parseEntryId(entryId, 'entryId');
    const bonus = parseArgument(bonusPoints, points, 'points');
    const why = parseArgument(text(200), reason, 'reason');
    return retrying(async () => {
      const [round, , entry] = await this.read(roundId, keyPart, entryId, ['DRAFT', 'OPEN']);
      const panelRound = asPanelRound(round);
      const current = panelEntry(entry);
      const rescored = withAggregate(panelRound.method, { ...current, bonus, bonusReason: bonus === '0' ? null : why }, current.normalized);
      const next = { ...rescored, version: entry.version + 1 } as StoredEntry;
      this.settle(await this.store.hall.setBonus(round, next, panelScoring(panelRound.method).rankValue, BONUS_ATTRIBUTES), round);
      return next;
    }, isLostRaceOrConflict);
  }

  /**
   * 亮分: records what the big screen plays — each judge's total by label, those the
   * rule drops, the class results, the deduction, the total and the rank — once the
   * entry's expected sheets are in, or earlier with a stated reason.
   */
  async reveal(viewerId: string, entryId: string, overrideReason: string | null): Promise<RevealRecord> {
    const { roundId, keyPart } = parseEntryId(entryId, 'entryId');
    const reason = parseArgument(optionalText(500), overrideReason, 'overrideReason');
    return retrying(async () => {
      const [round, hall, read] = await this.read(roundId, keyPart, entryId, ['OPEN', 'CLOSED']);
      const panelRound = asPanelRound(round);
      // The audience's ballots so far count in what the screen plays (closing folded them for good).
      const entry = round.status === 'OPEN' ? await this.ballots.fold(panelRound, read) : read;
      const panel = panelEntry(entry);
      const expected = panel.expectedSheets ?? round.judgeCount;
      if (panel.sheetCount < expected && !reason) {
        throw new ConflictError(`${expected - panel.sheetCount} of ${expected} expected sheets are not in yet`, 'SHEETS_MISSING');
      }
      const judges = await this.store.panels.listJudges(roundId);
      const result = panelResult(panelRound.method.rubric.criteria, panelRound.method, panel.sheets);
      const dropped = new Set(result.droppedSheets);
      const sheets = byLabel(
        judges.filter((j) => panel.sheets[j.userId]),
        (j) => j,
      ).map((j) => ({ judgeLabel: j.label, classKey: j.classKey ?? null, total: panel.sheets[j.userId]!.total, dropped: dropped.has(j.userId) }));
      const reveal: RevealRecord = {
        sequence: (hall.reveal?.sequence ?? 0) + 1,
        entryId,
        at: this.now().toISOString(),
        by: viewerId,
        sheets,
        classResults: panel.classResults,
        overtimeDeduction: dec(panel.overtimeDeduction).toFixed(),
        total: panel.total,
        rank: await this.leaderboard.rankOf(entry, round),
        overrideReason: panel.sheetCount < expected ? reason : null,
      };
      this.settle(await this.store.hall.reveal(round, hall, reveal, entry), round);
      return reveal;
    }, isLostRaceOrConflict);
  }

  private async read(roundId: string, keyPart: string, entryId: string, statuses: readonly string[] = ['OPEN']): Promise<[Round, HallState, StoredEntry]> {
    const [round, hall, [entry]] = await Promise.all([
      this.rounds.requireRound(roundId, true, 'entryId'),
      this.store.hall.getHall(roundId),
      this.store.entries.getEntries([{ roundId, keyPart }], true),
    ]);
    asPanelRound(round);
    if (!entry) throw new NotFoundError('Entry', entryId, 'entryId');
    if (!statuses.includes(round.status)) throw new ConflictError(`The round is ${round.status}`, 'ROUND_STATUS');
    return [round, hall, entry];
  }

  private requireOnStage(hall: HallState, entryId: string): Stage {
    if (hall.stage?.entryId !== entryId) throw new ForbiddenError('The entry is not on stage', 'NOT_ON_STAGE');
    return hall.stage;
  }

  /** A refused write: the round closed (say so), or someone moved first (retry with a fresh read). */
  private settle(outcome: HallOutcome, round: Round): void {
    if (outcome.ok) return;
    if (outcome.reason === 'ROUND_NOT_OPEN') throw new ConflictError(`The round is no longer ${round.status}`, 'ROUND_STATUS');
    throw new RaceLost();
  }
}
