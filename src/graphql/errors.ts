import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { failureOf } from '../faults.js';

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

/**
 * The only way an error reaches a client: our typed errors with their stable
 * code and caller-safe details; Apollo's request errors as they are; anything
 * else masked as INTERNAL_SERVER_ERROR (the detail goes to the log instead).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const base = { locations: formatted.locations, path: formatted.path };
  const code = formatted.extensions?.code;
  const failure = failureOf(rootCause(error));
  if (failure.code === 'INTERNAL_SERVER_ERROR' && typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { ...base, message: formatted.message, extensions: { code } };
  }
  return { ...base, message: failure.message, extensions: { code: failure.code, ...failure.details } };
}

/** Whether an error is one we expected (a caller mistake or a busy signal) rather than a fault to log loudly. */
export function isExpected(error: unknown): boolean {
  // graphql-js or Apollo rejecting the request itself (syntax, validation, method, coercion).
  // Read by shape, not instanceof: a bundler or test runner may load graphql twice.
  const code = (error as { extensions?: { code?: unknown } } | null)?.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return true;
  return failureOf(rootCause(error)).expected;
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
