import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/domain/errors.js';
import {
  allowedActions,
  CASE_ACTION_LABELS,
  CASE_ACTION_TYPES,
  CASE_STATUSES,
  type CaseAction,
  type CaseActionType,
  type CaseState,
  type CaseStatus,
  CaseStepOutOfOrderError,
  openCase,
  step,
  transition,
} from '../../src/methods/ratings/cases.js';
import { caseDeadlines, isDueSoon, isOverdue, nextDeadline } from '../../src/methods/ratings/deadlines.js';

const T0 = new Date('2026-09-30T10:00:00+08:00'); // Wed 30 Sep 2026, the eve of 国庆
const RULE = { callbackWorkingDays: 1, rectificationWorkingDays: 5 };
const fresh = (): CaseState => openCase(T0, caseDeadlines(T0, RULE, []));
const at = (iso: string) => new Date(iso);
const run = (actions: readonly CaseAction[], from: CaseState = fresh()): CaseState => actions.reduce(transition, from);

/** Every action, with both outcomes where there are two. */
const EVERY_ACTION = (when: Date): CaseAction[] => [
  { type: 'CALL_BACK', at: when },
  { type: 'VERIFY', substantiated: true, at: when },
  { type: 'VERIFY', substantiated: false, at: when },
  { type: 'RECTIFY', at: when },
  { type: 'CLOSE', at: when },
  { type: 'APPEAL', at: when },
  { type: 'DECIDE_APPEAL', upheld: true, at: when },
  { type: 'DECIDE_APPEAL', upheld: false, at: when },
];

const anyAction: fc.Arbitrary<CaseAction> = fc
  .tuple(fc.integer({ min: 0, max: 7 }), fc.date({ min: T0, max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }))
  .map(([i, when]) => EVERY_ACTION(when)[i]!);

describe('case deadlines', () => {
  it('5 working days from Wed 30 Sep 2026 end 2026-10-13T16:00Z, across 国庆 and the 调休 Saturday 10 Oct', () => {
    const d = caseDeadlines(T0, RULE, []);
    expect(d.callbackDueAt.toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(d.rectificationDueAt.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    const withoutMakeUp = caseDeadlines(T0, RULE, [{ date: '2026-10-10', workday: false, name: '更正' }]);
    expect(withoutMakeUp.rectificationDueAt.toISOString()).toBe('2026-10-14T16:00:00.000Z');
  });

  it('refuses a rectification period shorter than the callback period, or not a whole number of days', () => {
    expect(() => caseDeadlines(T0, { callbackWorkingDays: 3, rectificationWorkingDays: 2 }, [])).toThrow(RangeError);
    expect(() => caseDeadlines(T0, { callbackWorkingDays: 0, rectificationWorkingDays: 2 }, [])).toThrow(RangeError);
    expect(() => caseDeadlines(T0, { callbackWorkingDays: 1, rectificationWorkingDays: 1.5 }, [])).toThrow(RangeError);
  });

  it('is overdue when not called back by the callback deadline, or not closed by the rectification deadline', () => {
    const c = fresh();
    expect(isOverdue(c, at('2026-10-08T15:59:59.999Z'))).toBe(false);
    expect(isOverdue(c, at('2026-10-08T16:00:00.000Z'))).toBe(true);
    const calledBack = run([{ type: 'CALL_BACK', at: at('2026-10-08T02:00:00Z') }]);
    expect(isOverdue(calledBack, at('2026-10-12T00:00:00Z'))).toBe(false);
    expect(isOverdue(calledBack, at('2026-10-13T16:00:00Z'))).toBe(true);
    // An appeal does not stop the clock.
    const appealed = run([{ type: 'APPEAL', at: at('2026-10-08T02:00:00Z') }]);
    expect(isOverdue(appealed, at('2026-10-09T00:00:00Z'))).toBe(true);
  });

  it('is not overdue once UPHELD or closed on time; a late close stays overdue', () => {
    const upheld = run([
      { type: 'APPEAL', at: at('2026-10-08T02:00:00Z') },
      { type: 'DECIDE_APPEAL', upheld: true, at: at('2026-10-20T02:00:00Z') },
    ]);
    expect(isOverdue(upheld, at('2027-01-01T00:00:00Z'))).toBe(false);
    const steps = (closeAt: string): CaseAction[] => [
      { type: 'CALL_BACK', at: at('2026-10-09T02:00:00Z') }, // a day late
      { type: 'VERIFY', substantiated: true, at: at('2026-10-09T03:00:00Z') },
      { type: 'RECTIFY', at: at('2026-10-09T04:00:00Z') },
      { type: 'CLOSE', at: at(closeAt) },
    ];
    expect(isOverdue(run(steps('2026-10-13T15:59:59Z')), at('2027-01-01T00:00:00Z'))).toBe(false);
    expect(isOverdue(run(steps('2026-10-13T16:00:00Z')), at('2027-01-01T00:00:00Z'))).toBe(true);
  });

  it('is due soon when its next deadline comes by the end of the next working day', () => {
    const c = fresh(); // callback due at the end of Thu 8 Oct
    expect(nextDeadline(c)?.toISOString()).toBe('2026-10-08T16:00:00.000Z');
    expect(isDueSoon(c, at('2026-10-05T12:00:00+08:00'), [])).toBe(true); // the holiday: next working day is 8 Oct
    expect(isDueSoon(c, at('2026-10-08T12:00:00+08:00'), [])).toBe(true); // due today
    expect(isDueSoon(c, at('2026-10-09T00:00:00+08:00'), [])).toBe(false); // overdue instead
    const calledBack = run([{ type: 'CALL_BACK', at: at('2026-10-08T10:00:00+08:00') }]); // now the close, end of Tue 13 Oct
    expect(nextDeadline(calledBack)?.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    expect(isDueSoon(calledBack, at('2026-10-10T12:00:00+08:00'), [])).toBe(false); // make-up Sat: next is Mon 12
    expect(isDueSoon(calledBack, at('2026-10-11T12:00:00+08:00'), [])).toBe(false); // Sun: next is Mon 12
    expect(isDueSoon(calledBack, at('2026-10-12T12:00:00+08:00'), [])).toBe(true); // Mon: next is Tue 13
    // An organizer's extra day off on Mon 12 Oct makes the Tuesday deadline the next working day's from Saturday.
    expect(isDueSoon(calledBack, at('2026-10-10T12:00:00+08:00'), [{ date: '2026-10-12', workday: false, name: '停工' }])).toBe(true);
  });

  it('is never both overdue and due soon, and neither once final', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 8 }), fc.date({ min: T0, max: new Date('2027-01-31T00:00:00Z'), noInvalidDate: true }), (actions, now) => {
        const c = actions.reduce((s, a) => {
          const r = step(s, a);
          return r.ok ? r.state : s;
        }, fresh());
        expect(isOverdue(c, now) && isDueSoon(c, now, [])).toBe(false);
        if (c.status === 'UPHELD' || c.status === 'CLOSED') expect(isDueSoon(c, now, [])).toBe(false);
        if (c.status === 'UPHELD') expect(isOverdue(c, now)).toBe(false);
      }),
    );
  });
});

