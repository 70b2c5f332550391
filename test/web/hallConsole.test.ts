import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, organizerPage, SCREENSHOTS, startWebApp, type WebApp } from './support.js';

/**
 * The organizer runs a 台上赛 live in the hall, on a 1366×768 laptop: a round created with
 * the live defaults, cadres enrolled, five judge seats issued (one revoked and reissued),
 * the QR card sheet printed, the round opened; entrants called on stage, timed (over the
 * limit in red), their missing sheets seen, marks revealed (one forced with a reason);
 * the judges' sign-off watched; the results published with a five-working-day notice
 * period (one signature missing: published with a reason); objections answered, one
 * upheld and the round revised and published again. The judges' phones are acted by the
 * API with the seat tokens joinRound hands out, as the other tests send judges' sheets.
 */

let app: WebApp;
let page: Page;
let organizer: string;
let roundId: string;
let unitId: string;

const COMPETITION = '2026年宁围街道“比学赶超”擂台赛';
const ROUND = '第一场 台上赛';
const UNIT = '宁围街道';
/** The unit of the first judge: not the cadres' (a judge of their own unit is excused from them, 回避). */
const JUDGE_UNIT = '区委党校';
const CADRES = ['王建华', '李晓燕', '张志刚', '刘海峰', '陈丽萍', '杨国庆'];
const JUDGES = ['周明', '吴芳', '郑卫国', '孙丽', '钱志强'];
const CRITERIA = [
  { key: 'vision', label: '思路与谋划', maxScore: 30, weight: 1, step: 0.5 },
  { key: 'results', label: '实绩与成效', maxScore: 40, weight: 1, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 30, weight: 1, step: 0.5 },
];

type Seat = { id: string; label: string; name: string; status: string; joinCode: string; joinUrl: string };
type Entry = { id: string; order: number; title: string; cadre: { name: string } };
/** Seat tokens by seat label, from joinRound. */
const tokens = new Map<string, string>();

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `hallConsole-${name}.png`) });

