import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_JUDGES, DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * A round judged by two evaluator classes (领导评委 60 %, 群众评委 40 %) with 附加分 on top:
 * the organizer's protocol shows each class's result, the bonus and the total they make.
 */
let app: WebApp;
let page: Page;
let roundId = '';
let entryId = '';

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  const organizer = app.token(DEMO_ORGANIZER.id);
  const call = async <T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> => {
    const answer = await app.gql<T>(token, query, variables);
    if (answer.errors?.length) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(answer.errors)}`);
    return answer.data!;
  };
  const unit = await call(organizer, 'mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }', { i: { name: '分类评分镇', kind: 'TOWN' } });
  await call(organizer, 'mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }', {
    i: [{ id: 'cls-001', name: '周文杰', unitId: unit.createUnit.id, position: '镇长' }],
  });
  const rubric = await call(organizer, 'mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', {
    i: {
      name: '分类评分表',
      criteria: [
        { key: 'vision', label: '发展思路', maxScore: 50, step: 0.5 },
        { key: 'results', label: '工作实绩', maxScore: 50, step: 0.5 },
      ],
    },
  });
  const competition = await call(organizer, 'mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }', {
    i: { name: '领导与群众共同评议' },
  });
  const round = await call(organizer, 'mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }', {
    i: {
      competitionId: competition.createCompetition.id,
      name: '镇长述职',
      rubricId: rubric.createRubric.id,
      panelClasses: [
        { key: 'leaders', label: '领导评委', weight: 0.6 },
        { key: 'public', label: '群众评委', weight: 0.4 },
      ],
    },
  });
  roundId = round.createRound.id;
  const added = await call(organizer, 'mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }', {
    r: roundId,
    e: [{ cadreId: 'cls-001', title: '镇长述职', order: 1 }],
  });
  entryId = added.addEntries[0].id;
  const judges = DEMO_JUDGES.slice(0, 4);
  await call(organizer, 'mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }', {
    r: roundId,
    j: judges.map((j, i) => ({ userId: j.userId, name: j.name, classKey: i < 2 ? 'leaders' : 'public' })),
  });
  await call(organizer, 'mutation($id: ID!) { openRound(id: $id) { status } }', { id: roundId });
  // Leaders 90 and 80 → 85; the public 70 and 60 → 65. 0.6 × 85 + 0.4 × 65 = 77; with 附加分 3, 80.
  const totals = [
    [45, 45],
    [40, 40],
    [35, 35],
    [30, 30],
  ];
  for (const [i, judge] of judges.entries()) {
    await call(app.token(judge.userId), 'mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }', {
      i: {
        entryId,
        scores: [
          { criterion: 'vision', score: totals[i]![0] },
          { criterion: 'results', score: totals[i]![1] },
        ],
      },
    });
  }
  await call(organizer, 'mutation($e: ID!) { setEntryBonus(entryId: $e, points: 3, reason: "获评省级典型") { total } }', { e: entryId });
  await call(organizer, 'mutation($id: ID!) { closeRound(id: $id) { status } }', { id: roundId });
  page = await app.browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('a protocol with evaluator classes', () => {
  it('shows each class’s result and weight, the 附加分 and the total they make', async () => {
    await page.evaluate(() => localStorage.setItem('bxgc.lang', 'zh-CN'));
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(roundId)}/results`);
    const protocol = page.getByTestId('protocol').first();
    await protocol.waitFor();
    const classes = protocol.getByTestId('protocol-class');
    expect(await classes.allTextContents()).toEqual(['领导评委（权重 60%）85.00（2 份）', '群众评委（权重 40%）65.00（2 份）']);
    await protocol.getByText('+3.00').waitFor();
    expect(await protocol.getByTestId('protocol-total').textContent()).toBe('80.00');
    await protocol.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'protocol-classes.png'), fullPage: true });
    expect(await accessibilityViolations(page)).toEqual([]);
  });
});
