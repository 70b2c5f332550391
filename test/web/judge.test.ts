import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The judge's phone (390×844): invalid marks named per criterion and left out of the running
 * total, a closed round read-only without promising revisions, and a sheet that reached the
 * API only after the round had closed kept in sight as not counted — never retried, never lost.
 */

let app: WebApp;
const JUDGE = 'judge-3';
const organizer = () => app.token(DEMO_ORGANIZER.id);

async function api<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await app.gql<T>(token, query, variables);
  if (result.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

/** An open round of three demo cadres with the demo rubric (发展思路 20, 实绩成效 30, 创新举措 20, 表达展示 15, 现场答辩 15; step 0.5). */
async function openRound(name: string): Promise<{ roundId: string; entryIds: string[] }> {
  const competition = await api(organizer(), 'mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', { i: { name } });
  const round = await api(organizer(), 'mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: { competitionId: competition.createCompetition.id, name: '复赛', rubricId: app.seeded.rubricId },
  });
  const roundId: string = round.createRound.id;
  const added = await api(organizer(), 'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }', {
    r: roundId,
    e: ['XS0001', 'XS0002', 'XS0003'].map((cadreId, i) => ({ cadreId, title: '强村富民的实践与思考', order: i + 1, group: '村书记' })),
  });
  await api(organizer(), 'mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }', {
    r: roundId,
    j: [
      { userId: JUDGE, name: '评委三' },
      { userId: 'judge-4', name: '评委四' },
    ],
  });
  await api(organizer(), 'mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });
  return { roundId, entryIds: added.addEntries.map((e: { id: string }) => e.id) };
}

const closeRound = (roundId: string) => api(organizer(), 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: roundId });

async function phone(): Promise<Page> {
  const page = await app.browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, JUDGE);
  await page.waitForURL('**/judge');
  return page;
}

