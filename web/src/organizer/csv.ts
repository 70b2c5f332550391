import Papa from 'papaparse';

/**
 * Cadre roster import: parse a CSV in the browser, send it in batches the API accepts,
 * and turn the API's per-field errors (`input.3.unitId`) back into spreadsheet rows.
 * Framework- and DOM-free, so it can be tested on its own.
 */

export const CADRE_COLUMNS = ['id', 'name', 'unitId', 'position', 'grade', 'birthYear'] as const;
export const REQUIRED_COLUMNS = ['id', 'name', 'unitId'] as const;
/** `upsertCadres` takes at most this many per call. */
export const CADRE_BATCH = 500;

export interface CadreRow {
  id: string;
  name: string;
  unitId: string;
  position?: string | null;
  grade?: string | null;
  birthYear?: number | null;
}

export interface ParsedRow {
  /** Row number as a spreadsheet shows it: the header is row 1. */
  row: number;
  input: CadreRow;
}

export interface RowError {
  row: number;
  id: string;
  /** The column at fault, or '' when the row as a whole was refused. */
  column: string;
  message: string;
}

export type ParseResult =
  | { ok: true; rows: ParsedRow[]; errors: RowError[] }
  | { ok: false; problem: 'missingColumns'; columns: string[] }
  | { ok: false; problem: 'empty' };

/** Client-side checks are limited to what cannot be sent at all; the API validates the rest. */
export function parseCadreCsv(text: string, messages: { badBirthYear: string }): ParseResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((h) => h.trim());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (header.length === 0 || missing.length > 0) return { ok: false, problem: 'missingColumns', columns: missing.length ? [...missing] : [...REQUIRED_COLUMNS] };

  const at = (record: string[], column: string) => {
    const index = header.indexOf(column);
    return index >= 0 ? (record[index] ?? '').trim() : '';
  };
  const rows: ParsedRow[] = [];
  const errors: RowError[] = [];
  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    if (record.every((cell) => cell.trim() === '')) return;
    const id = at(record, 'id');
    const birthYearText = at(record, 'birthYear');
    let birthYear: number | null = null;
    if (birthYearText !== '') {
      if (!/^\d{4}$/.test(birthYearText)) {
        errors.push({ row, id, column: 'birthYear', message: messages.badBirthYear });
        return;
      }
      birthYear = Number(birthYearText);
    }
    const optional = (column: string) => at(record, column) || null;
    rows.push({
      row,
      input: { id, name: at(record, 'name'), unitId: at(record, 'unitId'), position: optional('position'), grade: optional('grade'), birthYear },
    });
  });
  if (rows.length === 0 && errors.length === 0) return { ok: false, problem: 'empty' };
  return { ok: true, rows, errors };
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** What the import needs to know of a failed call (ApiError has this shape). */
export interface CallError {
  code: string;
  message: string;
  field?: string | undefined;
  errors: readonly { message: string; extensions?: { field?: string; issues?: { path: string; message: string }[]; kind?: unknown; id?: unknown } }[];
}

const ROW_FIELD = /^input\.(\d+)(?:\.(\w+))?/;

/**
 * The rows of `batch` a failed call blames, by index, with their column and message.
 * `notFound` words a NOT_FOUND (e.g. an unknown unit) in the reader's language.
 */
export function blamedRows(error: CallError, notFound?: (kind: string, id: string) => string): { index: number; column: string; message: string }[] {
  const first = error.errors[0];
  const kind = first?.extensions?.kind;
  const id = first?.extensions?.id;
  const message = error.code === 'NOT_FOUND' && notFound && typeof kind === 'string' && typeof id === 'string' ? notFound(kind, id) : error.message;
  const issues = first?.extensions?.issues?.length ? first.extensions.issues : error.field ? [{ path: error.field, message }] : [];
  return issues.flatMap((issue) => {
    const m = ROW_FIELD.exec(issue.path);
    if (!m) return [];
    const message = issue.message.startsWith(`${issue.path}: `) ? issue.message.slice(issue.path.length + 2) : issue.message;
    return [{ index: Number(m[1]), column: m[2] ?? '', message }];
  });
}

/**
 * Sends the rows in batches of `batchSize`. A batch the API refuses because of some of
 * its rows (BAD_USER_INPUT or NOT_FOUND naming `input.<i>.<column>`) writes nothing, so
 * those rows are reported and the batch is sent again without them, until it goes through.
 * Any other failure reports the whole batch with `describe(error)`.
 */
export async function importCadres(
  rows: readonly ParsedRow[],
  send: (batch: CadreRow[]) => Promise<void>,
  options: {
    batchSize?: number;
    onProgress?: (processed: number, total: number) => void;
    describe: (error: unknown) => string;
    isCallError: (error: unknown) => error is CallError;
    notFound?: (kind: string, id: string) => string;
  },
): Promise<{ imported: number; errors: RowError[] }> {
  const errors: RowError[] = [];
  let imported = 0;
  let processed = 0;
  for (const batch of batches(rows, options.batchSize ?? CADRE_BATCH)) {
    let remaining = batch;
    while (remaining.length > 0) {
      try {
        await send(remaining.map((r) => r.input));
        imported += remaining.length;
        break;
      } catch (error) {
        const blamed = options.isCallError(error) && ['BAD_USER_INPUT', 'NOT_FOUND'].includes(error.code) ? blamedRows(error, options.notFound) : [];
        const known = blamed.filter((b) => b.index >= 0 && b.index < remaining.length);
        if (known.length === 0) {
          const message = options.describe(error);
          errors.push(...remaining.map((r) => ({ row: r.row, id: r.input.id, column: '', message })));
          break;
        }
        const dropped = new Set<number>();
        for (const b of known) {
          if (dropped.has(b.index)) continue;
          dropped.add(b.index);
          const r = remaining[b.index]!;
          errors.push({ row: r.row, id: r.input.id, column: b.column, message: b.message });
        }
        remaining = remaining.filter((_, i) => !dropped.has(i));
      }
    }
    processed += batch.length;
    options.onProgress?.(processed, rows.length);
  }
  errors.sort((a, b) => a.row - b.row);
  return { imported, errors };
}