async function gql<T = any>(token: string | null, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${app.origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}
async function api<T = any>(query: string, variables?: Record<string, unknown>, token: string | null = organizer): Promise<T> {
  const answer = await gql<T>(token, query, variables);
  if (answer.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

const seatsOf = async () =>
  (await api<{ round: { seats: Seat[] } }>('query($id: ID!) { round(id: $id) { seats { id label name status joinCode joinUrl } } }', { id: roundId })).round
    .seats;
const entriesOf = async () =>
  (
    await api<{ round: { status: string; entries: Entry[] } }>('query($id: ID!) { round(id: $id) { status entries { id order title cadre { name } } } }', {
      id: roundId,
    })
  ).round;

/** One judge's sheet, sent from their phone (the seat's token). */
let requests = 0;
async function score(label: string, entryId: string, marks: [number, number, number], requestId = `${label}-sheet-${++requests}`) {
  return gql(tokens.get(label)!, 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id total } }', {
    i: {
      entryId,
      clientRequestId: requestId,
      scores: CRITERIA.map((c, i) => ({ criterion: c.key, score: marks[i] })),
    },
  });
}
const marksFor = (label: string, order: number): [number, number, number] => {
  const j = Number(label.slice(1));
  return [20 + ((order * 3 + j) % 9), 28 + ((order + j * 2) % 11), 22 + ((order + j) % 7)];
};

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  organizer = app.token(DEMO_ORGANIZER.id);

  unitId = (await api<{ createUnit: { id: string } }>('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: UNIT, kind: 'STREET' } }))
    .createUnit.id;
  await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: JUDGE_UNIT, kind: 'DEPARTMENT' } });
  await api('mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
    i: CADRES.map((name, n) => ({ id: `XT${String(n + 1).padStart(3, '0')}`, name, unitId, position: '社区党组织书记' })),
  });
  await api('mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', { i: { name: '擂台赛评分表', criteria: CRITERIA } });
  await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name: COMPETITION } });

  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('the organizer runs the hall live', () => {
  it('creates a round with the live defaults (已上台方可评分, 签字确认) and enrols the cadres', async () => {
    const side = page.locator('.console-side');
    const competition = side.locator('article', { hasText: COMPETITION });
    await competition.getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByLabel('轮次名称').fill(ROUND);
    await form.getByLabel('选用评分表').selectOption({ label: '擂台赛评分表（第 1 版）' });
    await form.getByRole('radio', { name: /亮分后公开/ }).check();
    // Judge groups with weights are offered (领导评委 60 %, 群众评委 40 %); this round keeps one panel.
    await form.getByRole('button', { name: '设置评委分组' }).click();
    await form.getByText('90.00 × 60% + 80.00 × 40% = 86.00').waitFor();
    await form.getByLabel('第 1 组名称').scrollIntoViewIfNeeded();
    await shot('new-round-classes');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '移除评委组“群众评委”' }).click();
    await form.getByText('权重合计为 60%，须为 100%。').waitFor();
    expect(await form.getByRole('button', { name: '创建' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: '移除评委组“领导评委”' }).click();
    // The live defaults are a labelled choice, checked: 已上台方可评分, 发布前签字确认.
    expect(await form.getByLabel(/^现场赛：评委只能为已上台的选手评分/).isChecked()).toBe(true);
    await form.getByText('不勾选时，评委可为任何选手评分').scrollIntoViewIfNeeded();
    await shot('new-round');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: new RegExp(ROUND) }).waitFor();
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    const created = await api('query($id: ID!) { round(id: $id) { leaderboardVisibility live { scoringGate requireSignOff pitchLimitSeconds } } }', {
      id: roundId,
    });
    expect(created.round).toEqual({
      leaderboardVisibility: 'ON_REVEAL',
      live: { scoringGate: 'PITCHED', requireSignOff: true, pitchLimitSeconds: null },
    });

    // The six cadres, with the roster picker.
    const picker = page.locator('section.picker');
    await picker.getByLabel('按单位筛选').selectOption({ label: UNIT });
    await expect.poll(() => picker.locator('tbody tr').count()).toBe(CADRES.length);
    await picker.getByLabel(/全选列表中未报名的 6 人/).check();
    await picker.getByRole('button', { name: '添加所选 6 人' }).click();
    await picker.getByText('已添加 6 人').waitFor();
    expect((await entriesOf()).entries).toHaveLength(CADRES.length);
  }, 90_000);

  it('sets the live rules: 限时 5 分钟, 每超时 30 秒扣 0.5 分, 签字确认', async () => {
    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '现场规则' }).click();
    const rules = page.getByTestId('live-rules');
    expect(await rules.getByRole('radio', { name: /只能为已上台选手评分/ }).isChecked()).toBe(true);
    expect(await rules.getByLabel('发布成绩前，须全部评委签字确认').isChecked()).toBe(true);
    await rules.getByLabel('每位选手限时').check();
    await rules.getByLabel('分钟').fill('5');
    await rules.getByLabel('秒', { exact: true }).fill('0');
    await rules.getByLabel('超时扣分').check();
    await rules.getByLabel('每超时').fill('30');
    await rules.getByLabel('秒扣').fill('0.5');
    await rules.getByText('例：限时 5:00，某选手用时 5:45，超时 0:45').waitFor();
    await rules.getByRole('button', { name: '保存现场规则' }).scrollIntoViewIfNeeded();
    await shot('rules-overtime');
    await rules.getByRole('button', { name: '保存现场规则' }).click();
    await page.getByText('现场规则已保存。').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('rules');
    expect(await accessibilityViolations(page)).toEqual([]);
    const saved = await api('query($id: ID!) { round(id: $id) { live { scoringGate pitchLimitSeconds overtime { perSeconds points } requireSignOff } } }', {
      id: roundId,
    });
    expect(saved.round.live).toEqual({ scoringGate: 'PITCHED', pitchLimitSeconds: 300, overtime: { perSeconds: 30, points: 0.5 }, requireSignOff: true });
  }, 60_000);

  it('issues five seats (one typed, four pasted), revokes one and issues it a new code, and prints the QR cards', async () => {
    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '评委席位' }).click();
    const seats = page.getByTestId('seats');
    await seats.getByLabel('评委姓名').fill(JUDGES[0]!);
    await seats.getByLabel('单位（选填）').fill(JUDGE_UNIT);
    await seats.getByRole('button', { name: '添加席位' }).click();
    await seats.getByText('已添加 1 个席位').waitFor();
    await seats.getByText('批量添加（粘贴名单）').click();
    await seats.getByLabel('评委名单').fill(JUDGES.slice(1).join('\n'));
    await seats.getByRole('button', { name: '添加 4 个席位' }).click();
    await seats.getByText('已添加 4 个席位').waitFor();
    const table = seats.getByTestId('seat-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    expect(await table.locator('tbody tr').first().textContent()).toContain('待加入');

    const before = await seatsOf();
    expect(before.map((s) => [s.label, s.name, s.status])).toEqual(JUDGES.map((name, i) => [`J${i + 1}`, name, 'ISSUED']));

    // 孙丽's card was lost: her seat is revoked (asked first) and a new code issued for the same seat.
    const row = table.locator('tr', { hasText: JUDGES[3]! });
    await row.getByRole('button', { name: '收回' }).click();
    expect(await row.locator('.confirm').textContent()).toContain(`J4 ${JUDGES[3]} 的手机不能再评分`);
    await shot('seat-revoke-confirm');
    await row.locator('.confirm').getByRole('button', { name: '收回' }).click();
    await row.getByText('已收回').waitFor();
    await row.getByRole('button', { name: `补发新加入码：J4 ${JUDGES[3]}` }).click();
    await seats.getByText(`已为 J4 ${JUDGES[3]} 补发新加入码`).waitFor();
    await row.getByText('待加入').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('seats');
    expect(await accessibilityViolations(page)).toEqual([]);
    const all = await seatsOf();
    expect(all.map((s) => [s.label, s.name, s.status])).toEqual(JUDGES.map((name, i) => [`J${i + 1}`, name, 'ISSUED']));
    expect(all[3]!.joinCode).not.toBe(before[3]!.joinCode);
    expect(await table.locator('tbody tr').count()).toBe(5);

    await seats.getByRole('link', { name: '打印二维码卡片' }).click();
    await page.waitForURL(/\/seats\/print$/);
    const cards = page.getByTestId('seat-cards');
    await expect.poll(() => cards.locator('[data-testid="seat-qr"]').count()).toBe(5);
    const first = cards.locator('article.seat-card').first();
    const text = await first.textContent();
    expect(text).toContain(ROUND);
    expect(text).toContain(JUDGES[0]);
    expect(text).toContain('用手机扫码，或打开');
    expect(text).toContain('/join 输入加入码');
    expect(await cards.locator('.card-code').allTextContents()).toEqual(all.map((s) => s.joinCode));
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('cards');
    expect(await accessibilityViolations(page)).toEqual([]);
    // On paper: no controls, six cards to an A4 page (looked at as page images).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button:visible, nav:visible, .topbar:visible').count()).toBe(0);
    const pdf = join(SCREENSHOTS, 'hallConsole-cards.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'hallConsole-cards-a4')]);
    const printed = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const pages = printed.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(1);
    for (const seat of all) expect(pages[0]).toContain(seat.name);
    expect(pages[0]).not.toContain('打印');
    await page.getByRole('link', { name: '返回评委席位' }).click();
    await page.getByTestId('seats').waitFor();
  }, 90_000);

  it('opens the round; the judges join on their phones', async () => {
    const panel = page.locator('.round-panel');
    await panel.getByRole('button', { name: '开始评分' }).click();
    await panel.getByRole('button', { name: '结束评分' }).waitFor();
    for (const seat of (await seatsOf()).filter((s) => s.status !== 'REVOKED')) {
      const joined = await api<{ joinRound: { token: string; seat: { label: string } } }>(
        'mutation($c: String!, $d: String) { joinRound(code: $c, device: $d) { token seat { label } } }',
        { c: seat.joinCode, d: `phone-${seat.label}` },
        null,
      );
      tokens.set(joined.joinRound.seat.label, joined.joinRound.token);
    }
    expect(tokens.size).toBe(5);
    await page.reload();
    const table = page.getByTestId('seat-table');
    await expect.poll(() => table.locator('.seat-status-joined').count()).toBe(5);
  }, 60_000);

  it('calls entrants on stage, times them (red over the limit), shows the missing sheets and reveals', async () => {
    const entries = (await entriesOf()).entries;
    const [first, second] = entries;
    const labels = [...tokens.keys()].sort();
    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '现场控制' }).click();
    const host = page.getByTestId('host-view');
    await host.waitFor();
    await host.getByText('还没有选手上台').waitFor();

    await host.getByRole('button', { name: `请上台：1 号 ${first!.cadre.name}` }).click();
    const stage = host.getByTestId('stage-card');
    await stage.getByText(first!.cadre.name).waitFor();
    // Not pitched yet: the gate refuses a sheet for the second entrant.
    const early = await score(labels[0]!, second!.id, [20, 30, 20]);
    expect(early).toMatchObject({ errors: [{ extensions: { reason: 'NOT_PITCHED' } }] });

    // A 10-second limit (the shortest the API takes), to see the timer go red without waiting five minutes.
    await api('mutation($r: ID!, $s: LiveSettingsInput!) { setLiveSettings(roundId: $r, settings: $s) { id } }', {
      r: roundId,
      s: { scoringGate: 'PITCHED', pitchLimitSeconds: 10, overtime: { perSeconds: 30, points: 0.5 }, requireSignOff: true },
    });
    await stage.getByRole('button', { name: '开始计时' }).click();
    await stage.getByRole('button', { name: '结束计时' }).waitFor();
    await stage.getByTestId('stage-over').waitFor({ timeout: 20_000 });
    expect(await stage.getByTestId('stage-over').textContent()).toMatch(/已超时 0:0\d，按规则将扣 0\.50 分/);
    expect(await stage.getByTestId('stage-timer').getAttribute('class')).toContain('stage-timer-over');

    // Three of five judges score; the two others are named.
    for (const label of labels.slice(0, 3)) expect((await score(label, first!.id, marksFor(label, 1))).errors).toBeUndefined();
    await expect.poll(async () => await stage.getByTestId('stage-missing').textContent()).toMatch(/还差 2 份评分/);
    const missing = await stage.getByTestId('stage-missing').textContent();
    for (const label of labels.slice(3)) expect(missing).toContain(label);
    expect(await stage.getByRole('button', { name: '亮分', exact: true }).isDisabled()).toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('host-over-missing');
    expect(await accessibilityViolations(page)).toEqual([]);

    await stage.getByRole('button', { name: '结束计时' }).click();
    await stage.getByText(/计时已结束，用时/).waitFor();
    await stage.getByText(/超时 0:\d\d，扣 0\.50 分/).waitFor();

    for (const label of labels.slice(3)) expect((await score(label, first!.id, marksFor(label, 1))).errors).toBeUndefined();
    await stage.getByText('全部 5 份评分已提交，可以亮分。').waitFor();
    await stage.getByRole('button', { name: '亮分', exact: true }).click();
    const reveal = host.getByTestId('last-reveal');
    await reveal.getByText(first!.cadre.name).waitFor();
    await stage.getByTestId('stage-revealed').waitFor();
    await shot('host-revealed');

    // 附加分 on top of the panel's result, with its reason.
    const before = await api('query($e: ID!) { entry(id: $e) { total } }', { e: first!.id });
    await stage.getByRole('button', { name: '加附加分' }).click();
    await stage.getByLabel('附加分（0–100，填 0 取消）').fill('2');
    await stage.getByLabel('理由', { exact: true }).fill('获评市级优秀案例');
    await shot('host-bonus');
    await stage.getByRole('button', { name: '保存附加分' }).click();
    await stage.getByText('附加分：2.00 分（获评市级优秀案例）。').waitFor();
    const after = await api('query($e: ID!) { entry(id: $e) { total bonus } }', { e: first!.id });
    expect(after.entry).toEqual({ total: Math.round((before.entry.total + 2) * 100) / 100, bonus: 2 });

    // The second entrant: four sheets, revealed anyway with a reason.
    await host.getByRole('button', { name: `请上台：2 号 ${second!.cadre.name}` }).click();
    await stage.getByText(second!.cadre.name).waitFor();
    for (const label of labels.slice(0, 4)) expect((await score(label, second!.id, marksFor(label, 2))).errors).toBeUndefined();
    await expect.poll(async () => await stage.getByTestId('stage-missing').textContent()).toMatch(/还差 1 份评分/);
    await stage.getByRole('button', { name: '强制亮分' }).click();
    await stage.getByLabel('强制亮分的理由').fill('评委钱志强手机没电，先亮分，赛后补录');
    await shot('host-force');
    expect(await accessibilityViolations(page)).toEqual([]);
    await stage.getByRole('button', { name: '确认强制亮分' }).click();
    await reveal.getByText(second!.cadre.name).waitFor();
    await reveal.getByText(/强制亮分，理由：评委钱志强手机没电/).waitFor();
    const state = await api('query($r: ID!) { liveState(roundId: $r) { reveal { entry { id } overrideReason } } }', { r: roundId });
    expect(state.liveState.reveal).toEqual({ entry: { id: second!.id }, overrideReason: '评委钱志强手机没电，先亮分，赛后补录' });

    // The rest of the show, quickly: each entrant on stage and every sheet in.
    await score(labels[4]!, second!.id, marksFor(labels[4]!, 2));
    for (const entry of entries.slice(2)) {
      await api('mutation($r: ID!, $e: ID!) { setOnStage(roundId: $r, entryId: $e) { id } }', { r: roundId, e: entry.id });
      for (const label of labels) expect((await score(label, entry.id, marksFor(label, entry.order))).errors).toBeUndefined();
      await api('mutation($e: ID!) { revealEntry(entryId: $e) { sequence } }', { e: entry.id });
    }
    await host.getByText(`共 ${entries.length} 位，已亮分 ${entries.length} 位`).waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('host-all');
  }, 120_000);

  it('shows who has signed off: 已签字, 签字已失效, 未签字', async () => {
    const labels = [...tokens.keys()].sort();
    for (const label of labels.slice(0, 4)) await api('mutation($r: ID!) { signOffSheets(roundId: $r) { valid } }', { r: roundId }, tokens.get(label)!);
    // J2 changes a mark after signing: the signature no longer holds.
    const entries = (await entriesOf()).entries;
    expect((await score(labels[1]!, entries[0]!.id, [29, 39, 29], 'changed-after-signing')).errors).toBeUndefined();

    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await tabs.getByRole('tab', { name: '评委签字' }).click();
    const panel = page.getByTestId('signoffs');
    await expect.poll(() => panel.locator('.sign-signed').count()).toBe(3);
    expect(await panel.locator('.sign-void').count()).toBe(1);
    expect(await panel.locator('.sign-unsigned').count()).toBe(1);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('signoffs');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it('closes and publishes with a 5-working-day notice period, adding next year’s holiday and giving a reason for the missing signatures', async () => {
    const panel = page.locator('.round-panel');
    await panel.getByRole('button', { name: '结束评分' }).click();
    await page.getByTestId('close-check').getByRole('button', { name: '结束评分' }).click();
    await panel.getByRole('button', { name: '发布成绩' }).click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('spinbutton', { name: '公示' }).inputValue()).toBe('5');
    await expect.poll(async () => await dialog.getByTestId('notice-preview').textContent()).toMatch(/^公示期至 \d{4}年\d{1,2}月\d{1,2}日 24:00/);
    const preview = (await dialog.getByTestId('notice-preview').textContent())!;
    // The day the API's deadline falls on (24:00 Beijing time is the next day's 00:00).
    const deadline = await api('query($f: DateTime!) { workingDayDeadline(from: $f, workingDays: 5) { endsAt } }', { f: new Date().toISOString() });
    const lastDay = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(
      new Date(Date.parse(deadline.workingDayDeadline.endsAt) - 1),
    );
    expect(preview).toContain(`公示期至 ${lastDay} 24:00`);
    expect(await dialog.getByTestId('publish-signoff').textContent()).toContain('5 位评委中 3 位已签字');

    // Next year's Spring Festival, before the built-in calendar knows it.
    await dialog.getByRole('button', { name: '节假日设置' }).click();
    const calendar = dialog.getByTestId('calendar-days');
    const nextYear = new Date().getFullYear() + 1;
    await calendar.getByLabel('日期', { exact: true }).fill(`${nextYear}-02-16`);
    await calendar.getByRole('radio', { name: '放假' }).check();
    await calendar.getByLabel('名称').fill('春节');
    await calendar.getByRole('button', { name: '添加日期' }).click();
    await calendar.getByRole('cell', { name: '春节' }).waitFor();
    const days = await api('query($y: Int!) { calendarDays(year: $y) { date workday name } }', { y: nextYear });
    expect(days.calendarDays).toContainEqual({ date: `${nextYear}-02-16`, workday: false, name: '春节' });
    await dialog.getByRole('button', { name: '节假日设置' }).click();

    expect(await dialog.getByRole('button', { name: '发布成绩' }).isDisabled()).toBe(true);
    await dialog.getByLabel('不等签字直接发布的理由').fill('评委钱志强因公出差，已电话确认评分无误');
    await dialog.scrollIntoViewIfNeeded();
    await shot('publish');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: '发布成绩' }).click();
    await expect.poll(async () => (await entriesOf()).status).toBe('PUBLISHED');
    const status = page.getByTestId('hall-status');
    await status.waitFor();
    expect(await status.textContent()).toContain(preview.replace(/^公示期至 /, '').replace(/（.*$/, ''));
  }, 90_000);

  it('answers the objections filed during the notice period; after an upheld one revises and publishes again', async () => {
    const entries = (await entriesOf()).entries;
    const file = (entryId: string, name: string, grounds: string) =>
      api<{ fileObjection: { id: string } }>(
        'mutation($i: ObjectionInput!) { fileObjection(input: $i) { id } }',
        { i: { roundId, entryId, name, contact: '13800000000', grounds } },
        null,
      );
    await file(entries[0]!.id, '赵群众', '1 号选手的现场答辩超时，但评分未体现。');
    await file(entries[1]!.id, '钱同志', '2 号选手亮分时缺一位评委的评分，结果不完整。');

    const tabs = page.getByRole('tablist', { name: '本轮的工作' });
    await page.reload();
    await tabs.getByRole('tab', { name: '公示与异议（2 件待答复）' }).waitFor();
    await tabs.getByRole('tab', { name: /公示与异议/ }).click();
    const list = page.getByTestId('objections');
    await expect.poll(() => list.locator('li.objection').count()).toBe(2);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('objections');
    expect(await accessibilityViolations(page)).toEqual([]);

    const firstItem = list.locator('li.objection').first();
    await firstItem.getByRole('radio', { name: '异议不成立' }).check();
    await firstItem.getByLabel('答复意见').fill('经核查，1 号选手超时已按规则扣 0.50 分，评分无误。');
    await firstItem.getByRole('button', { name: '提交答复' }).click();
    await firstItem.getByText('答复（不成立）').waitFor();

    const second = list.locator('li.objection').nth(1);
    await second.getByRole('radio', { name: '异议成立' }).check();
    await second.getByLabel('答复意见').fill('经核查，2 号选手亮分时确缺一份评分，重新核定成绩。');
    await second.getByRole('button', { name: '提交答复' }).click();
    await second.getByText('答复（成立）').waitFor();
    await second.getByRole('button', { name: '重新核定' }).click();
    await second.locator('.confirm').getByRole('button', { name: '重新核定' }).click();
    await expect.poll(async () => (await entriesOf()).status).toBe('CLOSED');
    await page
      .getByTestId('notice-state')
      .getByText(/本轮已退回重新核定/)
      .waitFor();
    await shot('revising');

    // The correction, with the existing tools: the sheet J1 gave the second entrant is voided.
    const sheets = await api<{ assessment: { sheets: { id: string; judgeLabel: string }[] } }>(
      'query($e: ID!) { assessment(entryId: $e) { sheets { id judgeLabel } } }',
      { e: entries[1]!.id },
    );
    const j1 = sheets.assessment.sheets.find((s) => s.judgeLabel === [...tokens.keys()].sort()[0])!;
    await api('mutation($s: ID!, $r: String!) { voidSheet(sheetId: $s, reason: $r) { id } }', { s: j1.id, r: '异议成立：重新核定' });

    // Published again: the second publication lists what changed.
    const panel = page.locator('.round-panel');
    await panel.getByRole('button', { name: '发布成绩' }).click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.waitFor();
    // J2's and J5's signatures are still missing: the reason again.
    await dialog.getByLabel('不等签字直接发布的理由').fill('评委钱志强因公出差，已电话确认评分无误');
    await dialog.getByRole('button', { name: '发布成绩' }).click();
    await expect.poll(async () => (await entriesOf()).status).toBe('PUBLISHED');
    const publications = page.getByTestId('publications');
    await expect.poll(() => publications.locator('li.publication').count()).toBe(2);
    const latest = publications.locator('li.publication').first();
    expect(await latest.textContent()).toContain('第 2 次发布');
    expect(await latest.textContent()).toContain(`发布人 ${DEMO_ORGANIZER.name}`);
    await latest.locator('tbody tr', { hasText: entries[1]!.cadre.name }).waitFor();
    expect(await list.locator('li.objection').first().textContent()).toContain(`${DEMO_ORGANIZER.name} 于`);
    // The revision is done: no second 重新核定 for the same objection.
    expect(await list.getByRole('button', { name: '重新核定' }).count()).toBe(0);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('republished');
    await publications.scrollIntoViewIfNeeded();
    await shot('publications');

    // In English on request: the same tabs and panels, nothing left in Chinese but names.
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('tab', { name: 'Live control' }).click();
    await page.getByTestId('host-view').getByText('Scoring has ended; live control is for viewing only.').waitFor();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('host-en');
    await page.getByRole('tab', { name: 'Notice and objections' }).click();
    await page.getByTestId('objections').waitFor();
    await shot('notice-en');
    await page.getByRole('button', { name: '切换到中文' }).click();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
