import type { Fetch, HostedUi } from './oauth';

/**
 * How this deployment signs in, from /config.json. The AWS deployment writes it beside the
 * built client (infra/web.ts); locally there is none and the demo identities are used.
 */
export type AuthConfig = { kind: 'local' } | ({ kind: 'cognito' } & HostedUi);

export const CONFIG_PATH = '/config.json';
const LOCAL: AuthConfig = { kind: 'local' };

/** A config.json that names Cognito but is unusable is a broken deployment: say so rather than fall back. */
export function parseAuthConfig(body: unknown): AuthConfig {
  const auth = (body as { auth?: unknown } | null)?.auth as Record<string, unknown> | undefined;
  if (auth === undefined || auth?.kind === 'local') return LOCAL;
  if (auth?.kind !== 'cognito') throw new Error(`${CONFIG_PATH}: unknown auth.kind ${JSON.stringify(auth?.kind)}`);
  const { domain, clientId, scopes } = auth;
  // The code and tokens travel to this domain: never in clear text.
  if (typeof domain !== 'string' || !/^https:\/\/[^/?#]+\/?$/.test(domain)) throw new Error(`${CONFIG_PATH}: auth.domain must be an https origin`);
  if (typeof clientId !== 'string' || clientId === '') throw new Error(`${CONFIG_PATH}: auth.clientId is missing`);
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string') || !scopes.includes('openid')) {
    throw new Error(`${CONFIG_PATH}: auth.scopes must be a list including openid`);
  }
  return { kind: 'cognito', domain: domain.replace(/\/$/, ''), clientId, scopes: scopes as string[] };
}

/**
 * Reads /config.json. Where there is none, servers answer 404 (S3 through CloudFront: 403) or,
 * like `npm start` and Vite, index.html for any unknown path: both mean local sign-in. A failed
 * request rejects, so that being offline is not mistaken for "no config".
 */
export async function loadAuthConfig(fetchFn: Fetch = fetch, url: string = CONFIG_PATH): Promise<AuthConfig> {
  // Revalidated every time: a redeployment may change it under the same name. (A separate
  // object, because Node's fetch types, which the tests compile against, lack `cache`.)
  const init = { headers: { accept: 'application/json' }, cache: 'no-cache', credentials: 'omit' } as const;
  const response = await fetchFn(url, init);
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return LOCAL;
  return parseAuthConfig(await response.json());
}
