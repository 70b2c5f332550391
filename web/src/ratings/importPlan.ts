import type { ImportedRatingInput, RatingLevel } from '../gql/graphql';
import { headerText } from '../indicators/console/importPlan';
import type { Table } from '../organizer/directory/table';
import { nameKey } from '../organizer/directory/units';
import type { PointRecord } from './model';

/**
 * A spreadsheet of ratings collected elsewhere (the national 好差评 platform, a counter's
 * pad), one row per rating: the point (by its code, or by unit and point name), the level
 * in words (满意, 不满意, 非常满意 …), reasons, comment, phone, the platform's own number
 * (评价编号: what makes a second import skip it) and when it was given (Beijing time).
 * Every problem names the spreadsheet's own row. Pure functions, no DOM, no words.
 */

export type Column = 'unit' | 'point' | 'code' | 'level' | 'reasons' | 'comment' | 'phone' | 'ref' | 'time';

const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  unit: ['单位', '单位名称', '被评单位', '被评价单位', '部门', 'unit'],
  point: ['服务点', '服务点名称', '窗口', '窗口名称', '评价对象', '服务事项窗口', 'point'],
  code: ['二维码编号', '服务点编号', '服务点编码', '二维码', '编码', 'code'],
  level: ['评价等级', '评价结果', '满意度', '评价', '等级', 'level'],
  reasons: ['差评原因', '不满意原因', '原因', '评价原因', 'reasons'],
  comment: ['留言', '评价内容', '意见建议', '意见', '备注', 'comment'],
  phone: ['联系电话', '手机号', '手机号码', '电话', '手机', 'phone'],
  ref: ['评价编号', '编号', '业务编号', '办件编号', '流水号', 'ref'],
  time: ['评价时间', '时间', '收到时间', '提交时间', 'receivedat', 'time'],
};
const MATCH: ReadonlyMap<string, Column> = new Map(
  (Object.entries(HEADERS) as [Column, readonly string[]][]).flatMap(([column, names]) => names.map((n) => [headerText(n), column] as const)),
);

export interface RatingHeader {
  /** The header's 1-based row. */
  row: number;
  columns: Partial<Record<Column, { index: number; header: string }>>;
  /** Header texts that name nothing. */
  ignored: string[];
  /** Required columns not found: the level, the number, the time, and a point (by code or by name). */
  missing: ('point' | 'level' | 'ref' | 'time')[];
}

/** The first non-empty row is the header. */
export function readRatingHeader(table: Table): RatingHeader | null {
  const header = table.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) return null;
  const columns: RatingHeader['columns'] = {};
  const ignored: string[] = [];
  header.cells.forEach((raw, index) => {
    const text = raw.trim();
    if (!text) return;
    const column = MATCH.get(headerText(text));
    if (column && !columns[column]) columns[column] = { index, header: text };
    else ignored.push(text);
  });
  const missing: RatingHeader['missing'] = [];
  if (!columns.code && !columns.point) missing.push('point');
  for (const c of ['level', 'ref', 'time'] as const) if (!columns[c]) missing.push(c);
  return { row: header.row, columns, ignored, missing };
}

/** Levels as the platforms write them. */
const LEVEL_WORDS: ReadonlyMap<string, RatingLevel> = new Map([
  ['非常满意', 'VERY_SATISFIED'],
  ['满意', 'SATISFIED'],
  ['好评', 'SATISFIED'],
  ['基本满意', 'BASICALLY_SATISFIED'],
  ['不满意', 'DISSATISFIED'],
  ['差评', 'DISSATISFIED'],
  ['非常不满意', 'VERY_DISSATISFIED'],
  ['very_satisfied', 'VERY_SATISFIED'],
  ['satisfied', 'SATISFIED'],
  ['basically_satisfied', 'BASICALLY_SATISFIED'],
  ['dissatisfied', 'DISSATISFIED'],
  ['very_dissatisfied', 'VERY_DISSATISFIED'],
]);

export function parseLevel(text: string): RatingLevel | null {
  const key = text.normalize('NFKC').trim().toLowerCase().replace(/\s+/gu, '_');
  return LEVEL_WORDS.get(key) ?? null;
}

/**
 * A time as Beijing time, to an instant: 2026-05-12 10:30, 2026/5/12 10:30:05,
 * 2026年5月12日 10:30, or a date alone (its midnight). Null for anything else.
 */
export function parseBeijingTime(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$/u.exec(text.normalize('NFKC').trim());
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1).map((v) => v ?? undefined) as string[];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const at = new Date(Date.UTC(year, month - 1, day, hour - 8, minute, second));
  // 2026-02-30 rolls over: refused, not moved.
  const back = new Date(at.getTime() + 8 * 3600_000);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return at.toISOString();
}

/** The Beijing month (YYYY-MM) of an instant. */
export function beijingMonthOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 7);
}

const PHONE = /^(?:\+86|0086)?1[3-9]\d{9}$/u;
const REF = /^[A-Za-z0-9_.:-]{1,120}$/u;

