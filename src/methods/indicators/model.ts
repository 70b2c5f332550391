/**
 * The INDICATORS method's records: the versioned indicator set a round pins, the
 * round's configuration, the values organizers enter and verify (maker-checker),
 * the adjustments they propose and approve, and what each entry keeps of them.
 */
import type { MethodConfig } from '../../domain/method.js';
import type { Owned } from '../../domain/ownership.js';
import type { Decimal } from '../../domain/primitives.js';
import type { Indicator, Section } from './indicatorSet.js';

export type { Indicator, Section } from './indicatorSet.js';

/** An indicator set version (like a rubric): immutable once written; `updateIndicatorSet` makes version n + 1. */
export interface IndicatorSet extends Owned {
  id: string;
  name: string;
  version: number;
  sections: Section[];
  indicators: Indicator[];
  /** Σ section weight × section full mark: the highest total before bonuses. */
  fullMark: Decimal;
  createdAt: string;
}

/** How many entries each board of the round lists (红榜, 黑榜, 进步最快). */
export interface BoardSizes {
  red: number;
  black: number;
  mostImproved: number;
}

export interface IndicatorsConfig extends MethodConfig {
  readonly kind: 'INDICATORS';
  /** The set version pinned at creation, copied whole so that scoring never needs a second read. */
  indicatorSet: IndicatorSet;
  /** The period assessed, e.g. 2026-Q2 or 2026-05. */
  period: string;
  /** Most bonus points an entry can gain (null: no cap). */
  bonusCap: Decimal | null;
  /** Most penalty points an entry can lose (null: no cap). */
  penaltyCap: Decimal | null;
  boards: BoardSizes;
}

export const VALUE_STATUSES = ['ENTERED', 'VERIFIED'] as const;
export type ValueStatus = (typeof VALUE_STATUSES)[number];

/** One entry's value of one indicator: entered by an organizer, counted once another verifies it. */
export interface IndicatorValue {
  /** `<entryId>/<indicator key>`. */
  id: string;
  roundId: string;
  entryId: string;
  indicator: string;
  value: Decimal | null;
  numerator: Decimal | null;
  denominator: Decimal | null;
  evidence: string | null;
  note: string | null;
  status: ValueStatus;
  enteredBy: string;
  /** The name on the organizer's token when they acted, so the record reads without a directory of organizers. */
  enteredByName?: string | null;
  enteredAt: string;
  verifiedBy: string | null;
  verifiedByName?: string | null;
  verifiedAt: string | null;
  /** Optimistic-concurrency counter: each change (entry or verification) is a new version. */
  version: number;
  clientRequestId: string | null;
}

export const ADJUSTMENT_KINDS = ['BONUS', 'PENALTY', 'VETO'] as const;
export type AdjustmentKind = (typeof ADJUSTMENT_KINDS)[number];
export const ADJUSTMENT_STATUSES = ['PENDING', 'APPROVED'] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

/** A bonus (加分), penalty (扣分) or veto (一票否决), proposed by one organizer and counted once another approves it. */
export interface Adjustment {
  /** `<entryId>/adj/<ULID>`. */
  id: string;
  roundId: string;
  entryId: string;
  kind: AdjustmentKind;
  /** Positive points (0 for a veto). */
  points: Decimal;
  reason: string;
  evidence: string | null;
  status: AdjustmentStatus;
  proposedBy: string;
  proposedByName?: string | null;
  proposedAt: string;
  approvedBy: string | null;
  approvedByName?: string | null;
  approvedAt: string | null;
}

/** An approved adjustment as the entry keeps it. */
export interface CountedAdjustment {
  id: string;
  kind: AdjustmentKind;
  points: Decimal;
  reason: string;
}

/**
 * What an INDICATORS entry keeps beside the method-neutral fields, all derived from
 * its verified values and approved adjustments (and, after close, the round-wide
 * rank points), so `verifyRound` can rebuild it from those items alone.
 */
export interface IndicatorsAggregate {
  /** The verified measure x per indicator (a ratio's percentage), null when not measurable. */
  measured: Record<string, Decimal | null>;
  /** The indicator score (0–100) per indicator; RANK_POINTS indicators only once the round closes. */
  scores: Record<string, Decimal | null>;
  /** weight × score / 100 per indicator. */
  indicatorPoints: Record<string, Decimal | null>;
  sectionScores: Record<string, Decimal>;
  adjustments: CountedAdjustment[];
  bonus: Decimal;
  penalty: Decimal;
  vetoed: boolean;
  /** Verified values counted. */
  valueCount: number;
}
