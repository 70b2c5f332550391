import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { launchPhones } from './story/phones.js';
import { accessibilityViolations, SCREENSHOTS, startWebApp, type WebApp } from './support.js';

/**
 * Citizens rate a government service counter by its QR code on their phones (390×844): the page
 * at a point's ratingUrl, TWO_LEVEL and FIVE_LEVEL campaigns, a 差评 with its reasons and a phone
 * number for the 回访, the refusals worded in Chinese (already rated, a stopped QR code, a campaign
 * not open, an unknown code), a network that drops on submit (sent again, counted once), a signed
 * form that expired (fetched again by itself), a counter's single-use ref and the English switch.
 * Every rating counted is checked through the API afterwards.
 */

let app: WebApp;
let phones: Awaited<ReturnType<typeof launchPhones>>;
const contexts: BrowserContext[] = [];
const organizer = () => app.token(DEMO_ORGANIZER.id);
/** This month in Beijing: the campaign's period must cover today. */
const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());

interface Point {
  id: string;
  name: string;
  code: string;
  ratingUrl: string;
}
interface Campaign {
  unitId: string;
  roundId: string;
  points: Point[];
}
let two: Campaign;
let five: Campaign;
let closed: Campaign;
/** Receipts shown, by who rated. */
const receipts = new Map<string, string>();

async function api<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const answer = await app.gql<T>(organizer(), query, variables);
  if (answer.errors?.length) throw new Error(`${query.slice(0, 80)}: ${JSON.stringify(answer.errors)}`);
  return answer.data!;
}

/** A unit, a campaign (competition) with a PUBLIC_RATING round of this month (opened unless asked), and its service points. */
async function campaign(unitName: string, scale: 'TWO_LEVEL' | 'FIVE_LEVEL', points: string[], open = true): Promise<Campaign> {
  const { createUnit } = await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: unitName, kind: 'DEPARTMENT' } });
  const { createCompetition } = await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
    i: { name: `${unitName}群众满意度评议` },
  });
  const { createRound } = await api('mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: {
      competitionId: createCompetition.id,
      name: `${MONTH.replace('-', '年')}月服务评议`,
      leaderboardVisibility: 'LIVE',
      method: { kind: 'PUBLIC_RATING', period: MONTH, scale, minRatings: 1, rankBy: 'SATISFACTION', callbackWorkingDays: 1, rectificationWorkingDays: 5 },
    },
  });
  await api('mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }', {
    r: createRound.id,
    e: [{ unitId: createUnit.id, title: unitName, order: 1 }],
  });
  if (open) await api('mutation($id: ID!) { openRound(id: $id) { status } }', { id: createRound.id });
  const { createServicePoints } = await api<{ createServicePoints: Point[] }>(
    'mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id name code ratingUrl } }',
    { i: { unitId: createUnit.id, competitionId: createCompetition.id, points: points.map((name) => ({ name, kind: 'COUNTER' })) } },
  );
  return { unitId: createUnit.id, roundId: createRound.id, points: createServicePoints };
}

const FIGURES = 'query($r: ID!, $u: ID!, $p: ID) { ratingFigures(roundId: $r, unitId: $u, pointId: $p) { count byLevel { level count } } }';
async function counted(c: Campaign, pointId?: string): Promise<number> {
  return (await api<{ ratingFigures: { count: number } }>(FIGURES, { r: c.roundId, u: c.unitId, p: pointId ?? null })).ratingFigures.count;
}

/** A citizen's phone (a browser context of its own: its own device id and storage) on a path. */
async function phone(path: string): Promise<Page> {
  const context = await phones.phone();
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${app.origin}${path}`);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `rate-${name}.png`), fullPage: true });
const heading = (page: Page) => page.locator('h1');
/** Waits for text in the page's view (main), not in the screen-reader announcer beside it that repeats it. */
const shows = (page: Page, text: string, options: { exact?: boolean } = {}) => page.locator('main').getByText(text, options).waitFor();
const radio = (page: Page, name: string) => page.getByRole('radio', { name, exact: true });
const send = (page: Page) => page.locator('#send');

async function headingIs(page: Page, text: string): Promise<void> {
  await expect.poll(() => heading(page).textContent()).toBe(text);
}

/** Fits 390 px without scrolling sideways; every control is at least 44 px each way. */
async function phoneSized(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, label.level, label.reason, textarea, input[type="tel"]')]
      .map((e) => ({ what: (e.textContent || e.id).trim().slice(0, 20), box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.height < 44 || box.width < 44))
      .map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`),
  );
  expect(small).toEqual([]);
}

