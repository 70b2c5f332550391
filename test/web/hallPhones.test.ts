import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { launchPhones } from './story/phones.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * A 台上赛 run live in the hall, acted out by the people in it. Three judges without accounts
 * join on their phones (390×844) by the seat's code — typed in lower case with a space, and by
 * the QR code's link — and a fourth phone trying a used code is refused in Chinese. The host
 * (through the API, as the console would) puts cadres on stage: the phones open the entry on
 * stage by themselves, entries not yet on stage stay greyed and cannot be scored, a judge with
 * unsent marks is asked before the stage takes the form, a judge whose Wi-Fi drops still gets the
 * sheet through, and a judge signs off (a later change voids the signature). The big screen
 * (1920×1080) names who is on stage with the pitch timer (red past the limit) and plays the 亮分:
 * the judges' totals by label, the highest and lowest struck out, the score after the overtime
 * deduction, the rank, then the leaderboard; a screen whose PC clock is off, loaded mid-pitch, still
 * times it on the server's clock. A reload under the ON_STAGE gate still tells 已下台 from 尚未上台.
 * A revoked seat is told so. After publication a
 * citizen files an objection on the public notice (390×844).
 */

let app: WebApp;
let phones: Awaited<ReturnType<typeof launchPhones>>;
const organizer = () => app.token(DEMO_ORGANIZER.id);
const CRITERIA = ['vision', 'results', 'innovation', 'delivery', 'qa'] as const;
/** Seconds a pitch may last: short, so that the screen's timer runs over within the test. */
const LIMIT = 10;

interface Seat {
  id: string;
  label: string;
  name: string;
  joinCode: string;
  joinUrl: string;
}
interface Setup {
  roundId: string;
  entries: { id: string; order: number; name: string; unit: string }[];
  seats: Seat[];
}
let setup: Setup;
/** The judges' phones, each a browser context of its own (own storage, as real phones). */
const judges: { context: BrowserContext; page: Page }[] = [];
let screen: Page;

const shot = (page: Page, name: string, fullPage = false) => page.screenshot({ path: join(SCREENSHOTS, `live-${name}.png`), fullPage });

async function api<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await app.gql<T>(token, query, variables);
  if (answer.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

/** A round of three demo cadres run live: gate PITCHED, a 10-second limit with 0.5 off per started 30 s over, sign-off required, highest and lowest dropped. */
async function setUp(): Promise<Setup> {
  const competition = await api(organizer(), 'mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
    i: { name: '2026年萧山区“年轻干部谈发展”擂台比拼（现场）' },
  });
  const round = await api(organizer(), 'mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: {
      competitionId: competition.createCompetition.id,
      name: '第三场 台上赛',
      rubricId: app.seeded.rubricId,
      trimHighest: 1,
      trimLowest: 1,
      leaderboardVisibility: 'ON_REVEAL',
    },
  });
  const roundId: string = round.createRound.id;
  const live = await api(organizer(), 'mutation($r: ID!, $s: LiveSettingsInput!) { setLiveSettings(roundId: $r, settings: $s) { live { scoringGate } } }', {
    r: roundId,
    s: { scoringGate: 'PITCHED', pitchLimitSeconds: LIMIT, overtime: { perSeconds: 30, points: 0.5 }, requireSignOff: true },
  });
  expect(live.setLiveSettings.live.scoringGate).toBe('PITCHED');
  await api(organizer(), 'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }', {
    r: roundId,
    e: ['XS0001', 'XS0002', 'XS0003'].map((cadreId, i) => ({ cadreId, title: '强村富民的实践与思考', order: i + 1, group: '村书记' })),
  });
  // Two judges with accounts (J1, J2) and three seats for judges without (J3–J5).
  await api(organizer(), 'mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }', {
    r: roundId,
    j: [
      { userId: 'judge-1', name: '评委一' },
      { userId: 'judge-2', name: '评委二' },
    ],
  });
  const seats = await api<{ createJudgeSeats: Seat[] }>(
    organizer(),
    'mutation($r: ID!, $s: [JudgeSeatInput!]!) { createJudgeSeats(roundId: $r, seats: $s) { id label name joinCode joinUrl } }',
    { r: roundId, s: [{ name: '王书记' }, { name: '李部长' }, { name: '赵主任' }] },
  );
  await api(organizer(), 'mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });
  const read = await api<{ round: { entries: { id: string; order: number; cadre: { name: string }; unit: { name: string } }[] } }>(
    organizer(),
    'query($id: ID!) { round(id: $id) { entries { id order cadre { name } unit { name } } } }',
    { id: roundId },
  );
  return {
    roundId,
    entries: read.round.entries.map((e) => ({ id: e.id, order: e.order, name: e.cadre.name, unit: e.unit.name })),
    seats: seats.createJudgeSeats,
  };
}

