import { ApiError, request } from '../api/client';
import { SubmitScoreSheetDocument, type SubmitScoreSheetMutation } from '../gql/graphql';
import { session } from '../auth/session';

/**
 * Score sheets waiting to reach the API. A judge's phone at the venue may drop off the
 * network at any moment, so every submission is written here (localStorage) before it is
 * sent, and stays until the API acknowledges it. Retries reuse the submission's
 * `clientRequestId`, so a sheet that did arrive but whose answer was lost is not stored
 * twice: the API answers a replay with the first result.
 *
 * One submission is in flight at a time, oldest first; a newer sheet for the same entry
 * replaces one still waiting, so the latest marks always win.
 *
 * A sheet the API refuses because scoring had ended meanwhile (it sat here while the phone
 * was offline) is not dropped: it stays, marked `closedOut`, is never sent again, and is
 * shown until the judge acknowledges it. Each sheet carries `enteredAt`, the moment the
 * judge pressed submit, so that the API can record when the marks were really given.
 */
export interface PendingSheet {
  clientRequestId: string;
  userId: string;
  roundId: string;
  entryId: string;
  scores: { criterion: string; score: number }[];
  comment: string | null;
  /** Σ weight × score as computed here, for display while waiting. */
  total: number;
  queuedAt: string;
  attempts: number;
  /** The last failure that will be retried (offline, busy). */
  lastError?: string;
  /** Refused because scoring had ended before it arrived: kept for the judge to see, never retried. */
  closedOut?: { reason: ClosedOutReason; at: string };
}

/** Refusals that mean "the round closed first": REJECTED_AFTER_CLOSE (the API kept a record), ROUND_STATUS (older APIs, no record). */
export type ClosedOutReason = 'REJECTED_AFTER_CLOSE' | 'ROUND_STATUS';
const CLOSED_OUT: ReadonlySet<string> = new Set<ClosedOutReason>(['REJECTED_AFTER_CLOSE', 'ROUND_STATUS']);

export type SubmittedSheet = SubmitScoreSheetMutation['submitScoreSheet'];

export type Outcome = { kind: 'acknowledged'; item: PendingSheet; sheet: SubmittedSheet } | { kind: 'rejected'; item: PendingSheet; error: ApiError };

const KEY = 'bxgc.outbox.v1';
const MAX_BACKOFF_MS = 30_000;

