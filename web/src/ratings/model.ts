import type {
  RatingCaseFieldsFragment,
  RatingFiguresFieldsFragment,
  RatingLevel,
  RatingsMethodFieldsFragment,
  RatingsRoundQuery,
  ServicePointFieldsFragment,
  ServicePointKind,
} from '../gql/graphql';
import type { Lang } from '../i18n';

/**
 * Citizens' ratings (PUBLIC_RATING, 群众评议 / 好差评) as the organizer's pages hold them:
 * the round narrowed to its method, rates as per cent, the case actions the API names.
 * Pure functions, no DOM, no words.
 */

export type RatingsRoundData = NonNullable<RatingsRoundQuery['round']>;
export type RatingsMethodRecord = RatingsMethodFieldsFragment & { __typename: 'RatingsMethod' };
export type RatingsRoundRecord = Omit<RatingsRoundData, 'method'> & { method: RatingsMethodRecord };
export type RatingsEntry = RatingsRoundData['entries'][number];
export type CaseRecord = RatingCaseFieldsFragment;
export type PointRecord = ServicePointFieldsFragment;
export type FiguresRecord = RatingFiguresFieldsFragment;

/** The round as a ratings campaign round, or null when it is assessed otherwise. */
export function asRatingsRound(round: RatingsRoundData | null | undefined): RatingsRoundRecord | null {
  if (round?.method.__typename !== 'RatingsMethod') return null;
  return round as RatingsRoundRecord;
}

/** The reasons the API offers for a 差评 unless a campaign names its own (src/methods/ratings DEFAULT_REASONS). */
export const STANDARD_REASONS = ['服务态度差', '办事效率低', '业务不熟练', '多次跑腿', '未一次性告知', '环境设施差'] as const;

/** Best first; the lowest two are 差评. */
export const RATING_LEVELS: readonly RatingLevel[] = ['VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED'];
export const BAD_LEVELS: readonly RatingLevel[] = ['DISSATISFIED', 'VERY_DISSATISFIED'];
export const levelsOfScale = (scale: 'TWO_LEVEL' | 'FIVE_LEVEL'): readonly RatingLevel[] =>
  scale === 'TWO_LEVEL' ? ['SATISFIED', 'DISSATISFIED'] : RATING_LEVELS;

export const POINT_KINDS: readonly ServicePointKind[] = ['COUNTER', 'HALL', 'STAFF', 'ONLINE'];

/** The case actions `RatingCase.allowedActions` names, in the order of the follow-up. */
export const CASE_ACTIONS = ['CALL_BACK', 'VERIFY', 'RECTIFY', 'CLOSE', 'APPEAL', 'DECIDE_APPEAL'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
export const isCaseAction = (value: string): value is CaseAction => (CASE_ACTIONS as readonly string[]).includes(value);

/** A rate of 0–1 as per cent with one decimal (0.8571 → "85.7%"); a dash for none. */
export function percent(lang: Lang, rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(rate);
}

/** A total the API keeps as per cent already (满意率 × 100, two decimals): "85.71%". */
export function percentTotal(total: number | null | undefined): string {
  return total === null || total === undefined ? '—' : `${total.toFixed(2)}%`;
}

/** The absolute address a QR code carries: the site's origin and the point's rating path. */
export function absoluteRatingUrl(ratingUrl: string, origin = window.location.origin): string {
  try {
    return new URL(ratingUrl, origin).toString();
  } catch {
    return `${origin}${ratingUrl}`;
  }
}

/** The current month in Beijing, as a period: 2026-05. */
export function beijingMonth(now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const year = parts.find((p) => p.type === 'year')?.value ?? String(now.getFullYear());
  const month = parts.find((p) => p.type === 'month')?.value ?? '01';
  return `${year}-${month}`;
}

/** The Beijing calendar months a period covers, as the API counts them: 2026-Q2 → 2026-04, 2026-05, 2026-06. */
export function monthsOfPeriod(period: string): string[] {
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

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the answers. */
export async function inTurns<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  });
  await Promise.all(lanes);
  return out;
}
