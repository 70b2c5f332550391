import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The organizer's round console on a 1366×768 laptop: a round set up with its whole rule
 * from the form, 63 cadres enrolled with the roster picker, entries edited, removed and
 * reordered, the pitch order drawn from a seed, the missing sheets listed before closing,
 * a sheet refused after close shown, and the housekeeping (archive, delete).
 */

let app: WebApp;
let page: Page;
let organizer: string;
let competitionId: string;
let rubricId: string;
let roundId: string;

const UNITS = ['临浦镇横一村', '临浦镇通二村', '临浦镇峙山社区'];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁';
const GIVEN = ['建华', '晓燕', '志刚', '海峰', '丽萍', '国庆', '文静', '春明', '秀英', '立新', '玉兰', '永强', '红梅', '卫东', '桂芳', '振宇', '慧敏', '德明', '雪莲', '子健', '佳琪'];
const CRITERIA = [
  { key: 'vision', label: '思路与谋划', maxScore: 30, weight: 1, step: 0.5 },
  { key: 'results', label: '实绩与成效', maxScore: 40, weight: 1, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 30, weight: 1, step: 0.5 },
];

type RoundEntries = { round: { status: string; entries: { id: string; order: number; title: string; group: string | null; cadre: { id: string; name: string } }[] } };

const api = async <T = any>(query: string, variables?: Record<string, unknown>, token = organizer): Promise<T> => {
  const result = await app.gql<T>(token, query, variables);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
};
const entriesOf = async (id: string) =>
  (await api<RoundEntries>('query($id: ID!) { round(id: $id) { status entries { id order title group cadre { id name } } } }', { id })).round;
