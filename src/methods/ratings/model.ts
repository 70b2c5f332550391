/**
 * The PUBLIC_RATING method's records: a campaign round's configuration, service points,
 * the codes their QR cards carry, ratings and their follow-up cases.
 */
import type { MethodConfig } from '../../domain/method.js';
import type { CaseState } from './cases.js';
import type { RatingLevel, RatingScale } from './levels.js';

export const RANK_BYS = ['SATISFACTION', 'WILSON'] as const;
export type RankBy = (typeof RANK_BYS)[number];

export interface RatingsConfig extends MethodConfig {
  readonly kind: 'PUBLIC_RATING';
  /** The period rated: 2026, 2026-H1, 2026-Q2 or 2026-05 (Beijing time). */
  period: string;
  scale: RatingScale;
  /** Reasons a citizen picks from for a 差评. */
  reasons: string[];
  minRatings: number;
  rankBy: RankBy;
  callbackWorkingDays: number;
  rectificationWorkingDays: number;
}

export const SERVICE_POINT_KINDS = ['COUNTER', 'HALL', 'STAFF', 'ONLINE'] as const;
export type ServicePointKind = (typeof SERVICE_POINT_KINDS)[number];

export interface ServicePoint {
  id: string;
  name: string;
  kind: ServicePointKind;
  unitId: string;
  /** The campaign (a competition of PUBLIC_RATING rounds) its ratings count in. */
  competitionId: string;
  /** The code its QR card carries now; a rotation or a move issues a new one. */
  code: string;
  rotatedAt: string | null;
  createdAt: string;
  createdBy: string;
}

/**
 * A code a point's QR card carried. Ratings and their counters are kept by code, so a
 * point moved to another unit starts a new code under the new unit and the figures of
 * the two units never mix; a retired code is refused.
 */
export interface RatingCode {
  code: string;
  pointId: string;
  unitId: string;
  /** The campaign its ratings count in (absent on codes issued before it was recorded). */
  competitionId?: string;
  active: boolean;
  createdAt: string;
}

export const RATING_SOURCES = ['QR', 'IMPORT'] as const;

export interface Rating {
  id: string;
  code: string;
  pointId: string;
  unitId: string;
  /** Beijing month (YYYY-MM) of receipt: the counter series it went into. */
  month: string;
  level: RatingLevel;
  reasons: string[];
  comment: string | null;
  /** The phone as the handler sees it (138****5678); the number itself only encrypted. */
  phoneMasked: string | null;
  phoneSealed: string | null;
  ref: string | null;
  receivedAt: string;
  source: (typeof RATING_SOURCES)[number];
  /** False once an upheld appeal removed it from the figures. */
  counted: boolean;
}

export interface CaseStepRecord {
  status: CaseState['status'];
  note: string;
  evidence: string | null;
  by: string;
  at: string;
}

/** One reveal of the rater's full number to the callback desk (回访), with who and why. */
export interface PhoneRevealRecord {
  by: string;
  at: string;
  purpose: string;
}

export interface AccountabilityRecord {
  person: string;
  measure: string;
  decidedBy: string;
  recordedBy: string;
  at: string;
}

/** A 差评's follow-up: the case state (cases.ts), the rating it follows, every step and any accountability. */
export interface RatingCase extends CaseState {
  id: string;
  rating: Rating;
  steps: CaseStepRecord[];
  accountability: AccountabilityRecord[];
  /** Absent on cases stored before reveals were recorded. */
  phoneReveals?: PhoneRevealRecord[];
  version: number;
}

/** A case belongs to the round its rating counted in (its id is `<roundId>~<ulid>`). */
export const caseOfRound = (c: Pick<RatingCase, 'id'>, roundId: string): boolean => c.id.startsWith(`${roundId}~`);

/** The Beijing calendar months a period covers, e.g. 2026-Q2 → 2026-04, 2026-05, 2026-06. */
export function monthsOf(period: string): string[] {
  const [year, part] = period.split('-') as [string, string | undefined];
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${year}-${String(from + i).padStart(2, '0')}`);
  if (!part) return range(1, 12);
  if (part === 'H1') return range(1, 6);
  if (part === 'H2') return range(7, 12);
  if (part.startsWith('Q')) {
    const q = Number(part.slice(1));
    return range(q * 3 - 2, q * 3);
  }
  return [`${year}-${part}`];
}
