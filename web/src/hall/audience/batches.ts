/**
 * The ballots issued since the page was opened, by round. The API hands out a ballot's
 * secret once, when it is created, and lists no ballots afterwards: the batches live in this
 * page's memory only (never in storage), so that they can be printed, and printed again after
 * a look at another tab, until the page is reloaded or closed.
 */
export interface BallotBatch {
  roundId: string;
  /** When it was issued (ms), which also names it. */
  createdAt: number;
  ballots: readonly { token: string; voteUrl: string }[];
}

/** As the API allows in one call. */
export const MAX_BALLOTS_PER_CALL = 2000;

const batches = new Map<string, BallotBatch[]>();

export function batchesOf(roundId: string): BallotBatch[] {
  return batches.get(roundId) ?? [];
}

/** Adds a batch to its round's and returns them all, oldest first. */
export function keepBatch(roundId: string, batch: BallotBatch): BallotBatch[] {
  const next = [...batchesOf(roundId), batch];
  batches.set(roundId, next);
  return next;
}

/** The absolute address a ballot's QR code carries (the API gives the path, e.g. /vote/<token>). */
export function voteLink(voteUrl: string, origin = window.location.origin): string {
  return new URL(voteUrl, origin).toString();
}

/** A short, harmless part of the ballot's code for staff to tell cards apart: its first four symbols. */
export function ballotRef(token: string): string {
  const code = token.slice(token.indexOf('~') + 1);
  return code.slice(0, 4);
}
