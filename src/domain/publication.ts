/**
 * Publication, the notice period (公示) and objections (异议): pure records and rules.
 */
import type { CalendarOverride } from './workdays.js';
import type { Decimal } from './primitives.js';

export const OBJECTION_STATUSES = ['OPEN', 'UPHELD', 'REJECTED'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export interface Objection {
  id: string;
  roundId: string;
  entryId: string;
  /** Personal data: shown to the competition's organizers only. */
  name: string;
  contact: string;
  grounds: string;
  /** The signed-in caller who filed it, if any. */
  filedBy: string | null;
  filedAt: string;
  status: ObjectionStatus;
  response: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

/** One entry's published result. */
export interface PublishedResult {
  entryId: string;
  total: Decimal | null;
  rank: number | null;
}

/** One publication of a round, with the results as published; a re-publication keeps the earlier ones. */
export interface Publication {
  roundId: string;
  number: number;
  publishedAt: string;
  publishedBy: string;
  noticeWorkingDays: number | null;
  noticeEndsAt: string | null;
  overrideReason: string | null;
  revisionReason: string | null;
  results: PublishedResult[];
}

/** A day an organizer added to the working-day calendar. */
export interface CalendarDay extends CalendarOverride {
  addedBy: string;
  addedAt: string;
}

/** How one entry's published result moved between two publications. */
export interface PublicationChange {
  entryId: string;
  totalBefore: Decimal | null;
  totalAfter: Decimal | null;
  rankBefore: number | null;
  rankAfter: number | null;
}

/** The entries whose total or rank differ between two publications (entries in either). */
export function publicationChanges(before: readonly PublishedResult[], after: readonly PublishedResult[]): PublicationChange[] {
  const earlier = new Map(before.map((r) => [r.entryId, r]));
  const later = new Map(after.map((r) => [r.entryId, r]));
  const ids = [...new Set([...earlier.keys(), ...later.keys()])];
  return ids.flatMap((entryId) => {
    const b = earlier.get(entryId);
    const a = later.get(entryId);
    const change = { entryId, totalBefore: b?.total ?? null, totalAfter: a?.total ?? null, rankBefore: b?.rank ?? null, rankAfter: a?.rank ?? null };
    return change.totalBefore === change.totalAfter && change.rankBefore === change.rankAfter ? [] : [change];
  });
}

/** Objections are filed while the round is published and its notice period runs. */
export function noticeOpen(round: { status: string; noticeEndsAt?: string | null }, now: Date): boolean {
  return round.status === 'PUBLISHED' && !!round.noticeEndsAt && now.getTime() < Date.parse(round.noticeEndsAt);
}

/** The result stands: published, the notice period (if any) over, and no objection open. */
export function isFinal(round: { status: string; noticeEndsAt?: string | null; openObjectionCount?: number }, now: Date): boolean {
  if (round.status !== 'PUBLISHED' || (round.openObjectionCount ?? 0) > 0) return false;
  return !round.noticeEndsAt || now.getTime() >= Date.parse(round.noticeEndsAt);
}
