import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JUDGES, DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { launchPhones } from './story/phones.js';
import { accessibilityViolations, organizerPage, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * Audience votes in the hall (群众评委). The organizer (1366×768) creates a round judged by
 * 领导评委 60 % and 群众评委 40 %, choosing 现场观众投票 for the second group in the form; the
 * round is opened with three leaders as judges. On the 群众投票 tab the organizer issues ten
 * ballots and prints them as a sheet of QR cards (A4, looked at as a page image). Three
 * attendees open their ballots on their phones (390×844) before anyone is on stage; the host
 * calls the first cadre on stage and the phones show them by themselves. They vote (one after
 * a lost answer, with 重新提交); the same ballot opened on a second phone cannot vote again
 * with another score (BALLOT_USED, in Chinese). The console counts the ballots; the leaders'
 * sheets arrive through the API; the host reveals and the big screen (1920×1080) shows the
 * audience's mean with its ballot count, the total being 0.6 × leaders + 0.4 × the ballots'
 * mean. Closed, the phones say 投票已结束, and the protocol counts 票, not 份.
 */

let app: WebApp;
let page: Page;
let phones: Awaited<ReturnType<typeof launchPhones>>;

const COMPETITION = '2026年党湾镇“比学赶超”擂台赛';
const ROUND = '村社书记擂台 群众评议场';
const UNIT = '党湾镇';
const RUBRIC = '擂台赛评分表';
const CADRES = ['赵国强', '钱秀英', '孙立新'];
const CRITERIA = [
  { key: 'vision', label: '思路与谋划', maxScore: 30, weight: 1, step: 0.5 },
  { key: 'results', label: '实绩与成效', maxScore: 40, weight: 1, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 30, weight: 1, step: 0.5 },
];
/** The three leaders' marks for the first cadre: 80, 82, 84 → 82.00 (no trimming). */
const LEADER_MARKS: [number, number, number][] = [
  [24, 32, 24],
  [25, 32, 25],
  [25, 34, 25],
];
/** Three attendees' ballots: (85 + 90.5 + 78) / 3 = 84.50. */
const BALLOTS = [85, 90.5, 78];
const LEADERS = 82;
const AUDIENCE_MEAN = 84.5;
/** 0.6 × 82 + 0.4 × 84.5 = 49.2 + 33.8. */
const TOTAL = 83;

const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(SCREENSHOTS, `audience-${name}.png`), fullPage });

async function api<T = any>(query: string, variables?: Record<string, unknown>, token = app.token(DEMO_ORGANIZER.id)): Promise<T> {
  const answer = await app.gql<T>(token, query, variables);
  if (answer.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  phones = await launchPhones();
  const unit = await api<{ createUnit: { id: string } }>('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
    i: { name: UNIT, kind: 'TOWN' },
  });
  await api('mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
    i: CADRES.map((name, n) => ({ id: `DW${String(n + 1).padStart(3, '0')}`, name, unitId: unit.createUnit.id, position: '村党组织书记' })),
  });
  await api('mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', { i: { name: RUBRIC, criteria: CRITERIA } });
  await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name: COMPETITION } });
  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await phones?.browser.close();
  await app?.close();
});

