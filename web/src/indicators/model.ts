import type {
  IndicatorMethod,
  IndicatorRoundQuery,
  IndicatorSetFieldsFragment,
  IndicatorSetSummaryFragment,
  RoundAdjustmentsQuery,
  RoundIndicatorValuesQuery,
} from '../gql/graphql';

/** The shapes the indicator pages share, as the documents in indicators.graphql select them. */

export type IndicatorSetRecord = IndicatorSetFieldsFragment;
/** A set as the list shows it (no scoring parameters). */
export type IndicatorSetSummary = IndicatorSetSummaryFragment;
export type IndicatorRecord = IndicatorSetRecord['indicators'][number];
export type SectionRecord = IndicatorSetRecord['sections'][number];

type RoundData = NonNullable<IndicatorRoundQuery['round']>;
export type IndicatorsMethodRecord = Extract<RoundData['method'], { __typename: 'IndicatorsMethod' }>;
/** An INDICATORS round with its method narrowed. */
export type IndicatorRoundRecord = Omit<RoundData, 'method'> & { method: IndicatorsMethodRecord };
export type RoundEntry = RoundData['entries'][number];

export type ValueRecord = RoundIndicatorValuesQuery['indicatorValues'][number];
export type AdjustmentRecord = RoundAdjustmentsQuery['adjustments'][number];

export const METHODS: readonly IndicatorMethod[] = ['EFFICACY', 'TARGET_RATIO', 'THRESHOLD', 'RANK_POINTS', 'PER_OCCURRENCE'];

export function asIndicatorRound(round: IndicatorRoundQuery['round']): IndicatorRoundRecord | null {
  if (round?.method.__typename !== 'IndicatorsMethod') return null;
  return round as IndicatorRoundRecord;
}

/** A value's id is `<entryId>/<indicator key>`: keys never hold a slash. */
export function valueParts(id: string): { entryId: string; indicator: string } {
  const slash = id.lastIndexOf('/');
  return { entryId: id.slice(0, slash), indicator: id.slice(slash + 1) };
}

/** An adjustment's id is `<entryId>/adj/<id>`. */
export function adjustmentEntry(id: string): string {
  const marker = id.lastIndexOf('/adj/');
  return marker < 0 ? id : id.slice(0, marker);
}

export const cellKey = (entryId: string, indicator: string) => `${entryId}/${indicator}`;

/** Who an entry is: its unit's name, else its title. */
export const entryName = (entry: RoundEntry) => entry.unit?.name ?? entry.title;

/**
 * A number as people type or paste it: full-width digits, thousands separators, spaces
 * and a trailing % are allowed ("１,２３４．５ %" is 1234.5). Empty text is null; anything
 * else that is not a finite number is 'bad'.
 */
export function parseNumber(text: string): number | null | 'bad' {
  const cleaned = text
    .normalize('NFKC')
    .replace(/[\s,，]/gu, '')
    .replace(/%$/u, '')
    .replace(/^−/u, '-');
  if (cleaned === '') return null;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/iu.test(cleaned)) return 'bad';
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : 'bad';
}

/** A number as an input shows it: no exponent, no binary noise (0.1 + 0.2 shows 0.3). */
export function numberText(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return String(Math.round(n * 1e8) / 1e8);
}

/** Two decimals without trailing zeros, for sums shown beside a full mark ("90", "99.5"). */
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** A client request id the API accepts (letters, digits and _ . : -, at most 100). */
export function requestId(prefix: string): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${prefix}-${Date.now().toString(36)}-${random}`;
}

/** The API takes at most this many values (or ids) per call. */
export const VALUE_BATCH = 1000;

export function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** What a file may be named: no path separators or characters Windows refuses. */
export function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/gu, '_').trim() || 'download';
}
