import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { launchPhones } from './story/phones.js';
import { organizerPage, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The live show (现场赛) as the people in the hall run it, in the browser from start to end.
 * The organizer (1366×768) creates a judged round with the live defaults (已上台方可评分,
 * 发布前签字确认), enrols three cadres, issues five judge seats and opens the round. Five
 * judges join on their own phones (390×844) by typing their seat's code on /join; the big
 * screen (1920×1080) follows the stage. For each cadre in turn the host calls them on stage
 * (请上台), times the pitch, every phone opens that cadre's form by itself, the judges submit,
 * and the host reveals (亮分): the screen plays each judge's total, strikes the highest and the
 * lowest, shows the score and the rank. One judge signs off on the phone; the organizer closes
 * the round and publishes it with a five-working-day notice period, giving a reason for the
 * four missing signatures, and the console shows when the notice period ends. Only the
 * directory, the rubric and the competition are seeded through the API.
 */

let app: WebApp;
let phones: Awaited<ReturnType<typeof launchPhones>>;
let page: Page;
let screen: Page;

const COMPETITION = '2026年益农镇“比学赶超”村社书记擂台赛';
const ROUND = '决赛 现场比拼';
const UNIT = '益农镇';
const RUBRIC = '现场比拼评分表';
const CADRES = ['沈国良', '陆晓梅', '俞志坚'];
const JUDGES = ['何建平', '许丽华', '冯志远', '蒋文静', '韩卫东'];
const CRITERIA = [
  { key: 'vision', label: '思路与谋划', maxScore: 30, weight: 1, step: 0.5 },
  { key: 'results', label: '实绩与成效', maxScore: 40, weight: 1, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 30, weight: 1, step: 0.5 },
];
/**
 * Each cadre's marks from J1…J5, the highest and the lowest sheet dropped, the rest averaged:
 * 沈国良 85, 78, 82.5, (88), (75) → 81.83; 陆晓梅 91, 90, 86.5, (95), (82) → 89.17;
 * 俞志坚 73, 79.5, 76, (70), (85) → 76.17.
 */
const MARKS: Record<string, [number, number, number][]> = {
  沈国良: [
    [26, 34, 25],
    [24, 31, 23],
    [25, 33, 24.5],
    [27, 35, 26],
    [23, 30, 22],
  ],
  陆晓梅: [
    [28, 36, 27],
    [27, 37, 26],
    [26, 35, 25.5],
    [29, 38, 28],
    [25, 33, 24],
  ],
  俞志坚: [
    [22, 30, 21],
    [24, 32, 23.5],
    [23, 31, 22],
    [21, 29, 20],
    [26, 34, 25],
  ],
};
const RESULT: Record<string, { total: string; rank: number; dropped: string[] }> = {
  沈国良: { total: '81.83', rank: 1, dropped: ['88.00', '75.00'] },
  陆晓梅: { total: '89.17', rank: 1, dropped: ['95.00', '82.00'] },
  俞志坚: { total: '76.17', rank: 3, dropped: ['70.00', '85.00'] },
};
const sum = (marks: number[]) => marks.reduce((a, b) => a + b, 0).toFixed(2);

/** The judges' phones, J1…J5, each in a browser context of its own. */
const judges: Page[] = [];

const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(SCREENSHOTS, `liveShow-${name}.png`), fullPage });

async function api<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await app.gql<T>(app.token(DEMO_ORGANIZER.id), query, variables);
  if (answer.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  phones = await launchPhones();
  // Seeded: the directory (a town and its three village secretaries), the rubric and the competition.
  const unit = await api<{ createUnit: { id: string } }>('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
    i: { name: UNIT, kind: 'STREET' },
  });
  await api('mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
    i: CADRES.map((name, n) => ({ id: `GL${String(n + 1).padStart(3, '0')}`, name, unitId: unit.createUnit.id, position: '村党组织书记' })),
  });
  await api('mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', { i: { name: RUBRIC, criteria: CRITERIA } });
  await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name: COMPETITION } });
  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await phones?.browser.close();
  await app?.close();
});

