import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { TWO_HUNDRED_POINTS } from '../support/indicators.js';
import { type IndicatorSeed, seedIndicatorRounds, townMeasures } from './indicatorsSeed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * An indicator round's results and its big screen, as the 考核办 and the hall see them: 50
 * towns assessed quarterly (2026-Q1 published with one veto; 2026-Q2 closed and published
 * here), the ranked table with both sections, 加分, 扣分 and 名次变化 against the API, one
 * town's 考核明细 with the 功效系数法 worked through, the 红黑榜 and 预警 panels, the XLSX
 * and the printed 成绩单; then the hall at 1920×1080: 红黑榜 mode and the full ranking.
 */

let app: WebApp;
let seed: IndicatorSeed;
let page: Page;
const PDF_DIR = join(SCREENSHOTS, 'indicator-print');

interface ApiRow {
  rank: number | null;
  total: number | null;
  entry: { id: string; title: string; previousRank: number | null; rankChange: number | null; vetoed: boolean };
}
interface ApiBoardRow {
  rank: number | null;
  total: number | null;
  rankChange: number | null;
  vetoed: boolean;
  entry: { id: string; title: string };
}
let q1Rows: ApiRow[];
let q2Rows: ApiRow[];
let boards: { red: ApiBoardRow[]; black: ApiBoardRow[]; mostImproved: ApiBoardRow[] };
let alertBottom: number;
let alerts: { entry: { id: string; title: string } }[];

const organizer = () => app.token(DEMO_ORGANIZER.id);

