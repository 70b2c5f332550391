import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JUDGES, DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * What people see of judges and of results changed after close, in the browser:
 * the hall's screen and a judge's phone never name the other judges; the organizer
 * console shows, before publication, every change made after the round closed.
 */
let app: WebApp;
const ORGANIZER = { id: DEMO_ORGANIZER.id, name: DEMO_ORGANIZER.name, roles: DEMO_ORGANIZER.roles, kind: 'user' as const };
const OTHER_JUDGES = DEMO_JUDGES.slice(1).map((j) => j.name);

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  const round = await app.gql(app.token('judge-1'), 'query($id: ID!) { round(id: $id) { entries { id order } } }', { id: app.seeded.roundId });
  const entries: { id: string; order: number }[] = round.data.round.entries;
  const first = entries.find((e) => e.order === 1)!.id;
  const marks = (base: number) =>
    ['vision', 'results', 'innovation', 'delivery', 'qa'].map((criterion, i) => ({ criterion, score: [16, 24, 15, 12, 11][i]! + base }));
  for (const [k, judge] of ['judge-2', 'judge-3', 'judge-4'].entries()) {
    await app.runtime.services.submission.submitSheet(
      { id: judge, name: judge, roles: ['judge'], kind: 'user' },
      { entryId: first, scores: marks(k), clientRequestId: `insider-${k}` },
    );
  }
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('judges stay anonymous in the browser', () => {
  it('the big screen (viewer) and a judge’s phone never show another judge’s name', async () => {
    const screen = await app.browser.newPage();
    await screen.setViewportSize({ width: 1920, height: 1080 });
    await signIn(screen, app.otherOrigin, 'viewer-demo');
    await screen.waitForURL('**/screen');
    await screen.getByRole('link', { name: '第一轮 台上赛' }).click();
    await screen.locator('.board-row').first().waitFor();
    const onScreen = await screen.locator('body').textContent();
    for (const name of [DEMO_JUDGES[0].name, ...OTHER_JUDGES]) expect(onScreen).not.toContain(name);

    const phone = await app.browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await signIn(phone, app.origin, 'judge-1');
    await phone.waitForURL('**/judge');
    await phone.getByRole('link', { name: '进入评分' }).click();
    await phone.locator('.score-form').waitFor();
    const onPhone = await phone.locator('body').textContent();
    for (const name of OTHER_JUDGES) expect(onPhone).not.toContain(name);
    await screen.close();
    await phone.close();
  }, 60_000);
});

describe('results changed after close', () => {
  it('the organizer console lists each change with who, why and the totals', async () => {
    const round = await app.gql(app.token(DEMO_ORGANIZER.id), 'query($id: ID!) { round(id: $id) { entries { id order } } }', { id: app.seeded.roundId });
    const first = round.data.round.entries.find((e: { order: number }) => e.order === 1).id;
    await app.runtime.services.lifecycle.closeRound(app.seeded.roundId);
    await app.runtime.services.removals.voidSheet(ORGANIZER, `${first}/judge-4`, '评委误将他人分数录入');

    const page = await app.browser.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(page, app.origin, DEMO_ORGANIZER.id);
    await page.waitForURL('**/organizer');
    const notice = page.getByTestId('amendments');
    await notice.waitFor();
    expect(await notice.locator('h3').textContent()).toBe('评分结束后成绩被修改 1 次');
    const row = await notice.locator('li').first().textContent();
    expect(row).toContain('作废评分表');
    expect(row).toContain('王丽娟');
    expect(row).toContain('评委误将他人分数录入');
    expect(row).toContain(`操作人 ${DEMO_ORGANIZER.id}`);
    expect(row).toMatch(/总分 \d+\.\d\d → \d+\.\d\d/);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'organizer-amendments.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