export type RowProblem =
  | { code: 'POINT_REQUIRED' }
  | { code: 'POINT_UNKNOWN'; value: string }
  | { code: 'POINT_AMBIGUOUS'; value: string }
  | { code: 'LEVEL_REQUIRED' }
  | { code: 'LEVEL_UNKNOWN'; value: string }
  | { code: 'LEVEL_NOT_IN_SCALE'; value: string }
  | { code: 'REF_REQUIRED' }
  | { code: 'REF_FORMAT'; value: string }
  | { code: 'REF_DUPLICATE'; value: string; firstRow: number }
  | { code: 'TIME_REQUIRED' }
  | { code: 'TIME_FORMAT'; value: string }
  | { code: 'TIME_OUTSIDE'; value: string }
  | { code: 'PHONE_FORMAT'; value: string };

export interface PlannedRating {
  row: number;
  point: PointRecord | null;
  level: RatingLevel | null;
  text: Record<Column, string>;
  problems: RowProblem[];
}

export interface RatingPlan {
  rows: PlannedRating[];
  inputs: ImportedRatingInput[];
  /** The spreadsheet row of each input. */
  inputRows: number[];
  counts: { rows: number; ok: number; bad: number; problemRows: number };
}

/** Points by their code, by unit and name, and by name alone when only one point has it. */
function pointFinder(points: readonly PointRecord[]) {
  const byCode = new Map(points.map((p) => [p.code.toLowerCase(), p]));
  const byName = new Map<string, PointRecord[]>();
  for (const p of points) {
    for (const key of [`${nameKey(p.unit.name)}|${nameKey(p.name)}`, `|${nameKey(p.name)}`]) byName.set(key, [...(byName.get(key) ?? []), p]);
  }
  return (code: string, unit: string, name: string): { point: PointRecord } | { problem: RowProblem } => {
    if (code) {
      const found = byCode.get(code.trim().toLowerCase());
      return found ? { point: found } : { problem: { code: 'POINT_UNKNOWN', value: code } };
    }
    if (!name) return { problem: { code: 'POINT_REQUIRED' } };
    const matches = byName.get(`${unit ? nameKey(unit) : ''}|${nameKey(name)}`) ?? [];
    const label = unit ? `${unit}/${name}` : name;
    if (matches.length === 1) return { point: matches[0]! };
    return { problem: { code: matches.length ? 'POINT_AMBIGUOUS' : 'POINT_UNKNOWN', value: label } };
  };
}

export function planRatings(
  table: Table,
  header: RatingHeader,
  points: readonly PointRecord[],
  scale: readonly RatingLevel[],
  months: readonly string[],
): RatingPlan {
  const find = pointFinder(points);
  const firstRef = new Map<string, number>();
  const rows: PlannedRating[] = [];
  const inputs: ImportedRatingInput[] = [];
  const inputRows: number[] = [];
  const counts = { rows: 0, ok: 0, bad: 0, problemRows: 0 };
  for (const { row, cells } of table) {
    if (row <= header.row || cells.every((c) => c.trim() === '')) continue;
    const at = (column: Column) => {
      const c = header.columns[column];
      return c ? (cells[c.index] ?? '').normalize('NFC').trim() : '';
    };
    const text = Object.fromEntries((Object.keys(HEADERS) as Column[]).map((c) => [c, at(c)])) as Record<Column, string>;
    const problems: RowProblem[] = [];

    const found = find(text.code, text.unit, text.point);
    const point = 'point' in found ? found.point : null;
    if ('problem' in found) problems.push(found.problem);

    const level = text.level ? parseLevel(text.level) : null;
    if (!text.level) problems.push({ code: 'LEVEL_REQUIRED' });
    else if (!level) problems.push({ code: 'LEVEL_UNKNOWN', value: text.level });
    else if (!scale.includes(level)) problems.push({ code: 'LEVEL_NOT_IN_SCALE', value: text.level });

    if (!text.ref) problems.push({ code: 'REF_REQUIRED' });
    else if (!REF.test(text.ref)) problems.push({ code: 'REF_FORMAT', value: text.ref });
    else if (firstRef.has(text.ref)) problems.push({ code: 'REF_DUPLICATE', value: text.ref, firstRow: firstRef.get(text.ref)! });
    else firstRef.set(text.ref, row);

    const receivedAt = text.time ? parseBeijingTime(text.time) : null;
    if (!text.time) problems.push({ code: 'TIME_REQUIRED' });
    else if (!receivedAt) problems.push({ code: 'TIME_FORMAT', value: text.time });
    else if (!months.includes(beijingMonthOf(receivedAt))) problems.push({ code: 'TIME_OUTSIDE', value: text.time });

    const phone = text.phone.normalize('NFKC').replace(/[\s\-‐‑‒–—−]/gu, '');
    if (phone && !PHONE.test(phone)) problems.push({ code: 'PHONE_FORMAT', value: text.phone });

    if (problems.length === 0 && point && level && receivedAt) {
      const reasons = text.reasons
        .split(/[、,，;；/|]/u)
        .map((r) => r.trim())
        .filter(Boolean)
        .slice(0, 10);
      inputs.push({
        pointId: point.id,
        level,
        reasons: reasons.length ? reasons : null,
        comment: text.comment || null,
        phone: phone || null,
        ref: text.ref,
        receivedAt,
      });
      inputRows.push(row);
      counts.ok++;
      if (level === 'DISSATISFIED' || level === 'VERY_DISSATISFIED') counts.bad++;
    }
    counts.rows++;
    if (problems.length) counts.problemRows++;
    rows.push({ row, point, level, text, problems });
  }
  return { rows, inputs, inputRows, counts };
}
