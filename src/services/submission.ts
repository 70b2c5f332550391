import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { conflictOf } from '../domain/access.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../domain/errors.js';
import { dictOf } from '../domain/dict.js';
import { parseEntryId } from '../domain/ids.js';
import { assertGateOpen, liveSettingsOf } from '../domain/hall.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Conflict, Judge, RejectedSheet, RoundStatus, ScoreSheet, Viewer } from '../domain/model.js';
import { validateMarks } from '../domain/rubric.js';
import { panelEntry } from '../methods/panel/aggregate.js';
import { asPanelRound } from '../methods/panel/config.js';
import { panelScoring } from '../methods/panel/roundScoring.js';
import { marksByCriterion, sheetTotal } from '../methods/panel/scoring.js';
import type { Store } from '../store/index.js';
import { RaceLost, isRaceLost, retrying } from '../store/ops.js';
import type { StoredEntry } from '../store/entries.js';
import type { RequestRecord, SubmissionState } from '../store/sheets.js';
import { withSheets } from './entryAggregate.js';
import { sheetIdOf } from './sheetIds.js';
import * as z from 'zod/mini';
import { finite, optionalText, parseArgument } from './validation.js';

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

/** A judge's sheets: submitted (idempotent, optimistic), or refused after close and kept. */
export class SubmissionService {
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

    return retrying<ScoreSheet, SubmissionState>(
      async (_attempt, lost) => {
        // After a lost race, the state the failed transaction reported (when it could); else a fresh read.
        const state = lost?.hint ?? (await this.store.sheets.loadSubmissionState(key));
        if (state.request) return replay(state.request, fingerprint);
        if (!state.round || !state.entry) throw new NotFoundError('Entry', parsed.entryId, 'input.entryId');
        if (!state.judge) throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
        assertNoConflict(state.judge, state.entry, state.conflict);
        if (isClosed(state.round.status)) return this.rejectAfterClose(viewer, parsed, roundId, clientRequestId);
        assertStatus(state.round.status, ['OPEN'], 'submit a score sheet');

        const round = asPanelRound(state.round);
        const entry = panelEntry(state.entry);
        const gate = liveSettingsOf(round).scoringGate;
        assertGateOpen(gate, state.hall.stage?.entryId ?? null, parsed.entryId, state.entry);
        const criteria = round.method.rubric.criteria;
        const scores = validateMarks(criteria, parsed.scores, 'input.scores');
        const sheet: ScoreSheet = {
          id: sheetIdOf(parsed.entryId, viewer.id),
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
        const judgeSheet = { total: sheet.total, marks: marksByCriterion(scores), ...(state.judge.classKey ? { classKey: state.judge.classKey } : {}) };
        const sheets = dictOf([...Object.entries(entry.sheets), [viewer.id, judgeSheet] as const]);
        const outcome = await this.store.sheets.commitSubmission({
          sheet,
          fingerprint,
          entry: withSheets(entry, round, sheets),
          round,
          rank: panelScoring(round.method).rankValue,
          requireOnStage: gate === 'ON_STAGE',
        });
        if (outcome.ok) return sheet;
        if (outcome.reason === 'ROUND_NOT_OPEN') {
          const now = await this.store.rounds.getRound(roundId, true);
          if (now && isClosed(now.status)) return this.rejectAfterClose(viewer, parsed, roundId, clientRequestId);
          throw new ConflictError('The round closed before the sheet was saved', 'ROUND_STATUS');
        }
        if (outcome.reason === 'NOT_ON_PANEL') throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
        // Someone moved first. When the transaction told us what changed, carry on from
        // there (one request per retry); otherwise read everything again.
        if (outcome.reason === 'STALE' && (outcome.entry || outcome.sheet !== undefined)) {
          throw new RaceLost({ ...state, entry: outcome.entry ?? state.entry, sheet: outcome.sheet === undefined ? state.sheet : outcome.sheet });
        }
        throw new RaceLost();
      },
      isRaceLost,
      { attempts: SUBMIT_ATTEMPTS, busy: 'Too many judges are saving this entry at once; retry shortly' },
    );
  }

  /**
   * A sheet that arrives after close does not count, but what the judge entered is
   * kept (once per request id) and shown to the organizers, so nothing disappears silently.
   */
  private async rejectAfterClose(viewer: Viewer, input: SubmitInput, roundId: string, clientRequestId: string): Promise<never> {
    await this.store.rejections.put({
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
    const [rejected, judges] = await Promise.all([this.store.rejections.list(roundId), this.store.panels.listJudges(roundId)]);
    const byId = new Map(judges.map((j) => [j.userId, j]));
    return rejected.map((r) => ({ rejected: r, judge: byId.get(r.judgeId) }));
  }
}

const isClosed = (status: RoundStatus) => status === 'CLOSED' || status === 'PUBLISHED';

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
  return createHash('sha256')
    .update(JSON.stringify([entryId, canonicalScores, comment]))
    .digest('base64url');
}
