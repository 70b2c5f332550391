import { ApiError } from '../api/client';
import { describeError } from '../api/errors';
import type { Lang, Translate } from '../i18n';
import { BEIJING } from '../results/format';
import { isCaseAction, type CaseRecord } from './model';

/**
 * A deadline in Beijing time. Deadlines end at 24:00 of a working day, which the clock
 * calls 00:00 of the next: shown as "10月8日 24:00", as the notice that set it says.
 */
export function deadlineText(lang: Lang, iso: string): string {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: BEIJING, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const midnight = parts === '00:00';
  const day = midnight ? new Date(at.getTime() - 1) : at;
  const date = new Intl.DateTimeFormat(lang, { timeZone: BEIJING, month: 'long', day: 'numeric', weekday: 'short' }).format(day);
  return `${date} ${midnight ? '24:00' : parts}`;
}

/** A moment in Beijing time, to the minute: "5月12日 10:32". */
export function momentText(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: BEIJING, month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(iso),
  );
}

/** Which of the case's deadlines is the one running now: the callback until it is called back, then closing. */
export function runningDeadline(c: Pick<CaseRecord, 'status' | 'steps'>): 'callback' | 'rectification' | null {
  if (c.status === 'CLOSED' || c.status === 'UPHELD') return null;
  const calledBack = c.steps.some((s) => s.status === 'CALLED_BACK');
  return calledBack ? 'rectification' : 'callback';
}

/**
 * A refused case step in words. CASE_STEP_OUT_OF_ORDER names what the case allows now
 * (someone else may have moved it on): "该工单当前只能：核实、申诉。".
 */
export function caseErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.reason === 'CASE_STEP_OUT_OF_ORDER') {
    const allowed = error.errors[0]?.extensions?.allowed;
    if (Array.isArray(allowed)) {
      const actions = allowed.map(String).filter(isCaseAction);
      return actions.length
        ? t('ratings.case.outOfOrder', { actions: actions.map((a) => t(`ratings.action.${a}`)).join('、') })
        : t('ratings.case.outOfOrderFinal');
    }
  }
  return describeError(t, error);
}
