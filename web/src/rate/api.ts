/**
 * The two anonymous operations the rating page sends (no token), over plain fetch with a
 * timeout. Types are written out here so that the page bundles nothing of the main client.
 */

export type RatingLevel = 'VERY_SATISFIED' | 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED' | 'VERY_DISSATISFIED';
export type RatingScale = 'TWO_LEVEL' | 'FIVE_LEVEL';

/** What `ratingForm(code)` answers: the place, the round and the signed form to carry back. */
export interface RatingFormView {
  form: string | null;
  pointId: string;
  pointName: string;
  unitName: string;
  roundName: string;
  scale: RatingScale;
  reasons: string[];
  open: boolean;
}

export interface RatingInput {
  form: string;
  level: RatingLevel;
  reasons: string[];
  comment?: string;
  phone?: string;
  ref?: string;
  device: string;
}

export interface RatingReceipt {
  id: string;
  caseOpened: boolean;
}

export interface Issue {
  path: string;
  code: string;
}

/**
 * A request that did not give an answer. `code` is the API's `extensions.code`, or NETWORK
 * when no answer arrived (offline, timeout, a gateway's error page).
 */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    readonly reason: string | null = null,
    readonly issues: readonly Issue[] = [],
  ) {
    super(reason ? `${code} ${reason}` : code);
    this.name = 'RequestFailed';
  }

  /** The request may have reached the API and done its work; only the answer is missing. */
  get uncertain(): boolean {
    return this.code === 'NETWORK' || this.code === 'SERVICE_UNAVAILABLE' || this.code === 'INTERNAL_SERVER_ERROR';
  }
}

const FORM = `query RatingPage($code: String!) { ratingForm(code: $code) { form pointId pointName unitName roundName scale reasons open } }`;
const SUBMIT = `mutation Rate($input: SubmitRatingInput!) { submitRating(input: $input) { id caseOpened } }`;

/** How long the page waits for an answer before it offers to send again. */
export const LOAD_TIMEOUT_MS = 15_000;
export const SUBMIT_TIMEOUT_MS = 20_000;

interface Answer<T> {
  data?: T | null;
  errors?: { extensions?: { code?: unknown; reason?: unknown; issues?: unknown } }[];
}

async function post<T>(query: string, variables: Record<string, unknown>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let response: Response;
  let body: Answer<T>;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
      credentials: 'omit',
      cache: 'no-store',
    });
    try {
      body = (await response.json()) as Answer<T>;
    } catch {
      // Not the API's JSON: the edge's firewall turning a flood away, or a gateway's error page.
      throw new RequestFailed(
        response.status === 403 || response.status === 429 ? 'CONFLICT' : 'NETWORK',
        response.status === 429 || response.status === 403 ? 'RATE_LIMITED' : null,
      );
    }
  } catch (error) {
    if (error instanceof RequestFailed) throw error;
    throw new RequestFailed('NETWORK');
  } finally {
    clearTimeout(timer);
  }
  const first = body.errors?.[0]?.extensions;
  if (first || !body.data) {
    const issues = Array.isArray(first?.issues) ? (first.issues as Issue[]).filter((i) => typeof i?.path === 'string') : [];
    throw new RequestFailed(
      typeof first?.code === 'string' ? first.code : 'INTERNAL_SERVER_ERROR',
      typeof first?.reason === 'string' ? first.reason : null,
      issues,
    );
  }
  return body.data;
}

export async function loadForm(code: string): Promise<RatingFormView> {
  return (await post<{ ratingForm: RatingFormView }>(FORM, { code }, LOAD_TIMEOUT_MS)).ratingForm;
}

export async function submitRating(input: RatingInput): Promise<RatingReceipt> {
  return (await post<{ submitRating: RatingReceipt }>(SUBMIT, { input }, SUBMIT_TIMEOUT_MS)).submitRating;
}
