import type { Owned } from './ownership.js';
/**
 * The domain's records. Decimal quantities (marks, weights, totals) are kept as
 * canonical decimal strings so that nothing passes through binary floating point
 * between the judge's input and the published rank.
 */

import type { EntryResultFields, MethodConfig } from './method.js';
import type { Criterion, Decimal, LeaderboardVisibility, Mark } from './primitives.js';
import type { EntryStageFields, LiveSettings } from './hall.js';
import type { StandingsRule } from './standings.js';

export type { Criterion, Decimal, LeaderboardVisibility, Mark } from './primitives.js';

export const ROLES = ['organizer', 'judge', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface Viewer {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /**
   * A person with a token, a BI tool with an API key (read-only, viewer rights), or a
   * judge seat joined by code (a judge of that one round only).
   */
  readonly kind: 'user' | 'apiKey' | 'seat';
  /** For a seat: the round and seat its token was issued for. */
  readonly seat?: { readonly roundId: string; readonly seatId: string };
  /** An API key limited to some competitions reads only those; absent means every competition. */
  readonly competitionIds?: readonly string[];
}

export interface ApiKey {
  id: string;
  name: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  secretHash: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  /** The competitions the key may read; null: all that a viewer may. */
  competitionIds?: string[] | null;
}

export const UNIT_KINDS = ['PROVINCE', 'CITY', 'DISTRICT', 'COUNTY', 'TOWN', 'STREET', 'VILLAGE', 'COMMUNITY', 'DEPARTMENT', 'ENTERPRISE', 'OTHER'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface Unit extends Owned {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  createdAt: string;
  /** Set by each change after creation; guards the next one. */
  updatedAt?: string;
}

export interface Cadre extends Owned {
  id: string;
  name: string;
  unitId: string;
  position: string | null;
  grade: string | null;
  birthYear: number | null;
  updatedAt: string;
}

export interface Rubric extends Owned {
  id: string;
  name: string;
  version: number;
  criteria: Criterion[];
  maxTotal: Decimal;
  createdAt: string;
}

export interface Competition {
  id: string;
  name: string;
  description: string | null;
  standingsRule: StandingsRule;
  /** When `alerts` flags a participant: in the bottom `bottom` for `consecutive` finished rounds running. */
  alertRule: { bottom: number; consecutive: number };
  createdBy: string;
  createdAt: string;
  version: number;
  /** Set while hidden from lists; archived competitions stay readable for audit. */
  archivedAt?: string | null;
}

export const ROUND_STATUSES = ['DRAFT', 'OPEN', 'CLOSED', 'PUBLISHED'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

/**
 * A round of a competition, assessed by one method (`method.kind`). The core reads
 * only the tag; the method's own modules narrow `method` to their configuration.
 */
export interface Round<C extends MethodConfig = MethodConfig> {
  id: string;
  competitionId: string;
  name: string;
  status: RoundStatus;
  leaderboardVisibility: LeaderboardVisibility;
  /** How entries are assessed: the method's tag and configuration, pinned at creation. */
  method: C;
  /** Set once the official results (normalisation included) are stored after closing. */
  resultsFinalizedAt: string | null;
  entryCount: number;
  judgeCount: number;
  /** Optimistic-concurrency counter of the round item. */
  version: number;
  /** Changes to what counts made after the round closed (voids, conflicts set), each also an Amendment. */
  amendmentCount?: number;
  amendedAt?: string | null;
  /** Sheets refused because they arrived after close, each kept as a RejectedSheet. */
  rejectedSheetCount?: number;
  /** Set while hidden from lists; archived rounds stay readable for audit. */
  archivedAt?: string | null;
  /**
   * True when the round's partition marks every organizer of its competition (created
   * since the marks exist); older rounds are checked against the competition instead.
   */
  managersMarked?: boolean;
  /** How the round is run live in the hall; absent: DEFAULT_LIVE_SETTINGS. */
  live?: LiveSettings;
  /** Publications so far (each kept as its own item); absent: none. */
  publicationCount?: number;
  /** The current notice period (公示), set at publication. */
  noticeEndsAt?: string | null;
  /** Objections filed and not yet answered. */
  openObjectionCount?: number;
  /** The objection upheld that took the round back to CLOSED, until it is published again. */
  revisingFor?: string | null;
  createdAt: string;
}

/** One draw of a round's pitch order (抽签): enough to reproduce and check it. */
export interface PitchDraw {
  roundId: string;
  seed: string;
  algorithm: string;
  drawnBy: string;
  drawnAt: string;
  /** Entry ids in the drawn order, first to pitch first. */
  order: string[];
}

/** A sheet that arrived after the round had closed: refused, and kept so nothing a judge entered disappears. */
export interface RejectedSheet {
  id: string;
  roundId: string;
  entryId: string;
  judgeId: string;
  scores: { criterion: string; score: number }[];
  comment: string | null;
  reason: 'REJECTED_AFTER_CLOSE';
  clientRequestId: string;
  enteredAt: string | null;
  at: string;
}

/**
 * A change to a CLOSED round's results, made by one of its organizers: recorded with
 * who, when and why beside the sheet's own audit event, so that nobody can say the
 * published order is the one the hall saw at close without this list showing otherwise.
 */
export interface Amendment {
  roundId: string;
  action: 'SHEET_VOIDED' | 'CONFLICT_SET';
  entryId: string;
  judgeId: string;
  actorId: string;
  reason: string;
  /** The entry's official total before and after the change (null: none). */
  totalBefore: Decimal | null;
  totalAfter: Decimal | null;
  at: string;
}

/** What an entry remembers of its cadre or unit at enrolment: the record of who pitched, as they were. */
export interface CadreSnapshot {
  id: string;
  name: string;
  unitId: string;
  position: string | null;
  grade: string | null;
  birthYear: number | null;
}

export interface UnitSnapshot {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
}

/**
 * An entry of a round, method-neutral: who, in what order, and the result its
 * method derived. The method's own aggregate (a panel's sheets, say) is stored beside
 * these fields and read through that method's codec.
 */
export interface Entry extends EntryResultFields, EntryStageFields {
  id: string;
  roundId: string;
  title: string;
  order: number;
  group: string | null;
  cadre: CadreSnapshot | null;
  unit: UnitSnapshot | null;
  version: number;
}

export interface Judge {
  roundId: string;
  userId: string;
  name: string;
  unitId: string | null;
  /** Anonymous label, J1…Jn in order of assignment. */
  label: string;
  /** The judge's evaluator class, when the round has classes. */
  classKey?: string | null;
  /** Set when the judge sits on a seat joined by code rather than with an account. */
  seatId?: string | null;
}

export interface Conflict {
  roundId: string;
  entryId: string;
  judgeId: string;
  reason: string;
  /** Who recorded it: the judge (declared) or an organizer (set). */
  source: 'JUDGE' | 'ORGANIZER';
  recordedBy: string;
  recordedAt: string;
}

export interface ScoreSheet {
  id: string;
  entryId: string;
  roundId: string;
  judgeId: string;
  version: number;
  scores: Mark[];
  total: Decimal;
  comment: string | null;
  submittedAt: string;
  clientRequestId: string;
}

/** One line of an entry's audit trail: a submitted version, or a void. */
export interface SheetEvent {
  action: 'SUBMITTED' | 'VOIDED';
  sheet: ScoreSheet;
  /** Who acted: the judge for SUBMITTED, the organizer (or the judge declaring a conflict) for VOIDED. */
  actorId: string;
  reason: string | null;
  at: string;
}
