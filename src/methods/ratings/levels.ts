/**
 * Citizen ratings of service units (西宁评议, 政务服务"好差评"): the rating levels and
 * the two scales a QR-code form may offer.
 *
 * Pure rules: no I/O.
 */

/** Best first. The lowest two are 差评 (bad ratings), each of which opens a follow-up case. */
export const RATING_LEVELS = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** TWO_LEVEL: 满意 / 不满意; FIVE_LEVEL: every level of RATING_LEVELS. */
export const RATING_SCALES = ['TWO_LEVEL', 'FIVE_LEVEL'] as const;
export type RatingScale = (typeof RATING_SCALES)[number];

/** The levels that are 差评. */
export const BAD_LEVELS: readonly RatingLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];

/** How each level is shown to citizens and in reports. */
export const LEVEL_LABELS: Readonly<Record<RatingLevel, string>> = {
  VERY_SATISFIED: '非常满意',
  SATISFIED: '满意',
  BASICALLY_SATISFIED: '基本满意',
  DISSATISFIED: '不满意',
  VERY_DISSATISFIED: '非常不满意',
};

const TWO_LEVELS: readonly RatingLevel[] = ['SATISFIED', 'DISSATISFIED'];

/** The levels a rating form of `scale` offers, best first. */
export function levelsOf(scale: RatingScale): readonly RatingLevel[] {
  return scale === 'TWO_LEVEL' ? TWO_LEVELS : RATING_LEVELS;
}

/** Whether `value` names a rating level (for parsing stored or submitted text). */
export function isRatingLevel(value: unknown): value is RatingLevel {
  return typeof value === 'string' && (RATING_LEVELS as readonly string[]).includes(value);
}

/** Whether a rating of `level` is 差评: 不满意 or 非常不满意. */
export function isBad(level: RatingLevel): boolean {
  return BAD_LEVELS.includes(level);
}
