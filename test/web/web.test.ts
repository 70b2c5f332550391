import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The web client end to end, in headless Chromium against the app as `npm start` serves it:
 * a judge scores on a phone with a flaky network while the hall's big screen follows, and
 * an organizer imports a cadre roster with one bad row. Screenshots go to test-artifacts/screenshots.
 */

let app: WebApp;
let entries: { id: string; order: number; group: string | null }[];

const ORGANIZER = { id: DEMO_ORGANIZER.id, name: DEMO_ORGANIZER.name, roles: DEMO_ORGANIZER.roles, kind: 'user' as const };

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  const round = await app.gql<{ round: { entries: { id: string; order: number; group: string | null }[] } }>(
    app.token('judge-1'),
    'query($id: ID!) { round(id: $id) { entries { id order group } } }',
    { id: app.seeded.roundId },
  );
  entries = round.data!.round.entries;

  // Other judges have already scored a few entries, so the board has something to rank.
  const criteria = ['vision', 'results', 'innovation', 'delivery', 'qa'];
  const sheets: { order: number; marks: number[] }[] = [
    { order: 2, marks: [16, 24, 15, 12, 11] },
    { order: 3, marks: [17, 26.5, 16, 13, 12.5] },
    { order: 4, marks: [15.5, 23, 14, 11.5, 10] },
    { order: 5, marks: [18, 27, 17.5, 13.5, 13] },
    { order: 22, marks: [17, 26, 16.5, 12, 12] },
    { order: 23, marks: [16.5, 25, 15, 12.5, 11.5] },
    { order: 43, marks: [18.5, 28, 17, 14, 13] },
    { order: 44, marks: [16, 24.5, 15.5, 12, 12] },
  ];
  for (const [k, sheet] of sheets.entries()) {
    const judge = `judge-${2 + (k % 3)}`;
    await app.runtime.services.submission.submitSheet(
      { id: judge, name: judge, roles: ['judge'], kind: 'user' },
      {
        entryId: entries.find((e) => e.order === sheet.order)!.id,
        scores: sheet.marks.map((score, i) => ({ criterion: criteria[i]!, score })),
        clientRequestId: `seed-${k}`,
      },
    );
  }
  // The organizers excuse judge-1 from the second entry (回避).
  await app.runtime.services.removals.setConflict(ORGANIZER, app.seeded.roundId, 'judge-1', entries.find((e) => e.order === 2)!.id, '亲属关系');
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('web client', () => {
  it('a judge scores an entry on a flaky network and the big screen shows the new rank within seconds', async () => {
    const first = entries.find((e) => e.order === 1)!;

    // The hall's big screen, signed in as the viewer on its own origin (its own localStorage).
    const screen = await app.browser.newPage();
    await screen.setViewportSize({ width: 1600, height: 900 });
    await screen.emulateMedia({ reducedMotion: 'reduce' });
    await signIn(screen, app.otherOrigin, 'viewer-demo');
    await screen.waitForURL('**/screen');
    await screen.getByRole('link', { name: '第一轮 台上赛' }).click();
    // The board pages on its own; a long interval holds page 1, where the rows followed here are.
    await screen.waitForURL('**/screen/*');
    await screen.goto(`${screen.url()}?page=600s`);
    await screen.locator('.board-row').first().waitFor();
    expect(await screen.getByRole('tab').allTextContents()).toEqual(['全部', '村书记', '社区书记', '机关书记']);
    // Entry 1 has no sheet yet: it waits, unranked, below the ranked rows.
    await expect.poll(() => screen.locator(`.board-row[data-entry="${first.id}"]`).getAttribute('data-rank')).toBe('');
    await expect.poll(() => screen.locator('.board-row').first().getAttribute('data-rank')).toBe('1');

    // The judge, on a phone.
    const judge = await app.browser.newPage();
    await judge.setViewportSize({ width: 412, height: 915 });
    await judge.emulateMedia({ reducedMotion: 'reduce' });
    const submissions: string[] = [];
    judge.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('SubmitScoreSheet'))
        submissions.push((JSON.parse(body) as { variables: { input: { clientRequestId: string } } }).variables.input.clientRequestId);
    });
    await signIn(judge, app.origin, 'judge-1');
    await judge.waitForURL('**/judge');
    await judge.getByRole('link', { name: '进入评分' }).click();
    await judge.locator('.score-form').waitFor();
    // The first entry in pitch order is the current one, and it is the one being scored.
    await expect.poll(() => judge.locator('[aria-current="step"]').getAttribute('data-entry-order')).toBe('1');
    expect(await judge.locator('#entry-title').textContent()).toContain('当前');

    const marks = { vision: '19.5', results: '29', innovation: '19', delivery: '14.5', qa: '14' };
    for (const [criterion, value] of Object.entries(marks)) await judge.locator(`[data-criterion="${criterion}"] input[type="number"]`).fill(value);
    await judge.getByLabel('评语（选填）').fill('思路清晰，实绩突出');
    expect(await judge.getByTestId('running-total').textContent()).toBe('96.00');

    // The venue's network drops: the sheet waits on the phone and is retried with the same id.
    await judge.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await judge.getByRole('button', { name: '提交评分' }).click();
    await judge.getByTestId('outbox').waitFor();
    expect(await judge.getByTestId('outbox').textContent()).toContain('待发送评分 1 份');
    await expect.poll(() => submissions.length).toBeGreaterThanOrEqual(1);
    // Still offline, the phone reloads the page: the sheet is still waiting there.
    await judge.reload();
    await judge.getByTestId('outbox').waitFor();
    expect(await judge.getByTestId('outbox').textContent()).toContain('待发送评分 1 份');
    await judge.unroute('**/graphql');
    await judge.getByText(/已提交：总分 96\.00，第 1 版/).waitFor({ timeout: 15_000 });
    expect(await judge.getByTestId('outbox').count()).toBe(0);
    // Every attempt the page made (Chromium does not always report the one aborted during the
    // reload) carried the same id; the stored version below proves none was counted twice.
    expect(submissions.length).toBeGreaterThanOrEqual(1);
    expect(new Set(submissions).size).toBe(1);

    // One sheet, version 1: the retries were not counted twice.
    const mine = await app.gql(app.token('judge-1'), 'query($id: ID!) { entry(id: $id) { mySheet { version total comment } } }', { id: first.id });
    expect(mine.data.entry.mySheet).toEqual({ version: 1, total: 96, comment: '思路清晰，实绩突出' });

    // The big screen picks it up at its next poll: rank 1 of the round.
    const row = screen.locator(`.board-row[data-entry="${first.id}"]`);
    await row.waitFor({ timeout: 10_000 });
    // The row is there from the start (in pitch order); its rank arrives with the next poll.
    await expect.poll(() => row.getAttribute('data-rank'), { timeout: 10_000 }).toBe('1');
    expect(await row.getAttribute('data-total')).toBe('96');
    expect(await row.locator('.board-total').textContent()).toBe('96.00');

    await judge.evaluate('window.scrollTo(0, 0)');
    await judge.screenshot({ path: join(SCREENSHOTS, 'judge.png') });
    expect(await accessibilityViolations(judge)).toEqual([]);

    // The village secretaries' group tab ranks within the group.
    await screen.getByRole('tab', { name: '村书记' }).click();
    await screen.waitForURL(/group=/);
    await expect.poll(() => screen.locator('.board-row:not([data-total=""])').count()).toBe(5);
    expect(await screen.locator('.board-row').first().getAttribute('data-entry')).toBe(first.id);
    await screen.getByRole('tab', { name: '全部' }).click();
    await expect.poll(() => screen.locator('.board-row:not([data-total=""])').count()).toBe(9);
    await screen.screenshot({ path: join(SCREENSHOTS, 'big-screen.png') });
    expect(await accessibilityViolations(screen)).toEqual([]);
    // The English switch, and back.
    await screen.getByRole('button', { name: 'Switch to English' }).click();
    expect(await screen.getByRole('tab').first().textContent()).toBe('All');
    await screen.getByRole('button', { name: '切换到中文' }).click();
    expect(await screen.getByRole('tab').first().textContent()).toBe('全部');

    // A conflict of interest the organizers recorded (回避) is shown before the judge tries, and the form stays closed.
    await judge.locator('[data-entry-order="2"]').click();
    await judge.getByTestId('refusal').waitFor();
    expect(await judge.getByTestId('refusal').textContent()).toContain('组织方已安排您回避该选手');
    expect(await judge.locator('[data-criterion="vision"] input[type="number"]').isDisabled()).toBe(true);
    expect(await judge.getByTestId('outbox').count()).toBe(0);

    await judge.close();
    await screen.close();
  }, 60_000);

  it('an organizer sets up a round — enrols, assigns judges, opens and closes it — from the console', async () => {
    const page = await app.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn(page, app.origin, DEMO_ORGANIZER.id);
    await page.getByTestId('progress').waitFor();

    // A new rubric from the editor shows up in the new-round picker.
    await page.getByText('新建评分表').click();
    await page.getByLabel('评分表名称').fill('复赛评分表');
    await page.getByLabel('评分项 1').fill('综合表现');
    await page.getByLabel('满分 1').fill('100');
    await page.getByRole('button', { name: '创建', exact: true }).last().click();
    await page.getByText('已保存“复赛评分表”第 1 版').waitFor();

    await page.getByText('新建轮次').click();
    await page.getByLabel('轮次名称').fill('第二轮 复赛');
    const picker = page.getByLabel('选用评分表');
    expect(await picker.inputValue()).toBe(app.seeded.rubricId);
    await picker.locator('option', { hasText: '复赛评分表（第 1 版）' }).waitFor({ state: 'attached' });
    await page.getByRole('button', { name: '创建', exact: true }).first().click();
    await page.getByRole('heading', { name: /第二轮 复赛/ }).waitFor();
    const roundId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);

    await page.getByText('报名选手').first().click();
    await page.getByLabel('报名选手').fill('XS0001,共富工坊带动村民增收,村书记\nXS0022,社区治理数字化探索,社区书记\nXS0043,营商环境优化的萧山答卷,机关书记');
    await page.getByRole('button', { name: '报名', exact: true }).click();
    await page.getByText('已报名 3 人').waitFor();
    await page.locator('summary', { hasText: '评委名单' }).click();
    await page.getByLabel('分配评委').fill('judge-1,陈建国\njudge-2,李晓红');
    await page.getByRole('button', { name: '分配评委' }).click();
    await page.getByText('已分配 2 名评委').waitFor();

    await page.getByRole('button', { name: '开始评分' }).click();
    await page.getByTestId('progress').waitFor();
    await page.getByRole('button', { name: '结束评分' }).click();
    await page.locator('.confirm').getByRole('button', { name: '结束评分' }).click();
    await page.getByRole('button', { name: '发布成绩' }).waitFor();

    const round = await app.gql(
      app.token(DEMO_ORGANIZER.id),
      'query($id: ID!) { round(id: $id) { status entries { order title group cadre { id } } judges { userId } } }',
      { id: roundId },
    );
    expect(round.data.round).toEqual({
      status: 'CLOSED',
      entries: [
        { order: 1, title: '共富工坊带动村民增收', group: '村书记', cadre: { id: 'XS0001' } },
        { order: 2, title: '社区治理数字化探索', group: '社区书记', cadre: { id: 'XS0022' } },
        { order: 3, title: '营商环境优化的萧山答卷', group: '机关书记', cadre: { id: 'XS0043' } },
      ],
      judges: [{ userId: 'judge-1' }, { userId: 'judge-2' }],
    });
    await page.close();
  }, 60_000);
});
