/**
 * Spreadsheet cells that cannot run. Excel, WPS and LibreOffice treat a text cell
 * that starts with `=`, `+`, `-`, `@` (or a tab or carriage return before one) as a
 * formula, so a cadre named `=HYPERLINK(…)` would become a live link in a BI
 * analyst's sheet. Following OWASP's advice, such text gets a leading `'`, which
 * spreadsheets show as plain text; numbers stay numbers. Used for every header and
 * text cell of every spreadsheet export (CSV and XLSX), never for JSON.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeText(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function spreadsheetCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? value : neutralizeText(value);
}
