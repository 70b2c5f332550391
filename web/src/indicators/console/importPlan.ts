import type { IndicatorValueInput } from '../../gql/graphql';
import type { Table } from '../../organizer/directory/table';
import { joinPath, nameKey, splitPath } from '../../organizer/directory/units';
import { cellKey, type IndicatorRecord, type RoundEntry, type ValueRecord } from '../model';
import { cellState, valuesByCell, type CellProblem, type Part } from './values';

/**
 * A spreadsheet of indicator values, one row per unit: a 单位 column (a name, or a path
 * such as 瓜沥镇/… when two units share a name) and a column per indicator named by its
 * label or key (a ratio's two columns "破解率（分子）" "破解率（分母）"). Every problem is
 * tied to the spreadsheet's own row number. Pure functions, no DOM, no words.
 */

/** Header texts compared without case, spaces, brackets, full-width forms or separators. */
export function headerText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s()[\]【】{}*_\-.:：/·]/gu, '');
}

const UNIT_HEADERS = ['单位', '单位名称', '被考核单位', '考核对象', '镇街', '乡镇', '乡镇街道', '镇街道', '镇(街道)', '乡镇(街道)', 'unit', 'unitname'].map(
  headerText,
);
const PART_SUFFIXES: Readonly<Record<Exclude<Part, 'value'>, readonly string[]>> = {
  numerator: ['分子', 'numerator'],
  denominator: ['分母', 'denominator'],
};

export interface ImportColumn {
  indicator: IndicatorRecord;
  part: Part;
  /** 0-based column index. */
  index: number;
  header: string;
}

export interface ImportHeader {
  /** The header's 1-based row. */
  row: number;
  unit: { index: number; header: string } | null;
  columns: ImportColumn[];
  /** Header texts that name nothing. */
  ignored: string[];
  /** Indicators (or halves of ratios) without a column. */
  missing: { indicator: IndicatorRecord; part: Part }[];
}

/** The names a column of this indicator may carry. */
function names(indicator: IndicatorRecord): string[] {
  const unit = indicator.unit ?? '';
  return [indicator.label, indicator.key, `${indicator.label}${unit}`].map(headerText);
}

/** The headers the template writes: the label, a ratio's as "label（分子）" and "label（分母）". */
export function templateHeader(indicator: IndicatorRecord, part: Part, words: { numerator: string; denominator: string }): string {
  return part === 'value' ? indicator.label : `${indicator.label}（${words[part]}）`;
}

/** The first non-empty row is the header; each indicator's column is found by its label or key. */
export function readImportHeader(table: Table, indicators: readonly IndicatorRecord[]): ImportHeader | null {
  const header = table.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return null;
  let unit: ImportHeader['unit'] = null;
  const columns: ImportColumn[] = [];
  const ignored: string[] = [];
  const taken = new Set<string>();
  header.cells.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const key = headerText(text);
    if (!unit && UNIT_HEADERS.includes(key)) {
      unit = { index, header: text };
      return;
    }
    for (const indicator of indicators) {
      const candidates = names(indicator);
      const parts: Part[] = indicator.ratio ? ['numerator', 'denominator'] : ['value'];
      for (const part of parts) {
        const id = `${indicator.key}#${part}`;
        if (taken.has(id)) continue;
        const matches =
          part === 'value'
            ? candidates.includes(key)
            : PART_SUFFIXES[part].some((suffix) => candidates.some((name) => key === `${name}${suffix}` || key === `${suffix}${name}`));
        if (matches) {
          taken.add(id);
          columns.push({ indicator, part, index, header: text });
          return;
        }
      }
    }
    ignored.push(text);
  });
  const missing = indicators.flatMap((indicator) =>
    (indicator.ratio ? (['numerator', 'denominator'] as const) : (['value'] as const))
      .filter((part) => !taken.has(`${indicator.key}#${part}`))
      .map((part) => ({ indicator, part })),
  );
  return { row: header.row, unit, columns, ignored, missing };
}

export type RowProblem =
  | { code: 'UNIT_REQUIRED' }
  /** Not a unit of this round. */
  | { code: 'UNIT_UNKNOWN'; value: string }
  /** Several of the round's units answer to the name; `paths` lets the row be rewritten as a path. */
  | { code: 'UNIT_AMBIGUOUS'; value: string; paths: string[] }
  | { code: 'UNIT_DUPLICATE'; value: string; firstRow: number }
  | { code: 'CELL'; indicator: IndicatorRecord; problem: CellProblem; text: string };

export type CellPlan = 'new' | 'changed' | 'unchanged' | 'empty' | 'invalid';