describe('audience votes in the hall (群众评委)', () => {
  it('issues and prints ballots, takes the attendees’ votes on their phones and weighs their mean into the revealed total', async () => {
    // ── The round: 领导评委 60 % judged, 群众评委 40 % voted by the audience ─────────────
    const side = page.locator('.console-side');
    await side.locator('article', { hasText: COMPETITION }).getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByLabel('轮次名称').fill(ROUND);
    await form.getByLabel('选用评分表').selectOption({ label: `${RUBRIC}（第 1 版）` });
    await form.getByRole('radio', { name: /亮分后公开/ }).check();
    await form.getByRole('button', { name: '设置评委分组' }).click();
    expect(await form.getByLabel('第 1 组名称').inputValue()).toBe('领导评委');
    expect(await form.getByLabel('第 2 组名称').inputValue()).toBe('群众评委');
    const rows = form.locator('.class-row');
    expect(await rows.nth(1).getByLabel('去掉最高分（份）').count()).toBe(1);
    await form.getByRole('group', { name: '第 2 组的打分方式' }).getByRole('radio', { name: '现场观众投票' }).check();
    // The audience takes the plain mean: nothing to trim in its row; only one group can be the audience.
    expect(await rows.nth(1).getByLabel('去掉最高分（份）').count()).toBe(0);
    expect(await rows.nth(1).textContent()).toContain('取全部选票的平均分，不去掉最高分、最低分');
    expect(await form.getByRole('group', { name: '第 1 组的打分方式' }).getByRole('radio', { name: '现场观众投票' }).isDisabled()).toBe(true);
    const help = form.getByTestId('class-audience-help');
    expect(await help.textContent()).toContain('“群众评委”由现场观众投票');
    expect(await help.textContent()).toContain('每张选票对每位选手只能投一次');
    await help.scrollIntoViewIfNeeded();
    await shot(page, '01-new-round-classes');
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: new RegExp(ROUND) }).waitFor();
    const roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const created = await api<{ round: { method: { classes: { key: string; label: string; weight: number; source: string; trimHighest: number }[] } } }>(
      'query($id: ID!) { round(id: $id) { method { ... on PanelMethod { classes { key label weight source trimHighest } } } } }',
      { id: roundId },
    );
    expect(created.round.method.classes).toEqual([
      { key: 'class1', label: '领导评委', weight: 0.6, source: 'JUDGES', trimHighest: 0 },
      { key: 'class2', label: '群众评委', weight: 0.4, source: 'AUDIENCE', trimHighest: 0 },
    ]);

    // Entries, the three leaders and the opening through the API (the browser's part of those is tested elsewhere).
    const { addEntries: entries } = await api<{ addEntries: { id: string; order: number }[] }>(
      'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id order } }',
      { r: roundId, e: CADRES.map((_, i) => ({ cadreId: `DW${String(i + 1).padStart(3, '0')}`, title: '村社书记擂台陈述', order: i + 1 })) },
    );
    const first = entries.find((e) => e.order === 1)!;
    const leaders = DEMO_JUDGES.slice(0, 3);
    await api('mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }', {
      r: roundId,
      j: leaders.map((j) => ({ userId: j.userId, name: j.name, classKey: 'class1' })),
    });
    await api('mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });
    await page.reload();

    // ── 群众投票: ten ballots, printed at once ─────────────────────────────────────────
    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '群众投票' }).click();
    const audience = page.getByTestId('audience');
    await audience.getByRole('heading', { name: '群众评委：现场观众投票' }).waitFor();
    expect(await audience.textContent()).toContain('占总分的 40%');
    const count = audience.getByLabel('选票张数');
    expect(await count.inputValue()).toBe('100');
    await count.fill('10');
    await audience.getByRole('button', { name: '生成选票' }).click();
    const batch = audience.getByTestId('ballot-batches');
    await batch.getByText(/^已生成 10 张选票（\d\d:\d\d:\d\d）。$/).waitFor();
    expect(await batch.textContent()).toContain('选票只显示这一次，请立即打印');
    // Nobody on stage yet: every entry waits, no ballot counted.
    const tally = audience.getByTestId('tally-table');
    await expect.poll(() => tally.locator('tbody tr').count()).toBe(3);
    expect(await tally.locator('tbody tr').first().textContent()).toContain('尚未上台');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '02-console-issued');
    expect(await accessibilityViolations(page)).toEqual([]);

    await batch.getByRole('button', { name: '打印选票（10 张）' }).click();
    const sheet = page.getByTestId('ballot-sheet');
    await expect.poll(() => sheet.locator('article.ballot-card img[src^="data:image/svg+xml"]').count()).toBe(10);
    const urls = await sheet.locator('article.ballot-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-url')!));
    expect(new Set(urls).size).toBe(10);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${app.origin}/vote/${roundId}~[2-9A-HJKMNP-Z]{12}$`));
    const card = await sheet.locator('article.ballot-card').first().textContent();
    for (const text of [COMPETITION, ROUND, '群众评委', '扫码为选手打分', 'No.1 · ']) expect(card).toContain(text);
    await shot(page, '03-ballot-sheet');
    expect(await accessibilityViolations(page)).toEqual([]);
    // On paper: the cards only, twelve to an A4 page (ten on one), looked at as a page image.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button:visible, nav:visible, .topbar:visible, .hall-tabs:visible').count()).toBe(0);
    const pdf = join(SCREENSHOTS, 'audience-ballots.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'audience-ballots-a4')]);
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = printed.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(1);
    expect(pages[0]!.match(/扫码为选手打分/g)).toHaveLength(10);
    expect(pages[0]).not.toContain('打印');
    expect(pages[0]).not.toContain('群众投票');
    await sheet.getByRole('button', { name: '返回' }).click();
    await sheet.waitFor({ state: 'detached' });
    // The batch stays printable while the page is open, also after a look at another tab.
    await tabs.getByRole('tab', { name: '现场控制' }).click();
    await tabs.getByRole('tab', { name: '群众投票' }).click();
    await audience.getByRole('button', { name: '打印选票（10 张）' }).waitFor();

    // ── Three attendees open their ballots before anyone is on stage ─────────────────────
    const attendees: Page[] = [];
    for (const url of urls.slice(0, 3)) {
      const phone = await (await phones.phone()).newPage();
      await phone.goto(url);
      await phone.getByRole('heading', { name: ROUND }).waitFor();
      attendees.push(phone);
    }
    const [a1, a2, a3] = attendees as [Page, Page, Page];
    await a1.getByText('还没有选手上台。选手上台后，这里会自动出现打分栏。').waitFor();
    expect(await a1.locator('.vote-class').textContent()).toBe('群众评委满分 100 分，可打半分');
    await shot(a1, '04-phone-nobody-yet');
    expect(await accessibilityViolations(a1)).toEqual([]);
    // The first ballot also opened on a second phone (a ballot passed on), before it was used.
    const shared = await (await phones.phone()).newPage();

    // ── The host calls the first cadre; the phones show them by themselves ─────────────
    await tabs.getByRole('tab', { name: '现场控制' }).click();
    const host = page.getByTestId('host-view');
    await host.getByRole('button', { name: `请上台：1 号 ${CADRES[0]}` }).click();
    await host.getByTestId('stage-card').getByText(CADRES[0]!, { exact: true }).waitFor();
    const stageCard = (p: Page) => p.locator(`[data-testid="vote-card"][data-entry="${first.id}"]`);
    for (const phone of attendees) await expect.poll(() => stageCard(phone).count(), { timeout: 10_000 }).toBe(1);
    expect(await stageCard(a1).locator('.vote-stage-badge').textContent()).toBe('当前上台');
    expect(await stageCard(a1).locator('.vote-name').textContent()).toBe(`1 号${CADRES[0]}`);
    await shared.goto(urls[0]!);
    await stageCard(shared).waitFor();
    // The second phone's ballot reads stay unanswered for a while (a weak signal): it still shows the form.
    await shared.route('**/graphql', (route) => (route.request().postData()?.includes('AudienceVotePaper') ? route.abort() : route.continue()));

    // Attendee 1 types 85 and votes.
    await stageCard(a1).getByLabel('您的打分（0–100 分）').fill('85');
    expect(await stageCard(a1).locator('.vote-final').textContent()).toBe('将投 85 分，投出后不能修改。');
    await shot(a1, '05-phone-on-stage');
    await stageCard(a1).getByRole('button', { name: '投票' }).click();
    await stageCard(a1).getByTestId('vote-done').getByText('已投 85 分').waitFor();
    await shot(a1, '06-phone-voted');

    // Attendee 2 types 90 and adds half a point with +.
    await stageCard(a2).getByLabel('您的打分（0–100 分）').fill('90');
    await stageCard(a2).getByRole('button', { name: '加半分' }).click();
    expect(await stageCard(a2).getByLabel('您的打分（0–100 分）').inputValue()).toBe('90.5');
    const nudge = await stageCard(a2).getByRole('button', { name: '加半分' }).boundingBox();
    expect(nudge!.width).toBeGreaterThanOrEqual(44);
    expect(nudge!.height).toBeGreaterThanOrEqual(44);
    await stageCard(a2).getByRole('button', { name: '投票' }).click();
    await stageCard(a2).getByText('已投 90.5 分').waitFor();

    // Attendee 3's first answer is lost: the score stays, 重新提交 sends the same score again.
    await a3.route('**/graphql', (route) => (route.request().postData()?.includes('AudienceVoteCast') ? route.abort() : route.continue()));
    await stageCard(a3).getByLabel('您的打分（0–100 分）').fill('78');
    await stageCard(a3).getByRole('button', { name: '投票' }).click();
    const lost = stageCard(a3).getByTestId('vote-error');
    await lost.waitFor();
    expect(await lost.textContent()).toBe('网络不稳定，这一票还没有送达。78 分已为您保留，请点“重新提交”。');
    expect(await stageCard(a3).getByLabel('您的打分（0–100 分）').inputValue()).toBe('78');
    await shot(a3, '07-phone-lost-answer');
    await a3.unroute('**/graphql');
    await stageCard(a3).getByRole('button', { name: '重新提交' }).click();
    await stageCard(a3).getByText('已投 78 分').waitFor();

    // The ballot passed on tries another score for the same cadre: refused, in Chinese.
    await stageCard(shared).getByLabel('您的打分（0–100 分）').fill('60');
    await shared.unroute('**/graphql');
    await stageCard(shared).getByRole('button', { name: '投票' }).click();
    const used = stageCard(shared).getByTestId('vote-error');
    await used.waitFor();
    expect(await used.textContent()).toBe('这张选票已经为该选手投过票了，每位选手只能投一次，这次的 60 分没有计入。');
    // It reads the ballot again: the vote that counts is the first one.
    await stageCard(shared).getByText('已投 85 分').waitFor();
    await shot(shared, '08-phone-ballot-used');

    // ── The console counts the ballots ───────────────────────────────────────────────
    await tabs.getByRole('tab', { name: '群众投票' }).click();
    const row = tally.locator(`tr[data-entry="${first.id}"]`);
    await expect.poll(() => row.getByTestId('tally-count').textContent(), { timeout: 10_000 }).toBe('3');
    expect(await row.getByTestId('tally-mean').textContent()).toBe('84.50');
    expect(await row.textContent()).toContain('当前上台');
    expect(await tally.getByTestId('tally-votes').textContent()).toBe('3');
    await tally.scrollIntoViewIfNeeded();
    await shot(page, '09-console-tallies');

    // ── The leaders' sheets (their phones are tested elsewhere), the reveal, the big screen ─
    for (const [i, judge] of leaders.entries()) {
      await api(
        'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }',
        { i: { entryId: first.id, scores: CRITERIA.map((c, k) => ({ criterion: c.key, score: LEADER_MARKS[i]![k] })) } },
        app.token(judge.userId),
      );
    }
    const screen = await app.browser.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(screen, app.otherOrigin, DEMO_VIEWER.id);
    await screen.waitForURL('**/screen');
    await screen.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}`);
    await screen.getByTestId('screen-status').waitFor();

    await tabs.getByRole('tab', { name: '现场控制' }).click();
    const stage = host.getByTestId('stage-card');
    await stage.getByText('全部 3 份评分已提交，可以亮分。').waitFor({ timeout: 10_000 });
    await stage.getByRole('button', { name: '亮分', exact: true }).click();
    await screen.locator(`[data-testid="reveal"][data-entry="${first.id}"][data-phase="total"]`).waitFor({ timeout: 10_000 });
    const show = screen.getByTestId('reveal');
    expect(await show.getByTestId('reveal-class').allTextContents()).toEqual(['领导评委（60%）82.00', '群众评委（40%）84.50（3 票）']);
    expect(await show.getByTestId('reveal-total').textContent()).toBe('83.00');
    await shot(screen, '10-screen-reveal');
    const { entry } = await api<{ entry: { total: number; classResults: { key: string; result: number; sheetCount: number; source: string }[] } }>(
      'query($e: ID!) { entry(id: $e) { total classResults { key result sheetCount source } } }',
      { e: first.id },
    );
    expect(entry.classResults).toEqual([
      { key: 'class1', result: LEADERS, sheetCount: 3, source: 'JUDGES' },
      { key: 'class2', result: AUDIENCE_MEAN, sheetCount: 3, source: 'AUDIENCE' },
    ]);
    expect(entry.total).toBe(TOTAL);
    expect(entry.total).toBeCloseTo(0.6 * LEADERS + 0.4 * (BALLOTS.reduce((a, b) => a + b, 0) / BALLOTS.length), 2);

    // ── Closed: the phones say so; the protocol counts the audience's ballots as 票 ──────
    await api('mutation($id: ID!) { closeRound(id: $id) { status } }', { id: roundId });
    await a2.getByTestId('vote-ended').getByText('投票已结束。').waitFor({ timeout: 10_000 });
    expect(await stageCard(a2).getByText('已投 90.5 分').count()).toBe(1);
    await shot(a2, '11-phone-closed');
    const invalid = await (await phones.phone()).newPage();
    await invalid.goto(`${app.origin}/vote/${roundId}~222222222222`);
    await invalid.getByTestId('vote-invalid').getByText('选票无效，请向工作人员索取新的选票。').waitFor();
    await shot(invalid, '12-phone-invalid');

    await page.goto(`${app.origin}/organizer/entries/${encodeURIComponent(first.id)}/protocol`);
    const protocol = page.getByTestId('print-protocol');
    await protocol.waitFor();
    expect(await protocol.getByTestId('protocol-class').allTextContents()).toEqual(['领导评委（权重 60%）82.00（3 份）', '群众评委（权重 40%）84.50（3 票）']);
    await protocol.getByTestId('protocol-class').last().scrollIntoViewIfNeeded();
    await shot(page, '13-protocol');
  }, 240_000);
});