const mark = (page: Page, criterion: string) => page.locator(`[data-criterion="${criterion}"] input[type="number"]`);

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe("judge's phone", () => {
  it('names each invalid mark and why, leaves it out of the total, and after close shows 评分已结束 read-only', async () => {
    const { roundId } = await openRound('2026年拼搏赶超交流会（评委页）');
    const page = await phone();
    const sent: Record<string, unknown>[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('SubmitScoreSheet')) sent.push((JSON.parse(body) as { variables: { input: Record<string, unknown> } }).variables.input);
    });
    await page.goto(`${app.origin}/judge/rounds/${encodeURIComponent(roundId)}`);
    await page.locator('.score-form').waitFor();

    await mark(page, 'vision').fill('25');
    await mark(page, 'results').fill('27.3');
    await mark(page, 'delivery').fill('13');
    await mark(page, 'qa').fill('12');
    expect(await page.locator('[data-criterion="vision"] .field-error').textContent()).toBe('「发展思路」不能超过满分 20');
    expect(await page.locator('[data-criterion="results"] .field-error').textContent()).toBe('「实绩成效」应为 0.5 的整数倍');
    // Only the valid marks count: 13 + 12.
    expect(await page.getByTestId('running-total').textContent()).toBe('25.00');
    expect(await page.getByTestId('score-summary').textContent()).toBe('有 2 项分数需要修改：「发展思路」「实绩成效」');

    await page.getByRole('button', { name: '提交评分' }).click();
    expect(await page.locator('[data-criterion="innovation"] .field-error').textContent()).toBe('请为「创新举措」打分');
    expect(await page.getByTestId('score-summary').textContent()).not.toContain('未评分');
    expect(sent).toHaveLength(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('[data-criterion="vision"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'judge-invalid-marks.png') });

    await mark(page, 'vision').fill('18');
    await mark(page, 'results').fill('27.5');
    await mark(page, 'innovation').fill('17');
    expect(await page.getByTestId('running-total').textContent()).toBe('87.50');
    expect(await page.locator('.field-error').count()).toBe(0);
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByText(/已提交：总分 87\.50，第 1 版.*本轮结束前可以修改。/).waitFor({ timeout: 15_000 });
    // The sheet says when the judge pressed submit.
    expect(sent).toHaveLength(1);
    expect(typeof sent[0]!.enteredAt).toBe('string');
    expect(Number.isNaN(Date.parse(sent[0]!.enteredAt as string))).toBe(false);

    // The organizers close the round: the page says so and no longer offers (or promises) revisions.
    await closeRound(roundId);
    await page.reload();
    await page.locator('.score-form').waitFor();
    await page.getByText('评分已结束，评分不能再提交或修改。').waitFor();
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toContain('结束前可以修改');
    expect(body).toContain('已提交：总分 87.50，第 1 版');
    expect(await page.getByTestId('score-closed').textContent()).toBe('评分已结束');
    expect(await page.getByRole('button', { name: /提交评分|修改评分/ }).count()).toBe(0);
    expect(await mark(page, 'vision').isDisabled()).toBe(true);
    expect(await mark(page, 'vision').inputValue()).toBe('18');
    expect(await page.getByText('申报回避').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'judge-closed.png') });
    await page.close();
  }, 90_000);

  it('keeps a sheet that arrived after the round closed as 评分已结束，未计入成绩（已记录） and stops sending it', async () => {
    const { roundId, entryIds } = await openRound('2026年拼搏赶超交流会（离线）');
    const page = await phone();
    const attempts: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (body.includes('SubmitScoreSheet'))
        attempts.push((JSON.parse(body) as { variables: { input: { clientRequestId: string } } }).variables.input.clientRequestId);
    });
    await page.goto(`${app.origin}/judge/rounds/${encodeURIComponent(roundId)}`);
    await page.locator('.score-form').waitFor();
    for (const [criterion, value] of Object.entries({ vision: '17', results: '26', innovation: '16.5', delivery: '12', qa: '11.5' }))
      await mark(page, criterion).fill(value);

    // Offline at the venue: the sheet waits on the phone while the round is closed.
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: '提交评分' }).click();
    await page.getByTestId('outbox').waitFor();
    await closeRound(roundId);
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: '立即重试' }).click();

    const closedOut = page.getByTestId('outbox-closed');
    await closedOut.waitFor({ timeout: 15_000 });
    expect(await closedOut.textContent()).toContain('评分已结束，未计入成绩（已记录）');
    expect(await closedOut.textContent()).toContain('总分 83.00');
    expect(await page.getByTestId('outbox').count()).toBe(0);
    expect(await page.getByTestId('refusal').textContent()).toBe('评分已结束，未计入成绩（已记录）');
    expect(await page.locator('[data-entry-order="1"] .entry-state').textContent()).toBe('未计入');

    // It is not sent again, and a reload does not lose it.
    const tried = attempts.length;
    await page.waitForTimeout(2500);
    await page.reload();
    await closedOut.waitFor();
    await page.waitForTimeout(1000);
    expect(attempts.length).toBe(tried);
    expect(new Set(attempts).size).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'judge-closed-out.png') });

    // The organizers see what the judge entered, and when.
    const rejected = await api(
      organizer(),
      'query($id: ID!) { round(id: $id) { rejectedSheets { reason enteredAt entry { id } scores { criterion score } } } }',
      { id: roundId },
    );
    expect(rejected.round.rejectedSheets).toHaveLength(1);
    expect(rejected.round.rejectedSheets[0]).toMatchObject({ reason: 'REJECTED_AFTER_CLOSE', entry: { id: entryIds[0] } });
    expect(typeof rejected.round.rejectedSheets[0].enteredAt).toBe('string');

    // The judge has read it: it goes.
    await closedOut.getByRole('button', { name: /知道了/ }).click();
    expect(await closedOut.count()).toBe(0);
    await page.close();
  }, 90_000);
});
