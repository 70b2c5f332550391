import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CHECKER, DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { TWO_HUNDRED_POINTS } from '../support/indicators.js';
import { townMeasures, townNames } from './indicatorsSeed.js';
import { organizerPage, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The whole quarter, as the assessment office lives it, for the 50 towns of a district:
 * 王敏 creates the quarter's round in the browser, enrols all 50 towns with the unit picker,
 * fills the downloaded template in Excel and imports it (250 values); 李静 verifies them all
 * in the browser; 王敏 closes and publishes; the results show all 50 ranked with their
 * sections; the ranking downloads as an XLSX; the hall's screen shows the 红黑榜 at 1920×1080.
 */
const DISTRICT = '滨江区';
const TOWNS = townNames(50);
const COMPETITION = '2026年滨江区乡镇（街道）争先进位季度考核';

let app: WebApp;
let page: Page;
let roundId: string;

const api = async <T = any>(query: string, variables?: Record<string, unknown>, who = DEMO_ORGANIZER.id): Promise<T> => {
  const result = await app.gql<T>(app.token(who), query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};
const shot = (p: Page, name: string) => p.screenshot({ path: join(SCREENSHOTS, name) });

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  // What exists before the quarter: the district's towns, the indicator set, the campaign with its two organizers.
  const { createUnit: district } = await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: DISTRICT, kind: 'DISTRICT' } });
  for (const name of TOWNS) {
    await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { name, kind: name.endsWith('街道') ? 'STREET' : 'TOWN', parentId: district.id },
    });
  }
  await api('mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id } }', { i: TWO_HUNDRED_POINTS });
  const { createCompetition } = await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name: COMPETITION } });
  await api('mutation($c: ID!, $u: ID!) { grantOrganizer(competitionId: $c, userId: $u) { id } }', { c: createCompetition.id, u: DEMO_CHECKER.id });
  page = await organizerPage(app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('a quarter of 争先进位 for 50 towns, in the browser', () => {
  it('creates the round and enrols all 50 towns with the unit picker', async () => {
    await page.reload();
    const competition = page.locator('.console-side article', { hasText: COMPETITION });
    await competition.getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByRole('radio', { name: /实绩指标（指标考核）/ }).check();
    await form.getByLabel('选用指标体系').selectOption({ label: `${TWO_HUNDRED_POINTS.name}（第 1 版，总分 200）` });
    await form.getByLabel('选择考核期').selectOption({ label: '2026年第三季度' });
    await form.getByRole('button', { name: '创建' }).click();
    const panel = page.locator('.round-panel');
    await panel.getByRole('heading', { name: /2026年第三季度实绩考核/ }).waitFor();
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const picker = page.getByTestId('unit-picker');
    await picker.getByLabel('上级单位').selectOption({ label: DISTRICT });
    await expect.poll(() => picker.locator('tbody tr').count()).toBe(50);
    await picker.getByLabel('全选列表中未加入的 50 个单位').check();
    await picker.getByRole('button', { name: '添加所选 50 个单位' }).click();
    await picker.getByText('已添加 50 个单位').waitFor();
    await panel.getByRole('button', { name: '开始考核（开放录入）' }).click();
    await page.getByTestId('close-check').getByRole('button', { name: '开始考核（开放录入）' }).click();
    await page.getByRole('tab', { name: '数据录入' }).waitFor();
    const { round } = await api('query($id: ID!) { round(id: $id) { status entryCount } }', { id: roundId });
    expect(round).toEqual({ status: 'OPEN', entryCount: 50 });
  }, 120_000);

  it('fills the downloaded template and imports all 250 values', async () => {
    await page.getByRole('tab', { name: '导入' }).click();
    const panel = page.getByTestId('value-import');
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '下载导入模板（.xlsx）' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.getWorksheet('指标数据')!;
    // As an office worker would: the towns are already listed; type each town's figures on its row.
    for (let row = 2; row <= 51; row++) {
      const i = TOWNS.indexOf(String(sheet.getRow(row).getCell(1).value));
      expect(i).toBeGreaterThanOrEqual(0);
      const m = townMeasures(i, 3);
      const cells = sheet.getRow(row);
      [m.growth, m.invest, m.solved[0], m.solved[1], m.incidents, m.visits].forEach((v, c) => {
        cells.getCell(c + 2).value = v;
      });
    }
    await panel.getByLabel('选择数据文件（.xlsx 或 .csv）').setInputFiles({
      name: '第三季度实绩数据.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await panel.getByTestId('import-preview').waitFor();
    await panel.getByRole('button', { name: '导入 250 个数据' }).click();
    await panel.getByTestId('import-summary').getByText('已导入 250 个数据，待其他组织者审核。').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('progress-counts').textContent()).toBe('已审核 0，已录入待审核 250，未录入 0');
  }, 120_000);

  it('has the checker verify all 250 in the browser', async () => {
    const checker = await app.browser.newPage();
    await checker.setViewportSize({ width: 1366, height: 768 });
    await signIn(checker, app.otherOrigin, DEMO_CHECKER.id);
    await checker.waitForURL('**/organizer');
    await checker.goto(`${app.otherOrigin}/organizer/rounds/${encodeURIComponent(roundId)}`);
    await checker.getByRole('tab', { name: /^审核/ }).click();
    const queue = checker.getByTestId('verify-queue');
    await queue.getByLabel('全选可由您审核的 250 个数据').check();
    await queue.getByRole('button', { name: '审核通过（250 个）' }).click();
    await queue.getByText('已审核通过 250 个数据。').waitFor({ timeout: 60_000 });
    await checker.close();
    const { indicatorValues } = await api('query($r: ID!) { indicatorValues(roundId: $r, status: ENTERED) { id } }', { r: roundId });
    expect(indicatorValues).toEqual([]);
  }, 120_000);

  it('closes and publishes; the results rank all 50 with their sections, and the ranking saves as XLSX', async () => {
    await page.reload();
    const panel = page.locator('.round-panel');
    await panel.getByRole('button', { name: '结束考核' }).click();
    const check = page.getByTestId('close-check');
    expect(await check.textContent()).toContain('全部 250 个数据均已审核。');
    await check.getByRole('button', { name: '结束考核' }).click();
    await panel.getByRole('button', { name: '发布成绩' }).click();
    await page.getByRole('button', { name: '发布成绩' }).last().click();
    await expect.poll(async () => (await api('query($id: ID!) { round(id: $id) { status } }', { id: roundId })).round.status).toBe('PUBLISHED');
    const { verifyRound } = await api('query($r: ID!) { verifyRound(roundId: $r) { ok checkedEntries checkedSheets } }', { r: roundId });
    expect(verifyRound).toEqual({ ok: true, checkedEntries: 50, checkedSheets: 250 });

    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(roundId)}/results`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('heading', { name: '红黑榜' }).waitFor();
    await shot(page, 'indicator-story-results.png');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载成绩排名 XLSX' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['名次', '总分', '经济发展', '党建与作风', 'GDP 增速（得分）', '走访企业数（得分）']));
    expect(sheet.rowCount).toBe(51);
    const { leaderboard } = await api('query($r: ID!) { leaderboard(roundId: $r, first: 50) { edges { node { rank total entry { title } } } } }', {
      r: roundId,
    });
    const rankColumn = header.indexOf('名次') + 1;
    const totalColumn = header.indexOf('总分') + 1;
    leaderboard.edges.forEach((edge: any, i: number) => {
      expect(sheet.getRow(i + 2).getCell(rankColumn).value).toBe(edge.node.rank);
      expect(sheet.getRow(i + 2).getCell(totalColumn).value).toBe(edge.node.total);
    });
  }, 120_000);

  it('puts the 红黑榜 on the hall’s screen at 1920×1080', async () => {
    const hall = await app.browser.newPage();
    await hall.setViewportSize({ width: 1920, height: 1080 });
    await hall.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(hall, app.otherOrigin, DEMO_VIEWER.id);
    await hall.waitForURL('**/screen');
    await hall.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}`);
    await hall.getByTestId('screen-status').waitFor();
    expect(await hall.getByRole('tab', { name: '红黑榜' }).getAttribute('aria-selected')).toBe('true');
    expect(await hall.getByTestId('screen-status').textContent()).toContain('最终成绩');
    const { boards } = await api(
      'query($r: ID!) { boards(roundId: $r) { red { entry { title } } black { entry { title } } } }',
      { r: roundId },
      DEMO_VIEWER.id,
    );
    const text = (await hall.locator('main, body').first().textContent()) ?? '';
    for (const row of [...boards.red, ...boards.black]) expect(text).toContain(row.entry.title);
    await shot(hall, 'indicator-story-screen.png');
  }, 60_000);
});
