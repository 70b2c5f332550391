import type { Column, Lang } from './tables.js';
import { neutralizeText } from './cells.js';

/** Beijing is UTC+8 all year (no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const TIME_HEADER_SUFFIX: Record<Lang, string> = { 'zh-CN': '（北京时间）', en: ' (Beijing time)' };

/**
 * One sheet of a real workbook (exceljs, a kept library): numbers are numeric
 * cells, scores shown with two decimals, instants as Beijing date-times, text
 * neutralised against formula injection, the header row frozen and filterable.
 * exceljs is loaded on the first XLSX request only, so other requests never pay for it.
 */
export async function renderXlsx<Row>(title: string, columns: readonly Column<Row>[], pages: AsyncIterable<Row[]>, lang: Lang): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: neutralizeText(c.kind === 'time' ? c.header[lang] + TIME_HEADER_SUFFIX[lang] : c.header[lang]),
    key: c.key,
    width: widthOf(c),
    style: styleOf(c),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const page of pages) {
    for (const row of page) sheet.addRow(columns.map((c) => cellValue(c, c.value(row))));
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue<Row>(column: Column<Row>, value: string | number | null): string | number | Date | null {
  if (value === null) return null;
  if (column.kind === 'time' && typeof value === 'string') {
    // Spreadsheet date-times carry no zone: store the Beijing wall-clock time.
    return new Date(Date.parse(value) + BEIJING_OFFSET_MS);
  }
  return typeof value === 'string' ? neutralizeText(value) : value;
}

function styleOf<Row>(column: Column<Row>) {
  if (column.kind === 'score') return { numFmt: '0.00' };
  if (column.kind === 'integer') return { numFmt: '0' };
  if (column.kind === 'time') return { numFmt: 'yyyy-mm-dd hh:mm:ss' };
  return {};
}

function widthOf<Row>(column: Column<Row>): number {
  if (column.kind === 'time') return 20;
  if (column.kind === 'score' || column.kind === 'integer') return 10;
  return 16;
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';
}