describe('follow-up cases: worked examples', () => {
  it('goes 回访 → 核实 → 整改 → 办结', () => {
    const c = run([
      { type: 'CALL_BACK', at: at('2026-10-08T02:00:00Z') },
      { type: 'VERIFY', substantiated: true, at: at('2026-10-08T03:00:00Z') },
      { type: 'RECTIFY', at: at('2026-10-09T03:00:00Z') },
      { type: 'CLOSE', at: at('2026-10-12T03:00:00Z') },
    ]);
    expect(c).toMatchObject({
      status: 'CLOSED',
      calledBackAt: '2026-10-08T02:00:00.000Z',
      substantiated: true,
      rectifyingAt: '2026-10-09T03:00:00.000Z',
      closedAt: '2026-10-12T03:00:00.000Z',
      appeal: null,
    });
  });

  it('closes an unsubstantiated case without rectification', () => {
    const c = run([
      { type: 'CALL_BACK', at: at('2026-10-08T02:00:00Z') },
      { type: 'VERIFY', substantiated: false, at: at('2026-10-08T03:00:00Z') },
    ]);
    expect(c.status).toBe('NOT_SUBSTANTIATED');
    expect(allowedActions(c.status)).toEqual(['CLOSE']);
    expect(transition(c, { type: 'CLOSE', at: at('2026-10-08T04:00:00Z') }).status).toBe('CLOSED');
  });

  it('refuses a step out of order, naming what the status allows (「当前状态只能：回访」)', () => {
    const c = fresh();
    const r = step(c, { type: 'CLOSE', at: T0 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.refusal).toMatchObject({ code: 'CASE_STEP_OUT_OF_ORDER', status: 'RECEIVED', action: 'CLOSE', allowed: ['CALL_BACK', 'APPEAL'] });
    expect(`当前状态只能：${r.refusal.allowed.map((a) => CASE_ACTION_LABELS[a]).join('、')}`).toBe('当前状态只能：回访、申诉');

    const calledBack = run([{ type: 'CALL_BACK', at: T0 }]);
    let error: unknown;
    try {
      transition(calledBack, { type: 'RECTIFY', at: T0 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaseStepOutOfOrderError);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).code).toBe('CONFLICT');
    expect((error as ConflictError).details).toEqual({
      reason: 'CASE_STEP_OUT_OF_ORDER',
      status: 'CALLED_BACK',
      action: 'RECTIFY',
      allowed: ['VERIFY', 'APPEAL'],
    });
  });

  it('an upheld appeal ends the case: UPHELD is final', () => {
    const c = run([
      { type: 'CALL_BACK', at: at('2026-10-08T02:00:00Z') },
      { type: 'VERIFY', substantiated: true, at: at('2026-10-08T03:00:00Z') },
      { type: 'APPEAL', at: at('2026-10-08T04:00:00Z') },
      { type: 'DECIDE_APPEAL', upheld: true, at: at('2026-10-09T04:00:00Z') },
    ]);
    expect(c.status).toBe('UPHELD');
    expect(c.appeal).toEqual({ from: 'VERIFIED', filedAt: '2026-10-08T04:00:00.000Z', outcome: 'UPHELD', decidedAt: '2026-10-09T04:00:00.000Z' });
    expect(allowedActions(c.status, c.appeal)).toEqual([]);
  });

  it('a rejected appeal resumes the case where it was, keeping the rejection; no second appeal', () => {
    const appealed = run([
      { type: 'CALL_BACK', at: at('2026-10-08T02:00:00Z') },
      { type: 'APPEAL', at: at('2026-10-08T04:00:00Z') },
    ]);
    expect(appealed.status).toBe('APPEALED');
    expect(allowedActions(appealed.status, appealed.appeal)).toEqual(['DECIDE_APPEAL']);
    const resumed = transition(appealed, { type: 'DECIDE_APPEAL', upheld: false, at: at('2026-10-09T04:00:00Z') });
    expect(resumed.status).toBe('CALLED_BACK');
    expect(resumed.appeal).toEqual({ from: 'CALLED_BACK', filedAt: '2026-10-08T04:00:00.000Z', outcome: 'REJECTED', decidedAt: '2026-10-09T04:00:00.000Z' });
    expect(allowedActions(resumed.status, resumed.appeal)).toEqual(['VERIFY']);
    expect(step(resumed, { type: 'APPEAL', at: T0 }).ok).toBe(false);
    const verified = transition(resumed, { type: 'VERIFY', substantiated: true, at: at('2026-10-09T05:00:00Z') });
    expect(verified.status).toBe('VERIFIED');
    expect(verified.appeal?.outcome).toBe('REJECTED');
  });

  it('refuses deadlines out of order and invalid instants', () => {
    expect(() => openCase(T0, { callbackDueAt: T0, rectificationDueAt: at('2026-10-13T16:00:00Z') })).toThrow(RangeError);
    expect(() => openCase(T0, { callbackDueAt: at('2026-10-13T16:00:00Z'), rectificationDueAt: at('2026-10-08T16:00:00Z') })).toThrow(RangeError);
    expect(() => transition(fresh(), { type: 'CALL_BACK', at: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('follow-up cases: properties', () => {
  /** Every state reachable from RECEIVED by allowed actions (times do not matter to the status). */
  function reachable(): CaseState[] {
    const seen = new Map<string, CaseState>();
    const queue = [fresh()];
    while (queue.length) {
      const s = queue.shift()!;
      const key = JSON.stringify([s.status, s.substantiated, s.calledBackAt !== null, s.rectifyingAt !== null, s.appeal?.from, s.appeal?.outcome]);
      if (seen.has(key)) continue;
      seen.set(key, s);
      for (const a of EVERY_ACTION(T0)) {
        const r = step(s, a);
        if (r.ok) queue.push(r.state);
      }
    }
    return [...seen.values()];
  }

  it('reaches every status from RECEIVED', () => {
    expect(new Set(reachable().map((s) => s.status))).toEqual(new Set<CaseStatus>(CASE_STATUSES));
  });

  it('no action leaves CLOSED or UPHELD', () => {
    const finals = reachable().filter((s) => s.status === 'CLOSED' || s.status === 'UPHELD');
    expect(finals.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...finals), anyAction, (s, a) => {
        expect(allowedActions(s.status, s.appeal)).toEqual([]);
        const r = step(s, a);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.refusal.allowed).toEqual([]);
      }),
    );
  });

  it('accepts exactly the allowed actions, never changes the state it is given, and refuses the rest naming the allowed ones', () => {
    fc.assert(
      fc.property(fc.array(anyAction, { maxLength: 12 }), (actions) => {
        let s = fresh();
        for (const a of actions) {
          const before = structuredClone(s);
          const allowed: readonly CaseActionType[] = allowedActions(s.status, s.appeal);
          const r = step(Object.freeze(s), a);
          expect(s).toEqual(before);
          expect(r.ok).toBe(allowed.includes(a.type));
          if (r.ok) s = r.state;
          else expect(r.refusal.allowed).toEqual(allowed);
          expect(allowed.every((x) => CASE_ACTION_TYPES.includes(x))).toBe(true);
        }
        // A rejected appeal is kept on the record, never as the case's status.
        if (s.appeal?.outcome === 'REJECTED') expect(s.status).not.toBe('APPEALED');
      }),
    );
  });
});
