import { execFileSync } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANIZER } from '../../src/local/seed.js';
import { CRITERIA, ENTRY_COUNT, expectedTotal, JUDGES, seedFinishedRound, type SeededRound } from './resultsSeed.js';
import { accessibilityViolations, SCREENSHOTS, signIn, startWebApp, type WebApp } from './support.js';

/**
 * The printable 成绩单 and a per-entry protocol, printed to PDF by Chromium as a clerk's
 * 打印 would, then read back with poppler: text per page (headers repeated, signature lines,
 * no controls), fonts embedded for the Chinese, and page images to look at.
 */

let app: WebApp;
let seeded: SeededRound;
let page: Page;
const PDF_DIR = join(SCREENSHOTS, 'print');

beforeAll(async () => {
  app = await startWebApp();
  await rm(PDF_DIR, { recursive: true, force: true });
  await mkdir(PDF_DIR, { recursive: true });
  seeded = await seedFinishedRound(app, 'PR');
  page = await app.browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** Prints the page as it is to an A4 PDF and returns each page's text and the fonts used. */
async function printToPdf(name: string, scale = 1): Promise<{ pages: string[]; fonts: string; images: string[] }> {
  await page.emulateMedia({ media: 'print' });
  const pdf = join(PDF_DIR, `${name}.pdf`);
  // preferCSSPageSize: the stylesheet's @page (A4, 15 mm) decides, as in the print dialog.
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, scale }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(PDF_DIR, name)]);
  const images = (await readdir(PDF_DIR)).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort();
  return { pages: text.split('\f').filter((p) => p.trim()), fonts, images };
}

/** What no printout may carry: controls, navigation, the on-screen hint. */
const SCREEN_ONLY = ['返回成绩页', '退出登录', '赛事管理', '现场大屏', 'English', '请用 A4 纸'];

describe('成绩单 (printable results sheet)', () => {
  it('prints on A4: competition, round, rule in words, Beijing date, ranked table with two decimals, signature lines, no buttons', async () => {
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(seeded.roundId)}/print`);
    await page.getByTestId('print-sheet').waitFor();
    await page.locator('.print-table tbody tr').first().waitFor();
    expect(await page.locator('.print-table tbody tr').count()).toBe(ENTRY_COUNT);
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'print-sheet-screen.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    // 打印 opens the browser's print dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // In print media, nothing clickable and no navigation is shown.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('button:visible, nav:visible, .topbar:visible').count()).toBe(0);
    await page.emulateMedia({ media: 'screen' });

    const { pages, fonts, images } = await printToPdf('print-sheet');
    expect(images.length).toBe(pages.length);
    const all = pages.join('\n');
    expect(all).toContain('PR湖畔镇“比学赶超”擂台赛');
    expect(all).toContain('第一轮 台上赛 成绩单');
    expect(all.replace(/\s+/g, '')).toContain(
      '评分规则：7位评委评分，去掉1个最高分、1个最低分后取平均分；收到至少5份评分方可排名；总分相同者名次并列；总分保留两位小数。',
    );
    expect(all).toMatch(/成绩确认时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间）/);
    // 22 entries and the signatures fit one page.
    expect(pages).toHaveLength(1);
    expect(all).toMatch(/名次\s+姓名\s+单位\s+组别\s+总分\s+备注/);
    expect(all).toContain(`以上《第一轮 台上赛 成绩单》共 ${ENTRY_COUNT} 名选手，成绩经核对无误。`);
    for (let i = 0; i < ENTRY_COUNT; i++) {
      const total = expectedTotal(i);
      expect(all).toMatch(new RegExp(`${seeded.names[i]}.*${total === null ? '—' : total.toFixed(2).replace('.', '\\.')}`));
    }
    expect(all).toContain('（并列）');
    expect(all).toContain('未达法定评分数');
    // Signatures on the last page: one line per judge, the supervisor, the date.
    const last = pages.at(-1)!;
    expect(last).toContain('评委签字');
    for (const label of JUDGES.map((_, j) => `J${j + 1}`)) expect(last).toContain(label);
    expect(last).toContain('监督人签字');
    expect(last).toContain('日期');
    for (const text of SCREEN_ONLY) expect(all).not.toContain(text);
    // Chinese is set in an embedded CJK font, not boxes.
    expect(fonts).toMatch(/WenQuanYi|Noto\S*CJK|Noto Sans SC|Source Han/i);
    expect(
      fonts
        .split('\n')
        .filter((line) => /CJK|WenQuanYi|Han/i.test(line))
        .every((line) => /\syes\s+yes\s/.test(line)),
    ).toBe(true);
  }, 60_000);

  it('repeats the table header on every page and never splits a row, when the list runs over pages', async () => {
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(seeded.roundId)}/print`);
    await page.locator('.print-table tbody tr').first().waitFor();
    // With rows three times as tall, the same list needs several pages.
    await page.addStyleTag({ content: '@media print { .print-table td { padding-top: 4mm !important; padding-bottom: 4mm !important; } }' });
    const { pages } = await printToPdf('print-sheet-tall');
    let seen = 0;
    let pagesWithRows = 0;
    for (const text of pages) {
      const names = seeded.names.filter((name) => text.includes(name));
      if (names.length === 0) continue;
      pagesWithRows++;
      expect(text).toMatch(/名次\s+姓名\s+单位\s+组别\s+总分\s+备注/);
      // A row's name and its total are on the same line of the same page.
      for (const name of names) {
        const i = seeded.names.indexOf(name);
        const total = expectedTotal(i);
        expect(text.split('\n').find((line) => line.includes(name))).toContain(total === null ? '—' : total.toFixed(2));
      }
      seen += names.length;
    }
    expect(seen).toBe(ENTRY_COUNT);
    expect(pagesWithRows).toBeGreaterThanOrEqual(2);
    expect(pages.at(-1)).toContain('监督人签字');
  }, 60_000);

  it('prints one group on its own', async () => {
    await page.goto(`${app.origin}/organizer/rounds/${encodeURIComponent(seeded.roundId)}/print?group=${encodeURIComponent('社区书记')}`);
    await page.getByTestId('print-sheet').waitFor();
    await expect.poll(() => page.locator('.print-table tbody tr').count()).toBe(ENTRY_COUNT / 2);
    expect(await page.getByText('组别：社区书记').count()).toBe(1);
    expect(await page.locator('.print-table tbody tr').first().locator('td').first().textContent()).toBe('1');
  });
});

