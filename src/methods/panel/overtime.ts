import { type Big, canonical, dec } from '../../domain/decimal.js';
import type { Decimal } from '../../domain/primitives.js';

/**
 * Overtime deduction (超时扣分), a pure rule: once a pitch runs past the round's time
 * limit, `points` come off the entry total for every started `perSeconds` over
 * (e.g. 0.5 per 30 s: 1 s to 30 s over costs 0.5, 31 s to 60 s over costs 1).
 */
export interface OvertimeRule {
  /** Length of one overtime period, in whole seconds (> 0). */
  perSeconds: number;
  /** Points deducted per started period, a canonical decimal such as "0.5" (≥ 0). */
  points: Decimal;
}

function assertSeconds(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole number of seconds ≥ 0, not ${value}`);
}

/**
 * Points deducted (canonical decimal) for a pitch of `pitchSeconds`: "0" without
 * a limit or a rule, or within the limit; otherwise points × ⌈(pitchSeconds − limit) / perSeconds⌉.
 * All arithmetic is exact: integers for the periods, big.js for the points.
 * Throws a RangeError for negative or fractional seconds, a period that is not a
 * positive whole number of seconds, or points that are not a decimal ≥ 0.
 */
export function overtimeDeduction(pitchSeconds: number, limitSeconds: number | null, rule: OvertimeRule | null): Decimal {
  assertSeconds(pitchSeconds, 'pitch length');
  if (limitSeconds === null || rule === null) return '0';
  assertSeconds(limitSeconds, 'time limit');
  if (!Number.isSafeInteger(rule.perSeconds) || rule.perSeconds <= 0) {
    throw new RangeError(`overtime period must be a whole number of seconds > 0, not ${rule.perSeconds}`);
  }
  let points: Big;
  try {
    points = dec(rule.points);
  } catch {
    throw new RangeError(`overtime points must be a decimal, not ${JSON.stringify(rule.points)}`);
  }
  if (points.lt(0)) throw new RangeError(`overtime points must be ≥ 0, not ${rule.points}`);
  const over = pitchSeconds - limitSeconds;
  if (over <= 0) return '0';
  // ⌈over / per⌉ without a floating-point division: (over − r) is an exact multiple of per.
  const remainder = over % rule.perSeconds;
  const periods = (over - remainder) / rule.perSeconds + (remainder === 0 ? 0 : 1);
  return canonical(points.times(periods));
}

// RFC 3339 date-time with an explicit offset: without one, Date.parse would read local time.
const INSTANT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/i;

/** An instant as whole seconds since the epoch plus nanoseconds, so that floors of differences are exact. */
function parseInstant(iso: string): { seconds: number; nanos: number } {
  const m = INSTANT_PATTERN.exec(iso);
  if (!m) throw new RangeError(`not an ISO 8601 instant with an offset: ${JSON.stringify(iso)}`);
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = m[9] === undefined ? 0 : Number(m[9]);
  const offsetMinutes = m[10] === undefined ? 0 : Number(m[10]);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  at.setUTCHours(hour, minute, second, 0);
  // Date normalises 2026-02-30 to 2026-03-02 and 24:00 to the next day: refuse what it had to move.
  const real =
    at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day && at.getUTCHours() === hour && minute <= 59 && second <= 59;
  if (!real || offsetHours > 23 || offsetMinutes > 59) throw new RangeError(`not a real instant: ${JSON.stringify(iso)}`);
  const offsetSeconds = (m[8] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
  return { seconds: at.getTime() / 1000 - offsetSeconds, nanos: Number((m[7] ?? '').padEnd(9, '0')) };
}

/**
 * Length of a pitch in whole seconds (rounded down), never negative: an end
 * recorded before the start (clock skew, a corrected start) counts as 0.
 * Both are ISO 8601 instants with an offset ('2026-10-12T02:03:04.567Z');
 * throws a RangeError otherwise.
 */
export function pitchSecondsBetween(startIso: string, endIso: string): number {
  const start = parseInstant(startIso);
  const end = parseInstant(endIso);
  const whole = end.seconds - start.seconds - (end.nanos < start.nanos ? 1 : 0);
  return Math.max(0, whole);
}
