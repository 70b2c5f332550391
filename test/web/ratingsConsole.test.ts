import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER, DEMO_VIEWER } from '../../src/local/seed.js';
import { accessibilityViolations, organizerPage, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * A year of citizens' ratings (群众评议) in a district, as its assessment office runs it on a
 * 1366×768 laptop: the office creates the campaign's round in the browser (two levels, its
 * own reasons, ranked from 3 ratings on the lower confidence bound) and enrols four service
 * units; sets up the service points of 政务服务中心, rotates one code and moves a point to
 * another unit; prints the QR cards on A4. Citizens rate anonymously through the API, as
 * their phones would, and the 好差评 platform's export (a GBK CSV) is imported. The office
 * then works one 差评 from 待回访 to 已办结 with an accountability record, has another
 * appealed and the appeal upheld (its rating leaves the figures), meets a case someone
 * else moved on, refreshes the ranking and reads it on the results page and the big screen.
 */

let app: WebApp;
let page: Page;
let organizer: string;
let roundId: string;
const units: Record<string, string> = {};

const COMPETITION = '城中区政务服务“好差评”群众满意度评议';
const DISTRICT = '城中区';
const A = '政务服务中心';
const B = '不动产登记中心';
const C = '医保服务中心';
const D = '公安分局出入境管理科';

/** This year in Beijing: the campaign rates the whole year, so ratings imported from weeks ago count. */
const beijingNow = () => new Date(Date.now() + 8 * 3600_000);
const YEAR = beijingNow().getUTCFullYear();
/** Three weeks ago (but this year): its 差评 is overdue by now, unless the year is only days old. */
const IMPORTED_AT = new Date(Math.max(Date.UTC(YEAR, 0, 2, 2), Date.now() - 21 * 86_400_000));
const EXPECT_OVERDUE = Date.now() - IMPORTED_AT.getTime() > 14 * 86_400_000;
const beijingText = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A case's card on its own: the sticky top bar kept out of the picture. */
const UNSTICK = '.topbar { position: static !important; }';
const shot = (p: Page, name: string, fullPage = false) => p.screenshot({ path: join(SCREENSHOTS, `ratingsConsole-${name}.png`), fullPage });

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

type Point = { id: string; name: string; code: string; ratingUrl: string };
const pointsOf = async (unit: string) =>
  (await api<{ servicePoints: Point[] }>('query($u: ID!) { servicePoints(unitId: $u) { id name code ratingUrl } }', { u: units[unit] })).servicePoints;

let device = 0;
/** A citizen's phone: the form of the scanned code, then the rating, without any token. */
async function rate(code: string, level: 'SATISFIED' | 'DISSATISFIED', extra: { reasons?: string[]; comment?: string; phone?: string } = {}) {
  const { ratingForm } = await api<{ ratingForm: { form: string; open: boolean } }>(
    'query($c: String!) { ratingForm(code: $c) { form open } }',
    { c: code },
    null,
  );
  expect(ratingForm.open).toBe(true);
  return api<{ submitRating: { id: string; caseOpened: boolean } }>(
    'mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id caseOpened } }',
    { i: { form: ratingForm.form, level, device: `citizen-phone-${device++}-x`, ...extra } },
    null,
  );
}

const caseRow = (text: string) => page.getByTestId('case-table').locator('tbody tr', { hasText: text });
const detail = () => page.getByTestId('case-detail');