const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: false });

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  organizer = app.token(DEMO_ORGANIZER.id);

  // The directory: 63 cadres with Chinese names in three units, seeded as the organizer.
  const unitIds: string[] = [];
  for (const name of UNITS) unitIds.push((await api<{ createUnit: { id: string } }>('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name, kind: 'VILLAGE' } })).createUnit.id);
  const cadres = Array.from({ length: 63 }, (_, n) => ({
    id: `LP${String(n + 1).padStart(4, '0')}`,
    name: `${SURNAMES[n % 21]}${GIVEN[(n + 7 * Math.floor(n / 21)) % 21]}`,
    unitId: unitIds[Math.floor(n / 21)]!,
    position: n < 42 ? '村党组织书记' : '社区党组织书记',
  }));
  await api('mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', { i: cadres });
  rubricId = (await api<{ createRubric: { id: string } }>('mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', { i: { name: '交流会评分表', criteria: CRITERIA } })).createRubric.id;

  page = await app.browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('round console', () => {
  it('creates a competition and a round with 应评尽评 and trimming from the form', async () => {
    const side = page.locator('.console-side');
    await side.getByText('新建赛事').click();
    await side.getByLabel('赛事名称').fill('2026 年第四季度拼搏赶超交流会');
    await side.locator('form', { has: page.getByLabel('赛事名称') }).getByRole('button', { name: '创建' }).click();
    const competition = side.locator('article', { hasText: '2026 年第四季度拼搏赶超交流会' });
    await competition.waitFor();

    await competition.getByRole('link', { name: '新建轮次' }).click();
    const form = page.locator('form.new-round');
    await form.getByLabel('轮次名称').fill('村社书记擂台赛');
    await form.getByLabel('选用评分表').selectOption({ label: '交流会评分表（第 1 版）' });
    // 应评尽评 is what a new round proposes.
    expect(await form.getByRole('radio', { name: /应评尽评/ }).isChecked()).toBe(true);
    await form.getByLabel('去掉最高分（份）').fill('1');
    await form.getByLabel('去掉最低分（份）').fill('1');
    await form.getByText('7 位评委打分，去掉 1 个最高分和 1 个最低分，取其余 5 位的平均分。').waitFor();
    await form.getByLabel('添加比较项').selectOption({ label: '现场答辩' });
    await form.getByLabel('添加比较项').selectOption({ label: '实绩与成效' });
    await form.getByText('第 2 比较：实绩与成效').waitFor();
    await form.getByRole('radio', { name: /中位数/ }).check();
    await form.getByText('7 位评委打分，去掉 1 个最高分和 1 个最低分，取其余 5 位的中位数。').waitFor();
    await form.getByRole('radio', { name: /平均分：/ }).check();
    await form.getByRole('radio', { name: /实时公开/ }).check();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('round-new.png');
    await form.getByRole('button', { name: '创建' }).scrollIntoViewIfNeeded();
    await shot('round-new-rules.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '创建' }).click();

    await page.getByRole('heading', { name: /村社书记擂台赛/ }).waitFor();
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const created = await api('query($id: ID!) { round(id: $id) { status trimHighest trimLowest trimScope aggregate quorumMode tieBreakers leaderboardVisibility competition { id } } }', { id: roundId });
    competitionId = created.round.competition.id;
    expect(created.round).toMatchObject({
      status: 'DRAFT',
      trimHighest: 1,
      trimLowest: 1,
      trimScope: 'SHEET',
      aggregate: 'MEAN',
      quorumMode: 'ALL_EXPECTED',
      tieBreakers: ['qa', 'results'],
      leaderboardVisibility: 'LIVE',
    });
    expect(await page.getByTestId('rule-summary').textContent()).toBe('去掉最高分 1 份、最低分 1 份（按整份评分表）；取平均分；应评尽评后排名；同分依次比较：现场答辩、实绩与成效');
    // The results page and the big screen are one click away; the screen opens in its own tab.
    const panel = page.locator('.round-panel');
    expect(await panel.getByRole('link', { name: '查看成绩' }).getAttribute('href')).toBe(`/organizer/rounds/${encodeURIComponent(roundId)}/results`);
    const screen = panel.getByRole('link', { name: /打开大屏/ });
    expect(await screen.getAttribute('href')).toBe(`/screen/${encodeURIComponent(roundId)}`);
    expect(await screen.getAttribute('target')).toBe('_blank');
  }, 60_000);

  it('enrols 63 cadres with the roster picker: search, unit filter, select all, add', async () => {
    const picker = page.locator('section.picker');
    await picker.waitFor();
    // Search by part of a name: 建华 finds the cadres named …建华 and nobody else.
    await picker.getByLabel('按姓名或编号查找').fill('建华');
    await expect
      .poll(async () => {
        const names = await picker.locator('tbody th').allTextContents();
        return names.length > 0 && names.every((n) => n.includes('建华'));
      })
      .toBe(true);
    await picker.getByLabel('按姓名或编号查找').fill('');

    for (const unit of UNITS) {
      await picker.getByLabel('按单位筛选').selectOption({ label: unit });
      await expect.poll(async () => new Set(await picker.locator('tbody td:nth-child(4)').allTextContents())).toEqual(new Set([unit]));
      await expect.poll(() => picker.locator('tbody tr').count()).toBe(21);
      await picker.getByLabel(/全选列表中未报名的 21 人/).check();
    }
    await picker.getByRole('button', { name: '添加所选 63 人' }).waitFor();
    await shot('round-picker.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await picker.getByRole('button', { name: '添加所选 63 人' }).click();
    await picker.getByText('已添加 63 人').waitFor();

    const round = await entriesOf(roundId);
    expect(round.entries).toHaveLength(63);
    expect(round.entries.map((e) => e.order)).toEqual(Array.from({ length: 63 }, (_, i) => i + 1));
    expect(round.entries.every((e) => e.title === e.cadre.name)).toBe(true);
    await expect.poll(() => page.getByTestId('entry-table').locator('tbody tr').count()).toBe(63);
    // Enrolled cadres are marked in the picker and cannot be ticked twice.
    expect(await picker.getByRole('checkbox', { name: /选择 / }).first().isDisabled()).toBe(true);
  }, 60_000);

  it('edits a title, removes an entry and moves one down', async () => {
    const before = (await entriesOf(roundId)).entries;
    const [first, second] = before;
    const table = page.getByTestId('entry-table');

    await table.getByRole('button', { name: `编辑 1 号 ${first!.cadre.name}` }).click();
    await table.getByLabel(`${first!.cadre.name} 的题目`).fill('共富工坊带动村民增收');
    await table.getByLabel(`${first!.cadre.name} 的组别`).fill('村书记');
    await table.getByRole('button', { name: '保存' }).click();
    await table.getByRole('cell', { name: '共富工坊带动村民增收' }).waitFor();

    const last = before.at(-1)!;
    await table.getByRole('button', { name: '移出' }).last().click();
    const confirm = table.locator('.confirm');
    expect(await confirm.textContent()).toContain(`确定将 63 号“${last.cadre.name}”移出本轮吗？`);
    await shot('round-remove-confirm.png');
    await confirm.getByRole('button', { name: '移出' }).click();
    await page.getByText(`已将“${last.cadre.name}”移出本轮`).waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBe(62);

    await table.getByRole('button', { name: `下移 1 号 ${first!.cadre.name}` }).click();
    await expect.poll(async () => (await entriesOf(roundId)).entries[0]!.id).toBe(second!.id);
    const after = (await entriesOf(roundId)).entries;
    expect(after).toHaveLength(62);
    expect(after.find((e) => e.id === last.id)).toBeUndefined();
    expect(after[1]).toMatchObject({ id: first!.id, order: 2, title: '共富工坊带动村民增收', group: '村书记' });
    expect(after.map((e) => e.order)).toEqual(Array.from({ length: 62 }, (_, i) => i + 1));
    await table.locator('tbody tr').first().scrollIntoViewIfNeeded();
    await shot('round-entries.png');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it('draws the pitch order from a seed and records it; the same seed gives the same order', async () => {
    const draws = page.getByTestId('draws');
    await draws.getByLabel('随机种子（选填）').fill('20261205-擂台赛');
    await draws.getByRole('button', { name: '抽签' }).click();
    expect(await draws.locator('.confirm').textContent()).toContain('抽签将重新排列全部 62 名选手的出场顺序');
    await draws.locator('.confirm').getByRole('button', { name: '抽签' }).click();
    const record = draws.getByTestId('draw-record').first();
    await record.waitFor();
    expect(await record.getAttribute('data-seed')).toBe('20261205-擂台赛');
    expect(await record.textContent()).toMatch(/随机种子：\s*20261205-擂台赛/);
    expect(await record.textContent()).toContain(`抽签人 ${DEMO_ORGANIZER.id}`);
    expect(await record.textContent()).toContain('复核方法：把全部选手按编号');

    const drawn = (await entriesOf(roundId)).entries;
    await expect.poll(async () => (await record.locator('.draw-order li').allTextContents())).toEqual(drawn.map((e) => e.cadre.name));
    await record.scrollIntoViewIfNeeded();
    await shot('round-draw.png');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Anyone can check it: the same seed gives the same order.
    const again = await api<{ drawPitchOrder: { seed: string; entries: { id: string }[] } }>(
      'mutation($r: ID!, $s: String) { drawPitchOrder(roundId: $r, seed: $s) { seed entries { id } } }',
      { r: roundId, s: '20261205-擂台赛' },
    );
    expect(again.drawPitchOrder.entries.map((e) => e.id)).toEqual(drawn.map((e) => e.id));
    const recorded = await api<{ round: { draws: { seed: string; drawnBy: string; entries: { id: string }[] }[] } }>(
      'query($id: ID!) { round(id: $id) { draws { seed drawnBy entries { id } } } }',
      { id: roundId },
    );
    expect(recorded.round.draws.map((d) => d.seed)).toEqual(['20261205-擂台赛', '20261205-擂台赛']);
    expect(recorded.round.draws[0]!.entries.map((e) => e.id)).toEqual(drawn.map((e) => e.id));
  }, 60_000);
});
