/**
 * Assessment periods as the API names them (2026, 2026-H1, 2026-Q2, 2026-05) and as
 * people say them (2026年、2026年上半年、2026年第二季度、2026年5月).
 */

import type { Translate } from '../../i18n';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface PeriodOption {
  value: string;
  kind: PeriodKind;
  year: number;
  /** 1–2 for a half, 1–4 for a quarter, 1–12 for a month. */
  part: number;
}

const PATTERN = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])))?$/u;

export function parsePeriod(value: string): PeriodOption | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { value, kind: 'half', year, part: Number(m[2]) };
  if (m[3]) return { value, kind: 'quarter', year, part: Number(m[3]) };
  if (m[4]) return { value, kind: 'month', year, part: Number(m[4]) };
  return { value, kind: 'year', year, part: 0 };
}

/** Every period of a year: its quarters, halves, the year, then its months. */
export function periodsOf(year: number): PeriodOption[] {
  const quarters = [1, 2, 3, 4].map((q) => ({ value: `${year}-Q${q}`, kind: 'quarter' as const, year, part: q }));
  const halves = [1, 2].map((h) => ({ value: `${year}-H${h}`, kind: 'half' as const, year, part: h }));
  const months = Array.from({ length: 12 }, (_, i) => ({ value: `${year}-${String(i + 1).padStart(2, '0')}`, kind: 'month' as const, year, part: i + 1 }));
  return [...quarters, ...halves, { value: String(year), kind: 'year', year, part: 0 }, ...months];
}

/** The quarter that ended last before `now` (in December 2026: 2026-Q3), the period a quarterly assessment looks back on. */
export function lastEndedQuarter(now: Date): string {
  const quarter = Math.floor(now.getMonth() / 3) + 1;
  return quarter === 1 ? `${now.getFullYear() - 1}-Q4` : `${now.getFullYear()}-Q${quarter - 1}`;
}

/** A period in words: 2026年第二季度, 2026年上半年, 2026年5月, 2026年. */
export function periodLabel(t: Translate, value: string): string {
  const p = parsePeriod(value);
  if (!p) return value;
  switch (p.kind) {
    case 'quarter':
      return t('indicators.period.quarter', { year: p.year, quarter: t(`indicators.period.q${p.part as 1 | 2 | 3 | 4}`) });
    case 'half':
      return t(p.part === 1 ? 'indicators.period.h1' : 'indicators.period.h2', { year: p.year });
    case 'month':
      return t('indicators.period.month', { year: p.year, month: p.part });
    default:
      return t('indicators.period.year', { year: p.year });
  }
}
