/**
 * The follow-up case every 差评 opens (回访 → 核实 → 整改 → 办结), with the rated
 * unit's appeal (申诉): a pure state machine. The caller supplies every instant
 * (`at`); who may take which action (the unit appeals, a supervisor decides) is
 * the caller's authorization, not decided here.
 *
 *   RECEIVED ──CALL_BACK──▶ CALLED_BACK ──VERIFY(true)──▶ VERIFIED ──RECTIFY──▶ RECTIFYING ──CLOSE──▶ CLOSED
 *                                      └──VERIFY(false)─▶ NOT_SUBSTANTIATED ───────────────CLOSE──▶ CLOSED
 *   RECEIVED | CALLED_BACK | VERIFIED ──APPEAL──▶ APPEALED ──DECIDE_APPEAL(upheld)──▶ UPHELD (final; the rating no longer counts)
 *                                                         └─DECIDE_APPEAL(rejected)─▶ back to the status appealed from
 *
 * A rejected appeal is not a status. Design choice: the case returns to the
 * status it was appealed from and keeps `appeal` with `outcome: 'REJECTED'`, so
 * the record holds both where the case stands and that an appeal was rejected.
 * Had REJECTED been a resting status, the status would no longer say how far the
 * follow-up had got, and every reader (allowed actions, deadlines, counts) would
 * have to look behind it at `appeal.from`. Hence there is no REJECTED status;
 * "申诉驳回" is shown from `appeal.outcome`.
 *
 * A case has at most one appeal: after a rejection, APPEAL is no longer allowed,
 * so a unit cannot stall its case by appealing again and again. The deadlines run
 * on while an appeal is pending (see deadlines.ts).
 */
import { ConflictError } from '../../domain/errors.js';

