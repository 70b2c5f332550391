import type { Table } from './table';
import { joinPath, resolveUnit, splitPath, type PlannedUnits, type UnitIndex } from './units';

/**
 * The roster as HR sends it, read into cadres: columns found by their Chinese or English
 * header, every value checked the way the API will check it, each problem tied to the
 * spreadsheet's own row number and the column's name. Pure functions, no DOM, no words:
 * the page words the problems (see wording.ts).
 */

export const ROSTER_FIELDS = ['id', 'name', 'unit', 'position', 'grade', 'birthYear'] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** The columns the export writes, in this order, with these headers; the import reads them back. */
export const EXPORT_HEADERS: Readonly<Record<RosterField, string>> = {
  id: '工号',
  name: '姓名',
  unit: '单位',
  position: '职务',
  grade: '职级',
  birthYear: '出生年份',
};

/** Header texts per field, compared after headerKey(). */
const HEADER_NAMES: Readonly<Record<RosterField, readonly string[]>> = {
  id: ['工号', '编号', '干部编号', '人员编号', '职工号', 'id', 'cadreid', 'employeeid', 'staffid'],
  name: ['姓名', '干部姓名', '名字', 'name', 'fullname'],
  unit: ['单位', '所在单位', '工作单位', '单位名称', '单位路径', 'unit', 'unitpath', 'unitname', 'organization', 'org'],
  position: ['职务', '现任职务', '职位', 'position', 'title', 'post'],
  grade: ['职级', '级别', '职级层次', 'grade', 'rank', 'level'],
  birthYear: ['出生年份', '出生年', '出生年月', '出生日期', 'birthyear', 'yearofbirth', 'birth', 'born'],
};

/** Required because cadres are replaced by id, and placed in a unit by name. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['id', 'name', 'unit'];

/** The API's limits (src/services/directory.ts), checked here so the preview shows them. */
export const MAX_LENGTH: Readonly<Record<Exclude<RosterField, 'birthYear'>, number>> = { id: 128, name: 100, unit: 300, position: 100, grade: 50 };
export const BIRTH_YEAR = { minimum: 1900, maximum: 2100 } as const;
const EXTERNAL_ID = /^[A-Za-z0-9_@:-][A-Za-z0-9_.@:-]*$/u;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

/** Headers compared without case, spaces, full-width forms or a trailing "(必填)"/"*". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[（(][^)）]*[)）]/gu, '')
    .replace(/[\s*_\-.:：]/gu, '');
}

const FIELD_BY_HEADER = new Map<string, RosterField>(ROSTER_FIELDS.flatMap((field) => HEADER_NAMES[field].map((h) => [headerKey(h), field] as const)));

export interface HeaderMap {
  /** The 1-based row of the header. */
  row: number;
  columns: Partial<Record<RosterField, number>>;
  /** The header text of each found column, as written in the file. */
  labels: Partial<Record<RosterField, string>>;
  ignored: string[];
  missing: RosterField[];
}

/** The first non-empty row is the header. */
export function readHeader(table: Table): HeaderMap | null {
  const header = table.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return null;
  const columns: Partial<Record<RosterField, number>> = {};
  const labels: Partial<Record<RosterField, string>> = {};
  const ignored: string[] = [];
  header.cells.forEach((text, index) => {
    const field = FIELD_BY_HEADER.get(headerKey(text));
    if (field && columns[field] === undefined) {
      columns[field] = index;
      labels[field] = text.trim();
    } else if (text.trim() !== '') ignored.push(text.trim());
  });
  return { row: header.row, columns, labels, ignored, missing: REQUIRED_FIELDS.filter((f) => columns[f] === undefined) };
}

export type Problem =
  | { code: 'REQUIRED'; field: RosterField }
  | { code: 'TOO_LONG'; field: RosterField; maximum: number }
  | { code: 'BAD_ID'; field: 'id' }
  | { code: 'BAD_YEAR'; field: 'birthYear'; value: string }
  | { code: 'DUPLICATE_ID'; field: 'id'; value: string; firstRow: number }
  | { code: 'UNIT_UNKNOWN'; field: 'unit'; value: string; bare: boolean }
  | { code: 'UNIT_AMBIGUOUS'; field: 'unit'; value: string; paths: string[] }
  | { code: 'UNIT_MISSING'; field: 'unit'; value: string }
  /** An error the API reported on import, already worded. */
  | { code: 'API'; field: RosterField | null; message: string };

export interface CadreValues {
  id: string;
  name: string;
  unitId: string;
  position: string | null;
  grade: string | null;
  birthYear: number | null;
}

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'error';

export interface PlannedRow {
  row: number;
  /** As read, trimmed. */
  values: Record<RosterField, string>;
  /** The unit the row names, or the one the import will create (then `newUnit` is set). */
  unitId: string | null;
  newUnit: PlannedUnits | null;
  birthYear: number | null;
  problems: Problem[];
  status: RowStatus;
  /** For a changed cadre, the fields that differ. */
  changed: RosterField[];
}

/** "1990", "1990年", "1990-05" or "1990.05.01" as 1990; anything else is not a year. */
export function parseBirthYear(text: string): number | null | 'bad' {
  const value = text.normalize('NFKC').trim();
  if (value === '') return null;
  const m = /^(\d{4})(?:年.*|[-./]\d{1,2}(?:[-./]\d{1,2})?)?$/u.exec(value);
  if (!m) return 'bad';
  const year = Number(m[1]);
  return year >= BIRTH_YEAR.minimum && year <= BIRTH_YEAR.maximum ? year : 'bad';
}

