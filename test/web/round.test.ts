import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, organizerPage, SCREENSHOTS, startWebApp, type WebApp } from './support.js';

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
const GIVEN = [
  '建华',
  '晓燕',
  '志刚',
  '海峰',
  '丽萍',
  '国庆',
  '文静',
  '春明',
  '秀英',
  '立新',
  '玉兰',
  '永强',
  '红梅',
  '卫东',
  '桂芳',
  '振宇',
  '慧敏',
  '德明',
  '雪莲',
  '子健',
  '佳琪',
];
const CRITERIA = [
  { key: 'vision', label: '思路与谋划', maxScore: 30, weight: 1, step: 0.5 },
  { key: 'results', label: '实绩与成效', maxScore: 40, weight: 1, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 30, weight: 1, step: 0.5 },
];

type RoundEntries = {
  round: { status: string; entries: { id: string; order: number; title: string; group: string | null; cadre: { id: string; name: string } }[] };
};

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
  for (const name of UNITS)
    unitIds.push(
      (await api<{ createUnit: { id: string } }>('mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name, kind: 'VILLAGE' } }))
        .createUnit.id,
    );
  const cadres = Array.from({ length: 63 }, (_, n) => ({
    id: `LP${String(n + 1).padStart(4, '0')}`,
    name: `${SURNAMES[n % 21]}${GIVEN[(n + 7 * Math.floor(n / 21)) % 21]}`,
    unitId: unitIds[Math.floor(n / 21)]!,
    position: n < 42 ? '村党组织书记' : '社区党组织书记',
  }));
  await api('mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', { i: cadres });
  rubricId = (
    await api<{ createRubric: { id: string } }>('mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', {
      i: { name: '交流会评分表', criteria: CRITERIA },
    })
  ).createRubric.id;

  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('round console', () => {
  it('creates a competition and a round with 应评尽评 and trimming from the form', async () => {
    const side = page.locator('.console-side');
    await side.getByText('新建赛事').click();
    await side.getByLabel('赛事名称').fill('2026 年第四季度拼搏赶超交流会');
    await side
      .locator('form', { has: page.getByLabel('赛事名称') })
      .getByRole('button', { name: '创建' })
      .click();
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
    // Not a live show in the hall: judges score from the list (any entry), no sign-off before publication.
    await form.getByLabel(/^现场赛：/).uncheck();
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('round-new.png');
    await form.getByRole('button', { name: '创建' }).scrollIntoViewIfNeeded();
    await shot('round-new-rules.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: '创建' }).click();

    await page.getByRole('heading', { name: /村社书记擂台赛/ }).waitFor();
    roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const created = await api(
      'query($id: ID!) { round(id: $id) { status leaderboardVisibility live { scoringGate requireSignOff } competition { id } method { __typename ... on PanelMethod { trimHighest trimLowest trimScope aggregate quorumMode tieBreakers } } } }',
      { id: roundId },
    );
    competitionId = created.round.competition.id;
    expect(created.round).toMatchObject({
      status: 'DRAFT',
      // The live show unchecked: the API's defaults, any entry scored and no sign-off.
      live: { scoringGate: 'ANY', requireSignOff: false },
      method: {
        __typename: 'PanelMethod',
        trimHighest: 1,
        trimLowest: 1,
        trimScope: 'SHEET',
        aggregate: 'MEAN',
        quorumMode: 'ALL_EXPECTED',
        tieBreakers: ['qa', 'results'],
      },
      leaderboardVisibility: 'LIVE',
    });
    expect(await page.getByTestId('rule-summary').textContent()).toBe(
      '去掉最高分 1 份、最低分 1 份（按整份评分表）；取平均分；应评尽评后排名；同分依次比较：现场答辩、实绩与成效',
    );
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
    await expect.poll(async () => await record.locator('.draw-order li').allTextContents()).toEqual(drawn.map((e) => e.cadre.name));
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

  it('opens, lists the missing sheets before closing, closes on confirmation', async () => {
    const panel = page.locator('.round-panel');
    await panel.locator('summary', { hasText: '评委名单' }).click();
    await panel.getByLabel('分配评委').fill('judge-1,陈建国\njudge-2,李晓红\njudge-3,张伟');
    await panel.getByRole('button', { name: '分配评委' }).click();
    await panel.getByText('已分配 3 名评委').waitFor();
    await panel.getByRole('button', { name: '开始评分' }).click();
    await page.getByTestId('progress').waitFor();

    // Every judge scores every entry but three: judge-2 misses the first two, judge-3 the last.
    const entries = (await entriesOf(roundId)).entries;
    const missing = new Set([`judge-2:${entries[0]!.id}`, `judge-2:${entries[1]!.id}`, `judge-3:${entries.at(-1)!.id}`]);
    const sheets = ['judge-1', 'judge-2', 'judge-3'].flatMap((judge) =>
      entries.filter((e) => !missing.has(`${judge}:${e.id}`)).map((e, i) => ({ judge, entryId: e.id, i, key: `${judge}-${e.order}` })),
    );
    for (let start = 0; start < sheets.length; start += 10) {
      await Promise.all(
        sheets.slice(start, start + 10).map(({ judge, entryId, i, key }) =>
          app.runtime.services.submission.submitSheet(
            { id: judge, name: judge, roles: ['judge'], kind: 'user' },
            {
              entryId,
              scores: [
                { criterion: 'vision', score: 20 + (i % 10) },
                { criterion: 'results', score: 30 + (i % 7) },
                { criterion: 'qa', score: 22.5 },
              ],
              clientRequestId: key,
            },
          ),
        ),
      );
    }

    await panel.getByRole('button', { name: '结束评分' }).click();
    const check = page.getByTestId('close-check');
    await check.waitFor();
    expect(await check.textContent()).toContain('仍有 3 份评分未提交，确定结束评分吗？');
    const items = await check.locator('.missing-list li').allTextContents();
    expect(items).toEqual([
      `李晓红（J2）缺 2 份：1 号 ${entries[0]!.cadre.name}（${entries[0]!.title}）、2 号 ${entries[1]!.cadre.name}（${entries[1]!.title}）`,
      `张伟（J3）缺 1 份：62 号 ${entries.at(-1)!.cadre.name}（${entries.at(-1)!.title}）`,
    ]);
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('round-close-check.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await check.getByRole('button', { name: '结束评分' }).click();
    await panel.getByRole('button', { name: '发布成绩' }).waitFor();
    expect((await entriesOf(roundId)).status).toBe('CLOSED');
  }, 120_000);

  it('shows a sheet a judge sent after the close, refused and not counted', async () => {
    const entries = (await entriesOf(roundId)).entries;
    const late = await app.gql(app.token('judge-3'), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
      i: {
        entryId: entries.at(-1)!.id,
        clientRequestId: 'judge-3-late',
        enteredAt: new Date(Date.now() - 120_000).toISOString(),
        comment: '网络恢复后补交',
        scores: [
          { criterion: 'vision', score: 26 },
          { criterion: 'results', score: 35.5 },
          { criterion: 'qa', score: 24 },
        ],
      },
    });
    expect(late.errors?.[0]?.extensions?.reason).toBe('REJECTED_AFTER_CLOSE');

    await page.reload();
    const notice = page.getByTestId('rejected-sheets');
    await notice.waitFor();
    expect(await notice.locator('h3').textContent()).toBe('评分结束后收到 1 份评分，未计入成绩');
    const row = await notice.locator('li').first().textContent();
    expect(row).toContain(`62 号 ${entries.at(-1)!.cadre.name}：张伟（J3）的评分 思路与谋划 26，实绩与成效 35.5，现场答辩 24`);
    expect(row).toContain('评委录入时间');
    expect(row).toContain('评语“网络恢复后补交”');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('round-rejected.png');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 60_000);

  it('archives the round (hidden, shown again with 显示已归档) and deletes a draft round and an unused competition', async () => {
    const side = page.locator('.console-side');
    const panel = page.locator('.round-panel');
    const listed = side.locator('.round-item', { hasText: '村社书记擂台赛' });
    await listed.waitFor();

    await panel.locator('summary', { hasText: '归档与删除' }).click();
    expect(await panel.getByText('已开始评分的轮次不能删除，可以归档。').count()).toBe(1);
    await panel.getByRole('button', { name: '归档本轮' }).click();
    expect(await panel.locator('.confirm').textContent()).toContain('归档后“村社书记擂台赛”不再显示在列表中');
    await panel.locator('.confirm').getByRole('button', { name: '归档本轮' }).click();
    await panel.getByRole('button', { name: '取消归档' }).waitFor();
    await expect.poll(() => listed.count()).toBe(0);
    expect((await api('query($id: ID!) { round(id: $id) { archivedAt } }', { id: roundId })).round.archivedAt).not.toBeNull();

    await side.getByLabel('显示已归档').check();
    await listed.waitFor();
    expect(await listed.locator('.tag').textContent()).toBe('已归档');
    await page.evaluate('window.scrollTo(0, 0)');
    await shot('round-archived.png');
    expect(await accessibilityViolations(page)).toEqual([]);
    await side.getByLabel('显示已归档').uncheck();
    await expect.poll(() => listed.count()).toBe(0);

    // A DRAFT round is deleted after a question naming what goes with it.
    const spare = await api<{ createRound: { id: string } }>('mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
      i: { competitionId, name: '备用轮次', rubricId },
    });
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(spare.createRound.id)}`);
    await panel.getByRole('heading', { name: /备用轮次/ }).waitFor();
    await panel.locator('summary', { hasText: '归档与删除' }).click();
    await panel.getByRole('button', { name: '删除本轮' }).click();
    expect(await panel.locator('.confirm').textContent()).toContain('删除后“备用轮次”的 0 名选手和 0 名评委安排一并删除，不能恢复。确定删除吗？');
    await shot('round-delete-confirm.png');
    await panel.locator('.confirm').getByRole('button', { name: '删除本轮' }).click();
    await page.waitForURL(/\/organizer$/);
    expect((await api('query($id: ID!) { round(id: $id) { id } }', { id: spare.createRound.id })).round).toBeNull();
    await expect.poll(() => side.locator('.round-item', { hasText: '备用轮次' }).count()).toBe(0);

    // A competition whose rounds are all DRAFT can be deleted; one with results only archived.
    const unused = await api<{ createCompetition: { id: string } }>('mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
      i: { name: '临时测试赛事' },
    });
    await api('mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
      i: { competitionId: unused.createCompetition.id, name: '预赛', rubricId },
    });
    await page.reload();
    const card = side.locator('article', { hasText: '临时测试赛事' });
    await card.locator('summary', { hasText: '归档或删除赛事' }).click();
    await card.getByRole('button', { name: '删除赛事' }).click();
    expect(await card.locator('.confirm').textContent()).toContain('删除后“临时测试赛事”及其 1 个轮次一并删除，不能恢复。确定删除吗？');
    await card.locator('.confirm').getByRole('button', { name: '删除赛事' }).click();
    await expect.poll(() => card.count()).toBe(0);
    expect((await api('query($id: ID!) { competition(id: $id) { id } }', { id: unused.createCompetition.id })).competition).toBeNull();

    const mine = side.locator('article', { hasText: '2026 年第四季度拼搏赶超交流会' });
    await side.getByLabel('显示已归档').check();
    await mine.locator('summary', { hasText: '归档或删除赛事' }).click();
    expect(await mine.getByText('本赛事已有轮次开始评分，不能删除，可以归档。').count()).toBe(1);
    await side.getByLabel('显示已归档').uncheck();
    await mine.getByRole('button', { name: '归档赛事' }).click();
    await mine.locator('.confirm').getByRole('button', { name: '归档赛事' }).click();
    await expect.poll(() => mine.count()).toBe(0);
    await side.getByLabel('显示已归档').check();
    await mine.waitFor();
    expect(await mine.locator('h3 .tag').textContent()).toBe('已归档');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);
});