/** The submitRating requests a page sends. */
function submissions(page: Page): { count: number } {
  const seen = { count: 0 };
  page.on('request', (request) => {
    if (request.url().endsWith('/graphql') && request.postData()?.includes('submitRating')) seen.count += 1;
  });
  return seen;
}

beforeAll(async () => {
  app = await startWebApp();
  phones = await launchPhones();
  await mkdir(SCREENSHOTS, { recursive: true });
  two = await campaign('西宁市城东区政务服务中心', 'TWO_LEVEL', ['1号综合受理窗口', '2号社保窗口', '3号不动产窗口']);
  five = await campaign('城东区不动产登记中心', 'FIVE_LEVEL', ['综合服务窗口']);
  closed = await campaign('城东区税务服务厅', 'TWO_LEVEL', ['办税窗口'], false);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await phones?.browser.close();
  await app?.close();
});

describe('a citizen rates a counter by its QR code', () => {
  it('scans the code, sees the unit, the counter and the round, rates 满意 and gets a receipt with no 回访', async () => {
    const [counter] = two.points;
    const page = await phone(counter!.ratingUrl);
    await headingIs(page, '1号综合受理窗口');
    await shows(page, '西宁市城东区政务服务中心', { exact: true });
    await shows(page, `评议活动：${MONTH.replace('-', '年')}月服务评议`);
    expect(await page.evaluate(() => document.title)).toBe('服务评价');
    const group = page.getByRole('radiogroup', { name: '您对本次服务满意吗？' });
    expect(await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      '满意',
      '不满意',
    ]);
    // A 满意 asks for no reason and no phone number.
    expect(await page.locator('#phone').count()).toBe(0);
    await phoneSized(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'form');

    const sent = submissions(page);
    await radio(page, '满意').check();
    await shot(page, 'satisfied-chosen');
    await send(page).click();
    await headingIs(page, '感谢您的评价');
    await shows(page, '您的评价：满意');
    await shows(page, '无需回访。您的评价将计入这个窗口的满意度。');
    const id = (await page.locator('#receipt-id').textContent())!;
    // The rating's own 26 characters in groups of four, to read out on a call (not the round's internal id).
    expect(id).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){5} [0-9A-Z]{2}$/);
    receipts.set('first', id);
    expect(sent.count).toBe(1);
    await phoneSized(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'receipt');
    expect(await counted(two, counter!.id)).toBe(1);
  }, 60_000);

  it('rates 不满意: is told in Chinese to pick a reason, picks one, leaves a phone number and is told a 回访 will follow; the same phone cannot rate the counter again today', async () => {
    const [counter] = two.points;
    const page = await phone(counter!.ratingUrl);
    await headingIs(page, '1号综合受理窗口');
    const sent = submissions(page);
    await radio(page, '不满意').check();
    await page.getByRole('group', { name: '不满意的原因（必选，可多选）' }).waitFor();
    await shows(page, '只用于工作人员就这次评价给您回电。号码加密保存，经办人员只能看到部分号码（如 138****5678）', { exact: false });
    await send(page).click();
    const required = page.locator('#reasons-error');
    await required.waitFor();
    expect(await required.textContent()).toBe('请在「不满意的原因」中至少选择一项，以便单位核实整改。');
    // Nothing was sent; the focus is on the first reason, the group says why it is invalid.
    expect(sent.count).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reason-0');
    expect(await page.locator('#reasons').getAttribute('aria-describedby')).toBe('reasons-error');
    await phoneSized(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'reasons-required');

    await page.getByRole('checkbox', { name: '办事效率低' }).check();
    expect(await required.count()).toBe(0);
    const comment = '排队等了一个多小时，叫号屏坏了也没人管。';
    await page.getByLabel('意见和建议（选填）').fill(comment);
    await shows(page, `已输入 ${comment.length} / 500 字`);
    // A typo in the number is named before anything is sent.
    await page.getByLabel('手机号码（选填，用于回访）').fill('138 1234 567');
    await send(page).click();
    await shows(page, '「手机号码」格式不对：请填写 11 位手机号，如 138 1234 5678；不需要回访可以留空。');
    expect(sent.count).toBe(0);
    await page.getByLabel('手机号码（选填，用于回访）').fill('138 1234 5678');
    // Put right, the number loses its message at once.
    expect(await page.locator('#phone-error').count()).toBe(0);
    await shot(page, 'bad-filled');
    await send(page).click();
    await headingIs(page, '感谢您的评价');
    await shows(page, '将安排回访：工作人员会按您留下的电话联系您，了解情况并告诉您整改结果。');
    const id = (await page.locator('#receipt-id').textContent())!;
    receipts.set('bad', id);
    expect(sent.count).toBe(1);
    await shot(page, 'receipt-callback');

    // Those handling the case see the number masked; the reasons and comment as given.
    const { ratingCases } = await api<{ ratingCases: { id: string; rating: { phone: string; level: string; reasons: string[]; comment: string } }[] }>(
      'query($r: ID!) { ratingCases(roundId: $r) { id rating { phone level reasons comment } } }',
      { r: two.roundId },
    );
    expect(ratingCases).toEqual([{ id: expect.any(String), rating: { phone: '138****5678', level: 'DISSATISFIED', reasons: ['办事效率低'], comment } }]);
    // The receipt number shown is the case's own part of its id, in groups of four.
    const caseId = ratingCases[0]!.id;
    expect(id).toBe(
      caseId
        .slice(caseId.lastIndexOf('~') + 1)
        .match(/.{1,4}/gu)!
        .join(' '),
    );

    // The same phone, the same counter, the same day.
    await page.goto(`${app.origin}${counter!.ratingUrl}`);
    await headingIs(page, '1号综合受理窗口');
    await radio(page, '满意').check();
    await send(page).click();
    await headingIs(page, '您今天已经评价过这个窗口');
    await shows(page, '每部手机每天可以对同一个窗口评价一次。感谢您的参与！');
    await shows(page, '今天的回执号');
    expect(await page.locator('#receipt-id').textContent()).toBe(id);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'already-rated');
    expect(await counted(two, counter!.id)).toBe(2);
  }, 60_000);

  it('takes one rating per counter’s single-use ref (一次一评), names a ref already used, and lets a forged ref be left out', async () => {
    const [counter] = two.points;
    const { ratingRefs } = await api<{ ratingRefs: string[] }>('query($p: ID!) { ratingRefs(pointId: $p, count: 1) }', { p: counter!.id });
    const url = `${counter!.ratingUrl}?ref=${encodeURIComponent(ratingRefs[0]!)}`;
    const first = await phone(url);
    await radio(first, '满意').check();
    await send(first).click();
    await headingIs(first, '感谢您的评价');
    const second = await phone(url);
    await radio(second, '满意').check();
    await send(second).click();
    await headingIs(second, '这次服务已经评价过了');
    await shows(second, '每次服务只能评价一次（一次一评）。感谢您的参与！');
    await shot(second, 'ref-used');
    expect(await counted(two, counter!.id)).toBe(3);

    // A ref the counter's system never issued for this counter: said so, and the rating can go without it.
    const forged = await phone(`${counter!.ratingUrl}?ref=${ratingRefs[0]!.slice(0, -3)}zzz`);
    await radio(forged, '满意').check();
    await send(forged).click();
    await shows(forged, '链接里的服务编号无效（可能不属于这个窗口）。您可以不带服务编号继续提交。');
    expect(await accessibilityViolations(forged)).toEqual([]);
    await shot(forged, 'ref-invalid');
    await forged.getByRole('button', { name: '不带服务编号提交' }).click();
    await headingIs(forged, '感谢您的评价');
    expect(await counted(two, counter!.id)).toBe(4);
  }, 60_000);

  it('stops a rotated QR code: a page opened before the rotation is told on submit, the old code says so on opening, and the new code finds what was entered', async () => {
    const point = two.points[1]!;
    const page = await phone(point.ratingUrl);
    await headingIs(page, '2号社保窗口');
    await radio(page, '满意').check();
    await page.getByLabel('意见和建议（选填）').fill('窗口人员很耐心，一次就办好了。');
    const { rotateServicePointCode } = await api<{ rotateServicePointCode: Point }>(
      'mutation($id: ID!) { rotateServicePointCode(id: $id) { code ratingUrl } }',
      {
        id: point.id,
      },
    );
    await send(page).click();
    await headingIs(page, '此二维码已停用');
    await shows(page, '这个窗口已经换了新的二维码。请扫描窗口现在张贴的最新二维码进行评价。');
    expect(await accessibilityViolations(page)).toEqual([]);
    await phoneSized(page);
    await shot(page, 'code-stopped');

    const other = await phone(point.ratingUrl);
    await headingIs(other, '此二维码已停用');

    // The citizen scans the new code on the same phone: the choice and the comment are still there.
    await page.goto(`${app.origin}${rotateServicePointCode.ratingUrl}`);
    await headingIs(page, '2号社保窗口');
    expect(await radio(page, '满意').isChecked()).toBe(true);
    expect(await page.getByLabel('意见和建议（选填）').inputValue()).toBe('窗口人员很耐心，一次就办好了。');
    await send(page).click();
    await headingIs(page, '感谢您的评价');
    expect(await counted(two, point.id)).toBe(1);

    const unknown = await phone('/rate/NOSUCHCODE');
    await headingIs(unknown, '未找到此二维码');
    await shot(unknown, 'code-unknown');
  }, 60_000);

  it('offers five levels in a FIVE_LEVEL campaign; a 非常不满意 without a phone number opens a case with no call back', async () => {
    const [point] = five.points;
    const page = await phone(point!.ratingUrl);
    await headingIs(page, '综合服务窗口');
    const group = page.getByRole('radiogroup', { name: '您对本次服务满意吗？' });
    expect(await group.getByRole('radio').evaluateAll((radios) => radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    await phoneSized(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'five-levels');
    await radio(page, '非常不满意').check();
    await page.getByRole('checkbox', { name: '服务态度差' }).check();
    await page.getByRole('checkbox', { name: '多次跑腿' }).check();
    await phoneSized(page);
    await shot(page, 'five-levels-bad');
    await send(page).click();
    await headingIs(page, '感谢您的评价');
    await shows(page, '您的评价：非常不满意');
    await shows(page, '已转交单位核实整改。您没有留电话，所以不会电话回访。');
    const { ratingFigures } = await api<{ ratingFigures: { count: number; byLevel: { level: string; count: number }[] } }>(FIGURES, {
      r: five.roundId,
      u: five.unitId,
    });
    expect(ratingFigures.count).toBe(1);
    expect(ratingFigures.byLevel.find((l) => l.level === 'VERY_DISSATISFIED')?.count).toBe(1);
  }, 60_000);

  it('says when the campaign is not open', async () => {
    const page = await phone(closed.points[0]!.ratingUrl);
    await headingIs(page, '评议暂未开放或已结束');
    await shows(page, '城东区税务服务厅 · 办税窗口');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'closed');
  }, 60_000);
});