export interface PlannedRow {
  row: number;
  unitText: string;
  entry: RoundEntry | null;
  /** Per indicator key: what the row gives and what importing it does. */
  cells: Map<string, { plan: CellPlan; texts: Partial<Record<Part, string>>; wasVerified: boolean }>;
  problems: RowProblem[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  /** The values to send, in row order. */
  inputs: IndicatorValueInput[];
  /** The spreadsheet row of each input. */
  inputRows: number[];
  counts: { rows: number; new: number; changed: number; unchanged: number; reverify: number; problemRows: number };
}

/** The round's units by the names and paths a row may use (the directory's path when known, else the unit's own name). */
export function resolveEntry(entries: readonly RoundEntry[], paths: ReadonlyMap<string, readonly string[]>, reference: string) {
  const wanted = splitPath(reference).map(nameKey);
  if (wanted.length === 0) return { kind: 'empty' as const };
  const matches = entries.filter((entry) => {
    const path = (paths.get(entry.id) ?? [entry.unit?.name ?? entry.title]).map(nameKey);
    if (path.length < wanted.length) return wanted.length === 1 && nameKey(entry.title) === wanted[0];
    const tail = path.slice(path.length - wanted.length);
    return tail.every((name, i) => name === wanted[i]) || (wanted.length === 1 && nameKey(entry.title) === wanted[0]);
  });
  if (matches.length === 1) return { kind: 'found' as const, entry: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous' as const, paths: matches.map((e) => joinPath(paths.get(e.id) ?? [e.title])).sort() };
  return { kind: 'unknown' as const };
}

export function planImport(
  table: Table,
  header: ImportHeader,
  entries: readonly RoundEntry[],
  paths: ReadonlyMap<string, readonly string[]>,
  values: readonly ValueRecord[],
): ImportPlan {
  const saved = valuesByCell(values);
  const firstRowOf = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const inputs: IndicatorValueInput[] = [];
  const inputRows: number[] = [];
  const counts = { rows: 0, new: 0, changed: 0, unchanged: 0, reverify: 0, problemRows: 0 };
  const byIndicator = new Map<string, ImportColumn[]>();
  for (const c of header.columns) byIndicator.set(c.indicator.key, [...(byIndicator.get(c.indicator.key) ?? []), c]);

  for (const { row, cells } of table) {
    if (row <= header.row || cells.every((c) => c.trim() === '')) continue;
    const at = (index: number) => (cells[index] ?? '').normalize('NFC').trim();
    const unitText = header.unit ? at(header.unit.index) : '';
    const problems: RowProblem[] = [];
    let entry: RoundEntry | null = null;
    if (!unitText) problems.push({ code: 'UNIT_REQUIRED' });
    else {
      const found = resolveEntry(entries, paths, unitText);
      if (found.kind === 'found') {
        const first = firstRowOf.get(found.entry.id);
        if (first !== undefined) problems.push({ code: 'UNIT_DUPLICATE', value: unitText, firstRow: first });
        else {
          firstRowOf.set(found.entry.id, row);
          entry = found.entry;
        }
      } else if (found.kind === 'ambiguous') problems.push({ code: 'UNIT_AMBIGUOUS', value: unitText, paths: found.paths });
      else problems.push({ code: 'UNIT_UNKNOWN', value: unitText });
    }

    const planned: PlannedRow['cells'] = new Map();
    for (const [key, columns] of byIndicator) {
      const indicator = columns[0]!.indicator;
      const texts: Partial<Record<Part, string>> = {};
      for (const c of columns) texts[c.part] = at(c.index);
      const given = Object.values(texts).some((text) => text !== '');
      const before = entry ? saved.get(cellKey(entry.id, key)) : undefined;
      const wasVerified = before?.status === 'VERIFIED';
      if (!given) {
        planned.set(key, { plan: 'empty', texts, wasVerified });
        continue;
      }
      const state = cellState(indicator, entry?.id ?? '', before, (part) => texts[part] ?? '');
      if (state.kind === 'invalid') {
        for (const problem of state.problems) {
          const text = 'part' in problem ? (texts[problem.part] ?? '') : Object.values(texts).join(' / ');
          problems.push({ code: 'CELL', indicator, problem, text });
        }
        planned.set(key, { plan: 'invalid', texts, wasVerified });
      } else if (state.kind === 'unchanged') {
        planned.set(key, { plan: 'unchanged', texts, wasVerified });
      } else {
        planned.set(key, { plan: before ? 'changed' : 'new', texts, wasVerified });
      }
    }

    // A row whose unit is not of this round imports nothing; a wrong cell only itself.
    if (entry) {
      for (const [key, cell] of planned) {
        if (cell.plan === 'unchanged') counts.unchanged++;
        if (cell.plan !== 'new' && cell.plan !== 'changed') continue;
        const indicator = byIndicator.get(key)![0]!.indicator;
        const state = cellState(indicator, entry.id, saved.get(cellKey(entry.id, key)), (part) => cell.texts[part] ?? '');
        if (state.kind !== 'changed') continue;
        inputs.push(state.input);
        inputRows.push(row);
        counts[cell.plan]++;
        if (cell.plan === 'changed' && cell.wasVerified) counts.reverify++;
      }
    }
    counts.rows++;
    if (problems.length) counts.problemRows++;
    rows.push({ row, unitText, entry, cells: planned, problems });
  }
  return { rows, inputs, inputRows, counts };
}
