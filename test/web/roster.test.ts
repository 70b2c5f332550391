import { describe, expect, it, vi } from 'vitest';

// The client's modules expect a browser; these tests need none of it, so a bare stand-in will do.
vi.hoisted(() => {
  const memory = new Map<string, string>();
  const storage = {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  };
  Object.assign(globalThis, {
    window: Object.assign(new EventTarget(), { location: new URL('http://localhost/'), localStorage: storage }),
    localStorage: storage,
    document: new EventTarget(),
  });
});
import { ApiError } from '../../web/src/api/client.js';
import { translate } from '../../web/src/i18n.js';
import type { CadreInput } from '../../web/src/gql/graphql.js';
import { rosterRows, rosterWorkbook } from '../../web/src/organizer/directory/exportRoster.js';
import { CADRE_BATCH, importRoster } from '../../web/src/organizer/directory/importer.js';
import { headerKey, planRoster, readHeader, type CadreValues } from '../../web/src/organizer/directory/roster.js';
import { csvTable, decodeCsv, xlsxTable } from '../../web/src/organizer/directory/table.js';
import { guessKind, indexUnits, resolveUnit, type UnitRecord } from '../../web/src/organizer/directory/units.js';
import { blameRows, describeRowProblem } from '../../web/src/organizer/directory/wording.js';
import { CSV_LINES, gbkCsvFixture, xlsxFixture, xlsxRoster } from './fixtures/roster.js';

/** The roster import and export without a browser: decoding, headers, units, the preview, batching, row-numbered errors. */

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('zh-CN', key, params);

const UNITS: UnitRecord[] = [
  { id: 'd', name: '萧山区', kind: 'DISTRICT', parentId: null },
  { id: 'gl', name: '瓜沥镇', kind: 'TOWN', parentId: 'd' },
  { id: 'hs', name: '河上镇', kind: 'TOWN', parentId: 'd' },
  { id: 'bg', name: '北干街道', kind: 'STREET', parentId: 'd' },
  { id: 'fg', name: '区发改局', kind: 'DEPARTMENT', parentId: 'd' },
  { id: 'gl1', name: '瓜沥梅林一村', kind: 'VILLAGE', parentId: 'gl' },
  { id: 'gl2', name: '瓜沥勤联二村', kind: 'VILLAGE', parentId: 'gl' },
  { id: 'glm', name: '梅林村', kind: 'VILLAGE', parentId: 'gl' },
  { id: 'hsm', name: '梅林村', kind: 'VILLAGE', parentId: 'hs' },
  { id: 'hs1', name: '河上东恩一村', kind: 'VILLAGE', parentId: 'hs' },
  { id: 'bg1', name: '北干回澜社区', kind: 'COMMUNITY', parentId: 'bg' },
];
const units = indexUnits(UNITS);

function existing(...cadres: CadreValues[]): Map<string, CadreValues> {
  return new Map(cadres.map((c) => [c.id, c]));
}
const XS0001: CadreValues = { id: 'XS0001', name: '王思远', unitId: 'gl1', position: '村党组织书记', grade: '一级科员', birthYear: 1988 };
const XS0002: CadreValues = { id: 'XS0002', name: '李梓涵', unitId: 'gl2', position: '村党组织书记', grade: '四级主任科员', birthYear: 1989 };

describe('reading a roster file', () => {
  it('decodes GBK (Excel on Chinese Windows) and UTF-8 with or without a BOM to the same text', () => {
    const text = `${CSV_LINES.join('\r\n')}\r\n`;
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsv(gbkCsvFixture())).toBe(text);
    expect(decodeCsv(utf8)).toBe(text);
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    // GBK bytes are not valid UTF-8: a lenient UTF-8 decoder would have shown mojibake.
    expect(new TextDecoder('utf-8').decode(gbkCsvFixture())).toContain('\uFFFD');
  });

  it('finds columns by Chinese or English headers, ignoring spaces, full-width forms and notes', () => {
    expect(headerKey(' 姓　名 ')).toBe('姓名');
    expect(headerKey('出生年份（必填）')).toBe('出生年份');
    expect(headerKey('ＩＤ')).toBe('id');
    const header = readHeader(csvTable(decodeCsv(gbkCsvFixture())))!;
    expect(header.columns).toEqual({ id: 0, name: 1, unit: 2, position: 3, grade: 4, birthYear: 5 });
    const english = readHeader(csvTable('Name,Unit,Position,Grade,Birth Year,ID,Remarks\n'))!;
    expect(english.columns).toEqual({ name: 0, unit: 1, position: 2, grade: 3, birthYear: 4, id: 5 });
    expect(english.ignored).toEqual(['Remarks']);
    expect(readHeader(csvTable('姓名,单位\n张三,瓜沥镇\n'))!.missing).toEqual(['id']);
  });

  it('reads an XLSX with Excel row numbers and typed cells as text', async () => {
    const buffer = await xlsxFixture();
    const table = await xlsxTable(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer);
    expect(table[0]).toEqual({ row: 1, cells: ['序号', '工号', '姓 名', '单位', '职务', '职级', '出生年份'] });
    expect(table[1]!.row).toBe(2);
    expect(table[1]!.cells.slice(0, 3)).toEqual(['1', 'GX0001', xlsxRoster()[0]!.name]);
    expect(table).toHaveLength(71);
    expect(readHeader(table)!.ignored).toEqual(['序号']);
  });
});