describe('on a weak network', () => {
  it('keeps what was entered when the network drops on submit, and sends it again once', async () => {
    const point = two.points[2]!;
    const page = await phone(point.ratingUrl);
    await headingIs(page, '3号不动产窗口');
    const sent = submissions(page);
    let attempts = 0;
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('submitRating')) return route.continue();
      attempts += 1;
      if (attempts === 1) return route.abort('internetdisconnected');
      // The second try is slow: the page says it is sending, and a second tap sends nothing more.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return route.continue();
    });
    await radio(page, '满意').check();
    await page.getByLabel('意见和建议（选填）').fill('材料一次说清楚了，好评。');
    await send(page).click();
    await shows(page, '网络不稳定，评价还没有确认送达。您填写的内容都已保留，请点“重新提交”；重复提交不会重复计数。');
    expect(await send(page).textContent()).toBe('重新提交');
    expect(await radio(page, '满意').isChecked()).toBe(true);
    expect(await page.getByLabel('意见和建议（选填）').inputValue()).toBe('材料一次说清楚了，好评。');
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'network-failed');
    expect(await counted(two, point.id)).toBe(0);

    await send(page).click();
    await page.locator('#send', { hasText: '正在提交…' }).waitFor();
    expect(await send(page).getAttribute('aria-disabled')).toBe('true');
    await shot(page, 'sending');
    await send(page).click({ force: true });
    await headingIs(page, '感谢您的评价');
    expect(attempts).toBe(2);
    expect(sent.count).toBe(2);
    expect(await counted(two, point.id)).toBe(1);
  }, 60_000);

  it('counts a rating whose answer was lost once: sent again, it is recognised as already received', async () => {
    const point = two.points[2]!;
    const page = await phone(point.ratingUrl);
    await headingIs(page, '3号不动产窗口');
    let attempts = 0;
    await page.route('**/graphql', async (route) => {
      if (!route.request().postData()?.includes('submitRating')) return route.continue();
      attempts += 1;
      if (attempts > 1) return route.continue();
      // The rating reaches the API and is stored; its answer never reaches the phone.
      await route.fetch();
      return route.abort('connectionreset');
    });
    await radio(page, '满意').check();
    await send(page).click();
    await page.locator('#send', { hasText: '重新提交' }).waitFor();
    expect(await counted(two, point.id)).toBe(2);
    await send(page).click();
    await headingIs(page, '您的评价已送达');
    await shows(page, '上次提交时网络中断了，但评价已经记录，不会重复计数。感谢您的评价！');
    await shot(page, 'received-after-retry');
    expect(attempts).toBe(2);
    expect(await counted(two, point.id)).toBe(2);
  }, 60_000);

  it('fetches a fresh form by itself when the signed form has expired, and sends the same rating with it', async () => {
    const [counter] = two.points;
    const page = await phone(counter!.ratingUrl);
    await headingIs(page, '1号综合受理窗口');
    const operations: string[] = [];
    await page.route('**/graphql', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as { query: string; variables: { input?: { form: string } } };
      const submitting = body.query.includes('submitRating');
      operations.push(submitting ? 'submitRating' : 'ratingForm');
      // The first submission carries a form the API no longer accepts (as one opened hours ago would).
      if (submitting && operations.filter((o) => o === 'submitRating').length === 1) {
        body.variables.input!.form += 'x';
        return route.continue({ postData: JSON.stringify(body) });
      }
      return route.continue();
    });
    await radio(page, '满意').check();
    await send(page).click();
    await headingIs(page, '感谢您的评价');
    expect(operations).toEqual(['submitRating', 'ratingForm', 'submitRating']);
    expect(await counted(two, counter!.id)).toBe(5);
  }, 60_000);

  it('has counted every rating accepted, and no other', async () => {
    // 1号: 满意, 不满意, the ref, one without the forged ref, the expired form; 2号: one after rotation; 3号: two on a weak network.
    expect(await counted(two)).toBe(8);
    const { verifyRatings } = await api<{ verifyRatings: { ok: boolean; counted: number; stored: number } }>(
      'query($r: ID!) { verifyRatings(roundId: $r) { ok counted stored } }',
      { r: two.roundId },
    );
    expect(verifyRatings).toEqual({ ok: true, counted: 8, stored: 8 });
  });
});

