import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { conflictOf } from '../domain/access.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, ServiceUnavailableError } from '../domain/errors.js';
import { dictOf, own } from '../domain/dict.js';
import { parseEntryId } from '../domain/ids.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Amendment, Conflict, Criterion, Decimal, Judge, RejectedSheet, Round, RoundStatus, ScoreSheet, SheetEvent, Viewer } from '../domain/model.js';
import { RANK_START, nextRank, rankValueKey, rankValueOf, type RankState } from '../domain/ranking.js';
import { validateMarks } from '../domain/rubric.js';
import { entryResult, marksByCriterion, scoreEntry, sheetTotal } from '../domain/scoring.js';
import type { Store } from '../store/index.js';
import { RaceLost, backoff, isTransientConflict, retrying } from '../store/ops.js';
import type { StoredEntry } from '../store/rounds.js';
import type { RequestRecord } from '../store/sheets.js';
import type { Cursors } from './cursor.js';
import { labelOrder } from '../domain/judges.js';
import type { ResultsService } from './results.js';
import * as z from 'zod/mini';
import { count, finite, optionalText, pageSize, parseArgument, text } from './validation.js';

/** Attempts before a submission gives up on a hot entry; a retry costs one request when the transaction explains its failure. */
const SUBMIT_ATTEMPTS = 40;

const submitInput = z.object({
  entryId: z.string().check(z.maxLength(300)),
  scores: z.array(z.object({ criterion: z.string().check(z.maxLength(40)), score: finite })).check(z.maxLength(30)),
  comment: optionalText(2000),
  clientRequestId: z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : - only, at most 100')))),
  enteredAt: z.optional(z.nullable(z.iso.datetime())),
});
type SubmitInput = z.infer<typeof submitInput>;

