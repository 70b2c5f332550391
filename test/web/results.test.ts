import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import {
  BELOW_QUORUM,
  ENTRY_COUNT,
  expectedTotal,
  judgesScoring,
  marksOf,
  seedFinishedRound,
  TIE_WITH,
  TIED,
  UNSCORED,
  type SeededRound,
} from './resultsSeed.js';
import { translate } from '../../web/src/i18n.js';
import { ruleInWords, type RuleFacts } from '../../web/src/results/format.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The organizer's results page in headless Chromium: the ranked table with shared ranks and
 * unranked entries, a protocol with the dropped sheets struck through, judge statistics,
 * verification, and the downloads with the signed-in session (no API key).
 */

let app: WebApp;
let seeded: SeededRound;
let page: Page;

const RULE = '7 位评委评分，去掉 1 个最高分、1 个最低分后取平均分；收到至少 5 份评分方可排名；总分相同者名次并列；总分保留两位小数。';

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  seeded = await seedFinishedRound(app, 'RS');
  page = await app.browser.newPage({ acceptDownloads: true });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const resultsUrl = () => `${app.origin}/organizer/rounds/${encodeURIComponent(seeded.roundId)}/results`;
const row = (i: number) => page.locator(`.rank-table tbody tr[data-entry="${seeded.entryIds[i]}"]`);

async function openResults() {
  // Chinese, whatever an earlier test left chosen.
  await page.evaluate(() => localStorage.setItem('bxgc.lang', 'zh-CN'));
  await page.goto(resultsUrl());
  await page.getByTestId('rank-table').waitFor();
  await page.getByTestId('protocol').waitFor();
}

describe('the scoring rule in words', () => {
  const zh = (rule: Partial<RuleFacts>) =>
    ruleInWords((key, params) => translate('zh-CN', key, params), {
      judgeCount: 7,
      trimHighest: 1,
      trimLowest: 1,
      trimScope: 'SHEET',
      aggregate: 'MEAN',
      normalization: 'NONE',
      quorum: 1,
      quorumMode: 'FIXED',
      tieBreakers: [],
      ...rule,
    });
  it('words each rule a round can have', () => {
    expect(zh({})).toBe('7 位评委评分，去掉 1 个最高分、1 个最低分后取平均分；总分相同者名次并列；总分保留两位小数。');
    expect(zh({ trimHighest: 0, trimLowest: 0, judgeCount: 5 })).toBe('5 位评委评分，全部评分取平均分；总分相同者名次并列；总分保留两位小数。');
    expect(zh({ trimLowest: 0, trimScope: 'CRITERION', aggregate: 'MEDIAN' })).toBe(
      '7 位评委评分，每个评分项分别去掉 1 个最高分后取中位数；总分相同者名次并列；总分保留两位小数。',
    );
    expect(zh({ normalization: 'ZSCORE', quorumMode: 'ALL_EXPECTED', tieBreakers: ['现场答辩', '发展思路'] })).toBe(
      '7 位评委评分，去掉 1 个最高分、1 个最低分后取平均分；各评委的总分先按 Z 分数标准化；须收齐全部应评评分（回避的评委除外）方可排名；总分相同时依次比较现场答辩、发展思路；总分保留两位小数。',
    );
  });
});

