import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | null = null;

/**
 * exceljs (~900 KiB) is fetched only when a roster is read or written, so the directory
 * page opens without it. Vite takes the package's browser build; as a CommonJS bundle its
 * API may arrive as the module's default export.
 */
export function loadExcel(): Promise<ExcelJS> {
  loading ??= import('exceljs').then((module) => {
    const api = (module as unknown as { default?: ExcelJS }).default ?? module;
    return api as ExcelJS;
  });
  return loading;
}