beforeAll(async () => {
  app = await startWebApp();
  organizer = app.token(DEMO_ORGANIZER.id);
  await mkdir(SCREENSHOTS, { recursive: true });
  const { createUnit: district } = await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: DISTRICT, kind: 'DISTRICT' } });
  units[DISTRICT] = district.id;
  for (const name of [A, B, C, D]) {
    const { createUnit } = await api('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', {
      i: { name, kind: 'DEPARTMENT', parentId: district.id },
    });
    units[name] = createUnit.id;
  }
  await api('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name: COMPETITION } });
  page = await organizerPage(app);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('citizens’ ratings, from the organizer’s side', () => {
  it('creates the campaign’s round in the form and enrols four units with the unit picker', async () => {
    await page.reload();
    await page.locator('.console-side article', { hasText: COMPETITION }).getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByRole('radio', { name: /群众评议（好差评）/ }).check();
    expect(await form.getByLabel('轮次名称').inputValue()).toMatch(/^\d{4}年\d{1,2}月群众满意度评议$/);
    await form.getByLabel('选择评议期').selectOption({ label: `${YEAR}年` });
    expect(await form.getByLabel('轮次名称').inputValue()).toBe(`${YEAR}年群众满意度评议`);
    // The standard reasons are proposed; one goes, one of the office's own comes.
    const reasons = form.getByTestId('reason-list');
    expect(await reasons.locator('.reason-text').allTextContents()).toEqual([
      '服务态度差',
      '办事效率低',
      '业务不熟练',
      '多次跑腿',
      '未一次性告知',
      '环境设施差',
    ]);
    await form.getByRole('button', { name: '删除“环境设施差”' }).click();
    await form.getByLabel('新增原因').fill('窗口无人值守');
    await form.getByRole('button', { name: '添加原因' }).click();
    await form.getByLabel('参加排名至少需要的评价条数').fill('3');
    expect(await form.getByRole('radio', { name: /按满意率的可信下限排名/ }).isChecked()).toBe(true);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'new-round', true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '创建' }).click();

    const panel = page.locator('.round-panel');
    await panel.getByRole('heading', { name: new RegExp(`${YEAR}年群众满意度评议`) }).waitFor();
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    expect(await panel.getByTestId('method-summary').textContent()).toBe(
      `评议期 ${YEAR}年 · 两级评价（满意 / 不满意） · 满 3 条评价参加排名 · 按满意率可信下限排名 · 回访 1 个工作日、办结 5 个工作日 · 差评原因 6 项：服务态度差、办事效率低、业务不熟练、多次跑腿、未一次性告知、窗口无人值守`,
    );

    const picker = page.getByTestId('unit-picker');
    await picker.getByLabel('上级单位').selectOption({ label: DISTRICT });
    await expect.poll(() => picker.locator('tbody tr').count()).toBe(4);
    await picker.getByLabel('全选列表中未加入的 4 个单位').check();
    await picker.getByRole('button', { name: '添加所选 4 个单位' }).click();
    await picker.getByText('已添加 4 个单位').waitFor();
    await expect.poll(() => page.getByTestId('rating-units').locator('tbody tr').count()).toBe(4);
    await panel.getByRole('button', { name: '开始评议' }).click();
    await page.getByTestId('close-check').getByRole('button', { name: '开始评议' }).click();
    await page.getByRole('tab', { name: '回访整改' }).waitFor();
    const { round } = await api('query($id: ID!) { round(id: $id) { status entryCount method { ... on RatingsMethod { period minRatings reasons } } } }', {
      id: roundId,
    });
    expect(round).toMatchObject({ status: 'OPEN', entryCount: 4, method: { period: String(YEAR), minRatings: 3 } });
    expect(round.method.reasons).toContain('窗口无人值守');
  }, 120_000);

  it('sets up the service points of a unit: adds five, rotates a code, moves one to another unit', async () => {
    await page.locator('.topnav').getByRole('link', { name: '服务点与二维码' }).click();
    const screen = page.getByTestId('service-points');
    await screen.getByLabel('评议活动', { exact: true }).selectOption({ label: `${COMPETITION}（${YEAR}年）` });
    await screen.getByLabel('单位', { exact: true }).selectOption({ label: `${DISTRICT}/${A}` });
    await screen.getByText('该单位还没有服务点。').waitFor();
    const add = screen.getByTestId('add-points');
    const wanted: [string, string][] = [
      ['1号综合受理窗口', '窗口'],
      ['2号综合受理窗口', '窗口'],
      ['综合受理大厅', '大厅'],
      ['网上办事大厅', '网上'],
      ['临时咨询台', '工作人员'],
    ];
    for (const [i, [name, kind]] of wanted.entries()) {
      if (i > 0) await add.getByRole('button', { name: '再加一行' }).click();
      await add.getByLabel(`第 ${i + 1} 个服务点名称`).fill(name);
      await add.getByLabel(`第 ${i + 1} 个服务点类型`).selectOption({ label: kind });
    }
    await add.getByRole('button', { name: '新增 5 个服务点' }).click();
    await add.getByText('已新增 5 个服务点。').waitFor();
    const table = screen.getByTestId('point-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    const before = await pointsOf(A);
    const codeOf = (list: Point[], name: string) => list.find((p) => p.name === name)!.code;
    // Each row shows its code and the absolute link its QR code carries.
    const first = table.locator('tbody tr', { hasText: '1号综合受理窗口' });
    expect(await first.locator('a').textContent()).toBe(`${app.origin}/rate/${codeOf(before, '1号综合受理窗口')}`);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A new code: the old one is refused at once.
    await first.getByRole('button', { name: '更换二维码' }).click();
    expect(await first.getByRole('group').textContent()).toContain('旧二维码立即失效');
    await shot(page, 'points-rotate');
    await first.getByRole('button', { name: '确认更换' }).click();
    await screen.getByText(/“1号综合受理窗口”已换用新二维码/).waitFor();
    const rotated = await pointsOf(A);
    expect(codeOf(rotated, '1号综合受理窗口')).not.toBe(codeOf(before, '1号综合受理窗口'));
    const refused = await gql(null, 'query($c: String!) { ratingForm(code: $c) { open } }', { c: codeOf(before, '1号综合受理窗口') });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ reason: 'CODE_ROTATED' });

    // One rating at the information desk before it moves: it stays with 政务服务中心.
    await rate(codeOf(before, '临时咨询台'), 'SATISFIED');
    const desk = table.locator('tbody tr', { hasText: '临时咨询台' });
    await desk.getByRole('button', { name: '移至其他单位' }).click();
    await desk.getByLabel('移至单位').selectOption({ label: `${DISTRICT}/${C}` });
    expect(await desk.getByRole('group').textContent()).toContain('已经收到的评价仍算原单位的');
    await desk.getByRole('button', { name: '确认移动' }).click();
    await screen.getByText(`“临时咨询台”已移至${DISTRICT}/${C}，请打印新卡片。`).waitFor();
    // Its new card prints on its own, under its new unit.
    expect(await screen.getByRole('link', { name: '只打印这张新卡片' }).getAttribute('href')).toMatch(new RegExp(`unit=${units[C]}.*&point=`));
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'points');
    expect((await pointsOf(C)).map((p) => p.name)).toEqual(['临时咨询台']);
  }, 120_000);

  it('prints the unit’s QR cards on A4: six to a page, no controls on paper', async () => {
    await page.getByRole('link', { name: '打印二维码卡片' }).click();
    await page.waitForURL(/\/organizer\/service-points\/print\?/);
    const cards = page.getByTestId('rate-cards');
    await expect.poll(() => cards.locator('[data-testid="rate-qr"]').count()).toBe(4);
    const points = await pointsOf(A);
    const card = await cards.locator('article.rate-card', { hasText: '1号综合受理窗口' }).textContent();
    expect(card).toContain(A);
    expect(card).toContain('扫码评价');
    expect(card).toContain(points.find((p) => p.name === '1号综合受理窗口')!.code);
    const first = await cards.locator('article.rate-card').first().textContent();
    expect(first).toContain(COMPETITION);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'cards');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button:visible, nav:visible, .topbar:visible').count()).toBe(0);
    const pdf = join(SCREENSHOTS, 'ratingsConsole-cards.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(SCREENSHOTS, 'ratingsConsole-cards-a4')]);
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages).toHaveLength(1);
    for (const p of points) expect(pages[0]).toContain(p.code);
    expect(pages[0]).not.toContain('打印');
  }, 90_000);

  it('takes the citizens’ ratings (anonymous) and imports the platform’s export, a GBK CSV, once', async () => {
    const ofA = await pointsOf(A);
    const named = (name: string) => ofA.find((p) => p.name === name)!;
    const [a1, a2, hall] = [named('1号综合受理窗口'), named('2号综合受理窗口'), named('综合受理大厅')];
    const [b1] = await api<{ createServicePoints: Point[] }>(
      'mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id name code ratingUrl } }',
      { i: { unitId: units[B], competitionId: await competitionId(), points: [{ name: '不动产登记窗口', kind: 'COUNTER' }] } },
    ).then((r) => r.createServicePoints);
    const [c1] = await api<{ createServicePoints: Point[] }>(
      'mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id name code ratingUrl } }',
      { i: { unitId: units[C], competitionId: await competitionId(), points: [{ name: '医保经办窗口', kind: 'COUNTER' }] } },
    ).then((r) => r.createServicePoints);
    const [d1] = await api<{ createServicePoints: Point[] }>(
      'mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id name code ratingUrl } }',
      { i: { unitId: units[D], competitionId: await competitionId(), points: [{ name: '出入境受理窗口', kind: 'COUNTER' }] } },
    ).then((r) => r.createServicePoints);
    const [moved] = await pointsOf(C);

    for (let i = 0; i < 4; i++) await rate(a1!.code, 'SATISFIED');
    expect(
      (await rate(a1!.code, 'DISSATISFIED', { reasons: ['服务态度差', '窗口无人值守'], comment: '等了一个多小时没人叫号', phone: '138 1234 5678' }))
        .submitRating.caseOpened,
    ).toBe(true);
    await rate(a2!.code, 'SATISFIED');
    for (let i = 0; i < 2; i++) await rate(hall!.code, 'SATISFIED');
    await rate(hall!.code, 'DISSATISFIED', { reasons: ['办事效率低'], comment: '材料被退回三次', phone: '13912345678' });
    for (let i = 0; i < 5; i++) await rate(b1!.code, 'SATISFIED');
    await rate(b1!.code, 'DISSATISFIED', { reasons: ['多次跑腿'], phone: '13712345678' });
    for (let i = 0; i < 2; i++) await rate(c1!.code, 'SATISFIED');
    for (let i = 0; i < 2; i++) await rate(moved!.code, 'SATISFIED');
    await rate(d1!.code, 'SATISFIED');
    await rate(d1!.code, 'DISSATISFIED', { reasons: ['业务不熟练'] });

    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(roundId)}`);
    await page.getByRole('tab', { name: '导入评价' }).click();
    const importer = page.getByTestId('rating-import');
    const at = beijingText(IMPORTED_AT);
    const csv = [
      '单位,服务点,评价等级,差评原因,留言,联系电话,评价编号,评价时间',
      `${B},不动产登记窗口,不满意,办事效率低、多次跑腿,房产证办了一个月,136-1234-5678,HCP-${YEAR}-000118,${at}`,
      `${A},综合受理大厅,满意,,,,HCP-${YEAR}-000119,${at}`,
      `${D},出入境受理窗口,满意,,,,HCP-${YEAR}-000120,${at}`,
      `${B},不存在的窗口,满意,,,,HCP-${YEAR}-000121,${at}`,
      `${A},1号综合受理窗口,一般,,,,HCP-${YEAR}-000122,${at}`,
    ];
    const file = { name: '好差评平台导出.csv', mimeType: 'text/csv', buffer: iconv.encode(`${csv.join('\r\n')}\r\n`, 'gbk') };
    await importer.getByLabel('选择评价文件（.xlsx 或 .csv）').setInputFiles(file);
    await importer.getByTestId('rating-import-counts').waitFor();
    expect(await importer.getByTestId('rating-import-counts').textContent()).toBe('共 5 行：可导入 3 条（其中差评 1 条），有问题 2 行。');
    expect(await importer.getByTestId('rating-import-problems').locator('li').allTextContents()).toEqual([
      `第 5 行的服务点“${B}/不存在的窗口”不属于本轮的单位。`,
      '第 6 行的评价等级“一般”无法识别，应为 满意、不满意、非常满意、基本满意 或 非常不满意。',
    ]);
    await shot(page, 'import');
    await importer.getByRole('button', { name: '导入 3 条评价' }).click();
    await importer.getByTestId('rating-import-summary').getByText('已导入 3 条评价。').waitFor();
    // The same file again: nothing twice.
    await importer.getByLabel('选择评价文件（.xlsx 或 .csv）').setInputFiles(file);
    await importer.getByRole('button', { name: '导入 3 条评价' }).click();
    await importer
      .getByTestId('rating-import-summary')
      .getByText(`已导入 0 条评价。 另有 3 条此前已导入，已跳过（评价编号：HCP-${YEAR}-000118、HCP-${YEAR}-000119、HCP-${YEAR}-000120）。`)
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);

  it('works one 差评 from 待回访 to 已办结 with its evidence and an accountability record', async () => {
    await page.getByRole('tab', { name: '回访整改' }).click();
    const cases = page.getByTestId('case-console');
    await expect.poll(() => cases.getByTestId('case-count').textContent()).toBe(`共 5 张工单，其中已超期 ${EXPECT_OVERDUE ? 1 : 0} 张`);
    if (EXPECT_OVERDUE) {
      await cases.getByLabel('已超期').check();
      await expect.poll(() => cases.getByTestId('case-table').locator('tbody tr').count()).toBe(1);
      const late = cases.getByTestId('case-table').locator('tbody tr').first();
      expect(await late.textContent()).toContain(`已提请${DISTRICT}督办`);
      expect(await late.textContent()).toContain('136****5678');
      expect(await late.locator('.deadline-overdue').count()).toBe(1);
      await shot(page, 'cases-overdue');
      await cases.getByLabel('全部', { exact: true }).check();
    }
    await cases.getByLabel('单位', { exact: true }).selectOption({ label: A });
    await expect.poll(() => cases.getByTestId('case-table').locator('tbody tr').count()).toBe(2);
    const row = caseRow('等了一个多小时没人叫号');
    expect(await row.textContent()).toContain('138****5678');
    expect(await row.textContent()).toContain('服务态度差、窗口无人值守');
    expect(await row.textContent()).toContain('待回访');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'cases');
    expect(await accessibilityViolations(page)).toEqual([]);

    await row.getByRole('button', { name: /^办理政务服务中心1号综合受理窗口的差评/ }).click();
    // The receipt number the citizen was given, to match a call to its case.
    expect(await detail().textContent()).toMatch(/回执号[0-9A-Z]{4} [0-9A-Z]{4} /);
    // The callback desk needs the number to dial: asking for it in full records who, when and why on the case.
    await detail().getByRole('button', { name: '查看完整号码（回访用）' }).click();
    expect(await detail().getByLabel('查看用途').inputValue()).toBe('电话回访');
    await detail().getByRole('button', { name: '确认查看' }).click();
    await expect.poll(() => detail().getByTestId('phone-revealed').textContent()).toContain('13812345678');
    await shot(page, 'case-phone-revealed');
    const steps: [string, string, string | null, string][] = [
      ['回访记录', '已电话回访，群众反映周一上午叫号系统故障，等候一个多小时。', '通话录音 10:32', '保存回访记录'],
      ['核实情况', '调取叫号系统日志，确认当日 9:10—10:20 故障。', '叫号系统日志截图', '保存核实结论'],
      ['整改措施', '更换叫号主机，增设故障时人工引导岗。', '整改通知书 城政服〔2026〕12号', '保存整改措施'],
      ['办结说明', '整改完成，已向群众反馈，群众表示认可。', null, '办结工单'],
    ];
    for (const [label, note, evidence, submit] of steps) {
      const form = detail().locator('form.case-form');
      if (label === '核实情况') await form.getByLabel('属实', { exact: true }).check();
      await form.getByLabel(label).fill(note);
      if (evidence) await form.getByLabel('佐证材料（选填）').fill(evidence);
      await form.getByRole('button', { name: submit }).click();
      await detail()
        .locator('[data-step]')
        .nth(steps.findIndex((s) => s[0] === label))
        .waitFor();
    }
    await expect.poll(() => detail().getAttribute('data-status')).toBe('CLOSED');
    const acc = detail().locator('form.case-form');
    await acc.getByLabel('被问责人').fill('1号窗口工作人员张某');
    await acc.getByLabel('处理措施').fill('诫勉谈话');
    await acc.getByLabel('决定机关').fill('区政务服务管理办公室');
    await acc.getByRole('button', { name: '登记问责' }).click();
    await detail().getByTestId('case-accountability').waitFor();
    expect(await detail().getByTestId('case-accountability').textContent()).toContain('1号窗口工作人员张某：诫勉谈话（区政务服务管理办公室决定');
    expect(
      await detail()
        .locator('[data-step]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-step'))),
    ).toEqual(['CALLED_BACK', 'VERIFIED', 'RECTIFYING', 'CLOSED']);
    expect(await detail().getByTestId('case-steps').textContent()).toContain('佐证：叫号系统日志截图');
    await detail().screenshot({ path: join(SCREENSHOTS, 'ratingsConsole-case-closed.png'), style: UNSTICK });
    expect(await accessibilityViolations(page)).toEqual([]);
    const { ratingCases } = await api('query($r: ID!, $f: RatingCaseFilter) { ratingCases(roundId: $r, filter: $f) { status accountability { person } } }', {
      r: roundId,
      f: { status: 'CLOSED' },
    });
    expect(ratingCases).toEqual([{ status: 'CLOSED', accountability: [{ person: '1号窗口工作人员张某' }] }]);
  }, 120_000);

  it('appeals another 差评 and upholds the appeal: its rating leaves the figures', async () => {
    await caseRow('材料被退回三次').getByRole('button', { name: /^办理/ }).click();
    await expect.poll(() => detail().textContent()).toContain('综合受理大厅');
    await detail().getByRole('button', { name: '申诉', exact: true }).click();
    await detail().getByLabel('申诉理由').fill('经调取监控，评价人当日未到大厅办理业务，属误评。');
    await detail().getByRole('button', { name: '提交申诉' }).click();
    await expect.poll(() => detail().getAttribute('data-status')).toBe('APPEALED');
    const form = detail().locator('form.case-form');
    await form.getByLabel('申诉成立').check();
    await detail().getByText('这条差评从满意率中剔除').waitFor();
    await form.getByLabel('裁定理由').fill('监控和办件记录均无该评价人当日办理记录，申诉成立。');
    await form.getByRole('button', { name: '保存裁定' }).click();
    await detail().getByText('申诉成立：这条评价已从满意率中剔除。').waitFor();
    expect(await detail().getAttribute('data-status')).toBe('UPHELD');
    expect(await detail().textContent()).toContain('已不计入满意率');
    await detail().screenshot({ path: join(SCREENSHOTS, 'ratingsConsole-case-upheld.png'), style: UNSTICK });
    const { ratingFigures } = await api('query($r: ID!, $u: ID!) { ratingFigures(roundId: $r, unitId: $u) { count removedByAppeal satisfactionRate } }', {
      r: roundId,
      u: units[A],
    });
    expect(ratingFigures).toEqual({ count: 10, removedByAppeal: 1, satisfactionRate: 0.9 });
  }, 90_000);

  it('says in Chinese what a case allows when someone else moved it on meanwhile', async () => {
    await page.getByTestId('case-console').getByLabel('单位', { exact: true }).selectOption({ label: B });
    await expect.poll(() => page.getByTestId('case-table').locator('tbody tr').count()).toBe(2);
    await caseRow('137****5678').getByRole('button', { name: /^办理/ }).click();
    await expect.poll(() => detail().textContent()).toContain('137****5678');
    const { ratingCases } = await api('query($r: ID!, $f: RatingCaseFilter) { ratingCases(roundId: $r, filter: $f) { id rating { phone } } }', {
      r: roundId,
      f: { unitId: units[B], status: 'RECEIVED' },
    });
    const other = ratingCases.find((c: { rating: { phone: string } }) => c.rating.phone === '137****5678');
    await api('mutation($c: ID!) { recordCallback(caseId: $c, note: "另一位同事已回访") { status } }', { c: other.id });
    const form = detail().locator('form.case-form');
    await form.getByLabel('回访记录').fill('已电话回访。');
    await form.getByRole('button', { name: '保存回访记录' }).click();
    await detail().getByRole('alert').getByText('该工单当前只能：核实、申诉。可能已有他人办理，请刷新后再试。').waitFor();
    await detail().screenshot({ path: join(SCREENSHOTS, 'ratingsConsole-case-out-of-order.png'), style: UNSTICK });
  }, 60_000);

  it('refreshes the ranking: figures per unit, counts verified', async () => {
    await page.getByRole('tab', { name: '评议数据' }).click();
    const figures = page.getByTestId('rating-figures');
    await figures.getByRole('button', { name: '刷新排名' }).click();
    await figures.getByText(/排名已刷新/).waitFor();
    await figures.getByRole('button', { name: '核对计数' }).click();
    await figures.getByTestId('rating-verification').getByText('计数一致：计数器 24 条，逐条存储的评价 24 条。').waitFor();
    await expect.poll(() => figures.locator('tbody tr').first().getAttribute('data-unit')).toBe(units[A]);
    const rowOf = (unit: string) => figures.locator(`tbody tr[data-unit="${units[unit]}"]`);
    await expect.poll(() => rowOf(A).getAttribute('data-count')).toBe('10');
    const cells = await rowOf(A).locator('td').allTextContents();
    expect(cells[0]).toBe('1');
    expect(cells).toContain('90.0%');
    expect(cells.at(-1)).toBe('1');
    expect(await rowOf(C).locator('td').first().textContent()).toBe('2');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot(page, 'figures');
    expect(await accessibilityViolations(page)).toEqual([]);
    const { leaderboard } = await api('query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank total sheetCount entry { title } } } } }', {
      r: roundId,
    });
    expect(
      leaderboard.edges.map((e: { node: { rank: number; total: number; sheetCount: number; entry: { title: string } } }) => [
        e.node.rank,
        e.node.entry.title,
        e.node.total,
        e.node.sheetCount,
      ]),
    ).toEqual([
      [1, A, 90, 10],
      [2, C, 100, 4],
      [3, B, 71.43, 7],
      [4, D, 66.67, 3],
    ]);
  }, 90_000);

  it('shows the ranking on the results page as 满意率 with its ratings, and each unit’s follow-up', async () => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(roundId)}/results`);
    const table = page.getByTestId('ratings-rank-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(4);
    expect(await page.getByTestId('rule-words').textContent()).toContain(`群众评议（${YEAR}年）`);
    expect(await table.locator('tbody th').allTextContents()).toEqual([A, C, B, D]);
    expect(await table.locator('td[data-col="satisfaction"]').allTextContents()).toEqual(['90.00%', '100.00%', '71.43%', '66.67%']);
    expect(await table.locator('td[data-col="count"]').allTextContents()).toEqual(['10', '4', '7', '3']);
    await page.getByTestId('unit-figures').waitFor();
    expect(await page.getByTestId('unit-figures').textContent()).toContain(`${A}评议数据`);
    await page.getByTestId('verification').waitFor();
    expect(await page.getByTestId('verification').getAttribute('data-ok')).toBe('true');
    await page.getByTestId('boards-panel').locator('[data-board="red"] li').first().waitFor();
    await shot(page, 'results', true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The month's ranking as a spreadsheet: the same order, with each unit's ratings and 差评率.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载成绩排名 XLSX' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toEqual(expect.arrayContaining(['名次', '满意率（%）', '评价数', '差评率', '满意率置信下限']));
    const column = (name: string) => header.indexOf(name) + 1;
    const rows = [2, 3, 4, 5].map((r) => sheet.getRow(r));
    expect(rows.map((row) => row.getCell(column('名次')).value)).toEqual([1, 2, 3, 4]);
    expect(rows.map((row) => row.getCell(column('评价数')).value)).toEqual([10, 4, 7, 3]);
    expect(rows.map((row) => row.getCell(column('满意率（%）')).value)).toEqual([90, 100, 71.43, 66.67]);
    await page.setViewportSize({ width: 1366, height: 768 });
  }, 90_000);

  it('puts the satisfaction ranking and the 红黑榜 on the hall’s screen at 1920×1080', async () => {
    const hall = await app.browser.newPage();
    await hall.setViewportSize({ width: 1920, height: 1080 });
    await hall.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(hall, app.otherOrigin, DEMO_VIEWER.id);
    await hall.waitForURL('**/screen');
    await hall.goto(`${app.otherOrigin}/screen/${encodeURIComponent(roundId)}`);
    await hall.getByTestId('screen-status').waitFor();
    expect(await hall.getByTestId('screen-status').textContent()).toContain('评议进行中');
    await expect.poll(() => hall.locator('.hall-rows li').count()).toBe(4);
    const first = hall.locator('.hall-rows li').first();
    expect(await first.locator('.hall-name').textContent()).toBe(A);
    expect(await first.locator('.hall-total').textContent()).toBe('90.00%');
    expect(await first.locator('.hall-progress').textContent()).toBe('10 条评价');
    expect(await hall.getByTestId('ratings-rule').textContent()).toContain('置信下限');
    await shot(hall, 'screen');
    await hall.getByRole('tab', { name: '红黑榜' }).click();
    await hall.getByTestId('hall-boards').locator('[data-board="red"] li').first().waitFor();
    expect(await hall.getByTestId('hall-boards').locator('[data-board="red"] li').first().textContent()).toContain('90.00%');
    await shot(hall, 'screen-boards');
    await hall.close();
  }, 60_000);
});

async function competitionId(): Promise<string> {
  const { round } = await api('query($id: ID!) { round(id: $id) { competition { id } } }', { id: roundId });
  return round.competition.id;
}