const leaderboardCursor = z.object({
  s: z.string().check(z.maxLength(400)),
  k: z.string().check(z.regex(/^[cu]~[A-Za-z0-9_.@:-]{1,128}$/)),
  p: count(1, 10_000_000),
  r: z.nullable(count(1, 10_000_000)),
  t: z.nullable(z.string().check(z.regex(/^\d{12}(#\d{12})*$/))),
});

const reason = text(500);

/** A sheet id names its entry and judge: `<entryId>/<judgeId>` (neither contains '/'). */
export function sheetIdOf(entryId: string, judgeId: string): string {
  return `${entryId}/${judgeId}`;
}

export function parseSheetId(sheetId: string, path: string): { entryId: string; judgeId: string; roundId: string } {
  const slash = sheetId.indexOf('/');
  if (slash < 0) throw InvalidInputError.at(path, 'BAD_ID', 'not a valid sheet id');
  const entryId = sheetId.slice(0, slash);
  return { entryId, judgeId: sheetId.slice(slash + 1), roundId: parseEntryId(entryId, path).roundId };
}

export interface LeaderboardRow {
  rank: number | null;
  total: Decimal | null;
  sheetCount: number;
  entry: StoredEntry & { rank: number | null };
}

export interface AssessedSheet {
  sheet: ScoreSheet;
  judge: Judge | undefined;
  /** Whether the caller may see the judge's name and comment. */
  managing: boolean;
  trimmed: boolean;
  /** Criteria whose mark trimming dropped (trimScope CRITERION). */
  trimmedMarks: string[];
  normalizedTotal: Decimal | null;
}

export interface Assessment {
  round: Round;
  entry: StoredEntry;
  rank: number | null;
  /** False before publication for callers who may not see other judges' marks. */
  sheetsVisible: boolean;
  /** The caller organizes the competition: judges' names and comments are shown. */
  managing: boolean;
  /** False for a judge of a running round: totals, means, rank and trim flags are withheld. */
  aggregates: boolean;
  sheets: AssessedSheet[];
  criteria: { criterion: Criterion; mean: Decimal | null }[];
}

/** The judge's side of a round and the per-entry views: submission, leaderboard, assessment, conflicts, audit. */
export class ScoringService {
  constructor(
    private readonly store: Store,
    private readonly results: ResultsService,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {}

  /**
   * Creates or replaces the caller's sheet for an entry as a new version.
   * Two DynamoDB requests when uncontended: one consistent batch read, one transaction.
   */
  async submitSheet(viewer: Viewer, input: unknown): Promise<ScoreSheet> {
    const parsed = parseArgument(submitInput, input, 'input');
    const { roundId, keyPart } = parseEntryId(parsed.entryId, 'input.entryId');
    const clientRequestId = parsed.clientRequestId ?? `auto-${ulid()}`;
    const fingerprint = fingerprintOf(parsed.entryId, parsed.scores, parsed.comment);
    const key = { roundId, entryId: parsed.entryId, keyPart, judgeId: viewer.id, clientRequestId };

    let state = await this.store.sheets.loadSubmissionState(key);
    for (let attempt = 1; ; attempt++) {
      if (state.request) return replay(state.request, fingerprint);
      if (!state.round || !state.entry) throw new NotFoundError('Entry', parsed.entryId, 'input.entryId');
      if (!state.judge) throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
      assertNoConflict(state.judge, state.entry, state.conflict);
      if (isClosed(state.round.status)) return this.rejectAfterClose(viewer, parsed, roundId, clientRequestId);
      assertStatus(state.round.status, ['OPEN'], 'submit a score sheet');

      const round = state.round;
      const scores = validateMarks(round.rubric.criteria, parsed.scores, 'input.scores');
      const sheet: ScoreSheet = {
        id: sheetIdOf(parsed.entryId, viewer.id),
        entryId: parsed.entryId,
        roundId,
        judgeId: viewer.id,
        version: (state.sheet?.version ?? 0) + 1,
        scores,
        total: sheetTotal(round.rubric.criteria, scores),
        comment: parsed.comment,
        submittedAt: this.now().toISOString(),
        clientRequestId,
      };
      const sheets = dictOf([...Object.entries(state.entry.sheets), [viewer.id, { total: sheet.total, marks: marksByCriterion(scores) }] as const]);
      const outcome = await this.store.sheets.commitSubmission({ sheet, fingerprint, entry: withSheets(state.entry, round, sheets), round });
      if (outcome.ok) return sheet;
      if (outcome.reason === 'ROUND_NOT_OPEN') {
        const now = await this.store.competitions.getRound(roundId, true);
        if (now && isClosed(now.status)) return this.rejectAfterClose(viewer, parsed, roundId, clientRequestId);
        throw new ConflictError('The round closed before the sheet was saved', 'ROUND_STATUS');
      }
      if (outcome.reason === 'NOT_ON_PANEL') throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
      if (attempt >= SUBMIT_ATTEMPTS) throw new ServiceUnavailableError('Too many judges are saving this entry at once; retry shortly');
      await backoff(attempt);
      // Someone moved first. When the transaction told us what changed, carry on from
      // there (one request per retry); otherwise read everything again.
      state =
        outcome.reason === 'STALE' && (outcome.entry || outcome.sheet !== undefined)
          ? { ...state, entry: outcome.entry ?? state.entry, sheet: outcome.sheet === undefined ? state.sheet : outcome.sheet }
          : await this.store.sheets.loadSubmissionState(key);
    }
  }

  /**
   * A sheet that arrives after close does not count, but what the judge entered is
   * kept (once per request id) and shown to the organizers, so nothing disappears silently.
   */
  private async rejectAfterClose(viewer: Viewer, input: SubmitInput, roundId: string, clientRequestId: string): Promise<never> {
    await this.store.sheets.putRejected({
      id: `${sheetIdOf(input.entryId, viewer.id)}/${clientRequestId}`,
      roundId,
      entryId: input.entryId,
      judgeId: viewer.id,
      scores: input.scores.map((s) => ({ criterion: s.criterion, score: s.score })),
      comment: input.comment,
      reason: 'REJECTED_AFTER_CLOSE',
      clientRequestId,
      enteredAt: input.enteredAt ?? null,
      at: this.now().toISOString(),
    });
    throw new ConflictError('The round has closed: this sheet does not count; it was recorded for the organizers', 'REJECTED_AFTER_CLOSE');
  }

  /** Sheets refused after close, oldest first, each with its judge. */
  async rejectedSheets(roundId: string): Promise<{ rejected: RejectedSheet; judge: Judge | undefined }[]> {
    const [rejected, judges] = await Promise.all([this.store.sheets.listRejected(roundId), this.store.rounds.listJudges(roundId)]);
    const byId = new Map(judges.map((j) => [j.userId, j]));
    return rejected.map((r) => ({ rejected: r, judge: byId.get(r.judgeId) }));
  }

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
    const outcome = await retrying(
      async () => {
        const state = await this.store.sheets.loadSubmissionState({ roundId: args.roundId, entryId: args.entryId, keyPart, judgeId: args.judgeId });
        if (!state.round || !state.entry) throw new NotFoundError('Entry', args.entryId, 'entryId');
        if (args.conflict && !state.judge) throw new NotFoundError('Judge', args.judgeId, 'userId');
        if (args.requireSheet && !state.sheet) throw new NotFoundError('ScoreSheet', sheetIdOf(args.entryId, args.judgeId), 'sheetId');
        assertRemovalAllowed(state.round.status, args.by, action);
        const at = this.now().toISOString();
        const removed = state.sheet && {
          sheet: state.sheet,
          event: { action: 'VOIDED', sheet: state.sheet, actorId: args.viewer.id, reason: args.reason, at } satisfies SheetEvent,
        };
        const after = state.sheet ? withoutSheet(state.entry, state.round, args.judgeId) : { ...state.entry, version: state.entry.version + 1 };
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
        });
        if (result.ok) return { round: state.round, sheet: state.sheet };
        if (result.reason === 'ROUND_LOCKED') {
          const current = await this.store.competitions.getRound(args.roundId, true);
          if (current) assertRemovalAllowed(current.status, args.by, action);
        }
        if (result.reason === 'NOT_ON_PANEL') throw new NotFoundError('Judge', args.judgeId, 'userId');
        throw new RaceLost();
      },
      (error) => error instanceof RaceLost || isTransientConflict(error),
    );
    // A closed round's official results depend on every sheet (normalisation): store them afresh.
    if (outcome.sheet && outcome.round.status === 'CLOSED') await this.results.finalize(args.roundId, false);
    return outcome.sheet;
  }

  /** Changes made to a closed round's results, oldest first, each with the judge it concerned. */
  async amendments(roundId: string): Promise<{ amendment: Amendment; judge: Judge | undefined }[]> {
    const [amendments, judges] = await Promise.all([this.store.sheets.listAmendments(roundId), this.store.rounds.listJudges(roundId)]);
    const byId = new Map(judges.map((j) => [j.userId, j]));
    return amendments.map((amendment) => ({ amendment, judge: byId.get(amendment.judgeId) }));
  }

  /** Every submitted version and void of an entry's sheets, oldest first. */
  async auditTrail(entryId: string): Promise<{ events: SheetEvent[]; judges: Map<string, Judge> }> {
    const { roundId } = parseEntryId(entryId, 'entryId');
    const [events, judges] = await Promise.all([this.store.sheets.listEvents(entryId), this.store.rounds.listJudges(roundId)]);
    return { events, judges: new Map(judges.map((j) => [j.userId, j])) };
  }

  /** One page of ranked rows (the round's, or one group's): one index query, plus the round read the caller shares. */
  async leaderboard(
    round: Round,
    args: { group?: string | null; first?: number | null; after?: string | null },
  ): Promise<{ rows: { cursor: string; node: LeaderboardRow }[]; hasNextPage: boolean }> {
    const first = parseArgument(pageSize, args.first, 'first');
    const group = args.group ?? null;
    const scope = `leaderboard:${round.id}:${group ?? ''}`;
    const cursor = args.after ? this.cursors.decode(scope, leaderboardCursor, args.after) : undefined;
    const page = await this.store.rounds.leaderboardPage(round.id, group, first + 1, cursor && { keyPart: cursor.k, sortKey: cursor.s });
    let state: RankState = cursor ? { position: cursor.p, rank: cursor.r, tieKey: cursor.t } : RANK_START;
    const rows = page.slice(0, first).map(({ entry, sortKey }) => {
      const value = rankValueOf(entry, entry.sheetCount, round);
      state = nextRank(state, value && rankValueKey(value));
      const node: LeaderboardRow = { rank: state.rank, total: entry.total, sheetCount: entry.sheetCount, entry: { ...entry, rank: state.rank } };
      const next = { s: sortKey, k: entry.keyPart, p: state.position, r: state.rank, t: state.tieKey };
      return { cursor: this.cursors.encode(scope, next), node };
    });
    return { rows, hasNextPage: page.length > first };
  }

  /** Rank of one entry in its round: one more than the number of entries ranked strictly better. */
  async rankOf(entry: StoredEntry, round: Round): Promise<number | null> {
    const value = rankValueOf(entry, entry.sheetCount, round);
    if (!value) return null;
    return 1 + (await this.store.rounds.countBetter(entry.roundId, null, value));
  }

  /**
   * The entry's scoring protocol. Before publication (blind scoring) the competition's
   * organizers see every sheet, a judge only their own, anyone else none.
   */
  async assessment(viewer: Viewer, round: Round, entry: StoredEntry, show: { managing: boolean; aggregates: boolean }): Promise<Assessment> {
    const { managing, aggregates } = show;
    const [sheets, judges, rank] = await Promise.all([
      this.store.sheets.listSheets(entry.id),
      this.store.rounds.listJudges(round.id),
      aggregates ? this.rankOf(entry, round) : null,
    ]);
    const judgeById = new Map(judges.map((j) => [j.userId, j]));
    const result = entryResult(round.rubric.criteria, round, entry.sheets, entry.normalized ?? undefined);
    const allVisible = round.status === 'PUBLISHED' || managing;
    const visible = allVisible ? sheets : sheets.filter((s) => s.judgeId === viewer.id);
    return {
      round,
      entry,
      rank,
      managing,
      aggregates,
      sheetsVisible: allVisible,
      sheets: visible
        .map((sheet) => ({
          sheet,
          judge: judgeById.get(sheet.judgeId),
          managing,
          trimmed: aggregates && result.droppedSheets.includes(sheet.judgeId),
          trimmedMarks: aggregates ? Object.entries(result.droppedMarks).filter(([, judgesDropped]) => judgesDropped.includes(sheet.judgeId)).map(([key]) => key) : [],
          normalizedTotal: aggregates ? (own(entry.normalized, sheet.judgeId) ?? null) : null,
        }))
        .sort((a, b) => labelOrder(a.judge) - labelOrder(b.judge)),
      criteria: round.rubric.criteria.map((criterion) => ({ criterion, mean: aggregates ? (own(entry.criterionValues, criterion.key) ?? null) : null })),
    };
  }
}

const isClosed = (status: RoundStatus) => status === 'CLOSED' || status === 'PUBLISHED';

/** Judges change what counts only while the round runs; after close only its organizers may, and never after publication. */
function assertRemovalAllowed(status: RoundStatus, by: 'JUDGE' | 'ORGANIZER', action: string): void {
  if (status === 'PUBLISHED') throw new ConflictError('A published round cannot change', 'ROUND_STATUS');
  if (by === 'JUDGE' && status === 'CLOSED') {
    throw new ConflictError(`The round has closed: only its organizers may ${action} now`, 'ROUND_STATUS');
  }
}

/** The entry with a new set of sheets and everything derived from them (optimistic version bumped). */
function withSheets(entry: StoredEntry, round: Round, sheets: StoredEntry['sheets']): StoredEntry {
  // A sheet change drops finalised normalisation; closing again recomputes it for the whole round.
  const normalized = round.status === 'CLOSED' ? entry.normalized : null;
  return {
    ...entry,
    sheets,
    sheetCount: Object.keys(sheets).length,
    normalized,
    ...scoreEntry(round.rubric.criteria, round, sheets, normalized),
    version: entry.version + 1,
  };
}

function withoutSheet(entry: StoredEntry, round: Round, judgeId: string): StoredEntry {
  return withSheets(entry, round, dictOf(Object.entries(entry.sheets).filter(([id]) => id !== judgeId)));
}

function assertNoConflict(judge: Judge, entry: StoredEntry, conflict: Conflict | null): void {
  const reason = conflictOf(judge, entry.unit?.id ?? null, conflict);
  if (!reason) return;
  const why = {
    CONFLICT_DECLARED: `declared by you: ${conflict?.reason}`,
    CONFLICT_SET: `set by the organizer: ${conflict?.reason}`,
    CONFLICT_SAME_UNIT: 'the entry belongs to your own unit',
  }[reason];
  throw new ForbiddenError(`Conflict of interest (回避), ${why}`, reason);
}

function replay(request: RequestRecord, fingerprint: string): ScoreSheet {
  if (request.fingerprint !== fingerprint) {
    throw new ConflictError('This clientRequestId was already used for a different submission', 'CLIENT_REQUEST_ID_REUSED');
  }
  return request.sheet;
}

function fingerprintOf(entryId: string, scores: readonly { criterion: string; score: number }[], comment: string | null): string {
  const canonicalScores = [...scores].sort((a, b) => a.criterion.localeCompare(b.criterion)).map((s) => [s.criterion, s.score]);
  return createHash('sha256').update(JSON.stringify([entryId, canonicalScores, comment])).digest('base64url');
}