function newRequestId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export class Outbox {
  private items: PendingSheet[];
  private inFlight: string | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private nextAttemptAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly outcomeListeners = new Set<(outcome: Outcome) => void>();
  private version = 0;

  constructor(
    private readonly storage: Storage,
    private readonly send: (item: PendingSheet) => Promise<SubmittedSheet>,
    private readonly currentUser: () => string | null,
  ) {
    this.items = this.load();
  }

  /** Queues a sheet and tries to send it at once. Returns the queued item. */
  enqueue(sheet: Omit<PendingSheet, 'clientRequestId' | 'queuedAt' | 'attempts'>): PendingSheet {
    const item: PendingSheet = { ...sheet, clientRequestId: newRequestId(), queuedAt: new Date().toISOString(), attempts: 0 };
    // A waiting (not in-flight) sheet for the same entry is superseded by the newer marks.
    this.items = this.items.filter((i) => i.closedOut || !(i.userId === item.userId && i.entryId === item.entryId && i.clientRequestId !== this.inFlight));
    this.items.push(item);
    this.persist();
    this.failures = 0;
    void this.flush();
    return item;
  }

  /** The signed-in user's waiting sheets, oldest first. */
  pending(userId: string | null = this.currentUser()): PendingSheet[] {
    return this.items.filter((i) => i.userId === userId && !i.closedOut);
  }

  /** The signed-in user's sheets that arrived after scoring had ended, oldest first. */
  closedOut(userId: string | null = this.currentUser()): PendingSheet[] {
    return this.items.filter((i) => i.userId === userId && i.closedOut);
  }

  /** The judge has read that a closed-out sheet did not count: forget it. */
  dismiss(clientRequestId: string): void {
    this.remove(clientRequestId);
  }

  isSending(clientRequestId: string): boolean {
    return this.inFlight === clientRequestId;
  }

  /** When the next retry is due (ms since epoch), if one is scheduled. */
  retryAt(): number | null {
    return this.nextAttemptAt;
  }

  /** Sends waiting sheets one by one until the queue is empty or the network fails. */
  async flush(): Promise<void> {
    if (this.inFlight) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.nextAttemptAt = null;
    }
    for (;;) {
      const item = this.pending()[0];
      if (!item) return;
      this.inFlight = item.clientRequestId;
      item.attempts += 1;
      this.persist();
      try {
        const sheet = await this.send(item);
        this.inFlight = null;
        this.failures = 0;
        this.remove(item.clientRequestId);
        this.emit({ kind: 'acknowledged', item, sheet });
      } catch (error) {
        this.inFlight = null;
        const apiError = error instanceof ApiError ? error : new ApiError('NETWORK', String(error));
        if (apiError.retryable || apiError.code === 'UNAUTHENTICATED') {
          // Keep it: offline, busy, or a token to renew. Try again later with the same id.
          item.lastError = apiError.code;
          this.persist();
          this.schedule();
          return;
        }
        if (apiError.reason && CLOSED_OUT.has(apiError.reason)) {
          // Scoring ended while it waited: keep it in sight, but never send it again.
          item.closedOut = { reason: apiError.reason as ClosedOutReason, at: new Date().toISOString() };
          delete item.lastError;
          this.persist();
        } else {
          // The API refused it for good (conflict of interest, invalid marks).
          this.remove(item.clientRequestId);
        }
        this.emit({ kind: 'rejected', item, error: apiError });
      }
    }
  }

  /** Sheets of other users stay queued until they sign in again on this device. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onOutcome(listener: (outcome: Outcome) => void): () => void {
    this.outcomeListeners.add(listener);
    return () => this.outcomeListeners.delete(listener);
  }

  /** Changes whenever the queue does (for useSyncExternalStore). */
  snapshot(): number {
    return this.version;
  }

  private schedule(): void {
    this.failures += 1;
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (this.failures - 1));
    const delay = base / 2 + Math.random() * (base / 2);
    this.nextAttemptAt = Date.now() + delay;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.nextAttemptAt = null;
      void this.flush();
    }, delay);
    this.notify();
  }

  private remove(clientRequestId: string): void {
    this.items = this.items.filter((i) => i.clientRequestId !== clientRequestId);
    this.persist();
  }

  private emit(outcome: Outcome): void {
    for (const listener of this.outcomeListeners) listener(outcome);
  }

  private load(): PendingSheet[] {
    try {
      const parsed = JSON.parse(this.storage.getItem(KEY) ?? '[]') as unknown;
      return Array.isArray(parsed) ? (parsed as PendingSheet[]).filter((i) => typeof i?.clientRequestId === 'string') : [];
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      this.storage.setItem(KEY, JSON.stringify(this.items));
    } catch {
      // Storage full or unavailable: the queue still lives in memory for this page.
    }
    this.notify();
  }

  private notify(): void {
    this.version += 1;
    for (const listener of this.listeners) listener();
  }
}

export const outbox = new Outbox(
  localStorage,
  async (item) =>
    (
      await request(SubmitScoreSheetDocument, {
        input: {
          entryId: item.entryId,
          scores: item.scores,
          comment: item.comment,
          clientRequestId: item.clientRequestId,
          // Queued the moment the judge pressed submit, however long the sheet then waited.
          enteredAt: item.queuedAt,
        },
      })
    ).submitScoreSheet,
  () => session.get()?.user.id ?? null,
);

// Back online, back in the foreground, or signed in again: try at once.
window.addEventListener('online', () => void outbox.flush());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') void outbox.flush();
});
session.subscribe(() => void outbox.flush());
// Sheets left from an earlier visit (the page was closed or reloaded while offline).
void outbox.flush();
