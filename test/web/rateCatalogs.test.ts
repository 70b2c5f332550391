import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../web/src/rate/locales/en.json';
import zh from '../../web/src/rate/locales/zh-CN.json';

/** The rating page's own catalogs (web/src/rate/locales): complete in both languages. */
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const RATE_DIR = 'web/src/rate';

describe('the rating page’s message catalogs', () => {
  it('have the same keys and placeholders in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const differing = Object.keys(zh).filter((key) => placeholders(zh[key as keyof typeof zh]).join() !== placeholders(en[key as keyof typeof en]).join());
    expect(differing).toEqual([]);
  });

  it('have no empty message, and the Chinese ones are in Chinese', () => {
    expect(Object.entries(zh).filter(([, v]) => !v.trim())).toEqual([]);
    expect(Object.entries(en).filter(([, v]) => !v.trim())).toEqual([]);
    // The language switch names the other language; every other Chinese message has Chinese in it.
    const notChinese = Object.entries(zh).filter(([key, v]) => !/[\u4e00-\u9fff]/.test(v) && !key.startsWith('switchLanguage'));
    expect(notChinese).toEqual([]);
  });

  it('hold no message the page never shows (the compiler checks that every key the page names exists)', () => {
    const source = readdirSync(RATE_DIR)
      .filter((n) => n.endsWith('.ts'))
      .map((n) => readFileSync(join(RATE_DIR, n), 'utf8'))
      .join('\n');
    // A level's name is looked up as `level${level}`.
    const unused = Object.keys(zh).filter((key) => !source.includes(`'${key}'`) && !key.startsWith('level'));
    expect(unused).toEqual([]);
    expect(source).toContain('say(`level${');
  });
});