const host = {
  onStage: (entryId: string) =>
    api(organizer(), 'mutation($r: ID!, $e: ID!) { setOnStage(roundId: $r, entryId: $e) { id } }', { r: setup.roundId, e: entryId }),
  start: (entryId: string) => api(organizer(), 'mutation($e: ID!) { startPitch(entryId: $e) { id } }', { e: entryId }),
  end: (entryId: string) => api(organizer(), 'mutation($e: ID!) { endPitch(entryId: $e) { id pitchSeconds overtimeDeduction } }', { e: entryId }),
  reveal: (entryId: string) =>
    api<{ revealEntry: { sequence: number; total: number | null; rank: number | null; sheets: { judgeLabel: string; total: number; dropped: boolean }[] } }>(
      organizer(),
      'mutation($e: ID!) { revealEntry(entryId: $e) { sequence total rank sheets { judgeLabel total dropped } } }',
      { e: entryId },
    ),
};

/** A judge with an account sends a sheet through the API (the two judges not acted out here). */
async function sheetByApi(judge: string, entryId: string, marks: number[]): Promise<void> {
  await api(app.token(judge), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
    i: { entryId, clientRequestId: randomUUID(), scores: CRITERIA.map((criterion, i) => ({ criterion, score: marks[i] })) },
  });
}

const mark = (page: Page, criterion: string) => page.locator(`[data-criterion="${criterion}"] input[type="number"]`);
async function fillMarks(page: Page, marks: number[]): Promise<void> {
  for (const [i, criterion] of CRITERIA.entries()) await mark(page, criterion).fill(String(marks[i]));
}
/** The entry whose form is open, by the heading above the form. */
const openEntry = (page: Page) => page.locator('#entry-title');
const item = (page: Page, order: number) => page.locator(`[data-entry-order="${order}"]`);
const name = (order: number) => setup.entries[order - 1]!.name;

beforeAll(async () => {
  app = await startWebApp();
  phones = await launchPhones();
  await mkdir(SCREENSHOTS, { recursive: true });
  setup = await setUp();
}, 120_000);

afterAll(async () => {
  await phones?.browser.close();
  await app?.close();
});

