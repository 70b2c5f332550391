import { AppError, type ErrorCode } from './domain/errors.js';

/**
 * How a failure becomes a response, in one place for GraphQL (src/graphql/errors.ts)
 * and the exports (src/exports/handler.ts): our typed errors with their code and
 * caller-safe details, DynamoDB's busy signals as SERVICE_UNAVAILABLE, anything
 * else masked (the detail goes to the log, never to the caller).
 */
export const INTERNAL_MESSAGE = 'Internal server error';
export const BUSY_MESSAGE = 'The service is busy; retry shortly';

/** AWS faults that mean "busy, try again", not "broken". */
const RETRYABLE_AWS_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionCanceledException',
  'InternalServerError',
  'ServiceUnavailable',
  'TimeoutError',
]);

export const HTTP_STATUS: Record<ErrorCode | 'INTERNAL_SERVER_ERROR', number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export interface Failure {
  code: ErrorCode | 'INTERNAL_SERVER_ERROR';
  message: string;
  /** What `extensions` carries besides `code`. */
  details: Record<string, unknown>;
  /** False for faults: log them loudly. */
  expected: boolean;
}

export function failureOf(error: unknown): Failure {
  if (error instanceof AppError) return { code: error.code, message: error.message, details: error.details, expected: true };
  if (isRetryableAwsError(error)) return { code: 'SERVICE_UNAVAILABLE', message: BUSY_MESSAGE, details: {}, expected: true };
  return { code: 'INTERNAL_SERVER_ERROR', message: INTERNAL_MESSAGE, details: {}, expected: false };
}

export function isRetryableAwsError(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (!e || typeof e !== 'object') return false;
  return RETRYABLE_AWS_ERRORS.has(e.name ?? '') || (e.$metadata?.httpStatusCode ?? 0) >= 500;
}
