/**
 * The deadlines of a 差评 follow-up case, in Chinese working days (workdays.ts),
 * and whether a case is overdue or due soon.
 *
 * An appeal does not stop the clocks: a unit that appeals instead of calling back
 * is overdue once the callback deadline passes, unless its appeal is upheld (an
 * UPHELD case is never overdue). Otherwise an appeal would be a way to stall.
 */
import { type CalendarOverride, workingDayDeadline } from '../../domain/workdays.js';
import type { CaseState } from './cases.js';
import { closedOnTime } from './cases.js';

export interface DeadlineRule {
  /** 回访: working days after the day of the rating. */
  callbackWorkingDays: number;
  /** 整改 and 办结: working days after the day of the rating, at least callbackWorkingDays. */
  rectificationWorkingDays: number;
}

export interface CaseDeadlines {
  callbackDueAt: Date;
  rectificationDueAt: Date;
}

/**
 * Both deadlines count from the Beijing calendar day the rating was received:
 * each ends at 24:00 Beijing time of the Nth working day after it (workingDayDeadline).
 * Throws a RangeError unless 1 ≤ callbackWorkingDays ≤ rectificationWorkingDays ≤ 366
 * are whole numbers, or for a bad override.
 */
export function caseDeadlines(receivedAt: Date, rule: DeadlineRule, overrides: readonly CalendarOverride[]): CaseDeadlines {
  if (rule.rectificationWorkingDays < rule.callbackWorkingDays) {
    throw new RangeError(`rectification (${rule.rectificationWorkingDays} working days) cannot end before the callback (${rule.callbackWorkingDays})`);
  }
  return {
    callbackDueAt: workingDayDeadline(receivedAt, rule.callbackWorkingDays, overrides),
    rectificationDueAt: workingDayDeadline(receivedAt, rule.rectificationWorkingDays, overrides),
  };
}

type Timed = Pick<CaseState, 'status' | 'callbackDueAt' | 'rectificationDueAt' | 'calledBackAt' | 'closedAt'>;

/** The instant of an ISO string; at a deadline the period is over (it ends at 24:00, exclusive). */
const ms = (iso: string): number => Date.parse(iso);

/**
 * Whether a case has missed a deadline as of `now`: not called back by
 * callbackDueAt, or not closed by rectificationDueAt. A case closed late stays
 * overdue; a case closed on time (even after a late callback) or UPHELD is not.
 */
export function isOverdue(state: Timed, now: Date): boolean {
  if (state.status === 'UPHELD') return false;
  if (state.status === 'CLOSED') return !closedOnTime(state);
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid Date');
  return (state.calledBackAt === null && t >= ms(state.callbackDueAt)) || t >= ms(state.rectificationDueAt);
}

/** The deadline the case works towards next: the callback until it is done, then closing; none once CLOSED or UPHELD. */
export function nextDeadline(state: Timed): Date | null {
  if (state.status === 'CLOSED' || state.status === 'UPHELD') return null;
  return new Date(state.calledBackAt === null ? state.callbackDueAt : state.rectificationDueAt);
}

/**
 * Not overdue, and its next deadline comes by the end of the next working day
 * after today (24:00 Beijing of it): due today or on the next working day, e.g.
 * on Friday a deadline at the end of Monday.
 */
export function isDueSoon(state: Timed, now: Date, overrides: readonly CalendarOverride[]): boolean {
  if (isOverdue(state, now)) return false;
  const next = nextDeadline(state);
  return next !== null && next.getTime() <= workingDayDeadline(now, 1, overrides).getTime();
}