describe('results page', () => {
  it('ranks every entry with shared ranks marked 并列 and unranked entries explained, and states the rule in words', async () => {
    await openResults();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('第一轮 台上赛 成绩');
    expect(await page.getByTestId('rule-words').textContent()).toBe(RULE);
    expect(await page.locator('.rank-table tbody tr').count()).toBe(ENTRY_COUNT);

    for (let i = 0; i < ENTRY_COUNT; i++) {
      const total = expectedTotal(i);
      const cells = await row(i).locator('td').allTextContents();
      expect(cells[3]).toContain(total === null ? '—' : total.toFixed(2));
    }
    // Identical sheets: the same rank, shown as 并列 on both rows.
    const tiedRank = await row(TIE_WITH).getAttribute('data-rank');
    expect(tiedRank).not.toBe('');
    expect(await row(TIED).getAttribute('data-rank')).toBe(tiedRank);
    expect(await row(TIE_WITH).locator('.rank-cell').textContent()).toBe(`${tiedRank}（并列）`);
    expect(await row(TIED).locator('.rank-cell').textContent()).toBe(`${tiedRank}（并列）`);
    // Three sheets of five: a provisional total, no rank; no sheet: no total.
    expect(await row(BELOW_QUORUM).getAttribute('data-standing')).toBe('BELOW_QUORUM');
    expect(await row(BELOW_QUORUM).textContent()).toContain('未达法定评分数');
    expect(await row(BELOW_QUORUM).locator('.rank-cell').textContent()).toBe('—');
    expect(await row(UNSCORED).textContent()).toContain('尚未评分');
    // Sheets received of those expected.
    expect(await row(BELOW_QUORUM).locator('td').nth(4).textContent()).toBe('3/7');
    expect(await row(0).locator('td').nth(4).textContent()).toBe('7/7');

    // Best first: the ranked totals never go up.
    const ranked = await page
      .locator('.rank-table tbody tr[data-standing="RANKED"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-rank'))));
    expect(ranked.length).toBe(ENTRY_COUNT - 2);
    expect([...ranked].sort((a, b) => a - b)).toEqual(ranked);
    expect(ranked[0]).toBe(1);
  });

  it('shows a protocol: every judge by label, the highest and lowest sheets struck through, means, totals and rank', async () => {
    await openResults();
    const i = 7;
    await page.getByRole('button', { name: `查看${seeded.names[i]}的评分详情` }).click();
    const protocol = page.locator(`[data-testid="protocol"][data-entry="${seeded.entryIds[i]}"]`);
    await protocol.waitFor();
    expect(await protocol.getByRole('heading').first().textContent()).toContain(seeded.names[i]);
    const judgeRows = protocol.locator('tbody tr');
    expect(await judgeRows.count()).toBe(7);
    expect(await judgeRows.locator('th').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^J1/), expect.stringMatching(/^J7/)]));

    // Exactly the highest and the lowest sheet are dropped, every value of them struck through.
    const sheetTotals = judgesScoring(i).map((j) => Object.values(marksOf(i, j)).reduce((a, b) => a + b, 0));
    const dropped = protocol.locator('tbody tr[data-trimmed="true"]');
    expect(await dropped.count()).toBe(2);
    const droppedTotals = (await dropped.evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[4]!.textContent!))).map((text) =>
      Number(text.replace('（已去掉）', '')),
    );
    expect(droppedTotals.sort((a, b) => a - b)).toEqual([Math.min(...sheetTotals), Math.max(...sheetTotals)]);
    expect(await protocol.locator('tbody del').count()).toBe(2 * 5);
    expect(await protocol.locator('tbody tr[data-trimmed="false"] del').count()).toBe(0);
    expect(await protocol.getByText('去掉（整份）').count()).toBe(2);

    expect(await protocol.getByTestId('protocol-total').textContent()).toBe(expectedTotal(i)!.toFixed(2));
    expect(await protocol.getByTestId('protocol-raw').textContent()).toBe(expectedTotal(i)!.toFixed(2));
    expect(await protocol.getByTestId('protocol-rank').textContent()).toBe(`第 ${await row(i).getAttribute('data-rank')} 名`);
    expect(await protocol.locator('tfoot td').first().textContent()).toMatch(/^\d+\.\d{2}$/);
    // The choice is in the address, so a reload keeps it.
    expect(new URL(page.url()).searchParams.get('entry')).toBe(seeded.entryIds[i]);
  });

  it('explains judge statistics in words and shows the verification passed', async () => {
    await openResults();
    const stats = page.locator('[aria-labelledby="judge-stats-title"] tbody tr');
    await stats.first().waitFor();
    expect(await stats.count()).toBe(7);
    const words = await stats.locator('.stats-words').allTextContents();
    for (const text of words) expect(text).toMatch(/(偏宽|偏严|基本一致).*；(在正常范围内|偏离明显)/);
    // J7 marks highest on every criterion: lenient.
    expect(await page.locator('[data-judge="J7"] .stats-words').textContent()).toContain('偏宽');
    expect(await page.getByTestId('stats-summary').textContent()).toMatch(/正常范围|偏离明显/);

    const verification = page.getByTestId('verification');
    await verification.waitFor();
    expect(await verification.getAttribute('data-ok')).toBe('true');
    const sheets = Array.from({ length: ENTRY_COUNT }, (_, i) => judgesScoring(i).length).reduce((a, b) => a + b, 0);
    expect(await verification.textContent()).toContain(`核验通过：已重新计算 ${ENTRY_COUNT} 名选手、${sheets} 份评分表`);
  });

  it('ranks within a group tab', async () => {
    await openResults();
    await page.getByRole('tab', { name: '社区书记' }).click();
    await page.waitForURL(/group=/);
    await expect.poll(() => page.locator('.rank-table tbody tr').count()).toBe(ENTRY_COUNT / 2);
    expect(await page.locator('.rank-table tbody tr').first().getAttribute('data-rank')).toBe('1');
    expect(await page.getByRole('heading', { name: '社区书记成绩排名' }).count()).toBe(1);
    await page.getByRole('tab', { name: '全部' }).click();
    await expect.poll(() => page.locator('.rank-table tbody tr').count()).toBe(ENTRY_COUNT);
  });

  it('is free of WCAG 2.1 A/AA problems, at 1366×768 and in English', async () => {
    await openResults();
    await page.getByTestId('verification').waitFor();
    await page.getByTestId('stats-summary').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'results.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'results-full.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getByTestId('rule-words').textContent()).toBe(
      '7 judges score; the 1 highest and the 1 lowest sheets are dropped, then the rest are averaged; an entry needs at least 5 sheets to be ranked; equal totals share a rank; totals to two decimals.',
    );
    expect(await row(TIED).locator('.rank-cell').textContent()).toMatch(/\(tied\)$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('tab', { name: '全部' }).waitFor();
  });
});

