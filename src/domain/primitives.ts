/**
 * The value types every domain module shares. A leaf: it imports nothing, so the
 * rule modules and the entity types (model.ts) can both use it without a cycle.
 */

/** Decimal numbers travel as canonical strings ('12.5'); arithmetic goes through decimal.ts. */
export type Decimal = string;

export interface Criterion {
  key: string;
  label: string;
  description: string | null;
  maxScore: Decimal;
  weight: Decimal;
  step: Decimal;
}

export interface Mark {
  criterion: string;
  score: Decimal;
}

/** Who besides the competition's organizers may see a round's scores, and from when. */
export const LEADERBOARD_VISIBILITIES = ['LIVE', 'AFTER_CLOSE', 'AFTER_PUBLISH', 'ON_REVEAL'] as const;
export type LeaderboardVisibility = (typeof LEADERBOARD_VISIBILITIES)[number];
export const DEFAULT_VISIBILITY: LeaderboardVisibility = 'AFTER_CLOSE';
