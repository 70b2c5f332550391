import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { gbkCsvFixture, xlsxFixture, xlsxRoster } from './fixtures/roster.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp, organizerPage } from './support.js';

/**
 * The organizer's directory page (单位与干部) end to end on a 1366×768 desktop: the unit tree
 * and a unit's cadres, HR's roster imported from an XLSX and from a GBK CSV through the file
 * picker (preview with spreadsheet row numbers, missing units created), a cadre found by part
 * of the name and corrected, a unit moved (and a move under its own sub-unit refused), and the
 * roster exported back as an XLSX with Chinese headers.
 */

let app: WebApp;
let page: Page;
let units: { id: string; name: string; parent: { id: string } | null }[];

const ORG = () => app.token(DEMO_ORGANIZER.id);
const unitId = (name: string, parentName?: string) =>
  units.find((u) => u.name === name && (!parentName || u.parent?.id === units.find((p) => p.name === parentName)?.id))!.id;

async function loadUnits() {
  const answer = await app.gql<{ units: typeof units }>(ORG(), '{ units { id name parent { id } } }');
  units = answer.data!.units;
}

async function expectAccessible() {
  expect(await accessibilityViolations(page)).toEqual([]);
}

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  await loadUnits();
  // Two villages called 梅林村, so a roster naming 梅林村 alone is ambiguous.
  for (const town of ['瓜沥镇', '河上镇']) {
    const made = await app.gql(ORG(), 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { name: '梅林村', kind: 'VILLAGE', parentId: unitId(town) },
    });
    expect(made.errors).toBeUndefined();
  }
  await loadUnits();
  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the directory page', () => {
  it('shows the units as a tree and the cadres of the chosen unit', async () => {
    await page.getByRole('link', { name: '单位与干部' }).click();
    await page.waitForURL('**/organizer/directory');
    expect(await page.getByRole('link', { name: '单位与干部' }).getAttribute('aria-current')).toBe('page');
    expect(await page.locator('.topnav a[aria-current="page"]').allTextContents()).toEqual(['单位与干部']);

    await page.getByRole('button', { name: '展开瓜沥镇的下级单位' }).click();
    await page.getByRole('button', { name: /^瓜沥梅林一村/ }).click();
    const panel = page.getByTestId('cadre-panel');
    await panel.getByRole('heading', { name: '瓜沥梅林一村的干部' }).waitFor();
    await panel.locator('tr[data-cadre="XS0001"]').waitFor();
    expect(await panel.locator('tr[data-cadre="XS0001"] td').allTextContents()).toEqual(
      expect.arrayContaining(['XS0001', '王思远', '萧山区/瓜沥镇/瓜沥梅林一村', '村党组织书记', '一级科员', '1988']),
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'directory.png') });
    await expectAccessible();
  }, 60_000);

  it('imports an XLSX roster: preview with the bad row by its spreadsheet row, missing unit created on request', async () => {
    await page.getByLabel('选择名册文件（.xlsx 或 .csv）').setInputFiles({
      name: '2026年干部花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxFixture(),
    });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe('共 70 行：新增 68 人，修改 0 人，无变化 0 人，有问题 2 行。');
    const errors = await page.getByTestId('preview-errors').locator('li').allTextContents();
    expect(errors).toEqual([
      '第 5 行「出生年份」应为四位年份（1900–2100），现为“19九〇”',
      '第 9 行「单位」“瓜沥镇/梅林新村”还不存在；勾选“自动新建缺少的单位”即可一并新建',
    ]);
    expect(await preview.getByText('未识别、将忽略的列：序号。').count()).toBe(1);
    await page.locator('.import-errors').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'directory-import-preview.png') });
    await expectAccessible();

    await page.getByLabel('自动新建缺少的单位（建在路径中的上级单位之下）').check();
    expect(await page.getByTestId('import-counts').textContent()).toBe('共 70 行：新增 69 人，修改 0 人，无变化 0 人，有问题 1 行。');
    expect(await preview.getByText('将新建以下单位：萧山区/瓜沥镇/梅林新村').count()).toBe(1);
    expect(await preview.locator('tr[data-row="9"] td').nth(4).textContent()).toBe('萧山区/瓜沥镇/梅林新村 （将新建）');

    await page.getByRole('button', { name: '导入 69 人' }).click();
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('导入完成：写入 69 人，无变化 0 人，新建单位 1 个，失败 0 人。');
    expect(await page.getByRole('progressbar', { name: '导入进度' }).getAttribute('aria-valuenow')).toBe('69');
    // The preview now compares with what was written.
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toBe('共 70 行：新增 0 人，修改 0 人，无变化 69 人，有问题 1 行。');
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'directory-imported.png') });
    await expectAccessible();

    await loadUnits();
    const created = units.find((u) => u.name === '梅林新村')!;
    expect(created.parent?.id).toBe(unitId('瓜沥镇'));
    const check = await app.gql(
      ORG(),
      '{ a: cadre(id: "GX0008") { unit { id } } b: cadre(id: "GX0004") { id } c: cadre(id: "GX0002") { name unit { id } birthYear } }',
    );
    const line = xlsxRoster()[1]!;
    expect(check.data).toEqual({
      a: { unit: { id: created.id } },
      b: null,
      c: { name: line.name, unit: { id: unitId('梅林村', '瓜沥镇') }, birthYear: Number(line.birthYear) },
    });
  }, 90_000);

  it('imports a GBK CSV saved by Excel: no mojibake, an ambiguous unit asked as a path, changed and unchanged cadres told apart', async () => {
    await page.getByLabel('选择名册文件（.xlsx 或 .csv）').setInputFiles({ name: '花名册.csv', mimeType: 'text/csv', buffer: gbkCsvFixture() });
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toBe('共 5 行：新增 2 人，修改 1 人，无变化 1 人，有问题 1 行。');
    expect(await page.getByTestId('preview-errors').locator('li').allTextContents()).toEqual([
      '第 5 行「单位」有 2 个单位都叫“梅林村”（萧山区/河上镇/梅林村、萧山区/瓜沥镇/梅林村），请写成路径，如“萧山区/河上镇/梅林村”',
    ]);
    const preview = page.getByTestId('import-preview');
    expect(await preview.locator('tr[data-row="2"] td').last().textContent()).toBe('职级：一级科员 → 副科级');
    expect(await preview.locator('tr[data-row="4"] td').nth(3).textContent()).toBe('诸葛明亮');
    expect(await preview.textContent()).not.toContain('\uFFFD');
    await page.getByRole('button', { name: '导入 3 人' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('导入完成：写入 3 人，无变化 1 人，新建单位 0 个，失败 0 人。');
    const check = await app.gql(ORG(), '{ a: cadre(id: "XS0001") { grade } b: cadre(id: "GB0003") { name unit { name } } c: cadre(id: "GB0002") { id } }');
    expect(check.data).toEqual({ a: { grade: '副科级' }, b: { name: '慕容云海', unit: { name: '北干回澜社区' } }, c: null });
  }, 60_000);

  it('the API names a refused batch item 0-based with its field and an issue code, as the import maps it to a row', async () => {
    // roster.test.ts words exactly this shape as "第 9 行的「出生年份」不能大于 2100".
    const answer = await app.gql(ORG(), 'mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
      i: [
        { id: 'T1', name: '甲', unitId: unitId('瓜沥梅林一村') },
        { id: 'T2', name: '乙', unitId: unitId('瓜沥梅林一村'), birthYear: 2200 },
      ],
    });
    expect(answer.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.1.birthYear', code: 'TOO_BIG', params: { maximum: 2100 } }],
    });
  });

  it('finds a cadre by part of the name anywhere and fixes a typo; the change shows in the history', async () => {
    const panel = page.getByTestId('cadre-panel');
    await page.evaluate('window.scrollTo(0, 0)');
    await panel.getByLabel('全部单位').check();
    await panel.getByLabel('按姓名或工号查找').fill('晓峯');
    await panel.getByRole('button', { name: '查找', exact: true }).click();
    const row = panel.locator('tr[data-cadre="GX0011"]');
    await row.waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(1);
    await row.getByRole('button', { name: '修改欧阳晓峯' }).click();
    const editor = panel.getByRole('form', { name: '修改干部 GX0011' });
    await editor.getByLabel('姓名').fill('欧阳晓峰');
    await editor.getByRole('button', { name: '保存干部' }).click();
    await expect.poll(async () => (await app.gql(ORG(), '{ cadre(id: "GX0011") { name } }')).data.cadre.name).toBe('欧阳晓峰');

    await panel.getByLabel('按姓名或工号查找').fill('GX0011');
    await panel.getByRole('button', { name: '查找', exact: true }).click();
    await panel.getByRole('button', { name: '欧阳晓峰的变更记录' }).click();
    const log = page.getByTestId('change-log');
    await expect.poll(() => log.textContent()).toContain('姓名：欧阳晓峯 → 欧阳晓峰');
    expect(await log.textContent()).toContain('新建');
    await expectAccessible();
  }, 60_000);

  it('moves a unit under another, and refuses a move under its own sub-unit in Chinese', async () => {
    await page.evaluate('window.scrollTo(0, 0)');
    await page.getByRole('button', { name: /^梅林新村/ }).click();
    const form = page.getByRole('form', { name: '修改单位：萧山区/瓜沥镇/梅林新村' });
    await form.getByLabel('上级单位（改动即移动）').selectOption({ label: '萧山区/河上镇' });
    await form.getByRole('button', { name: '保存单位' }).click();
    await page.getByText('单位已保存。').waitFor();
    await loadUnits();
    expect(units.find((u) => u.name === '梅林新村')!.parent?.id).toBe(unitId('河上镇'));

    await page.getByRole('button', { name: /^瓜沥镇/ }).click();
    const town = page.getByRole('form', { name: '修改单位：萧山区/瓜沥镇' });
    await town.getByLabel('上级单位（改动即移动）').selectOption({ label: '萧山区/瓜沥镇/瓜沥梅林一村' });
    await town.getByRole('button', { name: '保存单位' }).click();
    await expect.poll(() => town.getByRole('alert').textContent()).toBe('输入有误：不能把单位移到它自己或它的下级单位之下');
    await page.screenshot({ path: join(SCREENSHOTS, 'directory-move-refused.png') });
    await expectAccessible();
    await loadUnits();
    expect(units.find((u) => u.name === '瓜沥镇')!.parent?.id).toBe(unitId('萧山区'));
  }, 60_000);

  it('exports the roster as an XLSX with Chinese headers that the import reads back unchanged', async () => {
    await page.getByLabel('全部单位', { exact: true }).last().check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出名册（.xlsx）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^干部名册-全部-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const path = (await download.path())!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['工号', '姓名', '单位', '职务', '职级', '出生年份']);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    // 63 demo cadres, 69 from the XLSX, 2 new from the CSV.
    expect(rows).toHaveLength(134);
    expect(rows.find((r) => r[1] === 'GX0011')!.slice(1, 4)).toEqual(['GX0011', '欧阳晓峰', '萧山区/北干街道/北干回澜社区']);

    // Round trip: the exported file imported again changes nothing.
    // (Playwright keeps the download under a name without extension; the person's file is named.)
    await page
      .getByLabel('选择名册文件（.xlsx 或 .csv）')
      .setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: await readFile(path) });
    await expect.poll(() => page.getByTestId('import-counts').textContent()).toBe('共 134 行：新增 0 人，修改 0 人，无变化 134 人，有问题 0 行。');
    await expectAccessible();
  }, 60_000);
});