describe('in English', () => {
  it('switches to English and back without losing what was typed, and remembers the choice', async () => {
    const [counter] = two.points;
    const page = await phone(counter!.ratingUrl);
    await headingIs(page, '1号综合受理窗口');
    await radio(page, '不满意').check();
    await page.getByRole('checkbox', { name: '服务态度差' }).check();
    await page.getByLabel('意见和建议（选填）').fill('希望增加周末窗口');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('radiogroup', { name: 'Were you satisfied with this service?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.evaluate(() => document.title)).toBe('Rate this service');
    expect(await radio(page, 'Dissatisfied').isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: '服务态度差' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Comments and suggestions (optional)').inputValue()).toBe('希望增加周末窗口');
    await shows(page, 'Campaign: ');
    await phoneSized(page);
    expect(await accessibilityViolations(page)).toEqual([]);
    await shot(page, 'english');

    await page.reload();
    await page.getByRole('radiogroup', { name: 'Were you satisfied with this service?' }).waitFor();
    // Unsent, the entry survives the reload too.
    expect(await radio(page, 'Dissatisfied').isChecked()).toBe(true);
    expect(await page.getByLabel('Comments and suggestions (optional)').inputValue()).toBe('希望增加周末窗口');
    await page.getByRole('button', { name: '切换到中文' }).click();
    await page.getByRole('radiogroup', { name: '您对本次服务满意吗？' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('language');
  }, 60_000);
});