describe('a live show in the hall', () => {
  it('is run by the organizer, five judges on their phones and the big screen, from the new round to the notice period', async () => {
    // ── The round, with the live defaults ────────────────────────────────────────────
    const side = page.locator('.console-side');
    await side.locator('article', { hasText: COMPETITION }).getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByLabel('轮次名称').fill(ROUND);
    await form.getByLabel('选用评分表').selectOption({ label: `${RUBRIC}（第 1 版）` });
    await form.getByLabel('去掉最高分（份）').fill('1');
    await form.getByLabel('去掉最低分（份）').fill('1');
    await form.getByRole('radio', { name: /亮分后公开/ }).check();
    const live = form.getByLabel('现场赛：评委只能为已上台的选手评分，发布前需评委签字确认');
    expect(await live.isChecked()).toBe(true);
    await live.scrollIntoViewIfNeeded();
    await shot(page, '01-new-round');
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: new RegExp(ROUND) }).waitFor();
    const roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    // Three cadres from the roster.
    const picker = page.locator('section.picker');
    await picker.getByLabel('按单位筛选').selectOption({ label: UNIT });
    await expect.poll(() => picker.locator('tbody tr').count()).toBe(CADRES.length);
    await picker.getByLabel('全选列表中未报名的 3 人').check();
    await picker.getByRole('button', { name: '添加所选 3 人' }).click();
    await picker.getByText('已添加 3 人').waitFor();
    const entries = (
      await api<{ round: { entries: { id: string; order: number; cadre: { name: string } }[] } }>(
        'query($id: ID!) { round(id: $id) { entries { id order cadre { name } } } }',
        { id: roundId },
      )
    ).round.entries;
    expect(entries.map((e) => e.cadre.name).sort()).toEqual([...CADRES].sort());

    // Five judge seats, pasted as a list; each shows its code.
    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '评委席位' }).click();
    const seats = page.getByTestId('seats');
    await seats.getByText('批量添加（粘贴名单）').click();
    await seats.getByLabel('评委名单').fill(JUDGES.join('\n'));
    await seats.getByRole('button', { name: '添加 5 个席位' }).click();
    await seats.getByText('已添加 5 个席位').waitFor();
    const table = seats.getByTestId('seat-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    const codes: string[] = [];
    for (const [i, name] of JUDGES.entries()) {
      const row = table.locator('tbody tr').nth(i);
      expect(await row.locator('th').textContent()).toBe(`J${i + 1}`);
      expect(await row.textContent()).toContain(name);
      expect(await row.textContent()).toContain('待加入');
      codes.push((await row.locator('code.join-code').textContent())!.trim());
    }
    expect(codes.every((c) => /^[A-Z0-9]{8}$/.test(c))).toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '02-seats');

    // 开始评分.
    const panel = page.locator('.round-panel');
    await panel.getByRole('button', { name: '开始评分' }).click();
    await panel.getByRole('button', { name: '结束评分' }).waitFor();

    // ── Five judges join on their phones, typing the code from their card, while the big
    // screen is set up on the hall's PC (signed in as the hall's viewer) ─────────────────
    const openScreen = async () => {
      screen = await app.browser.newPage();
      await screen.setViewportSize({ width: 1920, height: 1080 });
      await screen.emulateMedia({ reducedMotion: 'reduce' });
      await signIn(screen, app.otherOrigin, DEMO_VIEWER.id);
      await screen.waitForURL('**/screen');
      await screen.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}`);
      await screen.getByTestId('screen-status').waitFor();
      expect(await screen.getByTestId('stage-band').count()).toBe(0);
    };
    await Promise.all([
      openScreen(),
      ...codes.map(async (code, i) => {
        const phone = await (await phones.phone()).newPage();
        judges[i] = phone;
        await phone.goto(`${app.origin}/join`);
        // As read off the card: in two groups of four.
        await phone.getByLabel('加入码').fill(`${code.slice(0, 4)} ${code.slice(4)}`);
        if (i === 0) await shot(phone, '03-phone-join');
        await phone.getByRole('button', { name: '加入', exact: true }).click();
        await phone.waitForURL(`**/judge/rounds/${encodeURIComponent(roundId)}**`);
        await expect.poll(() => phone.getByTestId('seat-badge').textContent()).toBe(`席位 J${i + 1} · ${JUDGES[i]}`);
      }),
    ]);
    // Nobody on stage yet: nothing to score.
    await expect.poll(() => judges[0]!.locator('[data-entry-order="1"] .entry-state').textContent()).toBe('尚未上台');
    await shot(judges[0]!, '04-phone-waiting');
    await page.reload();
    await expect.poll(() => table.locator('.seat-status-joined').count()).toBe(5);

    // ── Each cadre in turn: 请上台, the timer, the judges' marks, 亮分 ──────────────────
    await tabs.getByRole('tab', { name: '现场控制' }).click();
    const host = page.getByTestId('host-view');
    await host.getByText('还没有选手上台').waitFor();
    const stage = host.getByTestId('stage-card');
    for (const entry of entries) {
      const name = entry.cadre.name;
      await host.getByRole('button', { name: `请上台：${entry.order} 号 ${name}` }).click();
      await stage.getByText(name, { exact: true }).waitFor();
      // Every phone opens that cadre's form by itself; the screen names who is on stage.
      await Promise.all(
        judges.map(async (phone) => {
          await expect.poll(() => phone.locator('#entry-title').textContent(), { timeout: 10_000 }).toContain(name);
          await phone.locator('.score-form').waitFor();
        }),
      );
      await expect.poll(() => screen.getByTestId('stage-name').textContent(), { timeout: 10_000 }).toBe(name);

      await stage.getByRole('button', { name: '开始计时' }).click();
      await expect.poll(() => screen.getByTestId('pitch-timer').getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
      if (entry.order === 1) {
        await shot(screen, '05-screen-on-stage');
        await shot(judges[0]!, '06-phone-on-stage');
      }
      await expect.poll(async () => (await stage.getByRole('timer').textContent()) ?? '', { timeout: 5000 }).not.toBe('0:00');
      await stage.getByRole('button', { name: '结束计时' }).click();
      await stage.getByText(/^计时已结束，用时 0:0\d。$/).waitFor();

      // The judges mark and submit, each on their own phone.
      await Promise.all(
        judges.map(async (phone, j) => {
          const marks = MARKS[name]![j]!;
          for (const [k, c] of CRITERIA.entries()) await phone.locator(`[data-criterion="${c.key}"] input[type="number"]`).fill(String(marks[k]));
          await phone.getByRole('button', { name: '提交评分' }).click();
          await phone.getByText(new RegExp(`已提交：总分 ${sum(marks).replace('.', '\\.')}`)).waitFor({ timeout: 15_000 });
        }),
      );
      if (entry.order === 1) await shot(judges[1]!, '07-phone-submitted');
      await stage.getByText('全部 5 份评分已提交，可以亮分。').waitFor({ timeout: 10_000 });
      await stage.getByRole('button', { name: '亮分', exact: true }).click();

      // The reveal on the big screen: the five totals, the highest and lowest struck out, the score, the rank.
      const show = screen.getByTestId('reveal');
      await screen.locator(`[data-testid="reveal"][data-entry="${entry.id}"]`).waitFor({ timeout: 10_000 });
      expect(await show.locator('.reveal-name').textContent()).toContain(name);
      await screen.locator(`[data-testid="reveal"][data-entry="${entry.id}"][data-phase="total"]`).waitFor({ timeout: 10_000 });
      await shot(screen, `08-reveal-${entry.order}`);
      expect(await show.locator('.reveal-label').allTextContents()).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
      expect(await show.locator('.reveal-score').allTextContents()).toEqual(MARKS[name]!.map(sum));
      expect(await show.locator('.reveal-sheet-dropped .reveal-score').allTextContents()).toEqual(RESULT[name]!.dropped);
      expect(await show.getByTestId('reveal-total').textContent()).toBe(RESULT[name]!.total);
      await expect.poll(() => show.getByTestId('reveal-rank').count(), { timeout: 5000 }).toBe(1);
      expect(await show.getByTestId('reveal-rank').textContent()).toBe(`当前排名 第 ${RESULT[name]!.rank} 名`);
      await host
        .getByTestId('last-reveal')
        .getByText(new RegExp(`最后得分 ${RESULT[name]!.total}，暂列第 ${RESULT[name]!.rank} 名`))
        .waitFor();
    }

    // ── One judge signs off on the phone, while the screen still holds the last reveal ───
    const first = judges[0]!;
    await expect.poll(() => first.locator('.judge-progress').textContent(), { timeout: 10_000 }).toBe('已评 3/3');
    const signOff = first.getByTestId('sign-off');
    await signOff.waitFor();
    expect(await signOff.textContent()).toContain('您已完成全部 3 位选手的评分');
    await signOff.getByRole('button', { name: '签字确认' }).click();
    await expect.poll(() => signOff.getAttribute('data-state'), { timeout: 10_000 }).toBe('signed');
    expect(await signOff.locator('.sign-off-status').textContent()).toMatch(/^✓ 已签字（\d\d:\d\d:\d\d）$/);
    await signOff.scrollIntoViewIfNeeded();
    await shot(first, '11-phone-signed');

    await host.getByText('共 3 位，已亮分 3 位').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '09-host-all-revealed');
    // Back to the leaderboard: 陆晓梅, 沈国良, 俞志坚.
    await screen.getByTestId('reveal').waitFor({ state: 'detached', timeout: 15_000 });
    for (const [name, { total }] of Object.entries(RESULT)) {
      const entry = entries.find((e) => e.cadre.name === name)!;
      await expect.poll(() => screen.locator(`.board-row[data-entry="${entry.id}"] .hall-total`).textContent(), { timeout: 5000 }).toBe(total);
    }
    await shot(screen, '10-screen-board');

    // ── The organizer closes the round and publishes it with a notice period ──────────
    await panel.getByRole('button', { name: '结束评分' }).click();
    await page.getByTestId('close-check').getByRole('button', { name: '结束评分' }).click();
    await panel.getByRole('button', { name: '发布成绩' }).click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('spinbutton', { name: '公示' }).inputValue()).toBe('5');
    await expect.poll(async () => await dialog.getByTestId('notice-preview').textContent()).toMatch(/^公示期至 \d{4}年\d{1,2}月\d{1,2}日 24:00/);
    const preview = (await dialog.getByTestId('notice-preview').textContent())!;
    const signed = (await dialog.getByTestId('publish-signoff').textContent())!;
    expect(signed).toContain('5 位评委中 1 位已签字');
    for (const name of JUDGES.slice(1)) expect(signed).toContain(name);
    expect(await dialog.getByText('还有 4 位评委没有有效签字').count()).toBe(1);
    expect(await dialog.getByRole('button', { name: '发布成绩' }).isDisabled()).toBe(true);
    await dialog.getByLabel('不等签字直接发布的理由').fill('其余四位评委已在纸质评分汇总表上签字，现场确认无误');
    await dialog.scrollIntoViewIfNeeded();
    await shot(page, '12-publish');
    await dialog.getByRole('button', { name: '发布成绩' }).click();
    const status = page.getByTestId('hall-status');
    await status.waitFor({ timeout: 10_000 });
    const end = preview.replace(/^公示期至 /, '').replace(/（.*$/, '');
    expect(await status.textContent()).toBe(`成绩公示中，公示期至 ${end}。`);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, '13-published');
  }, 150_000);
});