describe('downloads with the signed-in session', () => {
  it('saves the ranking as CSV with Chinese headers, fetched with the bearer token', async () => {
    await openResults();
    const authorization: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/export/')) authorization.push(request.headers().authorization ?? '');
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载成绩排名 CSV' }).click()]);
    // The server's own Chinese file name (Content-Disposition filename*).
    expect(download.suggestedFilename()).toBe('第一轮 台上赛-排名.csv');
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...lines] = text.trim().split(/\r?\n/);
    expect(header!.split(',').slice(0, 3)).toEqual(['名次', '总分', '原始分']);
    expect(lines).toHaveLength(ENTRY_COUNT);
    expect(authorization).toEqual([`Bearer ${app.token(DEMO_ORGANIZER.id)}`]);
    await page.getByText('已保存：第一轮 台上赛-排名.csv').waitFor();
  });

  it('saves the judges’ sheets and the standings as CSV', async () => {
    await openResults();
    const [sheets] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载评分明细 CSV' }).click()]);
    const sheetLines = (await readFile((await sheets.path())!, 'utf8')).trim().split(/\r?\n/);
    expect(sheetLines[0]).toContain('评委代号');
    expect(sheetLines).toHaveLength(1 + Array.from({ length: ENTRY_COUNT }, (_, i) => judgesScoring(i).length).reduce((a, b) => a + b, 0));
    const [standings] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载比赛总成绩 CSV' }).click()]);
    expect(standings.suggestedFilename()).toBe('RS湖畔镇“比学赶超”擂台赛-总成绩.csv');
  });

  it('explains a refused download in Chinese instead of saving an error page', async () => {
    await openResults();
    let downloads = 0;
    page.on('download', () => downloads++);
    // The API refuses judge-level marks before publication with this answer.
    await page.route('**/export/rounds/*/sheets.*', (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify({
          errors: [{ message: 'Judge-level marks are exported after publication', extensions: { code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' } }],
        }),
      }),
    );
    await page.getByRole('button', { name: '下载评分明细 XLSX' }).click();
    const item = page.locator('.download-item[data-kind="sheets"] .note-error');
    await item.waitFor();
    expect(await item.textContent()).toBe('评分明细包含每位评委的打分，须在本轮成绩发布后才能下载。请先在轮次管理中发布成绩。');
    await page.unroute('**/export/rounds/*/sheets.*');
    // A route the server does not serve is said as such.
    await page.route('**/export/competitions/*/standings.xlsx*', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/json',
        body: JSON.stringify({ errors: [{ message: 'Export not found', extensions: { code: 'NOT_FOUND' } }] }),
      }),
    );
    await page.getByRole('button', { name: '下载比赛总成绩 XLSX' }).click();
    const standings = page.locator('.download-item[data-kind="standings"] .note-error');
    await standings.waitFor();
    expect(await standings.textContent()).toBe('服务器暂不提供 XLSX 格式的比赛总成绩，请先下载其他格式。');
    await page.unroute('**/export/competitions/*/standings.xlsx*');
    expect(downloads).toBe(0);
  });
});

describe('XLSX download', () => {
  it('saves the ranking as XLSX: Chinese headers, numbers as numbers, totals to two decimals', async () => {
    await openResults();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载成绩排名 XLSX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.slice(0, 2)).toEqual(['名次', '总分']);
    const totalColumn = headers.indexOf('总分') + 1;
    const totals = new Map<string, ExcelJS.Cell>();
    const idColumn = headers.indexOf('参赛编号') + 1;
    sheet.eachRow((r, n) => {
      if (n > 1) totals.set(String(r.getCell(idColumn).value), r.getCell(totalColumn));
    });
    expect(totals.size).toBe(ENTRY_COUNT);
    for (let i = 0; i < ENTRY_COUNT; i++) {
      const cell = totals.get(seeded.entryIds[i]!)!;
      const want = expectedTotal(i);
      if (want === null) continue;
      expect(typeof cell.value).toBe('number');
      expect(cell.value).toBeCloseTo(want, 10);
      expect(cell.numFmt).toContain('0.00');
    }
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
  });
});
