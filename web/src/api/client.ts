import type { TypedDocumentString } from '../gql/graphql';
import { currentToken } from '../auth/adapter';
import { session } from '../auth/session';

/** One GraphQL error as the API formats it: a stable `extensions.code` and caller-safe details. */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: {
    code?: string;
    reason?: string;
    field?: string;
    issues?: { path: string; message: string }[];
    [key: string]: unknown;
  };
}

/**
 * A failed request. `code` is the API's `extensions.code` (e.g. FORBIDDEN, CONFLICT), or
 * NETWORK when no answer arrived (offline, timeout, a gateway error page) — the only kind
 * worth retrying as is.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly reason: string | undefined;
  readonly field: string | undefined;
  readonly errors: readonly GraphQLErrorShape[];
  readonly status: number | undefined;

  constructor(code: string, message: string, options: { errors?: readonly GraphQLErrorShape[]; status?: number } = {}) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.errors = options.errors ?? [];
    this.status = options.status;
    const first = this.errors[0]?.extensions;
    this.reason = typeof first?.reason === 'string' ? first.reason : undefined;
    this.field = typeof first?.field === 'string' ? first.field : undefined;
  }

  /** No answer from the API, or an answer that says "busy, try again". */
  get retryable(): boolean {
    return this.code === 'NETWORK' || this.code === 'SERVICE_UNAVAILABLE';
  }
}

export const GRAPHQL_ENDPOINT = '/graphql';
const TIMEOUT_MS = 15_000;

type Variables<V> = V extends Record<string, never> ? [variables?: V] : [variables: V];

/**
 * Sends one operation to the same-origin GraphQL endpoint with the signed-in user's
 * bearer token. Resolves with `data`, or rejects with an ApiError.
 */
export async function request<R, V>(document: TypedDocumentString<R, V>, ...[variables]: Variables<V>): Promise<R> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  const token = await currentToken();
  if (token) headers.authorization = `Bearer ${token}`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
      signal: controller.signal,
      credentials: 'omit',
    });
  } catch (error) {
    throw new ApiError('NETWORK', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }

  let body: { data?: R | null; errors?: GraphQLErrorShape[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // A proxy's HTML error page or a cut-off answer: nothing the API said.
    throw new ApiError('NETWORK', `HTTP ${response.status}`, { status: response.status });
  }
  if (body.errors?.length) {
    const first = body.errors[0]!;
    const code = first.extensions?.code ?? (response.status >= 500 ? 'NETWORK' : 'UNKNOWN');
    if (code === 'UNAUTHENTICATED') session.markExpired();
    throw new ApiError(code, first.message, { errors: body.errors, status: response.status });
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(response.status >= 500 ? 'NETWORK' : 'UNKNOWN', `HTTP ${response.status}`, { status: response.status });
  }
  return body.data;
}