async function api<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await app.gql<T>(token, query, variables);
  if (result.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

const LEADERBOARD = `query($r: ID!) { leaderboard(roundId: $r, first: 100) { edges { node { rank total entry { id title previousRank rankChange vetoed } } } } }`;
const BOARDS = `query($r: ID!) { boards(roundId: $r) {
  red { rank total rankChange vetoed entry { id title } }
  black { rank total rankChange vetoed entry { id title } }
  mostImproved { rank total rankChange vetoed entry { id title } } } }`;

async function leaderboard(roundId: string): Promise<ApiRow[]> {
  const data = await api(organizer(), LEADERBOARD, { r: roundId });
  return data.leaderboard.edges.map((e: { node: ApiRow }) => e.node);
}

/** The 功效系数法 score as the API keeps it: four decimals, within [0, 100]. */
function efficacy(x: number, satisfactory: number, disallowed: number): { raw: number; score: number } {
  const raw = 60 + (40 * (x - disallowed)) / (satisfactory - disallowed);
  return { raw, score: Math.min(100, Math.max(0, Math.round(raw * 10_000) / 10_000)) };
}

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  await rm(PDF_DIR, { recursive: true, force: true });
  await mkdir(PDF_DIR, { recursive: true });
  seed = await seedIndicatorRounds(app, 50);
  page = await app.browser.newPage({ acceptDownloads: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
}, 300_000);

afterAll(async () => {
  await app?.close();
});

/** The hall's page: the viewer signed in on the other origin, 1920×1080. */
async function openScreen(roundId: string, search = '?page=3s'): Promise<Page> {
  const hall = await app.browser.newPage();
  await hall.setViewportSize({ width: 1920, height: 1080 });
  await hall.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(hall, app.otherOrigin, DEMO_VIEWER.id);
  await hall.waitForURL('**/screen');
  await hall.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}${search}`);
  await hall.getByTestId('screen-status').waitFor();
  return hall;
}

/** Rows (of `selector`) wholly inside the viewport whose name is not cut short, as the hall sees them now. */
async function readableRows(hall: Page, selector: string): Promise<string[]> {
  return hall.evaluate(
    (rowSelector) =>
      [...document.querySelectorAll<HTMLElement>(rowSelector)].flatMap((row) => {
        const box = row.getBoundingClientRect();
        const name = row.querySelector<HTMLElement>('.hall-name')!;
        const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.height > 0;
        return inside && name.scrollWidth <= name.clientWidth ? [row.dataset.entry!] : [];
      }),
    selector,
  );
}

describe('an indicator round before it closes', () => {
  it('keeps Q2 off the hall’s screen while the assessment is open, saying 考核进行中; then Q2 is closed and published', async () => {
    const hall = await openScreen(seed.q2);
    expect(await hall.getByTestId('screen-status').textContent()).toBe('考核进行中');
    expect(await hall.getByTestId('scores-hidden').textContent()).toBe('成绩将在考核结束后公布');
    await hall.locator('.board-row').first().waitFor();
    expect(await hall.locator('.hall-total').count()).toBe(0);
    expect(await hall.locator('.hall-boards').count()).toBe(0);
    expect(await hall.getByRole('tab', { name: '红黑榜' }).count()).toBe(0);
    // Verified values per town, of the five indicators; the last town has none yet.
    expect(await hall.locator('.board-row').first().locator('.hall-progress').textContent()).toBe('已核实 5/5 项');
    expect(await hall.locator('body').textContent()).not.toMatch(/实时|评分/);
    await hall.screenshot({ path: join(SCREENSHOTS, 'indicator-screen-hidden.png') });
    expect(await accessibilityViolations(hall)).toEqual([]);
    await hall.close();

    await api(organizer(), 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: seed.q2 });
    await api(organizer(), 'mutation($id: ID!) { publishRound(id: $id) { status } }', { id: seed.q2 });
    q1Rows = await leaderboard(seed.q1);
    q2Rows = await leaderboard(seed.q2);
    boards = (await api(organizer(), BOARDS, { r: seed.q2 })).boards;
    // The competition's rule (bottom 5, twice) flags nobody in this seed: widen it until someone is.
    for (alertBottom = 5; alertBottom <= 25; alertBottom++) {
      const found = await api(organizer(), 'query($c: ID!, $n: Int) { alerts(competitionId: $c, bottom: $n, consecutive: 2) { entry { id title } } }', {
        c: seed.competitionId,
        n: alertBottom,
      });
      if (found.alerts.length) break;
    }
    await api(organizer(), 'mutation($id: ID!, $i: UpdateCompetitionInput!) { updateCompetition(id: $id, input: $i) { id } }', {
      id: seed.competitionId,
      i: { alertRule: { bottom: alertBottom, consecutive: 2 } },
    });
    alerts = (await api(organizer(), 'query($c: ID!) { alerts(competitionId: $c) { entry { id title } } }', { c: seed.competitionId })).alerts;
    expect(alerts.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('results of an indicator round (organizer, 1440×900)', () => {
  const resultsUrl = (roundId: string) => `${app.origin}/organizer/rounds/${encodeURIComponent(roundId)}/results`;
  const row = (entryId: string) => page.locator(`.rank-table tbody tr[data-entry="${entryId}"]`);

  async function openResults(roundId: string) {
    await page.evaluate(() => localStorage.setItem('bxgc.lang', 'zh-CN'));
    await page.goto(resultsUrl(roundId));
    await page.getByTestId('rank-table').waitFor();
    // The section scores arrive with the rows.
    await expect.poll(() => page.locator('.rank-table tbody tr[data-standing="RANKED"] td[data-section="econ"]').first().textContent()).toMatch(/^\d+\.\d\d$/);
  }

  it('ranks Q2’s 50 towns with 经济发展, 党建与作风, 加分, 扣分, 总分 and 名次变化 as the API computes them', async () => {
    await openResults(seed.q2);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('2026-Q2 实绩考核 成绩');
    expect(await page.getByTestId('rule-words').textContent()).toBe(
      '按《乡镇实绩考核（双百分制）》第 1 版考核 2026年第二季度：经济发展 100 分、党建与作风 100 分，满分 200 分；加分最多 5 分，扣分最多 10 分；一票否决的单位不参加排名，列于最后；总分保留两位小数。',
    );
    const headers = (await page.locator('.rank-table thead th').allTextContents()).map((h) => h.replace(/满分.*$/, ''));
    expect(headers).toEqual(['名次', '单位', '经济发展', '党建与作风', '加分', '扣分', '总分', '名次变化', '考核明细']);
    expect(await page.locator('.rank-table tbody tr').count()).toBe(50);

    // Every town: rank and total as the API has them; the change as an arrow and a number, and in words.
    for (const api of q2Rows) {
      const r = row(api.entry.id);
      expect(await r.getAttribute('data-rank')).toBe(api.rank === null ? '' : String(api.rank));
      expect(await r.locator('[data-col="total"]').textContent()).toBe(api.total === null ? '—' : api.total.toFixed(2));
      const change = r.locator('[data-col="change"] .rank-change');
      const d = api.entry.rankChange;
      if (d !== null && d > 0) {
        expect(await change.locator('[aria-hidden="true"]').textContent()).toBe(`↑${d}`);
        expect(await change.locator('.visually-hidden').textContent()).toBe(`上升 ${d} 位`);
      } else if (d !== null && d < 0) {
        expect(await change.locator('[aria-hidden="true"]').textContent()).toBe(`↓${-d}`);
        expect(await change.locator('.visually-hidden').textContent()).toBe(`下降 ${-d} 位`);
      } else if (d === 0) {
        expect(await change.locator('.visually-hidden').textContent()).toBe('持平');
      } else {
        expect(await change.getAttribute('data-change')).toBe(api.rank !== null && api.entry.previousRank === null ? 'new' : 'none');
      }
    }
    // Best first: 1, then ranks that never go down; the town without verified data last, unranked.
    const ranks = await page
      .locator('.rank-table tbody tr[data-standing="RANKED"]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-rank'))));
    expect(ranks).toHaveLength(49);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const last = page.locator('.rank-table tbody tr').last();
    expect(await last.getAttribute('data-entry')).toBe(seed.q2Entries.at(-1));
    expect(await last.textContent()).toContain('尚无核实数据');

    // Sections, bonus and penalty against each town's indicatorAssessment; they add up to the total.
    for (const entryId of seed.q2Entries.slice(0, -1)) {
      const { indicatorAssessment: a } = await api(
        organizer(),
        'query($e: ID!) { indicatorAssessment(entryId: $e) { total bonus penalty sections { score section { key } } } }',
        { e: entryId },
      );
      const r = row(entryId);
      for (const s of a.sections) expect(await r.locator(`td[data-section="${s.section.key}"]`).textContent()).toBe(s.score.toFixed(2));
      expect(await r.locator('[data-col="bonus"]').textContent()).toBe(a.bonus.toFixed(2));
      expect(await r.locator('[data-col="penalty"]').textContent()).toBe(a.penalty.toFixed(2));
      const sum = a.sections.reduce((n: number, s: { score: number }) => n + s.score, 0) + a.bonus - a.penalty;
      expect(sum).toBeCloseTo(a.total, 2);
    }
    // Judge-level sheets do not exist here: no such download, and no judge statistics.
    expect(await page.getByRole('button', { name: /评分明细/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '下载成绩排名 XLSX' }).count()).toBe(1);
    expect(await page.locator('#judge-stats-title').count()).toBe(0);
    const verification = page.getByTestId('verification');
    await verification.waitFor();
    expect(await verification.getAttribute('data-ok')).toBe('true');
    expect(await verification.textContent()).toContain('核验通过：已重新计算 50 个单位、245 项已核实数据');

    await page.locator('#board-title').evaluate((title) => title.scrollIntoView());
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-results-table.png') });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-results-top.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('opens one town’s 考核明细: 实际值, 计分方法, the 功效系数法 worked through, 得分 and 折算分, per section', async () => {
    await openResults(seed.q2);
    const i = 0;
    const entryId = seed.q2Entries[i]!;
    const town = seed.towns[i]!.name;
    const m = townMeasures(i, 2);
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && request.postData()?.includes('indicatorAssessment')) requests++;
    });
    const open = page.getByRole('button', { name: `展开${town}的考核明细` });
    await open.click();
    const protocol = page.locator(`[data-testid="ind-protocol"][data-entry="${entryId}"]`);
    await protocol.waitFor();
    // One request for this town only, not one per row.
    expect(requests).toBe(1);
    expect(await page.getByRole('button', { name: `收起${town}的考核明细` }).getAttribute('aria-expanded')).toBe('true');
    expect(await protocol.getByRole('heading').first().textContent()).toBe(`${town} 考核明细`);
    expect(await protocol.locator('tbody tr[data-indicator]').count()).toBe(5);

    // GDP 增速 by the 功效系数法: 满意值 12%, 不允许值 6%.
    const growth = protocol.locator('tr[data-indicator="growth"]');
    const { raw, score } = efficacy(m.growth, 12, 6);
    expect(await growth.locator('th').textContent()).toBe('GDP 增速');
    expect(await growth.getByTestId('ind-value').textContent()).toBe(`${m.growth}%`);
    expect(await growth.locator('.ind-method').textContent()).toBe('功效系数法满意值 12%，不允许值 6%');
    const bounded = Math.abs(Math.round(raw * 10_000) / 10_000 - score) < 1e-9 ? '' : score === 100 ? '，超过上限，按 100.00 分计' : '，低于下限，按 0.00 分计';
    expect(await growth.getByTestId('ind-formula').textContent()).toBe(`60 + 40 × (${m.growth} − 6) ÷ (12 − 6) = ${raw.toFixed(2)}${bounded}`);
    expect(await growth.getByTestId('ind-score').textContent()).toBe(score.toFixed(2));
    const points = Math.round(40 * score) / 100;
    expect(await growth.getByTestId('ind-points').textContent()).toBe(`${points.toFixed(2)}40 × ${score.toFixed(2)} ÷ 100 = ${points.toFixed(2)}`);
    // A ratio: 分子/分母 = x%, and the 达标 rule.
    const solved = protocol.locator('tr[data-indicator="solved"]');
    const pct = (m.solved[0] / m.solved[1]) * 100;
    expect(await solved.getByTestId('ind-value').textContent()).toBe(`${m.solved[0]}/${m.solved[1]} = ${pct.toFixed(2)}%`);
    expect(await solved.getByTestId('ind-formula').textContent()).toBe(
      pct >= 95 ? `${pct}% ≥ 目标值 95%，达标，得 100.00 分` : `${pct}% < 目标值 95%，未达标，得 60.00 分`,
    );
    // 扣分制: 100 − 2 × incidents.
    expect(await protocol.locator('tr[data-indicator="incidents"] [data-testid="ind-formula"]').textContent()).toBe(
      `100 − 2 × ${m.incidents} = ${(100 - 2 * m.incidents).toFixed(2)}`,
    );
    // 排位赋分, worked out at close.
    expect(await protocol.locator('tr[data-indicator="visits"] [data-testid="ind-formula"]').textContent()).toMatch(
      /^全部单位中排第 \d+ 名：100 − 10 × \(\d+ − 1\) = \d+\.\d\d$|^全部单位中排位靠后/,
    );

    // Section subtotals and the total, as the API has them.
    const { indicatorAssessment: a } = await api(
      organizer(),
      'query($e: ID!) { indicatorAssessment(entryId: $e) { total rank sections { score section { key } } indicators { points indicator { key } } } }',
      { e: entryId },
    );
    for (const s of a.sections) {
      expect(await protocol.locator(`tbody[data-section="${s.section.key}"] [data-testid="ind-section-score"]`).textContent()).toBe(s.score.toFixed(2));
    }
    for (const line of a.indicators) {
      expect(await protocol.locator(`tr[data-indicator="${line.indicator.key}"] [data-testid="ind-points"] strong`).textContent()).toBe(line.points.toFixed(2));
    }
    expect(await protocol.getByTestId('ind-total').textContent()).toBe(a.total.toFixed(2));
    expect(await protocol.getByTestId('ind-rank').textContent()).toBe(`第 ${a.rank} 名`);
    expect(await protocol.textContent()).toContain('本期没有加分、扣分或一票否决。');
    expect(new URL(page.url()).searchParams.get('entry')).toBe(entryId);

    await protocol.scrollIntoViewIfNeeded();
    await page.locator(`tr[data-entry="${entryId}"]`).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-results-protocol.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Closing it again.
    await page.getByRole('button', { name: `收起${town}的考核明细` }).click();
    await expect.poll(() => protocol.count()).toBe(0);
  }, 60_000);

  it('shows the 红黑榜 (红榜, 黑榜, 进步最快) and the 预警 list as the API has them', async () => {
    await openResults(seed.q2);
    const panel = page.getByTestId('boards-panel');
    await panel.locator('[data-board="red"] li').first().waitFor();
    for (const kind of ['red', 'black', 'mostImproved'] as const) {
      const ids = await panel.locator(`[data-board="${kind}"] li`).evaluateAll((items) => items.map((li) => li.getAttribute('data-entry')));
      expect(ids).toEqual(boards[kind].map((r) => r.entry.id));
    }
    expect(await panel.locator('[data-board="red"] h3').textContent()).toBe('红榜 前 10 名');
    const top = boards.red[0]!;
    const first = panel.locator('[data-board="red"] li').first();
    expect(await first.textContent()).toContain(top.entry.title);
    expect(await first.textContent()).toContain(top.total!.toFixed(2));
    const climber = boards.mostImproved[0]!;
    expect(await panel.locator('[data-board="mostImproved"] li').first().locator('.rank-change [aria-hidden="true"]').textContent()).toBe(
      `↑${climber.rankChange}`,
    );

    const alertsPanel = page.getByTestId('alerts-panel');
    await alertsPanel.locator('li').first().waitFor();
    expect(await alertsPanel.textContent()).toContain(`预警规则：连续 2 期排名后 ${alertBottom} 位的单位列入约谈提醒`);
    expect(await alertsPanel.getByTestId('alerts-summary').textContent()).toBe(`${alerts.length} 个单位连续 2 期排名后 ${alertBottom} 位，建议约谈：`);
    expect(await alertsPanel.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-entry')))).toEqual(alerts.map((a) => a.entry.id));
    expect(await alertsPanel.locator('li').first().textContent()).toContain('2026-Q1 实绩考核、2026-Q2 实绩考核');

    await page.locator('.results-overview').screenshot({ path: join(SCREENSHOTS, 'indicator-results-boards.png') });
  });

  it('lists Q1’s vetoed town last, with 一票否决 and the reason, and no 名次变化 column (no earlier quarter)', async () => {
    await openResults(seed.q1);
    const vetoed = q1Rows.find((r) => r.entry.vetoed)!;
    expect(vetoed.entry.title).toBe(seed.towns[3]!.name);
    const last = page.locator('.rank-table tbody tr').last();
    expect(await last.getAttribute('data-entry')).toBe(vetoed.entry.id);
    expect(await last.getAttribute('data-standing')).toBe('VETOED');
    expect(await last.locator('.rank-cell').textContent()).toBe('—');
    expect(await last.locator('.tag-veto').textContent()).toBe('一票否决');
    await last.getByTestId('veto-reason').waitFor();
    expect(await last.getByTestId('veto-reason').textContent()).toBe('原因：发生较大安全生产事故，实行一票否决');
    expect(await page.locator('.rank-table thead th').allTextContents()).not.toContain('名次变化');
    // …and first on Q1's black list.
    const black = page.locator('[data-board="black"] li').first();
    await black.waitFor();
    expect(await black.getAttribute('data-entry')).toBe(vetoed.entry.id);
    expect(await black.textContent()).toContain('一票否决');
    expect(await page.locator('[data-board="mostImproved"]').textContent()).toContain('没有比上期名次上升的单位');
    await last.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-results-q1-veto.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('reads in English too, free of WCAG 2.1 A/AA problems', async () => {
    await openResults(seed.q2);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    expect(await page.getByTestId('rule-words').textContent()).toBe(
      'Assessed on “乡镇实绩考核（双百分制）” version 1 for Q2 2026: 经济发展 100, 党建与作风 100, 200 in all; bonus at most 5, penalty at most 10; a vetoed unit is not ranked and is listed last; totals to two decimals.',
    );
    const headers = (await page.locator('.rank-table thead th').allTextContents()).map((h) => h.replace(/max.*$/, ''));
    expect(headers).toEqual(['Rank', 'Unit', '经济发展', '党建与作风', 'Bonus', 'Penalty', 'Total', 'Change', 'Details']);
    expect(await page.getByTestId('boards-panel').getByRole('heading', { level: 2 }).textContent()).toBe('Red and black lists');
    const climber = boards.red.find((r) => (r.rankChange ?? 0) > 0)!;
    expect(await row(climber.entry.id).locator('[data-col="change"] .visually-hidden').textContent()).toBe(`up ${climber.rankChange}`);
    await page.getByRole('button', { name: `Show the details of ${climber.entry.title}` }).click();
    await page.locator(`[data-testid="ind-protocol"][data-entry="${climber.entry.id}"] tr[data-indicator="growth"]`).waitFor();
    expect(await page.locator('tr[data-indicator="growth"] .ind-method').textContent()).toMatch(/^Efficacy coefficientsatisfactory 12%, disallowed 6%$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('heading', { name: '红黑榜' }).waitFor();
  });

  it('saves the ranking as XLSX with a column per section and per indicator', async () => {
    await openResults(seed.q2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载成绩排名 XLSX' }).click()]);
    expect(download.suggestedFilename()).toBe('2026-Q2 实绩考核-排名.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    for (const h of ['名次', '总分', '经济发展', '党建与作风', '加分', '扣分', ...TWO_HUNDRED_POINTS.indicators.map((i) => `${i.label}（得分）`)]) {
      expect(headers).toContain(h);
    }
    const column = (h: string) => headers.indexOf(h) + 1;
    const byId = new Map<string, ExcelJS.Row>();
    sheet.eachRow((r, n) => {
      if (n > 1) byId.set(String(r.getCell(column('参赛编号')).value), r);
    });
    expect(byId.size).toBe(50);
    for (const api of q2Rows) {
      const r = byId.get(api.entry.id)!;
      if (api.total === null) continue;
      expect(r.getCell(column('总分')).value).toBeCloseTo(api.total, 10);
      const points = TWO_HUNDRED_POINTS.indicators.map((i) => Number(r.getCell(column(`${i.label}（得分）`)).value));
      const sections = Number(r.getCell(column('经济发展')).value) + Number(r.getCell(column('党建与作风')).value);
      expect(points.reduce((a, b) => a + b, 0)).toBeCloseTo(sections, 1);
    }
    await page.getByText('已保存：2026-Q2 实绩考核-排名.xlsx').waitFor();
  });

  it('prints the 成绩单 with the sections, 名次变化 and signature lines', async () => {
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(seed.q2)}/print`);
    await page.getByTestId('print-sheet').waitFor();
    await page.locator('.print-table tbody tr').first().waitFor();
    expect(await page.locator('.print-table tbody tr').count()).toBe(50);
    await page.screenshot({ path: join(SCREENSHOTS, 'indicator-print-screen.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const pdf = join(PDF_DIR, 'indicator-sheet.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(PDF_DIR, 'indicator-sheet')]);
    expect((await readdir(PDF_DIR)).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    const pages = text.split('\f').filter((p) => p.trim());
    const all = pages.join('\n');
    expect(all).toContain('2026年乡镇（街道）争先进位季度考核');
    expect(all).toContain('2026-Q2 实绩考核 成绩单');
    expect(all.replace(/\s+/g, '')).toContain('考核办法：按《乡镇实绩考核（双百分制）》第1版考核2026年第二季度：经济发展100分、党建与作风100分，满分200分');
    // The header on every page that has rows.
    const withRows = pages.filter((p) => /\d+\.\d\d\s+↑|↓/.test(p));
    expect(withRows.length).toBe(pages.length);
    for (const p of withRows)
      expect(p).toMatch(/名次\s+单位\s+经济发展\s+党建与作风[\s\S]*?（满分 100）\s+（满分 100）\s+加分\s+扣分\s+总分\s+名次变化\s+备注/);
    for (const api of q2Rows) {
      if (api.total === null) continue;
      expect(all).toMatch(new RegExp(`${api.entry.title}\\s.*${api.total.toFixed(2).replace('.', '\\.')}`));
    }
    const climber = boards.mostImproved[0]!;
    expect(all).toMatch(new RegExp(`${climber.entry.title}\\s.*↑${climber.rankChange}`));
    expect(all).toContain('尚无核实数据');
    expect(all).toContain('以上《2026-Q2 实绩考核 成绩单》共 50 个单位，成绩经核对无误。');
    const last = pages.at(-1)!;
    for (const line of ['制表人', '审核人', '监督人签字', '日期']) expect(last).toContain(line);
    for (const screenOnly of ['返回成绩页', '退出登录', '打印', 'English', '请用 A4 纸']) expect(all.replace('打印时间', '')).not.toContain(screenOnly);
  }, 60_000);
});