describe('units named by name or path', () => {
  it('resolves unique names and paths, reports ambiguous names with their paths, plans missing units under an existing parent', () => {
    expect(resolveUnit(units, '瓜沥梅林一村')).toEqual({ kind: 'found', unitId: 'gl1' });
    expect(resolveUnit(units, '瓜沥镇/梅林村')).toEqual({ kind: 'found', unitId: 'glm' });
    expect(resolveUnit(units, ' 萧山区 ／ 河上镇 / 梅林村 ')).toEqual({ kind: 'found', unitId: 'hsm' });
    expect(resolveUnit(units, '梅林村')).toEqual({ kind: 'ambiguous', name: '梅林村', paths: ['萧山区/河上镇/梅林村', '萧山区/瓜沥镇/梅林村'] });
    expect(resolveUnit(units, '瓜沥镇/梅林新村')).toEqual({ kind: 'missing', plan: { parentId: 'gl', names: ['梅林新村'] } });
    expect(resolveUnit(units, '瓜沥镇/新片区/新村')).toEqual({ kind: 'missing', plan: { parentId: 'gl', names: ['新片区', '新村'] } });
    // A bare unknown name is never created at the top: it is most likely a typo.
    expect(resolveUnit(units, '瓜历梅林一村')).toEqual({ kind: 'unknown', name: '瓜历梅林一村' });
    expect(resolveUnit(units, '梅林村/一组')).toMatchObject({ kind: 'ambiguous' });
    expect(guessKind('梅林新村')).toBe('VILLAGE');
    expect(guessKind('湘湖社区')).toBe('COMMUNITY');
    expect(guessKind('区农业农村局')).toBe('DEPARTMENT');
  });
});

describe('the preview', () => {
  const csvPlan = (createUnits: boolean, lines = CSV_LINES) => {
    const table = csvTable(decodeCsv(gbkCsvFixture(lines)));
    return planRoster(table, readHeader(table)!, units, existing(XS0001, XS0002), { createUnits });
  };

  it('marks rows new, changed or unchanged against the cadres of the same id', () => {
    const plan = csvPlan(false);
    expect(plan.rows.map((r) => [r.row, r.values.id, r.status])).toEqual([
      [2, 'XS0001', 'changed'],
      [3, 'XS0002', 'unchanged'],
      [4, 'GB0001', 'new'],
      [5, 'GB0002', 'error'],
      [6, 'GB0003', 'new'],
    ]);
    expect(plan.rows[0]!.changed).toEqual(['grade']);
    expect(plan.rows[4]!.unitId).toBe('bg1');
    expect(describeRowProblem(t, 5, plan.rows[3]!.problems[0]!)).toBe(
      '第 5 行「单位」有 2 个单位都叫“梅林村”（萧山区/河上镇/梅林村、萧山区/瓜沥镇/梅林村），请写成路径，如“萧山区/河上镇/梅林村”',
    );
  });

  it('names each problem by the spreadsheet row and the column in Chinese', async () => {
    const lines = [
      '工号,姓名,单位,出生年份',
      'A1,张三,瓜沥梅林一村,19九〇',
      ',李四,瓜沥梅林一村,1990',
      'A1,王五,瓜沥梅林一村,1991',
      'A/2,赵六,瓜沥历梅林一村,90',
      '',
      'A3,钱七,瓜沥镇/梅林新村,1993',
    ];
    const plan = csvPlan(false, lines);
    const words = plan.rows.flatMap((r) => r.problems.map((p) => describeRowProblem(t, r.row, p)));
    expect(words).toEqual([
      '第 2 行「出生年份」应为四位年份（1900–2100），现为“19九〇”',
      '第 3 行「工号」不能为空',
      '第 4 行「工号」A1 与第 2 行重复',
      '第 5 行「工号」只能由字母、数字和 _ . @ : - 组成',
      '第 5 行「出生年份」应为四位年份（1900–2100），现为“90”',
      '第 5 行「单位」找不到单位“瓜沥历梅林一村”；如要新建，请写出上级单位，如“上级单位/瓜沥历梅林一村”',
      '第 7 行「单位」“瓜沥镇/梅林新村”还不存在；勾选“自动新建缺少的单位”即可一并新建',
    ]);
    // With "create missing units" the last row is new, its unit planned once under 瓜沥镇.
    const creating = csvPlan(true, lines);
    expect(creating.rows.at(-1)).toMatchObject({ row: 7, status: 'new', newUnit: { parentId: 'gl', names: ['梅林新村'] } });
    expect(creating.newUnits).toEqual([{ parentId: 'gl', names: ['梅林新村'] }]);
  });
});

