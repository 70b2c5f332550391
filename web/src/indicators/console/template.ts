import { loadExcel } from '../../organizer/directory/excel';
import { joinPath } from '../../organizer/directory/units';
import type { IndicatorRoundRecord } from '../model';
import { templateHeader } from './importPlan';
import { columnsOf } from './values';

export interface TemplateWords {
  sheet: string;
  unit: string;
  numerator: string;
  denominator: string;
  guideSheet: string;
  guideHeaders: [string, string, string, string];
  method: (indicator: IndicatorRoundRecord['method']['indicatorSet']['indicators'][number]) => string;
  guideNote: string;
}

/**
 * The import template: a 单位 column with the round's units (a path where two share a
 * name) and a column per indicator with the headers the import reads, ratios as two
 * columns; a second sheet lists the indicators with their units and methods.
 */
export async function templateWorkbook(round: IndicatorRoundRecord, paths: ReadonlyMap<string, readonly string[]>, words: TemplateWords): Promise<ArrayBuffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(words.sheet, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  const columns = columnsOf(round.method.indicatorSet.indicators);
  sheet.columns = [
    { header: words.unit, key: 'unit', width: 24 },
    ...columns.map((c) => ({
      header: templateHeader(c.indicator, c.part, words),
      key: `${c.indicator.key}-${c.part}`,
      width: Math.max(14, c.indicator.label.length * 2 + 6),
    })),
  ];
  sheet.getRow(1).font = { bold: true };
  const counts = new Map<string, number>();
  for (const e of round.entries) {
    const name = e.unit?.name ?? e.title;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const entry of round.entries) {
    const name = entry.unit?.name ?? entry.title;
    sheet.addRow([(counts.get(name) ?? 0) > 1 ? joinPath(paths.get(entry.id) ?? [name]) : name]);
  }
  const guide = workbook.addWorksheet(words.guideSheet);
  guide.columns = words.guideHeaders.map((header, i) => ({ header, width: [28, 12, 14, 60][i] }));
  guide.getRow(1).font = { bold: true };
  for (const indicator of round.method.indicatorSet.indicators) {
    const section = round.method.indicatorSet.sections.find((s) => s.key === indicator.section)?.label ?? '';
    guide.addRow([indicator.label, indicator.unit ?? '', words.method(indicator), section]);
  }
  guide.addRow([]);
  guide.addRow([words.guideNote]);
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}