export const CASE_STATUSES = ['RECEIVED', 'CALLED_BACK', 'VERIFIED', 'NOT_SUBSTANTIATED', 'RECTIFYING', 'CLOSED', 'APPEALED', 'UPHELD'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses no action leaves. */
export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['CLOSED', 'UPHELD'];

/** Statuses the unit may appeal from. */
export const APPEALABLE_STATUSES = ['RECEIVED', 'CALLED_BACK', 'VERIFIED'] as const;
export type AppealableStatus = (typeof APPEALABLE_STATUSES)[number];

export const CASE_ACTION_TYPES = ['CALL_BACK', 'VERIFY', 'RECTIFY', 'CLOSE', 'APPEAL', 'DECIDE_APPEAL'] as const;
export type CaseActionType = (typeof CASE_ACTION_TYPES)[number];

export type CaseAction =
  | { type: 'CALL_BACK'; at: Date }
  | { type: 'VERIFY'; substantiated: boolean; at: Date }
  | { type: 'RECTIFY'; at: Date }
  | { type: 'CLOSE'; at: Date }
  | { type: 'APPEAL'; at: Date }
  | { type: 'DECIDE_APPEAL'; upheld: boolean; at: Date };

/** Labels for messages such as 「当前状态只能：回访」. */
export const CASE_ACTION_LABELS: Readonly<Record<CaseActionType, string>> = {
  CALL_BACK: '回访',
  VERIFY: '核实',
  RECTIFY: '整改',
  CLOSE: '办结',
  APPEAL: '申诉',
  DECIDE_APPEAL: '申诉裁定',
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  RECEIVED: '待回访',
  CALLED_BACK: '已回访',
  VERIFIED: '核实属实',
  NOT_SUBSTANTIATED: '核实不属实',
  RECTIFYING: '整改中',
  CLOSED: '已办结',
  APPEALED: '申诉中',
  UPHELD: '申诉成立',
};

export type AppealOutcome = 'PENDING' | 'UPHELD' | 'REJECTED';

export interface CaseAppeal {
  /** The status the case was in when the unit appealed; a rejection returns it there. */
  from: AppealableStatus;
  filedAt: string;
  outcome: AppealOutcome;
  decidedAt: string | null;
}

/** A follow-up case as stored: instants are ISO 8601 strings (UTC). */
export interface CaseState {
  status: CaseStatus;
  receivedAt: string;
  /** Fixed when the case opens (deadlines.ts, caseDeadlines), so later calendar edits do not move them. */
  callbackDueAt: string;
  rectificationDueAt: string;
  calledBackAt: string | null;
  verifiedAt: string | null;
  /** The verification's finding; null until verified. */
  substantiated: boolean | null;
  /** When rectification started (RECTIFY). */
  rectifyingAt: string | null;
  closedAt: string | null;
  appeal: CaseAppeal | null;
}

/**
 * This module's refusal codes. The API's ErrorReason should gain them (see the
 * report with this module); until then CaseStepOutOfOrderError carries the code
 * in its details.
 */
export const RATING_REFUSALS = ['CASE_STEP_OUT_OF_ORDER'] as const;
export type RatingRefusal = (typeof RATING_REFUSALS)[number];

/** Why an action was refused, with what the case could do instead. */
export interface CaseStepRefusal {
  code: 'CASE_STEP_OUT_OF_ORDER';
  status: CaseStatus;
  action: CaseActionType;
  /** What the current status allows, in CASE_ACTION_TYPES order; empty for a final status. */
  allowed: readonly CaseActionType[];
  /** English, for logs; clients word it from the fields, e.g. 「当前状态只能：回访」. */
  message: string;
}

export type CaseStep = { ok: true; state: CaseState } | { ok: false; refusal: CaseStepRefusal };

/** A refused case action as a CONFLICT error; `details` carries `reason`, `status`, `action` and `allowed`. */
export class CaseStepOutOfOrderError extends ConflictError {
  readonly refusal: CaseStepRefusal;

  constructor(refusal: CaseStepRefusal) {
    super(refusal.message);
    this.refusal = refusal;
    // ConflictError only takes an ErrorReason, which does not list this code yet.
    Object.assign(this.details, { reason: refusal.code, status: refusal.status, action: refusal.action, allowed: refusal.allowed });
  }
}

function iso(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('invalid Date');
  return at.toISOString();
}

/** A new case in RECEIVED, with its deadlines (from caseDeadlines). */
export function openCase(receivedAt: Date, deadlines: { callbackDueAt: Date; rectificationDueAt: Date }): CaseState {
  const received = iso(receivedAt);
  const callbackDueAt = iso(deadlines.callbackDueAt);
  const rectificationDueAt = iso(deadlines.rectificationDueAt);
  if (deadlines.callbackDueAt <= receivedAt) throw new RangeError('the callback deadline must come after the rating');
  if (deadlines.rectificationDueAt < deadlines.callbackDueAt) throw new RangeError('the rectification deadline must not come before the callback deadline');
  return {
    status: 'RECEIVED',
    receivedAt: received,
    callbackDueAt,
    rectificationDueAt,
    calledBackAt: null,
    verifiedAt: null,
    substantiated: null,
    rectifyingAt: null,
    closedAt: null,
    appeal: null,
  };
}

const NEXT_STEPS: Readonly<Record<CaseStatus, readonly CaseActionType[]>> = {
  RECEIVED: ['CALL_BACK', 'APPEAL'],
  CALLED_BACK: ['VERIFY', 'APPEAL'],
  VERIFIED: ['RECTIFY', 'APPEAL'],
  NOT_SUBSTANTIATED: ['CLOSE'],
  RECTIFYING: ['CLOSE'],
  CLOSED: [],
  APPEALED: ['DECIDE_APPEAL'],
  UPHELD: [],
};

/**
 * The actions a case in `status` allows, in CASE_ACTION_TYPES order. Pass the
 * case's `appeal` too: once an appeal has been decided, APPEAL is no longer allowed.
 */
export function allowedActions(status: CaseStatus, appeal: CaseAppeal | null = null): readonly CaseActionType[] {
  const steps = NEXT_STEPS[status];
  return appeal ? steps.filter((a) => a !== 'APPEAL') : steps;
}

/** The case after `action`, or why it was refused; the state given is never changed. */
export function step(current: CaseState, action: CaseAction): CaseStep {
  const allowed = allowedActions(current.status, current.appeal);
  if (!allowed.includes(action.type)) {
    const only = allowed.length ? `only ${allowed.join(', ')} is allowed` : 'the case is final';
    return {
      ok: false,
      refusal: {
        code: 'CASE_STEP_OUT_OF_ORDER',
        status: current.status,
        action: action.type,
        allowed,
        message: `Cannot ${action.type} a case that is ${current.status}: ${only}`,
      },
    };
  }
  const at = iso(action.at);
  return { ok: true, state: apply(current, action, at) };
}

/** Only called with an allowed action. */
function apply(current: CaseState, action: CaseAction, at: string): CaseState {
  switch (action.type) {
    case 'CALL_BACK':
      return { ...current, status: 'CALLED_BACK', calledBackAt: at };
    case 'VERIFY':
      return { ...current, status: action.substantiated ? 'VERIFIED' : 'NOT_SUBSTANTIATED', verifiedAt: at, substantiated: action.substantiated };
    case 'RECTIFY':
      return { ...current, status: 'RECTIFYING', rectifyingAt: at };
    case 'CLOSE':
      return { ...current, status: 'CLOSED', closedAt: at };
    case 'APPEAL':
      return { ...current, status: 'APPEALED', appeal: { from: appealableFrom(current.status), filedAt: at, outcome: 'PENDING', decidedAt: null } };
    case 'DECIDE_APPEAL': {
      const appeal = current.appeal;
      if (!appeal) throw new Error('an APPEALED case without its appeal');
      return action.upheld
        ? { ...current, status: 'UPHELD', appeal: { ...appeal, outcome: 'UPHELD', decidedAt: at } }
        : { ...current, status: appeal.from, appeal: { ...appeal, outcome: 'REJECTED', decidedAt: at } };
    }
  }
}

function appealableFrom(status: CaseStatus): AppealableStatus {
  if (!(APPEALABLE_STATUSES as readonly CaseStatus[]).includes(status)) throw new Error(`no appeal from ${status}`);
  return status as AppealableStatus;
}

/** The case after `action`; throws CaseStepOutOfOrderError (a CONFLICT) when the status does not allow it. */
export function transition(current: CaseState, action: CaseAction): CaseState {
  const result = step(current, action);
  if (!result.ok) throw new CaseStepOutOfOrderError(result.refusal);
  return result.state;
}

/** Closed before its rectification deadline (24:00 Beijing of the last working day). */
export function closedOnTime(state: Pick<CaseState, 'status' | 'closedAt' | 'rectificationDueAt'>): boolean {
  return state.status === 'CLOSED' && state.closedAt !== null && Date.parse(state.closedAt) < Date.parse(state.rectificationDueAt);
}
