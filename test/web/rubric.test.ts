import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp, organizerPage } from './support.js';

/**
 * The rubric editor on a 1366×768 laptop: criteria without typed keys (generated c1, c2, …),
 * 满分 and 权重 explained with the highest possible total computed, mistakes named by
 * criterion number before anything is sent, and a revision that keeps the keys.
 */

let app: WebApp;
let page: Page;

type RubricList = {
  rubrics: {
    edges: {
      node: {
        id: string;
        name: string;
        version: number;
        maxTotal: number;
        criteria: { key: string; label: string; maxScore: number; weight: number; step: number }[];
      };
    }[];
  };
};
const rubricNamed = async (name: string) => {
  const result = await app.gql<RubricList>(
    app.token(DEMO_ORGANIZER.id),
    '{ rubrics { edges { node { id name version maxTotal criteria { key label maxScore weight step } } } } }',
  );
  return result.data!.rubrics.edges.map((e) => e.node).find((r) => r.name === name);
};

beforeAll(async () => {
  app = await startWebApp();
  await mkdir(SCREENSHOTS, { recursive: true });
  page = await organizerPage(app);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('rubric editor', () => {
  it('creates a rubric without typing keys, with the maximum total explained and mistakes named', async () => {
    const editor = page.locator('section', { has: page.getByRole('heading', { name: '评分表', exact: true }) });
    await editor.getByText('新建评分表').click();
    await editor.getByLabel('评分表名称').fill('季度交流会评分表');
    // The key column is advanced: hidden until asked for.
    expect(await editor.getByLabel('代码 1').count()).toBe(0);

    await editor.getByLabel('评分项 1').fill('发展思路');
    await editor.getByLabel('说明 1').fill('思路清晰、目标明确');
    await editor.getByLabel('满分 1').fill('30');
    await editor.getByRole('button', { name: '添加评分项' }).click();
    await editor.getByLabel('评分项 2').fill('实绩成效');
    await editor.getByLabel('满分 2').fill('40');
    await editor.getByLabel('权重 2').fill('1.5');
    await editor.getByRole('button', { name: '添加评分项' }).click();
    await editor.getByLabel('评分项 3').fill('现场答辩');
    await editor.getByLabel('满分 3').fill('20');
    await editor.getByLabel('步长 3').fill('0.3');

    expect(await editor.getByTestId('item-max-2').textContent()).toBe('60.00');
    expect(await editor.getByTestId('rubric-total').textContent()).toBe('总分最高 110.00 分（30 + 40×1.5 + 20）');
    expect(await editor.getByText('权重：该项分数计入总分时乘以的倍数，一般为 1。总分 = Σ（权重 × 评委打分）。').count()).toBe(1);

    // Every control is on screen at 1366 px: the table does not scroll sideways, the buttons are visible.
    const wrap = editor.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    for (const name of ['添加评分项', '创建']) {
      const button = editor.getByRole('button', { name, exact: true });
      expect(await button.isVisible()).toBe(true);
      // Not white text on a transparent background (the top bar's ghost style).
      const { color, background } = await button.evaluate((el) => ({ color: getComputedStyle(el).color, background: getComputedStyle(el).backgroundColor }));
      expect(color).not.toBe(background);
      expect(color === 'rgb(255, 255, 255)' && background === 'rgba(0, 0, 0, 0)').toBe(false);
    }

    // A step that does not divide the maximum is named by criterion and field, before sending.
    await editor.getByRole('button', { name: '创建', exact: true }).click();
    const problems = editor.getByTestId('rubric-problems');
    await problems.waitFor();
    expect(await problems.locator('li').allTextContents()).toEqual(['第 3 个评分项的「满分」20 不是「步长」0.3 的整数倍']);
    await editor.getByTestId('rubric-total').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'rubric-editor.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await rubricNamed('季度交流会评分表')).toBeUndefined();

    await editor.getByLabel('步长 3').fill('0.5');
    await editor.getByRole('button', { name: '创建', exact: true }).click();
    await editor.getByText('已保存“季度交流会评分表”第 1 版').waitFor();
    const saved = await rubricNamed('季度交流会评分表');
    expect(saved).toMatchObject({
      version: 1,
      maxTotal: 110,
      criteria: [
        { key: 'c1', label: '发展思路', maxScore: 30, weight: 1, step: 0.5 },
        { key: 'c2', label: '实绩成效', maxScore: 40, weight: 1.5, step: 0.5 },
        { key: 'c3', label: '现场答辩', maxScore: 20, weight: 1, step: 0.5 },
      ],
    });
  }, 60_000);

  it('revises a rubric as a new version: existing keys kept, a new criterion gets a key never used before', async () => {
    const editor = page.locator('section', { has: page.getByRole('heading', { name: '评分表', exact: true }) });
    await editor.locator('li', { hasText: '季度交流会评分表' }).getByRole('button', { name: '修订' }).click();
    await editor.getByText('修订“季度交流会评分表”将保存为第 2 版').waitFor();
    await editor.getByLabel('高级：显示评分项代码').check();
    expect(await editor.getByLabel('代码 1').inputValue()).toBe('c1');
    await editor.getByRole('button', { name: '删除第 1 个评分项（发展思路）' }).click();
    await editor.getByRole('button', { name: '添加评分项' }).click();
    await editor.getByLabel('评分项 3').fill('群众评价');
    await editor.getByLabel('满分 3').fill('10');
    expect(await editor.getByTestId('rubric-total').textContent()).toBe('总分最高 90.00 分（40×1.5 + 20 + 10）');
    await page.screenshot({ path: join(SCREENSHOTS, 'rubric-revise.png') });
    expect(await accessibilityViolations(page)).toEqual([]);
    await editor.getByRole('button', { name: '保存为新版本' }).click();
    await editor.getByText('已保存“季度交流会评分表”第 2 版').waitFor();
    const revised = await rubricNamed('季度交流会评分表');
    expect(revised?.version).toBe(2);
    expect(revised?.criteria.map((c) => [c.key, c.label])).toEqual([
      ['c2', '实绩成效'],
      ['c3', '现场答辩'],
      ['c4', '群众评价'],
    ]);
  }, 60_000);
});
