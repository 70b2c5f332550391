import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The hall's big screen at 1920×1080 with a round of 63 entries set up through the API:
 * every row readable (names ≥ 28 px) and on screen at some point of the paging cycle, ties
 * shown as 并列, and a status line that never claims "live" for a closed round or hidden scores.
 */

let app: WebApp;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑';
const GIVEN = [
  '建国',
  '晓红',
  '海燕',
  '志强',
  '丽华',
  '文博',
  '雨桐',
  '子涵',
  '浩然',
  '思远',
  '嘉怡',
  '俊杰',
  '欣然',
  '国栋',
  '春梅',
  '立新',
  '婉清',
  '明轩',
  '秀英',
  '振华',
  '一鸣',
];
const GROUPS = ['村书记', '社区书记', '机关书记'];
const UNITS = ['萧山区瓜沥镇东恩村', '萧山区北干街道金城社区', '萧山区发展和改革局'];
const CRITERIA = ['vision', 'results', 'innovation', 'delivery', 'qa'];

interface Setup {
  roundId: string;
  entries: { id: string; order: number; name: string }[];
}

const organizer = () => app.token(DEMO_ORGANIZER.id);

async function api<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await app.gql<T>(token, query, variables);
  if (result.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** A competition with one round of 63 cadres (three groups of 21) and five judges, open for scoring. */
async function setUp(tag: string, visibility: 'LIVE' | 'AFTER_CLOSE' | 'AFTER_PUBLISH'): Promise<Setup> {
  const unitIds: string[] = [];
  for (const [i, name] of UNITS.entries()) {
    const unit = await api(organizer(), 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { name: `${name}${tag}`, kind: i === 2 ? 'DEPARTMENT' : i === 1 ? 'COMMUNITY' : 'VILLAGE' },
    });
    unitIds.push(unit.createUnit.id);
  }
  const cadres = Array.from({ length: 63 }, (_, n) => ({
    id: `HALL${tag}${String(n + 1).padStart(3, '0')}`,
    name: `${SURNAMES[n % SURNAMES.length]}${GIVEN[Math.floor(n / 3) % GIVEN.length]}`,
    unitId: unitIds[n % 3]!,
    position: '党组织书记',
  }));
  await api(organizer(), 'mutation($c: [CadreInput!]!) { upsertCadres(input: $c) { id } }', { c: cadres });
  const competition = await api(organizer(), 'mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
    i: { name: `2026年第四季度拼搏赶超交流会${tag}` },
  });
  const round = await api(organizer(), 'mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: { competitionId: competition.createCompetition.id, name: '年轻干部谈发展 台上赛', rubricId: app.seeded.rubricId, leaderboardVisibility: visibility },
  });
  const roundId: string = round.createRound.id;
  await api(organizer(), 'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }', {
    r: roundId,
    e: cadres.map((c, n) => ({ cadreId: c.id, title: '聚焦主责主业 争当发展先锋', order: n + 1, group: GROUPS[n % 3] })),
  });
  await api(organizer(), 'mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }', {
    r: roundId,
    j: [1, 2, 3, 4, 5].map((n) => ({ userId: `judge-${n}`, name: `评委${n}` })),
  });
  await api(organizer(), 'mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });
  const read = await api<{ round: { entries: { id: string; order: number; cadre: { name: string } }[] } }>(
    organizer(),
    'query($id: ID!) { round(id: $id) { entries { id order cadre { name } } } }',
    { id: roundId },
  );
  return { roundId, entries: read.round.entries.map((e) => ({ id: e.id, order: e.order, name: e.cadre.name })) };
}

