import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import { newId, parseEntryId } from '../domain/ids.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Criterion, Decimal, Judge, Round, ScoreSheet, Viewer } from '../domain/model.js';
import { RANK_START, nextRank, type RankState } from '../domain/ranking.js';
import { validateMarks } from '../domain/rubric.js';
import { criterionMeans, entryTotal, sheetTotal, trimSheets } from '../domain/scoring.js';
import type { Store } from '../store/index.js';
import { RaceLost, isTransientConflict, recordOf, retrying } from '../store/ops.js';
import type { RequestRecord } from '../store/sheets.js';
import type { StoredEntry } from '../store/rounds.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { count, externalId, finite, optionalText, pageSize, parseArgument, z } from './validation.js';

/** Attempts before a submission gives up on a hot entry; each attempt is two DynamoDB requests. */
const SUBMIT_ATTEMPTS = 40;

const submitInput = z.object({
  entryId: z.string().check(z.maxLength(300)),
  scores: z.array(z.object({ criterion: z.string().check(z.maxLength(40)), score: finite })).check(z.maxLength(30)),
  comment: optionalText(2000),
  clientRequestId: z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : - only, at most 100')))),
});

const leaderboardCursor = z.object({
  s: z.string().check(z.maxLength(300)),
  k: externalIdPart(),
  p: count(1, 10_000_000),
  r: z.nullable(count(1, 10_000_000)),
  t: z.nullable(z.string().check(z.regex(/^\d{1,10}(\.\d{1,2})?$/))),
});

function externalIdPart() {
  return z.string().check(z.regex(/^[cu]~[A-Za-z0-9_.@:-]{1,128}$/));
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
  trimmed: boolean;
}

export interface Assessment {
  round: Round;
  entry: StoredEntry;
  rank: number | null;
  sheets: AssessedSheet[];
  criteria: { criterion: Criterion; mean: Decimal | null }[];
}

/** The judge's side of a round and everything computed from sheets: submission, leaderboard, assessment. */
export class ScoringService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
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

    return retrying(
      async () => {
        const state = await this.store.sheets.loadSubmissionState(key);
        if (state.request) return replay(state.request, fingerprint);
        if (!state.round || !state.entry) throw new NotFoundError('Entry', parsed.entryId, 'input.entryId');
        if (!state.judge) throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
        assertStatus(state.round.status, ['OPEN'], 'submit a score sheet');

        const criteria = state.round.rubric.criteria;
        const scores = validateMarks(criteria, parsed.scores, 'input.scores');
        const sheet: ScoreSheet = {
          id: state.sheet?.id ?? newId('sheet'),
          entryId: parsed.entryId,
          roundId,
          judgeId: viewer.id,
          version: (state.sheet?.version ?? 0) + 1,
          scores,
          total: sheetTotal(criteria, scores),
          comment: parsed.comment,
          submittedAt: this.now().toISOString(),
          clientRequestId,
        };
        const sheetTotals = { ...state.entry.sheetTotals, [viewer.id]: sheet.total };
        const entry: StoredEntry = {
          ...state.entry,
          sheetTotals,
          total: entryTotal(sheetTotals, state.round),
          sheetCount: Object.keys(sheetTotals).length,
          version: state.entry.version + 1,
        };

        const outcome = await this.store.sheets.commitSubmission({ sheet, keyPart, fingerprint, entry });
        if (outcome.ok) return sheet;
        switch (outcome.reason) {
          case 'ROUND_NOT_OPEN':
            throw new ConflictError('The round closed before the sheet was saved', 'ROUND_STATUS');
          case 'NOT_ON_PANEL':
            throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
          case 'REPLAYED':
          case 'ENTRY_CHANGED':
          case 'BUSY':
            // Someone else moved first (or this very request did): read again and decide again.
            throw new RaceLost();
        }
      },
      (error) => error instanceof RaceLost || isTransientConflict(error),
      SUBMIT_ATTEMPTS,
    );
  }

  /** One page of ranked rows: one index query, plus the round read the caller shares via `round`. */
  async leaderboard(
    roundId: string,
    args: { first?: number | null; after?: string | null },
  ): Promise<{ rows: { cursor: string; node: LeaderboardRow }[]; hasNextPage: boolean }> {
    const first = parseArgument(pageSize, args.first, 'first');
    const cursor = args.after ? decodeCursor(leaderboardCursor, args.after) : undefined;
    const page = await this.store.rounds.leaderboardPage(roundId, first + 1, cursor && { keyPart: cursor.k, sortKey: cursor.s });
    let state: RankState = cursor ? { position: cursor.p, rank: cursor.r, total: cursor.t } : RANK_START;
    const rows = page.items.slice(0, first).map((item) => {
      const entry = recordOf<StoredEntry>(item);
      state = nextRank(state, entry.total);
      const node: LeaderboardRow = {
        rank: state.rank,
        total: entry.total,
        sheetCount: entry.sheetCount,
        entry: { ...entry, rank: state.rank },
      };
      const next = { s: item.gsi1sk, k: entry.keyPart, p: state.position, r: state.rank, t: state.total };
      return { cursor: encodeCursor(next), node };
    });
    return { rows, hasNextPage: page.items.length > first };
  }

  /** Rank of one entry: one more than the number of entries with a strictly greater total. */
  async rankOf(entry: StoredEntry): Promise<number | null> {
    if (entry.total === null) return null;
    return 1 + (await this.store.rounds.countAbove(entry.roundId, entry.total));
  }

  async assessment(entryId: string, round: Round, entry: StoredEntry): Promise<Assessment> {
    const [sheets, judges, rank] = await Promise.all([
      this.store.sheets.listSheets(entryId),
      this.store.rounds.listJudges(round.id),
      this.rankOf(entry),
    ]);
    const judgeById = new Map(judges.map((j) => [j.userId, j]));
    const { kept, dropped } = trimSheets(
      sheets.map((sheet) => ({ key: sheet.judgeId, total: sheet.total, sheet })),
      round,
    );
    const droppedIds = new Set(dropped.map((d) => d.sheet.id));
    const byLabel = (a: AssessedSheet, b: AssessedSheet) => labelNumber(a.judge) - labelNumber(b.judge);
    return {
      round,
      entry,
      rank,
      sheets: sheets
        .map((sheet) => ({ sheet, judge: judgeById.get(sheet.judgeId), trimmed: droppedIds.has(sheet.id) }))
        .sort(byLabel),
      criteria: criterionMeans(round.rubric.criteria, kept.map((k) => k.sheet)),
    };
  }

  async sheetsOfJudge(roundId: string, judgeId: string): Promise<ScoreSheet[]> {
    return this.store.sheets.listSheetsOfJudge(roundId, judgeId);
  }

}

function labelNumber(judge: Judge | undefined): number {
  return judge ? Number(judge.label.slice(1)) : Number.MAX_SAFE_INTEGER;
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