describe('the import', () => {
  const issue = (index: number, field: string, code: string, params: Record<string, unknown> = {}) => ({
    path: `input.${index}.${field}`,
    code,
    params,
    message: 'english for logs',
  });
  const refusal = (issues: ReturnType<typeof issue>[]) =>
    new ApiError('BAD_USER_INPUT', 'invalid', { errors: [{ message: 'invalid', extensions: { code: 'BAD_USER_INPUT', field: issues[0]!.path, issues } }] });

  it('creates missing units first, writes new and changed cadres in batches of at most 500, and resends a refused batch without the rows the API named', async () => {
    const lines = [
      '工号,姓名,单位,出生年份',
      ...Array.from({ length: 1203 }, (_, i) => `C${i},名${i},${i === 1000 ? '瓜沥镇/梅林新村' : '瓜沥梅林一村'},${1980 + (i % 20)}`),
    ];
    const table = csvTable(lines.join('\n'));
    const plan = planRoster(
      table,
      readHeader(table)!,
      units,
      existing({ id: 'C5', name: '名5', unitId: 'gl1', position: null, grade: null, birthYear: 1985 }),
      { createUnits: true },
    );
    const sent: CadreInput[][] = [];
    const created: unknown[] = [];
    const progress: [number, number][] = [];
    const summary = await importRoster(plan, {
      createUnit: async (input) => {
        created.push(input);
        return { id: 'new-unit' };
      },
      upsertCadres: async (batch) => {
        sent.push(batch);
        // As the API does: every zod issue of the batch at once, 0-based within the batch.
        const bad = batch.flatMap((c, i) => (c.id === 'C7' || c.id === 'C900' ? [issue(i, 'birthYear', 'TOO_BIG', { maximum: 2100 })] : []));
        if (bad.length) throw refusal(bad);
      },
      blame: (error, rowOf) => blameRows(t, error, rowOf),
      describe: (error, row) => t('directory.problem.atRowApi', { row, message: String(error) }),
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(created).toEqual([{ name: '梅林新村', kind: 'VILLAGE', parentId: 'gl' }]);
    expect(sent.every((b) => b.length <= CADRE_BATCH)).toBe(true);
    expect(sent.map((b) => b.length)).toEqual([500, 499, 500, 499, 202]);
    expect(sent.flat().find((c) => c.id === 'C1000')!.unitId).toBe('new-unit');
    expect(summary).toEqual({
      written: 1200,
      unchanged: 1,
      createdUnits: 1,
      failures: [
        { row: 9, id: 'C7', field: 'birthYear', message: '第 9 行的「出生年份」不能大于 2100' },
        { row: 902, id: 'C900', field: 'birthYear', message: '第 902 行的「出生年份」不能大于 2100' },
      ],
    });
    expect(progress.at(-1)).toEqual([1202, 1202]);
  });

  it('reports every row of a batch refused as a whole, by row', async () => {
    const table = csvTable('工号,姓名,单位\nA1,张三,瓜沥梅林一村\nA2,李四,瓜沥梅林一村\n');
    const plan = planRoster(table, readHeader(table)!, units, new Map(), { createUnits: false });
    const forbidden = new ApiError('FORBIDDEN', 'no', { errors: [{ message: 'no', extensions: { code: 'FORBIDDEN', reason: 'NOT_YOUR_DIRECTORY' } }] });
    const summary = await importRoster(plan, {
      createUnit: async () => ({ id: 'x' }),
      upsertCadres: async () => {
        throw forbidden;
      },
      blame: (error, rowOf) => blameRows(t, error, rowOf),
      describe: (_error, row) => `第 ${row} 行：无权修改`,
    });
    expect(summary.failures.map((f) => f.message)).toEqual(['第 2 行：无权修改', '第 3 行：无权修改']);
  });
});

describe('the export', () => {
  it('writes the columns the import reads, with full unit paths, so the file comes back unchanged', async () => {
    const cadres = [XS0002, XS0001, { id: 'GX0001', name: '欧阳晓峰', unitId: 'hsm', position: null, grade: null, birthYear: null }];
    expect(rosterRows(cadres, units)[0]).toEqual(['GX0001', '欧阳晓峰', '萧山区/河上镇/梅林村', '', '', '']);
    const data = await rosterWorkbook(cadres, units);
    const table = await xlsxTable(data);
    expect(table[0]!.cells).toEqual(['工号', '姓名', '单位', '职务', '职级', '出生年份']);
    const plan = planRoster(table, readHeader(table)!, units, existing(...cadres), { createUnits: false });
    expect(plan.rows.map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
  });
});
