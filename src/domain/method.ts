/**
 * The method-neutral shape every assessment method fills in. The core (rounds and
 * their lifecycle, entries and snapshots, leaderboards, standings, exports,
 * verification) works through these types only; each method (`src/methods/<kind>/`)
 * provides them for its own evidence: a judged panel's sheets, measured indicators,
 * citizens' ratings.
 */
import type { Decimal } from './primitives.js';

export const METHOD_KINDS = ['PANEL', 'INDICATORS', 'PUBLIC_RATING'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

/** A round's method configuration: the tag, then whatever the method needs. */
export interface MethodConfig {
  readonly kind: MethodKind;
}

/**
 * An entry as every method sees it: who, in what order, and the result the method
 * derived from its evidence. The method keeps its own aggregate beside these fields
 * (read through the method's own codec), so the core never names it.
 */
export interface EntryResultFields {
  /** The method's rule applied to the evidence as it stands (what live leaderboards show). */
  rawTotal: Decimal | null;
  /** The official total: `rawTotal`, or the finalised result once the round closes. Two decimals. */
  total: Decimal | null;
}

/** One column that explains a total (a criterion's mean, an indicator's score, a rate), as exports name it. */
export interface BreakdownColumn {
  /** A stable column key for BI tools, e.g. `mean_c1`. */
  key: string;
  header: { en: string; 'zh-CN': string };
}
