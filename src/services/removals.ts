import { conflictOf } from '../domain/access.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import type { Amendment, Conflict, Judge, RoundStatus, ScoreSheet, SheetEvent, Viewer } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../store/ops.js';
import { panelEntry } from '../methods/panel/aggregate.js';
import { asPanelRound } from '../methods/panel/config.js';
import { panelScoring } from '../methods/panel/roundScoring.js';
import { withoutSheet } from './entryAggregate.js';
import type { ResultsService } from './results.js';
import { parseSheetId, sheetIdOf } from './sheetIds.js';
import { parseArgument, text } from './validation.js';

const reason = text(500);

/**
 * What takes a sheet out of the results or keeps a judge from an entry: voids,
 * conflicts of interest (回避) declared or set, and after close the amendments
 * they make; with the audit trail they leave.
 */
export class RemovalService {
  constructor(
    private readonly store: Store,
    private readonly results: ResultsService,
    private readonly now: () => Date,
  ) {}

  /** Organizer: takes a sheet out of the results (not after publication); the void is recorded. */
  async voidSheet(viewer: Viewer, sheetId: string, why: unknown): Promise<ScoreSheet> {
    const reasonText = parseArgument(reason, why, 'reason');
    const { entryId, judgeId, roundId } = parseSheetId(sheetId, 'sheetId');
    const removed = await this.removeSheet({ viewer, entryId, judgeId, roundId, reason: reasonText, conflict: null, requireSheet: true, by: 'ORGANIZER' });
    return removed!;
  }

  /** A judge declares a conflict of interest (回避) with an entry; a sheet already given is withdrawn. */
  async declareConflict(viewer: Viewer, entryId: string, why: unknown): Promise<Conflict> {
    return this.recordConflict(viewer, entryId, viewer.id, why, 'JUDGE');
  }

  /** An organizer bars a judge from an entry; a sheet already given is withdrawn. */
  async setConflict(viewer: Viewer, roundId: string, judgeId: string, entryId: string, why: unknown): Promise<Conflict> {
    if (parseEntryId(entryId, 'entryId').roundId !== roundId) throw InvalidInputError.at('entryId', 'NOT_IN_ROUND', 'the entry is not in this round');
    return this.recordConflict(viewer, entryId, judgeId, why, 'ORGANIZER');
  }

  private async recordConflict(viewer: Viewer, entryId: string, judgeId: string, why: unknown, source: Conflict['source']): Promise<Conflict> {
    const reasonText = parseArgument(reason, why, 'reason');
    const { roundId } = parseEntryId(entryId, 'entryId');
    const conflict: Conflict = { roundId, entryId, judgeId, reason: reasonText, source, recordedBy: viewer.id, recordedAt: this.now().toISOString() };
    await this.removeSheet({ viewer, entryId, judgeId, roundId, reason: `conflict of interest: ${reasonText}`, conflict, requireSheet: false, by: source });
    return conflict;
  }

