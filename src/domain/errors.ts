/**
 * Every failure a caller may see, with the stable `extensions.code` it maps to.
 * Anything that is not an AppError is an internal fault and is masked at the edge.
 */

export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'SERVICE_UNAVAILABLE';

/**
 * What is wrong with one input value, as a stable code clients word in the
 * person's language (the schema's `IssueCode` enum lists the same values and
 * `src/graphql/contract.ts` checks that they agree).
 */
export const ISSUE_CODES = [
  'REQUIRED',
  'WRONG_TYPE',
  'TOO_SHORT',
  'TOO_LONG',
  'TOO_SMALL',
  'TOO_BIG',
  'TOO_FEW',
  'TOO_MANY',
  'NOT_INTEGER',
  'NOT_FINITE',
  'NOT_POSITIVE',
  'NOT_ONE_OF',
  'BAD_ID',
  'RESERVED_WORD',
  'BAD_FORMAT',
  'NOT_MULTIPLE_OF_STEP',
  'ABOVE_MAX_SCORE',
  'STEP_DOES_NOT_DIVIDE_MAX',
  'DUPLICATE',
  'UNKNOWN_CRITERION',
  'MISSING_CRITERION',
  'NEEDS_SHEET_TRIM',
  'TOTAL_TOO_LARGE',
  'ONE_OF_REQUIRED',
  'NOT_IN_ROUND',
  'UNIT_CYCLE',
  'INCOMPLETE_ORDER',
  'NOT_IN_FUTURE',
  'BAD_CURSOR',
  'METHOD_NOT_AVAILABLE',
  'UNKNOWN_INDICATOR',
  'WEIGHTS_DO_NOT_SUM',
  'MISSING_PARAMETER',
  'EQUAL_BOUNDS',
  'UNKNOWN_CLASS',
  'CLASSES_EXCLUDE_ZSCORE',
  'AUDIENCE_NO_TRIM',
  'AUDIENCE_MEAN_ONLY',
  'AUDIENCE_NEEDS_JUDGES',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/** Facts a client needs to word an issue, e.g. `{ step: '0.5' }`; numbers that are decimals travel as text. */
export type IssueParams = Readonly<Record<string, string | number | readonly string[]>>;

export interface FieldIssue {
  /** Dotted path into the operation's arguments, 0-based, e.g. `input.scores.2.score`. */
  readonly path: string;
  readonly code: IssueCode;
  readonly params?: IssueParams;
  /** English, for logs and developers; clients word the issue from `code` and `params`. */
  readonly message: string;
}

/** Why a valid request was refused (`extensions.reason`); the schema's `ErrorReason` enum lists the same values. */
export const ERROR_REASONS = [
  'ROLE',
  'NOT_YOUR_COMPETITION',
  'NOT_YOUR_DIRECTORY',
  'OUT_OF_KEY_SCOPE',
  'NOT_ON_PANEL',
  'RESULTS_NOT_VISIBLE',
  'ORIGIN',
  'ROUND_STATUS',
  'REJECTED_AFTER_CLOSE',
  'ROUND_FINALIZING',
  'ROUND_INCOMPLETE',
  'PANEL_FIXED',
  'ALREADY_ENROLLED',
  'CONFLICT_SAME_UNIT',
  'CONFLICT_DECLARED',
  'CONFLICT_SET',
  'CLIENT_REQUEST_ID_REUSED',
  'CONCURRENT_EDIT',
  'HAS_RESULTS',
  'WRONG_METHOD',
  'MAKER_CHECKER',
  'SEAT_REVOKED',
  'SEAT_ALREADY_JOINED',
  'SEAT_SCOPE',
  'NOT_ON_STAGE',
  'NOT_PITCHED',
  'PITCH_NOT_RUNNING',
  'SHEETS_MISSING',
  'SIGN_OFF_MISSING',
  'NOTICE_CLOSED',
  'OBJECTION_ANSWERED',
  'OBJECTION_NOT_UPHELD',
  'CODE_ROTATED',
  'ALREADY_RATED',
  'RATE_LIMITED',
  'FORM_EXPIRED',
  'CASE_STEP_OUT_OF_ORDER',
  'BALLOT_USED',
] as const;
export type ErrorReason = (typeof ERROR_REASONS)[number];

/** One issue; `issue('input.name', 'TOO_LONG', 'at most 80 characters', { maximum: 80 })`. */
export function issue(path: string, code: IssueCode, message: string, params?: IssueParams): FieldIssue {
  return params ? { path, code, params, message } : { path, code, message };
}

export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra, caller-safe facts for `extensions`. */
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class InvalidInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[]) {
    const first = issues[0];
    super(first ? `${first.path}: ${first.message}` : 'Invalid input', {
      field: first?.path,
      issues,
    });
    this.issues = issues;
  }

  static at(path: string, code: IssueCode, message: string, params?: IssueParams): InvalidInputError {
    return new InvalidInputError([issue(path, code, message, params)]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'A valid bearer token is required', reason?: ErrorReason) {
    super(message, reason ? { reason } : {});
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, reason?: ErrorReason) {
    super(message, reason ? { reason } : {});
  }
}

export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  /** `field` names the argument that referred to the missing thing, e.g. `input.rubricId`. */
  constructor(kind: string, id: string, field?: string) {
    super(`${kind} ${id} not found`, field ? { kind, id, field } : { kind, id });
  }
}

export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, reason?: ErrorReason) {
    super(message, reason ? { reason } : {});
  }
}

export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The service is busy; retry shortly') {
    super(message);
  }
}
