import Papa from 'papaparse';
import { loadExcel } from './excel';

/**
 * A roster file as rows of text cells, each with the row number the spreadsheet shows
 * (the header is normally row 1, so the first data row is 第 2 行). CSV and XLSX alike.
 */

export interface TableRow {
  /** 1-based, as Excel numbers it. */
  row: number;
  cells: string[];
}

export type Table = TableRow[];

export type FileProblem = 'unsupported' | 'unreadable' | 'empty';

export class RosterFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(problem);
    this.name = 'RosterFileError';
  }
}

/**
 * CSV bytes as text. HR sends UTF-8 (with or without a BOM) or — Excel on Chinese Windows —
 * GBK, whose bytes are rarely valid UTF-8: strict UTF-8 first, then GB18030 (a superset
 * of GBK), so no file is shown as mojibake. "Unicode text" from Excel is UTF-16 with a BOM.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  return text.replace(/^\uFEFF/u, '');
}

/** CSV text as rows; the delimiter (comma, semicolon or tab) is detected. */
export function csvTable(text: string): Table {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => String(c ?? '')) }));
}

/** What exceljs holds in a cell, as the text a person sees. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(value);
}

/** The first worksheet that has anything in it, as rows with Excel's own row numbers. */
export async function xlsxTable(data: ArrayBuffer): Promise<Table> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data);
  } catch {
    throw new RosterFileError('unreadable');
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) throw new RosterFileError('empty');
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    table.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return table;
}

const XLSX = /\.xlsx$/iu;
const CSV = /\.(csv|txt)$/iu;

/** A chosen file as a table; `.xls` (the old binary format) is refused with a hint to save as .xlsx. */
export async function readRosterFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<Table> {
  if (XLSX.test(file.name)) return xlsxTable(await file.arrayBuffer());
  if (CSV.test(file.name)) return csvTable(decodeCsv(new Uint8Array(await file.arrayBuffer())));
  throw new RosterFileError('unsupported');
}