  private async removeSheet(args: {
    viewer: Viewer;
    entryId: string;
    judgeId: string;
    roundId: string;
    reason: string;
    conflict: Conflict | null;
    requireSheet: boolean;
    /** Judges may change what counts only before the round closes; organizers until publication. */
    by: 'JUDGE' | 'ORGANIZER';
  }): Promise<ScoreSheet | null> {
    const { keyPart } = parseEntryId(args.entryId, 'entryId');
    const statuses = args.by === 'JUDGE' ? (['DRAFT', 'OPEN'] as const) : (['DRAFT', 'OPEN', 'CLOSED'] as const);
    const action = args.conflict ? 'declare or set a conflict of interest' : 'void a sheet';
    const outcome = await retrying(async () => {
      const state = await this.store.sheets.loadSubmissionState({ roundId: args.roundId, entryId: args.entryId, keyPart, judgeId: args.judgeId });
      if (!state.round || !state.entry) throw new NotFoundError('Entry', args.entryId, 'entryId');
      if (args.conflict && !state.judge) throw new NotFoundError('Judge', args.judgeId, 'userId');
      if (args.requireSheet && !state.sheet) throw new NotFoundError('ScoreSheet', sheetIdOf(args.entryId, args.judgeId), 'sheetId');
      assertRemovalAllowed(state.round.status, args.by, action);
      const round = asPanelRound(state.round);
      const before = panelEntry(state.entry);
      const at = this.now().toISOString();
      const removed = state.sheet && {
        sheet: state.sheet,
        event: { action: 'VOIDED', sheet: state.sheet, actorId: args.viewer.id, reason: args.reason, at } satisfies SheetEvent,
      };
      const after = state.sheet ? withoutSheet(before, round, args.judgeId) : { ...before, version: before.version + 1 };
      const newlyExcused = args.conflict !== null && state.judge !== null && !state.conflict && !conflictOf(state.judge, state.entry.unit?.id ?? null, null);
      const entry = newlyExcused && after.expectedSheets !== undefined ? { ...after, expectedSheets: after.expectedSheets - 1 } : after;
      const amendment: Amendment | null =
        state.round.status === 'CLOSED'
          ? {
              roundId: args.roundId,
              action: args.conflict ? 'CONFLICT_SET' : 'SHEET_VOIDED',
              entryId: args.entryId,
              judgeId: args.judgeId,
              actorId: args.viewer.id,
              reason: args.reason,
              totalBefore: state.entry.total,
              totalAfter: entry.total,
              at,
            }
          : null;
      const result = await this.store.sheets.commitRemoval({
        round: state.round,
        entryId: args.entryId,
        judgeId: args.judgeId,
        removed,
        entry,
        conflict: args.conflict,
        statuses,
        amendment,
        rank: panelScoring(round.method).rankValue,
      });
      if (result.ok) return { round: state.round, sheet: state.sheet };
      if (result.reason === 'ROUND_LOCKED') {
        const current = await this.store.rounds.getRound(args.roundId, true);
        if (current) assertRemovalAllowed(current.status, args.by, action);
      }
      if (result.reason === 'NOT_ON_PANEL') throw new NotFoundError('Judge', args.judgeId, 'userId');
      throw new RaceLost();
    }, isLostRaceOrConflict);
    // A closed round's official results depend on every sheet (normalisation): store them afresh.
    if (outcome.sheet && outcome.round.status === 'CLOSED') await this.results.finalize(args.roundId, null);
    return outcome.sheet;
  }

  /** Changes made to a closed round's results, oldest first, each with the judge it concerned. */
  async amendments(roundId: string): Promise<{ amendment: Amendment; judge: Judge | undefined }[]> {
    const [amendments, judges] = await Promise.all([this.store.sheets.listAmendments(roundId), this.store.panels.listJudges(roundId)]);
    const byId = new Map(judges.map((j) => [j.userId, j]));
    return amendments.map((amendment) => ({ amendment, judge: byId.get(amendment.judgeId) }));
  }

  /** Every submitted version and void of an entry's sheets, oldest first. */
  async auditTrail(entryId: string): Promise<{ events: SheetEvent[]; judges: Map<string, Judge> }> {
    const { roundId } = parseEntryId(entryId, 'entryId');
    const [events, judges] = await Promise.all([this.store.sheets.listEvents(entryId), this.store.panels.listJudges(roundId)]);
    return { events, judges: new Map(judges.map((j) => [j.userId, j])) };
  }
}

/** Judges change what counts only while the round runs; after close only its organizers may, and never after publication. */
function assertRemovalAllowed(status: RoundStatus, by: 'JUDGE' | 'ORGANIZER', action: string): void {
  if (status === 'PUBLISHED') throw new ConflictError('A published round cannot change', 'ROUND_STATUS');
  if (by === 'JUDGE' && status === 'CLOSED') {
    throw new ConflictError(`The round has closed: only its organizers may ${action} now`, 'ROUND_STATUS');
  }
}
