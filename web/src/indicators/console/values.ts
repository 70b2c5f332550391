import type { IndicatorValueInput, IndicatorValueStatus } from '../../gql/graphql';
import { cellKey, numberText, parseNumber, valueParts, type IndicatorRecord, type RoundEntry, type ValueRecord } from '../model';

/**
 * The values of a round as cells: one per entry and indicator, holding what is saved and
 * what the organizer typed or pasted; the changed cells checked the way the API checks
 * them, and turned into the API's input. Pure functions, no DOM and no words.
 */

export type Part = 'value' | 'numerator' | 'denominator';

/** One input column of the grid: an indicator, or one half of a ratio indicator. */
export interface Column {
  indicator: IndicatorRecord;
  part: Part;
}

export function columnsOf(indicators: readonly IndicatorRecord[]): Column[] {
  return indicators.flatMap((indicator): Column[] =>
    indicator.ratio
      ? [
          { indicator, part: 'numerator' },
          { indicator, part: 'denominator' },
        ]
      : [{ indicator, part: 'value' }],
  );
}

/** The draft of one input: `<entryId>/<indicator>#<part>`. */
export const inputKey = (entryId: string, indicator: string, part: Part) => `${cellKey(entryId, indicator)}#${part}`;

export type Drafts = ReadonlyMap<string, string>;

/** Saved values by cell (`<entryId>/<indicator>`). */
export function valuesByCell(values: readonly ValueRecord[]): Map<string, ValueRecord> {
  return new Map(values.map((v) => [v.id, v]));
}

export function savedText(saved: ValueRecord | undefined, part: Part): string {
  return numberText(saved?.[part] ?? null);
}

/** What an input shows: the draft if there is one, else what is saved. */
export function shownText(drafts: Drafts, saved: ValueRecord | undefined, entryId: string, indicator: string, part: Part): string {
  return drafts.get(inputKey(entryId, indicator, part)) ?? savedText(saved, part);
}

export type CellProblem =
  /** Not a number. */
  | { code: 'NUMBER'; part: Part }
  /** A count (扣分制) must be a whole number, not negative. */
  | { code: 'COUNT' }
  /** Counts of a ratio are not negative. */
  | { code: 'NEGATIVE'; part: Part }
  /** A ratio needs both its numerator and its denominator. */
  | { code: 'PAIR' }
  /** A saved value cannot be emptied (the API keeps values; it has no way to remove one). */
  | { code: 'CLEARED' };

export type CellState = { kind: 'unchanged' } | { kind: 'changed'; input: IndicatorValueInput } | { kind: 'invalid'; problems: CellProblem[] };

const same = (a: number | null, b: number | null | undefined) => (a === null ? b === null || b === undefined : b !== null && b !== undefined && a === b);

/** The state of one cell: as saved, changed (with the input to send), or wrong. */
export function cellState(indicator: IndicatorRecord, entryId: string, saved: ValueRecord | undefined, text: (part: Part) => string): CellState {
  const parts: Part[] = indicator.ratio ? ['numerator', 'denominator'] : ['value'];
  const parsed = parts.map((part) => ({ part, n: parseNumber(text(part)) }));
  if (parsed.every(({ part, n }) => n !== 'bad' && same(n, saved?.[part]))) return { kind: 'unchanged' };
  const problems: CellProblem[] = [];
  for (const { part, n } of parsed) if (n === 'bad') problems.push({ code: 'NUMBER', part });
  if (problems.length) return { kind: 'invalid', problems };
  const numbers = parsed.map(({ n }) => n as number | null);
  if (numbers.every((n) => n === null)) return saved ? { kind: 'invalid', problems: [{ code: 'CLEARED' }] } : { kind: 'unchanged' };
  if (indicator.ratio) {
    const [numerator, denominator] = numbers as [number | null, number | null];
    if (numerator === null || denominator === null) return { kind: 'invalid', problems: [{ code: 'PAIR' }] };
    for (const { part, n } of parsed) if ((n as number) < 0) problems.push({ code: 'NEGATIVE', part });
    if (problems.length) return { kind: 'invalid', problems };
    return { kind: 'changed', input: { entryId, indicator: indicator.key, numerator, denominator } };
  }
  const value = numbers[0] as number;
  if (indicator.method === 'PER_OCCURRENCE' && (value < 0 || !Number.isInteger(value))) return { kind: 'invalid', problems: [{ code: 'COUNT' }] };
  return { kind: 'changed', input: { entryId, indicator: indicator.key, value } };
}

export type CellStatus = 'missing' | IndicatorValueStatus;

export const statusOf = (saved: ValueRecord | undefined): CellStatus => saved?.status ?? 'missing';

/** N entries × M indicators: how many cells are verified, entered and waiting, or empty. */
export interface Progress {
  entries: number;
  indicators: number;
  verified: number;
  entered: number;
  missing: number;
}

export function progressOf(entries: readonly RoundEntry[], indicators: readonly IndicatorRecord[], values: readonly ValueRecord[]): Progress {
  const entryIds = new Set(entries.map((e) => e.id));
  const keys = new Set(indicators.map((i) => i.key));
  let verified = 0;
  let entered = 0;
  for (const v of values) {
    const { entryId, indicator } = valueParts(v.id);
    if (!entryIds.has(entryId) || !keys.has(indicator)) continue;
    if (v.status === 'VERIFIED') verified++;
    else entered++;
  }
  const cells = entries.length * indicators.length;
  return { entries: entries.length, indicators: indicators.length, verified, entered, missing: cells - verified - entered };
}

/** What still keeps a cell from counting, per entry in entry order: values waiting for verification and values never entered. */
export function outstanding(
  entries: readonly RoundEntry[],
  indicators: readonly IndicatorRecord[],
  values: readonly ValueRecord[],
): { entry: RoundEntry; entered: IndicatorRecord[]; missing: IndicatorRecord[] }[] {
  const byCell = valuesByCell(values);
  return entries
    .map((entry) => ({
      entry,
      entered: indicators.filter((i) => byCell.get(cellKey(entry.id, i.key))?.status === 'ENTERED'),
      missing: indicators.filter((i) => !byCell.has(cellKey(entry.id, i.key))),
    }))
    .filter((row) => row.entered.length + row.missing.length > 0);
}

/**
 * A block pasted from a spreadsheet (tab-separated, one line per row) as rows of cells.
 * A single line ending in a line break is one row; Excel's "\r\n" is one break.
 */
export function parseBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/gu, '\n').replace(/\n$/u, '').split('\n');
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

/** True when pasted text is a block (several cells) rather than one value. */
export const isBlock = (text: string) => /[\t\n]/u.test(text.replace(/\r?\n$/u, ''));
