import type { Lang } from '../../i18n';
import { BEIJING, beijingDateTime } from '../../results/format';

/** Seconds as a stopwatch reads them: 4:05, 12:30, 0:07. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** Minutes and seconds of a limit in words-free form: 300 → { minutes: 5, seconds: 0 }. */
export function splitSeconds(total: number): { minutes: number; seconds: number } {
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

export interface OvertimeRule {
  perSeconds: number;
  points: number;
}

/**
 * The deduction for running `overSeconds` past the limit: `points` for every started
 * `perSeconds` (0.5 per 30 s: 1 s over → 0.5, 31 s over → 1.0), as the API computes it.
 */
export function overtimePoints(overSeconds: number, rule: OvertimeRule | null | undefined): number {
  if (!rule || rule.perSeconds <= 0 || overSeconds <= 0) return 0;
  return Math.ceil(overSeconds / rule.perSeconds) * rule.points;
}

/** Beijing wall-clock time of an instant, "HH:MM:SS". */
function beijingTime(at: Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: BEIJING, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(at);
}

function beijingDayName(lang: Lang, at: Date): string {
  return new Intl.DateTimeFormat(lang, { timeZone: BEIJING, year: 'numeric', month: 'long', day: 'numeric' }).format(at);
}

/**
 * The end of a notice period as a 组织部 notice writes it: the API's instant is midnight
 * Beijing time after the last day, which reads "2026年12月11日 24:00" — the day it ends,
 * not the next day's 00:00 (the last instant of the day, 23:59:59.999, reads the same).
 * Any other instant is written as it is.
 */
export function periodEnd(lang: Lang, iso: string): string {
  const at = new Date(iso);
  const time = beijingTime(at);
  if (time === '00:00:00') return `${beijingDayName(lang, new Date(at.getTime() - 1))} 24:00`;
  if (time === '23:59:59') return `${beijingDayName(lang, at)} 24:00`;
  return beijingDateTime(lang, at);
}

/** Between two sentences: nothing after a Chinese full stop, a space in English. */
export function sentenceGap(lang: Lang): string {
  return lang === 'en' ? ' ' : '';
}
