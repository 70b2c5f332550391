import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError } from '../domain/errors.js';

/** Codes Apollo Server itself produces for malformed requests; safe to pass through. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'NOT_MODIFIED',
]);

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

export const INTERNAL_MESSAGE = 'Internal server error';

/**
 * The only way an error reaches a client: our typed errors with their stable
 * code and caller-safe details; Apollo's request errors as they are; anything
 * else masked as INTERNAL_SERVER_ERROR (the detail goes to the log instead).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = rootCause(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
  }
  if (isRetryableAwsError(original)) {
    return { ...base, message: 'The service is busy; retry shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, extensions: { code } };
  }
  return { message: INTERNAL_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function isRetryableAwsError(error: unknown): boolean {
  const e = error as { name?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  if (!e || typeof e !== 'object') return false;
  return RETRYABLE_AWS_ERRORS.has(e.name ?? '') || (e.$metadata?.httpStatusCode ?? 0) >= 500;
}

/** Whether an error is one we expected (a caller mistake or a busy signal) rather than a fault to log loudly. */
export function isExpected(error: unknown): boolean {
  // graphql-js or Apollo rejecting the request itself (syntax, validation, method, coercion).
  // Read by shape, not instanceof: a bundler or test runner may load graphql twice.
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return true;
  const original = rootCause(error);
  return original instanceof AppError || isRetryableAwsError(original);
}

/** The error underneath GraphQL's wrappers (resolver, plugin and execution errors). */
export function rootCause(error: unknown): unknown {
  let current = unwrapResolverError(error);
  for (let depth = 0; depth < 5; depth++) {
    const inner = (current as { originalError?: unknown } | null)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}