describe('the hall live', () => {
  it('judges join on their phones by code, typed or by link; a used or unknown code is refused in Chinese', async () => {
    const [a, b, c] = setup.seats;
    expect(setup.seats.map((s) => s.label)).toEqual(['J3', 'J4', 'J5']);
    // The QR code's link opens this client's join page.
    expect(new URL(a!.joinUrl, app.origin).pathname).toBe(`/join/${a!.joinCode}`);

    // Judge A types the code as read aloud: lower case, a space in the middle.
    const phoneA = await phones.phone();
    const pageA = await phoneA.newPage();
    judges.push({ context: phoneA, page: pageA });
    await pageA.goto(`${app.origin}/join`);
    const typed = `${a!.joinCode.slice(0, 4)} ${a!.joinCode.slice(4)}`.toLowerCase();
    await pageA.getByLabel('加入码').fill(typed);
    expect(await accessibilityViolations(pageA)).toEqual([]);
    await shot(pageA, 'phone-join-typed');
    await pageA.getByRole('button', { name: '加入', exact: true }).click();
    await pageA.waitForURL(`**/judge/rounds/${encodeURIComponent(setup.roundId)}**`);
    expect(await pageA.getByTestId('seat-badge').textContent()).toBe('席位 J3 · 王书记');

    // Judge B scans the QR code: the link joins at once.
    const phoneB = await phones.phone();
    const pageB = await phoneB.newPage();
    judges.push({ context: phoneB, page: pageB });
    await pageB.goto(`${app.origin}/join/${b!.joinCode}`);
    await pageB.waitForURL(`**/judge/rounds/${encodeURIComponent(setup.roundId)}**`);
    expect(await pageB.getByTestId('seat-badge').textContent()).toBe('席位 J4 · 李部长');

    // Judge C first tries A's code (picked up from the neighbour's card): refused, in Chinese.
    const phoneC = await phones.phone();
    const pageC = await phoneC.newPage();
    judges.push({ context: phoneC, page: pageC });
    await pageC.goto(`${app.origin}/join/${a!.joinCode}`);
    await pageC.getByTestId('join-error').waitFor();
    expect(await pageC.getByTestId('join-error').textContent()).toBe('该加入码已在另一部手机上使用；如需换手机，请联系组织方重新发码。');
    expect(pageC.url()).toContain('/join/');
    expect(await accessibilityViolations(pageC)).toEqual([]);
    await shot(pageC, 'phone-join-used');
    // …then a code that does not exist, then the right one.
    await pageC.goto(`${app.origin}/join`);
    await pageC.getByLabel('加入码').fill('zzzz 2222');
    await pageC.getByRole('button', { name: '加入', exact: true }).click();
    await pageC.getByTestId('join-error').waitFor();
    expect(await pageC.getByTestId('join-error').textContent()).toBe('没有这个加入码，请核对后重新输入，或联系工作人员。');
    await shot(pageC, 'phone-join-unknown');
    await pageC.getByLabel('加入码').fill(c!.joinCode);
    await pageC.getByRole('button', { name: '加入', exact: true }).click();
    await pageC.waitForURL(`**/judge/rounds/${encodeURIComponent(setup.roundId)}**`);
    expect(await pageC.getByTestId('seat-badge').textContent()).toBe('席位 J5 · 赵主任');
  }, 90_000);

  it('greys out entries not yet on stage; the phones and the big screen follow the host', async () => {
    const [{ page: pageA }, { page: pageB }] = judges;
    // Nobody on stage yet under the PITCHED gate: nothing can be opened or scored.
    await item(pageA, 1).waitFor();
    await expect.poll(() => item(pageA, 1).locator('.entry-state').textContent()).toBe('尚未上台');
    for (const order of [1, 2, 3]) {
      expect(await item(pageA, order).isDisabled()).toBe(true);
      expect(await item(pageA, order).locator('.entry-state').textContent()).toBe('尚未上台');
    }
    expect(await pageA.locator('.score-form').count()).toBe(0);
    expect(await pageA.getByText('该选手尚未上台，上台后即可评分。').count()).toBe(1);
    expect(await accessibilityViolations(pageA)).toEqual([]);
    await shot(pageA, 'phone-not-on-stage');
    // Nor through the API with the seat's own token.
    const seatToken = await pageA.evaluate(() => (JSON.parse(localStorage.getItem('bxgc.session.v1') ?? '{}') as { token?: string }).token ?? '');
    const early = await app.gql(seatToken, 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
      i: { entryId: setup.entries[1]!.id, scores: CRITERIA.map((criterion) => ({ criterion, score: 10 })) },
    });
    expect(early.errors?.[0]?.extensions?.reason).toBe('NOT_PITCHED');

    // The big screen is up before the show starts.
    screen = await app.browser.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await screen.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(screen, app.otherOrigin, DEMO_VIEWER.id);
    await screen.waitForURL('**/screen');
    await screen.goto(`${app.otherOrigin}/screen/${encodeURIComponent(setup.roundId)}`);
    await screen.getByTestId('screen-status').waitFor();
    expect(await screen.getByTestId('stage-band').count()).toBe(0);

    // The host calls the first cadre: every phone opens the form by itself, the screen names them.
    await host.onStage(setup.entries[0]!.id);
    for (const { page } of judges) {
      await expect.poll(() => openEntry(page).textContent(), { timeout: 5000 }).toContain(name(1));
      await page.locator('.score-form').waitFor();
    }
    expect(await item(pageA, 1).isDisabled()).toBe(false);
    expect(await item(pageA, 2).isDisabled()).toBe(true);
    expect(await item(pageB, 1).locator('.entry-state').textContent()).toBe('台上');
    expect(await accessibilityViolations(pageA)).toEqual([]);
    await shot(pageA, 'phone-on-stage');

    await screen.getByTestId('stage-band').waitFor({ timeout: 5000 });
    expect(await screen.getByTestId('stage-name').textContent()).toBe(name(1));
    expect(await screen.getByTestId('pitch-timer').getAttribute('data-state')).toBe('waiting');
    await host.start(setup.entries[0]!.id);
    await expect.poll(() => screen.getByTestId('pitch-timer').getAttribute('data-state'), { timeout: 5000 }).toBe('running');
    await expect.poll(async () => (await screen.locator('.stage-timer-value').textContent()) ?? '', { timeout: 5000 }).toMatch(/^0:0[1-3]$/);
    const sizes = await screen.evaluate(() => ({
      name: parseFloat(getComputedStyle(document.querySelector('.stage-band-name')!).fontSize),
      timer: parseFloat(getComputedStyle(document.querySelector('.stage-timer-value')!).fontSize),
    }));
    expect(sizes.name).toBeGreaterThanOrEqual(56);
    expect(sizes.timer).toBeGreaterThanOrEqual(96);
    expect(await accessibilityViolations(screen)).toEqual([]);
    await shot(screen, 'screen-on-stage');
    // A second screen whose PC runs five minutes slow, loaded mid-pitch: it times the pitch on the server's clock.
    const slowPc = await phones.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    await slowPc.clock.install({ time: Date.now() - 5 * 60_000 });
    const slow = await slowPc.newPage();
    await signIn(slow, app.otherOrigin, DEMO_VIEWER.id);
    await slow.waitForURL('**/screen');
    await slow.goto(`${app.otherOrigin}/screen/${encodeURIComponent(setup.roundId)}`);
    await expect.poll(() => slow.getByTestId('pitch-timer').getAttribute('data-state'), { timeout: 10_000 }).toBe('running');
    expect(await slow.evaluate(() => Date.now())).toBeLessThan(Date.now() - 4 * 60_000);
    const seconds = async (page: Page) => {
      const [m, s] = ((await page.locator('.stage-timer-value').textContent()) ?? '').split(':').map(Number);
      return m! * 60 + s!;
    };
    const [onTime, slowly] = [await seconds(screen), await seconds(slow)];
    expect(slowly).toBeGreaterThan(0);
    expect(Math.abs(onTime - slowly)).toBeLessThanOrEqual(1);
    await shot(slow, 'screen-timer-slow-clock');
    await slowPc.close();
    // Past the limit the timer turns red and says by how much.
    await expect.poll(() => screen.getByTestId('pitch-timer').getAttribute('data-over'), { timeout: 15_000 }).toBe('true');
    expect(await screen.locator('.stage-timer-limit').textContent()).toMatch(/^超时 0:0\d$/);
    const red = await screen.evaluate(() => getComputedStyle(document.querySelector('.stage-timer-value')!).color);
    expect(red).toBe('rgb(198, 40, 40)');
    await shot(screen, 'screen-overtime');
    // The host stops the timer: the screen keeps the pitch's length, still red.
    const ended = await host.end(setup.entries[0]!.id);
    expect(ended.endPitch.overtimeDeduction).toBe(0.5);
    await expect.poll(() => screen.getByTestId('pitch-timer').getAttribute('data-state'), { timeout: 5000 }).toBe('ended');
    expect(await screen.getByTestId('pitch-timer').getAttribute('data-over')).toBe('true');
  }, 90_000);

  it('gets the sheet of a judge whose Wi-Fi drops through, and asks before the stage takes a form with unsent marks', async () => {
    const [{ page: pageA }, { page: pageB, context: phoneB }, { page: pageC }] = judges;
    const [first, second, third] = setup.entries;
    await fillMarks(pageA, [17, 26, 16, 12.5, 12]);
    await pageA.getByRole('button', { name: '提交评分' }).click();
    await pageA.getByText(/已提交：总分 83\.50/).waitFor({ timeout: 10_000 });

    // Judge B's phone drops off the hall's Wi-Fi while submitting: the sheet waits on the phone.
    await phoneB.setOffline(true);
    await fillMarks(pageB, [18, 27, 17, 13, 13]);
    await pageB.getByRole('button', { name: '提交评分' }).click();
    await pageB.getByTestId('outbox').waitFor();
    await expect.poll(() => item(pageB, 1).locator('.entry-state').textContent(), { timeout: 5000 }).toMatch(/待发送|发送中/);
    await expect.poll(() => pageB.getByText(/网络不稳定，正在重新连接/).count(), { timeout: 10_000 }).toBe(1);
    await shot(pageB, 'phone-offline', true);
    // Back online: it arrives by itself.
    await phoneB.setOffline(false);
    await pageB.getByTestId('outbox').waitFor({ state: 'detached', timeout: 20_000 });
    await pageB.getByText(/已提交：总分 88\.00/).waitFor({ timeout: 10_000 });

    await fillMarks(pageC, [15, 24, 15, 12, 11]);
    await pageC.getByRole('button', { name: '提交评分' }).click();
    await pageC.getByText(/已提交：总分 77\.00/).waitFor({ timeout: 10_000 });
    await sheetByApi('judge-1', first!.id, [19, 28, 18, 14, 14]); // 93
    await sheetByApi('judge-2', first!.id, [16, 25, 16, 12, 12]); // 81
    const progress = await api(organizer(), 'query($id: ID!) { round(id: $id) { entries { id sheetCount } } }', { id: setup.roundId });
    expect(progress.round.entries.find((e: { id: string }) => e.id === first!.id).sheetCount).toBe(5);

    // The next cadre: the phones follow…
    await host.onStage(second!.id);
    for (const { page } of judges) await expect.poll(() => openEntry(page).textContent(), { timeout: 5000 }).toContain(name(2));
    // …judge C starts typing, and the host calls the third cadre before C has submitted.
    await mark(pageC, 'vision').fill('16');
    await mark(pageC, 'results').fill('25');
    await host.onStage(third!.id);
    await expect.poll(() => openEntry(pageA).textContent(), { timeout: 5000 }).toContain(name(3));
    const prompt = pageC.getByTestId('leave-prompt');
    await prompt.waitFor({ timeout: 5000 });
    expect(await prompt.textContent()).toContain(`台上已换人：3. ${name(3)}`);
    expect(await prompt.textContent()).toContain(`您给 2. ${name(2)} 填写的分数还没有提交。`);
    expect(await openEntry(pageC).textContent()).toContain(name(2));
    expect(await mark(pageC, 'vision').inputValue()).toBe('16');
    expect(await accessibilityViolations(pageC)).toEqual([]);
    await shot(pageC, 'phone-stage-moved');
    // C finishes the marks first; submitting takes the phone to the stage.
    await prompt.getByRole('button', { name: '继续填写，提交后再转到台上' }).click();
    expect(await prompt.count()).toBe(0);
    await pageC.getByTestId('stage-strip').waitFor();
    for (const [criterion, value] of Object.entries({ innovation: '15', delivery: '12', qa: '12' })) await mark(pageC, criterion).fill(value);
    await pageC.getByRole('button', { name: '提交评分' }).click();
    await expect.poll(() => openEntry(pageC).textContent(), { timeout: 5000 }).toContain(name(3));
    await expect.poll(() => item(pageC, 2).locator('.entry-state').textContent(), { timeout: 10_000 }).toBe('已评 80.00');
  }, 120_000);

  it('plays the reveal on the big screen: totals by label, highest and lowest struck out, the score, the rank, then the board', async () => {
    const first = setup.entries[0]!;
    const revealed = await host.reveal(first.id);
    expect(
      revealed.revealEntry.sheets
        .filter((s) => s.dropped)
        .map((s) => s.total)
        .sort(),
    ).toEqual([77, 93]);
    const show = screen.getByTestId('reveal');
    await show.waitFor({ timeout: 5000 });
    expect(await show.locator('.reveal-name').textContent()).toContain(first.name);
    await screen.locator('[data-testid="reveal"][data-phase="dropped"]').waitFor({ timeout: 10_000 });
    const labels = await show.locator('.reveal-label').allTextContents();
    expect(labels).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
    expect(await show.locator('.reveal-sheet-dropped .reveal-score').allTextContents()).toEqual(['93.00', '77.00']);
    expect(await show.locator('.reveal-dropped-why').allTextContents()).toEqual(['去掉最高分', '去掉最低分']);
    expect(await accessibilityViolations(screen)).toEqual([]);
    await shot(screen, 'screen-reveal-struck');
    await screen.locator('[data-testid="reveal"][data-phase="rank"]').waitFor({ timeout: 10_000 });
    // (83.5 + 88 + 81) / 3 = 84.17, less 0.5 for running over the limit.
    expect(await screen.getByTestId('reveal-overtime').textContent()).toBe('超时扣分 −0.50');
    expect(await screen.getByTestId('reveal-total').textContent()).toBe('83.67');
    expect(revealed.revealEntry.total).toBe(83.67);
    expect(await screen.getByTestId('reveal-rank').textContent()).toBe('当前排名 第 1 名');
    await shot(screen, 'screen-reveal-score');
    // Held a few seconds, then back to the leaderboard, where only the revealed entry has a total (ON_REVEAL).
    await show.waitFor({ state: 'detached', timeout: 15_000 });
    const row = screen.locator(`.board-row[data-entry="${first.id}"]`);
    await expect.poll(() => row.locator('.hall-total').textContent(), { timeout: 5000 }).toBe('83.67');
    // The others follow, waiting for theirs.
    expect(await screen.locator('.board-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.entry))).toEqual(setup.entries.map((e) => e.id));
    expect(await screen.locator(`.board-row[data-entry="${setup.entries[1]!.id}"] .hall-total`).textContent()).toBe('—');
    expect(await screen.locator(`.board-row[data-entry="${setup.entries[2]!.id}"]`).getAttribute('class')).toContain('hall-row-on-stage');
    await shot(screen, 'screen-after-reveal');
  }, 90_000);

  it('lets a judge sign off once every sheet is in, and voids the signature when a sheet changes', async () => {
    const [{ page: pageA }] = judges;
    // A scored the first cadre; the second is past and still open under PITCHED, the third is on stage.
    expect(await pageA.getByTestId('sign-off').count()).toBe(0);
    // Under the ON_STAGE gate, after a reload: the second cadre, on stage before (its timer never
    // started), reads 已下台, not 尚未上台; the third, on stage, is open.
    const gate = (scoringGate: string) =>
      api(organizer(), 'mutation($r: ID!, $s: LiveSettingsInput!) { setLiveSettings(roundId: $r, settings: $s) { live { scoringGate } } }', {
        r: setup.roundId,
        s: { scoringGate },
      });
    await gate('ON_STAGE');
    await pageA.reload();
    await expect.poll(() => item(pageA, 2).locator('.entry-state').textContent(), { timeout: 10_000 }).toBe('已下台');
    expect(await item(pageA, 2).isDisabled()).toBe(true);
    expect(await item(pageA, 3).isDisabled()).toBe(false);
    await shot(pageA, 'phone-on-stage-gate-reload');
    // Back to PITCHED: the cadres who have been on stage may be scored again.
    await gate('PITCHED');
    await pageA.reload();
    await expect.poll(() => item(pageA, 2).isDisabled(), { timeout: 10_000 }).toBe(false);
    expect(await item(pageA, 2).locator('.entry-state').textContent()).not.toMatch(/已下台|尚未上台/);
    await pageA.locator(`[data-entry-order="2"]`).click();
    await fillMarks(pageA, [16, 26, 15, 13, 12]);
    await pageA.getByRole('button', { name: '提交评分' }).click();
    await expect.poll(() => item(pageA, 2).locator('.entry-state').textContent(), { timeout: 10_000 }).toBe('已评 82.00');
    await pageA.locator(`[data-entry-order="3"]`).click();
    await fillMarks(pageA, [18, 28, 17, 14, 13]);
    await pageA.getByRole('button', { name: '提交评分' }).click();
    await expect.poll(() => item(pageA, 3).locator('.entry-state').textContent(), { timeout: 10_000 }).toBe('已评 90.00');

    const panel = pageA.getByTestId('sign-off');
    await panel.waitFor();
    expect(await panel.getAttribute('data-state')).toBe('unsigned');
    await panel.getByRole('button', { name: '签字确认' }).click();
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 10_000 }).toBe('signed');
    expect(await panel.locator('.sign-off-status').textContent()).toMatch(/^✓ 已签字（\d\d:\d\d:\d\d）$/);
    await panel.scrollIntoViewIfNeeded();
    expect(await accessibilityViolations(pageA)).toEqual([]);
    await shot(pageA, 'phone-signed');

    // A second thought about the third cadre: the signature no longer covers the sheets.
    await mark(pageA, 'qa').fill('14');
    await pageA.getByRole('button', { name: '修改评分' }).click();
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 10_000 }).toBe('void');
    expect(await panel.locator('.sign-off-status').textContent()).toBe('签字已失效，请重新确认');
    await panel.scrollIntoViewIfNeeded();
    await shot(pageA, 'phone-sign-off-void');
    await panel.getByRole('button', { name: '重新签字确认' }).click();
    await expect.poll(() => panel.getAttribute('data-state'), { timeout: 10_000 }).toBe('signed');
    const signOffs = await api(organizer(), 'query($id: ID!) { round(id: $id) { signOffs { valid judge { label } } } }', { id: setup.roundId });
    expect(signOffs.round.signOffs).toContainEqual({ valid: true, judge: { label: 'J3' } });
  }, 90_000);

  it('tells a judge whose seat was revoked to contact the staff', async () => {
    const [, , { page: pageC }] = judges;
    const seatC = setup.seats[2]!;
    await api(organizer(), 'mutation($id: ID!) { revokeJudgeSeat(id: $id) { status } }', { id: seatC.id });
    await pageC.getByTestId('seat-expired').waitFor({ timeout: 10_000 });
    expect(await pageC.locator('h1').textContent()).toBe('该席位已失效，请联系工作人员');
    await expect.poll(() => pageC.getByText('该席位已被组织方收回。如仍需评分，请向工作人员索取新的二维码。').count(), { timeout: 5000 }).toBe(1);
    expect(await accessibilityViolations(pageC)).toEqual([]);
    await shot(pageC, 'phone-seat-revoked');
  }, 60_000);

  it('puts the published results on a public notice where a citizen files an objection', async () => {
    for (const { context } of judges) await context.close();
    await screen.close();
    await api(organizer(), 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: setup.roundId });
    await api(organizer(), 'mutation($id: ID!, $d: Int, $o: String) { publishRound(id: $id, noticeWorkingDays: $d, overrideReason: $o) { status } }', {
      id: setup.roundId,
      d: 5,
      o: '评委赵主任席位已收回，未签字',
    });

    const citizen = await (await phones.phone()).newPage();
    await citizen.goto(`${app.origin}/notice/${encodeURIComponent(setup.roundId)}`);
    await citizen.getByTestId('notice-period').waitFor();
    expect(await citizen.getByTestId('notice-period').textContent()).toMatch(/^公示期至 \d{1,2}月\d{1,2}日 24:00（北京时间）$/);
    expect(await citizen.locator('.notice-table tbody tr').count()).toBe(3);
    // 名次, 姓名, 单位, 题目, 得分: each in a column of its own.
    expect(await citizen.locator('.notice-table thead th').allTextContents()).toEqual(['名次', '姓名', '单位', '题目', '得分']);
    const firstRow = citizen.locator(`.notice-table tbody tr[data-entry="${setup.entries[0]!.id}"] > *`);
    expect((await firstRow.allTextContents()).slice(1)).toEqual([setup.entries[0]!.name, setup.entries[0]!.unit, '强村富民的实践与思考', '83.67']);
    expect(await accessibilityViolations(citizen)).toEqual([]);
    await shot(citizen, 'notice', true);

    // Everything is required.
    await citizen.getByRole('button', { name: '提交异议' }).click();
    expect(await citizen.locator('.objection .field-error').allTextContents()).toEqual([
      '请选择有异议的选手',
      '请填写您的姓名',
      '请填写联系方式',
      '请填写异议理由',
    ]);
    await shot(citizen, 'notice-required', true);
    const target = setup.entries[1]!;
    expect(await citizen.locator(`option[value="${target.id}"]`).textContent()).toMatch(new RegExp(`^第 \\d 名 ${target.name}（${target.unit}）$`));
    await citizen.getByLabel('对哪位选手的成绩有异议').selectOption(target.id);
    await citizen.getByLabel('您的姓名').fill('陈国华');
    await citizen.getByLabel('联系方式').fill('13900001234');
    await citizen.getByLabel('异议理由').fill('第二位选手陈述时计时器曾暂停约二十秒，超时扣分可能有误，请核实。');
    await citizen.getByRole('button', { name: '提交异议' }).click();
    await citizen.getByTestId('objection-filed').waitFor({ timeout: 10_000 });
    expect(await citizen.getByTestId('objection-filed').textContent()).toContain('异议已提交');
    await shot(citizen, 'notice-filed', true);
    const objections = await api(organizer(), 'query($id: ID!) { round(id: $id) { objections { entry { id } name contact grounds status } } }', {
      id: setup.roundId,
    });
    expect(objections.round.objections).toEqual([
      {
        entry: { id: target.id },
        name: '陈国华',
        contact: '13900001234',
        grounds: '第二位选手陈述时计时器曾暂停约二十秒，超时扣分可能有误，请核实。',
        status: 'OPEN',
      },
    ]);

    // Once the period is over (as the API will say then), the form is gone.
    await citizen.route('**/graphql', async (route) => {
      if (!(route.request().postData() ?? '').includes('LiveNoticeBoard')) return route.continue();
      const response = await route.fetch();
      const body = (await response.json()) as { data: { noticeBoard: Record<string, unknown> } };
      body.data.noticeBoard.open = false;
      return route.fulfill({ response, json: body });
    });
    await citizen.reload();
    await citizen.getByTestId('notice-closed').waitFor();
    expect(await citizen.getByTestId('notice-closed').textContent()).toBe('公示期已结束，不再受理异议');
    expect(await citizen.getByRole('button', { name: '提交异议' }).count()).toBe(0);
    await shot(citizen, 'notice-closed', true);
  }, 90_000);
});