/** Marks for most entries: one or two sheets each, two pairs with equal totals (ties), a few entries still waiting. */
async function score(setup: Setup): Promise<void> {
  for (const entry of setup.entries) {
    if (entry.order > 56) continue;
    // Entries 1 and 2 tie, and so do 10 and 11; the rest get distinct totals.
    const base = entry.order === 2 ? 1 : entry.order === 11 ? 10 : entry.order;
    const marks = [20 - (base % 9) * 0.5, 30 - (base % 13) * 0.5, 18, 13 - (base % 5) * 0.5, 12];
    const judges = entry.order % 4 === 0 ? ['judge-1', 'judge-2'] : ['judge-1'];
    for (const judge of judges) {
      await api(app.token(judge), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
        i: { entryId: entry.id, clientRequestId: `${judge}-hall-${entry.order}`, scores: CRITERIA.map((criterion, i) => ({ criterion, score: marks[i] })) },
      });
    }
  }
}

async function openScreen(roundId: string, search = '?page=3s'): Promise<Page> {
  const page = await app.browser.newPage();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.otherOrigin, DEMO_VIEWER.id);
  await page.waitForURL('**/screen');
  await page.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}${search}`);
  await page.getByTestId('screen-status').waitFor();
  return page;
}

/** Rows wholly inside the viewport whose name is not cut short, as the hall sees them now. */
async function readableRows(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.board-row')].flatMap((row) => {
      const box = row.getBoundingClientRect();
      const name = row.querySelector<HTMLElement>('.hall-name')!;
      const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth && box.height > 0;
      return inside && name.scrollWidth <= name.clientWidth ? [row.dataset.entry!] : [];
    }),
  );
}

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('big screen', () => {
  it('shows all 63 entries readably at 1920×1080, paging on its own, with ties, progress and a truthful status line', async () => {
    const setup = await setUp('A', 'LIVE');
    await score(setup);
    const page = await openScreen(setup.roundId);

    expect(await page.getByTestId('screen-status').textContent()).toBe('实时');
    await page.locator('.board-row').first().waitFor();
    await expect.poll(() => page.getByTestId('page-indicator').textContent()).toMatch(/^第 1\/\d 页$/);
    const pages = Number((await page.getByTestId('page-indicator').textContent())!.match(/\/(\d)/)![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);

    // Names are large enough to read from the back of the hall; units and totals too.
    const sizes = await page.evaluate(() => {
      const px = (selector: string) => [...document.querySelectorAll(selector)].map((e) => parseFloat(getComputedStyle(e).fontSize));
      return { names: px('.hall-name'), units: px('.hall-unit'), totals: px('.hall-total') };
    });
    expect(Math.min(...sizes.names)).toBeGreaterThanOrEqual(28);
    expect(Math.min(...sizes.units)).toBeGreaterThanOrEqual(20);
    expect(Math.min(...sizes.totals)).toBeGreaterThanOrEqual(28);

    // The top of the board: ranks, the tie of entries 1 and 2 (并列), totals with two decimals, sheets received of five.
    const first = page.locator('.board-row').first();
    expect(await first.getAttribute('data-rank')).toBe('1');
    expect(await first.locator('.hall-total').textContent()).toMatch(/^\d+\.\d\d$/);
    expect(await first.locator('.hall-progress').textContent()).toMatch(/^已评 [12]\/5$/);
    const tie = [setup.entries[0]!.id, setup.entries[1]!.id];
    const tieRanks = await page.evaluate(
      (ids) => ids.map((id) => document.querySelector(`.board-row[data-entry="${id}"]`)?.getAttribute('data-rank') ?? null),
      tie,
    );
    expect(tieRanks[0]).not.toBeNull();
    expect(tieRanks[0]).toBe(tieRanks[1]);
    expect(await page.locator(`.board-row[data-entry="${tie[0]}"] .hall-tied`).textContent()).toBe('并列');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Over one cycle every entry's row is wholly on screen, its name not cut.
    const seen = new Set<string>();
    const showing = (n: number) => async () => (await page.getByTestId('page-indicator').textContent()) === `第 ${n}/${pages} 页`;
    for (let n = 1; n <= pages; n++) {
      // A loaded machine may take longer than the page's 3 s to read it: a reading counts only if the
      // page did not turn meanwhile; otherwise it is read again when the page comes round.
      await expect
        .poll(
          async () => {
            if (!(await showing(n)())) return false;
            await page.waitForTimeout(300);
            const rows = await readableRows(page);
            if (!(await showing(n)())) return false;
            for (const id of rows) seen.add(id);
            return true;
          },
          { timeout: 30_000 },
        )
        .toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, `big-screen-63-page-${n}.png`) });
    }
    expect(setup.entries.filter((e) => !seen.has(e.id)).map((e) => `${e.order} ${e.name}`)).toEqual([]);
    // …and the cycle starts over.
    await expect.poll(() => page.getByTestId('page-indicator').textContent(), { timeout: 8000 }).toBe(`第 1/${pages} 页`);

    // A group tab: 21 entries fit on one page.
    await page.getByRole('tab', { name: '社区书记' }).click();
    await expect.poll(() => page.locator('.board-row').count()).toBe(21);
    expect(await page.getByTestId('page-indicator').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'big-screen-63-group.png') });
    await page.getByRole('tab', { name: '全部' }).click();

    // Scoring ends: the line says so, nothing says live, and the per-entry progress goes.
    await api(organizer(), 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: setup.roundId });
    await expect.poll(() => page.getByTestId('screen-status').textContent(), { timeout: 10_000 }).toBe('评分已结束');
    expect(await page.locator('.live-dot').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('实时');
    expect(await page.locator('.hall-progress').count()).toBe(0);
    await page.locator('.hall-total').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'big-screen-63-closed.png') });

    await api(organizer(), 'mutation($id: ID!) { publishRound(id: $id) { status } }', { id: setup.roundId });
    await expect.poll(() => page.getByTestId('screen-status').textContent(), { timeout: 10_000 }).toBe('最终成绩');
    expect(await page.locator('body').textContent()).not.toContain('实时');
    await page.screenshot({ path: join(SCREENSHOTS, 'big-screen-63-published.png') });
    await page.close();
  }, 180_000);

  it('keeps scores off the screen, calmly, while they are not public — and never claims live', async () => {
    const setup = await setUp('B', 'AFTER_CLOSE');
    await api(app.token('judge-1'), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
      i: { entryId: setup.entries[0]!.id, scores: CRITERIA.map((criterion) => ({ criterion, score: 10 })) },
    });
    // Judge 2 is excused from entry 3 (回避): four sheets are expected there, not five.
    await api(organizer(), 'mutation($r: ID!, $e: ID!) { setConflict(roundId: $r, userId: "judge-2", entryId: $e, reason: "同一单位") { userId } }', {
      r: setup.roundId,
      e: setup.entries[2]!.id,
    });
    const page = await openScreen(setup.roundId);
    expect(await page.getByTestId('screen-status').textContent()).toBe('评分进行中');
    expect(await page.getByTestId('scores-hidden').textContent()).toBe('成绩将在评分结束后公布');
    await page.locator('.board-row').first().waitFor();
    // The pitch order, with sheets received but no rank or total.
    expect(await page.locator('.hall-total').count()).toBe(0);
    expect(await page.locator('.hall-rank-number').count()).toBe(0);
    expect(await page.locator('.board-row').first().locator('.hall-order [aria-hidden="true"]').textContent()).toBe('1');
    expect(await page.locator('.board-row').first().locator('.hall-progress').textContent()).toBe('已评 1/5');
    expect(await page.locator(`.board-row[data-entry="${setup.entries[2]!.id}"] .hall-progress`).textContent()).toBe('已评 0/4');
    expect(await page.locator('.live-dot').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('实时');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'big-screen-63-hidden.png') });

    // Closed: AFTER_CLOSE scores appear.
    await api(organizer(), 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: setup.roundId });
    await expect.poll(() => page.getByTestId('screen-status').textContent(), { timeout: 10_000 }).toBe('评分已结束');
    await page.locator('.hall-total').first().waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('scores-hidden').count()).toBe(0);
    expect(await page.locator('.board-row').first().getAttribute('data-entry')).toBe(setup.entries[0]!.id);
    await page.close();
  }, 120_000);
});