describe('per-entry protocol (printable)', () => {
  it('prints every judge by label with the dropped sheets struck through, means, totals, the rule and signature lines', async () => {
    const i = 3;
    await page.goto(`${app.origin}/organizer/entries/${encodeURIComponent(seeded.entryIds[i]!)}/protocol`);
    await page.getByTestId('print-protocol').waitFor();
    await page.locator('.protocol-table tbody tr').first().waitFor();
    // Labels only on paper: no judge's name.
    const rows = await page.locator('.protocol-table tbody th').allTextContents();
    expect(rows).toEqual(JUDGES.map((_, j) => `J${j + 1}`));
    expect(await page.locator('.protocol-table tbody tr[data-trimmed="true"] del').count()).toBe(2 * (CRITERIA.length + 1));
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(SCREENSHOTS, 'print-protocol-screen.png') });
    expect(await accessibilityViolations(page)).toEqual([]);

    const { pages, fonts } = await printToPdf('print-protocol');
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    expect(text).toContain(`第一轮 台上赛 评分记录表（${seeded.names[i]}）`);
    for (const c of CRITERIA) expect(text).toContain(c.label);
    expect(text).toContain('各项均分');
    expect(text).toContain(expectedTotal(i)!.toFixed(2));
    expect(text.replace(/\s+/g, '')).toContain('去掉1个最高分、1个最低分后取平均分');
    expect(text).toContain('带删除线的分数按评分规则去掉');
    for (const label of ['评委签字', 'J1', 'J7', '监督人签字', '日期']) expect(text).toContain(label);
    for (const judge of app.identities.filter((p) => JUDGES.includes(p.id))) expect(text).not.toContain(judge.name);
    for (const screenOnly of SCREEN_ONLY) expect(text).not.toContain(screenOnly);
    expect(fonts).toMatch(/WenQuanYi|Noto\S*CJK|Noto Sans SC|Source Han/i);
  }, 60_000);
});