function checkText(values: Record<RosterField, string>, problems: Problem[]): void {
  for (const field of REQUIRED_FIELDS) if (values[field] === '') problems.push({ code: 'REQUIRED', field });
  for (const [field, maximum] of Object.entries(MAX_LENGTH) as [Exclude<RosterField, 'birthYear'>, number][]) {
    if ([...values[field]].length > maximum) problems.push({ code: 'TOO_LONG', field, maximum });
  }
  if (values.id !== '' && (!EXTERNAL_ID.test(values.id) || RESERVED.has(values.id))) problems.push({ code: 'BAD_ID', field: 'id' });
}

export interface RosterPlan {
  header: HeaderMap;
  rows: PlannedRow[];
  /** Units to create when the organizer allows it, once each, parents first. */
  newUnits: PlannedUnits[];
}

const planKey = (plan: PlannedUnits, depth = plan.names.length) => `${plan.parentId}/${joinPath(plan.names.slice(0, depth))}`;

/**
 * Reads every data row, resolves its unit and compares it with the cadre of the same id
 * (`existing`). With `createUnits`, a unit that is missing but whose parent exists is
 * planned for creation instead of being an error.
 */
export function planRoster(
  table: Table,
  header: HeaderMap,
  units: UnitIndex,
  existing: ReadonlyMap<string, CadreValues>,
  options: { createUnits: boolean },
): RosterPlan {
  const firstRowOfId = new Map<string, number>();
  const newUnits = new Map<string, PlannedUnits>();
  const rows: PlannedRow[] = [];
  for (const { row, cells } of table) {
    if (row <= header.row || cells.every((c) => c.trim() === '')) continue;
    const at = (field: RosterField) => {
      const index = header.columns[field];
      return index === undefined ? '' : (cells[index] ?? '').normalize('NFC').trim();
    };
    const values = Object.fromEntries(ROSTER_FIELDS.map((f) => [f, at(f)])) as Record<RosterField, string>;
    // Ids are compared as written apart from full-width letters and digits (Ａ００１ is A001).
    values.id = values.id.normalize('NFKC').replace(/\s+/gu, '');
    const problems: Problem[] = [];
    checkText(values, problems);

    const birthYear = parseBirthYear(values.birthYear);
    if (birthYear === 'bad') problems.push({ code: 'BAD_YEAR', field: 'birthYear', value: values.birthYear });

    if (values.id !== '') {
      const first = firstRowOfId.get(values.id);
      if (first !== undefined) problems.push({ code: 'DUPLICATE_ID', field: 'id', value: values.id, firstRow: first });
      else firstRowOfId.set(values.id, row);
    }

    let unitId: string | null = null;
    let newUnit: PlannedUnits | null = null;
    if (values.unit !== '') {
      const resolved = resolveUnit(units, values.unit);
      switch (resolved.kind) {
        case 'found':
          unitId = resolved.unitId;
          break;
        case 'missing':
          if (options.createUnits) {
            newUnit = resolved.plan;
            for (let depth = 1; depth <= resolved.plan.names.length; depth++) {
              const key = planKey(resolved.plan, depth);
              if (!newUnits.has(key)) newUnits.set(key, { parentId: resolved.plan.parentId, names: resolved.plan.names.slice(0, depth) });
            }
          } else problems.push({ code: 'UNIT_MISSING', field: 'unit', value: values.unit });
          break;
        case 'ambiguous':
          problems.push({ code: 'UNIT_AMBIGUOUS', field: 'unit', value: values.unit, paths: resolved.paths });
          break;
        case 'unknown':
          problems.push({ code: 'UNIT_UNKNOWN', field: 'unit', value: values.unit, bare: splitPath(values.unit).length === 1 });
          break;
        case 'empty':
          break;
      }
    }

    const year = birthYear === 'bad' ? null : birthYear;
    const before = existing.get(values.id);
    const changed = before && problems.length === 0 ? changedFields(before, values, unitId, newUnit, year) : [];
    const status: RowStatus = problems.length ? 'error' : !before ? 'new' : changed.length ? 'changed' : 'unchanged';
    rows.push({ row, values, unitId, newUnit, birthYear: year, problems, status, changed });
  }
  return { header, rows, newUnits: [...newUnits.values()] };
}

function changedFields(
  before: CadreValues,
  values: Record<RosterField, string>,
  unitId: string | null,
  newUnit: PlannedUnits | null,
  birthYear: number | null,
): RosterField[] {
  const out: RosterField[] = [];
  if (before.name !== values.name) out.push('name');
  if (newUnit || before.unitId !== unitId) out.push('unit');
  if ((before.position ?? '') !== values.position) out.push('position');
  if ((before.grade ?? '') !== values.grade) out.push('grade');
  if (before.birthYear !== birthYear) out.push('birthYear');
  return out;
}

export function planKeyOf(plan: PlannedUnits): string {
  return planKey(plan);
}

/** How many rows of each status. */
export function countStatuses(rows: readonly PlannedRow[]): Record<RowStatus, number> {
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.status]++;
  return counts;
}
