/**
 * Every failure a caller may see, with the stable `extensions.code` it maps to.
 * Anything that is not an AppError is an internal fault and is masked at the edge.
 */

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'SERVICE_UNAVAILABLE';

export interface FieldIssue {
  /** Dotted path into the operation's arguments, e.g. `input.scores.2.score`. */
  readonly path: string;
  readonly message: string;
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

  static at(path: string, message: string): InvalidInputError {
    return new InvalidInputError([{ path, message }]);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'A valid bearer token is required') {
    super(message);
  }
}

export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, reason?: string) {
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
  constructor(message: string, reason?: string) {
    super(message, reason ? { reason } : {});
  }
}

export class ServiceUnavailableError extends AppError {
  readonly code = 'SERVICE_UNAVAILABLE';
  constructor(message = 'The service is busy; retry shortly') {
    super(message);
  }
}
