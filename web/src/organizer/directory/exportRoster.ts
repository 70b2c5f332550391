import { loadExcel } from './excel';
import { EXPORT_HEADERS, ROSTER_FIELDS, type CadreValues, type RosterField } from './roster';
import { joinPath, type UnitIndex } from './units';

/**
 * The roster as an XLSX with Chinese headers in the column layout the import reads, so
 * export → edit in Excel → import round-trips. Units are written as full paths, which the
 * import resolves without ambiguity.
 */

const WIDTHS: Readonly<Record<RosterField, number>> = { id: 14, name: 12, unit: 36, position: 24, grade: 16, birthYear: 10 };

export function rosterRows(cadres: readonly CadreValues[], units: UnitIndex): (string | number)[][] {
  return [...cadres]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((c) => [c.id, c.name, joinPath(units.pathOf(c.unitId)), c.position ?? '', c.grade ?? '', c.birthYear ?? '']);
}

export async function rosterWorkbook(cadres: readonly CadreValues[], units: UnitIndex): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('干部名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_FIELDS.map((field) => ({ header: EXPORT_HEADERS[field], key: field, width: WIDTHS[field] }));
  sheet.getRow(1).font = { bold: true };
  // Ids stay text, so 000123 keeps its zeros when the file comes back.
  sheet.getColumn(1).numFmt = '@';
  for (const values of rosterRows(cadres, units)) sheet.addRow(values);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands bytes to the browser as a download. */
export function saveFile(data: ArrayBuffer, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