describe('the hall’s screen for an indicator round (viewer, 1920×1080)', () => {
  it('shows the 红黑榜 readably, then pages the full ranking with ↑/↓ so that every town is on screen in turn', async () => {
    const hall = await openScreen(seed.q2);
    expect(await hall.getByTestId('screen-status').textContent()).toBe('最终成绩');
    await hall.getByTestId('hall-boards').waitFor();
    await hall.locator('.hall-board-row').first().waitFor();
    expect(await hall.getByRole('tab', { name: '红黑榜' }).getAttribute('aria-selected')).toBe('true');
    await hall.waitForTimeout(300);
    await hall.screenshot({ path: join(SCREENSHOTS, 'indicator-screen-boards.png') });

    for (const kind of ['red', 'black', 'mostImproved'] as const) {
      const ids = await hall.locator(`[data-board="${kind}"] .hall-board-row`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')));
      expect(ids).toEqual(boards[kind].map((r) => r.entry.id));
    }
    // Every row of the three lists is on screen at once, names whole and large.
    const seenBoards = await readableRows(hall, '.hall-board-row');
    const onBoards = await hall.locator('.hall-board-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entry')!));
    expect(onBoards).toHaveLength(boards.red.length + boards.black.length + boards.mostImproved.length);
    expect(seenBoards).toEqual(onBoards);
    const sizes = await hall.evaluate(() => {
      const px = (selector: string) => [...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize));
      return {
        names: px('.hall-board-row .hall-name'),
        totals: px('.hall-board-total'),
        changes: px('.hall-board-row .hall-change'),
        titles: px('.hall-board-title'),
      };
    });
    expect(Math.min(...sizes.names)).toBeGreaterThanOrEqual(28);
    expect(Math.min(...sizes.totals)).toBeGreaterThanOrEqual(28);
    expect(Math.min(...sizes.changes)).toBeGreaterThanOrEqual(24);
    expect(Math.min(...sizes.titles)).toBeGreaterThanOrEqual(34);
    const top = hall.locator('[data-board="red"] .hall-board-row').first();
    expect(await top.locator('.hall-name').textContent()).toBe(boards.red[0]!.entry.title);
    expect(await top.locator('.hall-board-total').textContent()).toBe(boards.red[0]!.total!.toFixed(2));
    const d = boards.red[0]!.rankChange!;
    expect(await top.locator('.hall-change [aria-hidden="true"]').textContent()).toBe(d > 0 ? `↑${d}` : d < 0 ? `↓${-d}` : '持平');
    expect(await hall.locator('body').textContent()).not.toMatch(/实时|评分/);
    expect(await accessibilityViolations(hall)).toEqual([]);

    // The full ranking: rank, town, total, ↑/↓; over one cycle every town is wholly on screen.
    await hall.getByRole('tab', { name: '全部排名' }).click();
    await hall.locator('.board-row').first().waitFor();
    await expect.poll(() => hall.getByTestId('page-indicator').textContent()).toMatch(/^第 1\/\d 页$/);
    const pages = Number((await hall.getByTestId('page-indicator').textContent())!.match(/\/(\d)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const firstRow = hall.locator('.board-row').first();
    await expect.poll(() => firstRow.getAttribute('data-rank')).toBe('1');
    const lead = q2Rows[0]!;
    expect(await firstRow.locator('.hall-change [aria-hidden="true"]').textContent()).toBe(
      lead.entry.rankChange! > 0 ? `↑${lead.entry.rankChange}` : `↓${-lead.entry.rankChange!}`,
    );
    const seen = new Set<string>();
    for (let n = 1; n <= pages; n++) {
      await expect.poll(() => hall.getByTestId('page-indicator').textContent(), { timeout: 8000 }).toBe(`第 ${n}/${pages} 页`);
      await hall.waitForTimeout(300);
      for (const id of await readableRows(hall, '.board-row')) seen.add(id);
      const changes = await hall
        .locator('.board-row')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-entry'), r.querySelector('.hall-change [aria-hidden="true"]')?.textContent ?? ''] as const),
        );
      for (const [id, shown] of changes) {
        const api = q2Rows.find((r) => r.entry.id === id)!;
        const c = api.entry.rankChange;
        const fresh = api.rank !== null && api.entry.previousRank === null;
        expect(shown).toBe(c === null ? (fresh ? '新进' : '') : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : '持平');
      }
      await hall.screenshot({ path: join(SCREENSHOTS, `indicator-screen-ranking-${n}.png`) });
    }
    expect(seed.q2Entries.filter((id) => !seen.has(id))).toEqual([]);
    const sizes2 = await hall.evaluate(() => [...document.querySelectorAll('.hall-name')].map((e) => parseFloat(getComputedStyle(e).fontSize)));
    expect(Math.min(...sizes2)).toBeGreaterThanOrEqual(28);
    expect(await accessibilityViolations(hall)).toEqual([]);
    await hall.close();
  }, 120_000);

  it('puts Q1’s vetoed town first on the 黑榜 with 一票否决, and last in the ranking', async () => {
    const hall = await openScreen(seed.q1);
    await hall.locator('[data-board="black"] .hall-board-row').first().waitFor();
    const vetoed = q1Rows.find((r) => r.entry.vetoed)!;
    const black = hall.locator('[data-board="black"] .hall-board-row').first();
    expect(await black.getAttribute('data-entry')).toBe(vetoed.entry.id);
    expect(await black.locator('.hall-veto').textContent()).toBe('一票否决');
    expect(await hall.locator('[data-board="mostImproved"]').textContent()).toContain('暂无可比较的上期名次');
    await hall.screenshot({ path: join(SCREENSHOTS, 'indicator-screen-q1-boards.png') });
    await hall.goto(`${app.otherOrigin}/screen/${encodeURIComponent(seed.q1)}?view=ranking&page=2s`);
    await hall.locator('.board-row').first().waitFor();
    const lastPage = async () => {
      const text = await hall.getByTestId('page-indicator').textContent();
      const [, n, of] = text!.match(/第 (\d)\/(\d) 页/)!;
      return n === of;
    };
    await expect.poll(lastPage, { timeout: 10_000 }).toBe(true);
    const last = hall.locator('.board-row').last();
    expect(await last.getAttribute('data-entry')).toBe(vetoed.entry.id);
    expect(await last.locator('.hall-veto').textContent()).toBe('一票否决');
    // No earlier quarter: no arrows.
    expect(await hall.locator('.hall-change-up, .hall-change-down').count()).toBe(0);
    await hall.close();
  }, 60_000);
});
