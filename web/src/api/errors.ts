import type { MessageKey, Translate } from '../i18n';
import { ApiError } from './client';

/** Reasons with a message of their own; others fall back to the code's message. */
const REASONS = new Set<string>([
  'CONFLICT_SAME_UNIT',
  'CONFLICT_DECLARED',
  'CONFLICT_SET',
  'ROUND_STATUS',
  'NOT_ON_PANEL',
  'ROLE',
  'NOT_YOUR_COMPETITION',
  'RESULTS_NOT_VISIBLE',
  'ALREADY_ENROLLED',
  'ROUND_INCOMPLETE',
  'CLIENT_REQUEST_ID_REUSED',
  'ROUND_FINALIZING',
  'NOT_YOUR_DIRECTORY',
  'OUT_OF_KEY_SCOPE',
  'CONCURRENT_EDIT',
]);
const CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'NETWORK',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

/** A person-readable sentence for an API failure, in the current language. */
export function describeError(t: Translate, error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  if (error.reason && REASONS.has(error.reason)) return t(`error.${error.reason}` as MessageKey);
  if (CODES.has(error.code)) {
    const requestId = String(error.errors[0]?.extensions?.requestId ?? '—');
    const message = error.field ? `${error.field} — ${error.message}` : error.message;
    return t(`error.${error.code}` as MessageKey, { message, requestId });
  }
  return t('error.unknown', { message: error.message });
}
