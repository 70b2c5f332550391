import { randomUUID } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { issueDevToken } from '../../src/auth/devIssuer.js';
import type { Role } from '../../src/domain/model.js';
import { createLocalRuntime, type LocalRuntime } from '../../src/local/environment.js';
import { createLocalServer, type DevIdentity } from '../../src/local/http.js';
import { DEMO_CHECKER, DEMO_JUDGES, DEMO_ORGANIZER, DEMO_VIEWER, seedDemo, type SeedResult } from '../../src/local/seed.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIST = join(ROOT, 'web/dist');
/**
 * Test artifacts (git-ignored). `UPDATE_SCREENSHOTS=1 npm test` writes them to docs/screenshots
 * instead, the committed copies the README shows.
 */
export const SCREENSHOTS = join(ROOT, process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : 'test-artifacts/screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface WebApp {
  runtime: LocalRuntime;
  seeded: SeedResult;
  /** The same server under two origins, so that two signed-in users keep separate localStorage. */
  origin: string;
  otherOrigin: string;
  identities: DevIdentity[];
  token(id: string): string;
  /** One GraphQL request over HTTP, as the browser sends it. */
  gql<T = any>(
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }>;
  browser: BrowserContext;
  close(): Promise<void>;
}

/**
 * The app as `npm start` serves it — the local runtime over the suite's DynamoDB Local
 * (own tables), the demo seeded, the built client and /dev/identities beside the API —
 * and a headless Debian Chromium with a fresh profile.
 */
export async function startWebApp(): Promise<WebApp> {
  await access(join(WEB_DIST, 'index.html')).catch(() => {
    throw new Error('web/dist is missing: run `npm run build:web` first (`npm test` does it in pretest)');
  });
  await access(CHROMIUM).catch(() => {
    throw new Error(`${CHROMIUM} is missing: run \`node scripts/ensure-chromium.mjs\` (\`npm test\` does it in pretest)`);
  });

  const dir = await mkdtemp(join(tmpdir(), 'bxgc-web-'));
  const runtime = await createLocalRuntime({
    endpoint: inject('dynamoEndpoint'),
    tablePrefix: `web-${randomUUID().slice(0, 8)}`,
    dataDir: dir,
    quiet: true,
  });
  const seeded = await seedDemo(runtime.services);
  if (!seeded) throw new Error('the demo was not seeded into fresh tables');

  const people: { id: string; name: string; roles: Role[] }[] = [
    { id: DEMO_ORGANIZER.id, name: DEMO_ORGANIZER.name, roles: [...DEMO_ORGANIZER.roles] },
    { id: DEMO_CHECKER.id, name: DEMO_CHECKER.name, roles: [...DEMO_CHECKER.roles] },
    ...DEMO_JUDGES.map((j) => ({ id: j.userId, name: j.name, roles: ['judge' as const] })),
    { id: DEMO_VIEWER.id, name: DEMO_VIEWER.name, roles: [...DEMO_VIEWER.roles] },
  ];
  const identities: DevIdentity[] = await Promise.all(
    people.map(async (p) => ({ ...p, token: await issueDevToken(runtime.keys.privateJwk, { sub: p.id, name: p.name, roles: p.roles }) })),
  );

  const server: Server = createLocalServer(runtime.handler, { staticDir: WEB_DIST, devIdentities: async () => identities });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  const browser = await chromium.launchPersistentContext(join(dir, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });

  const token = (id: string) => {
    const found = identities.find((i) => i.id === id);
    if (!found) throw new Error(`no identity ${id}`);
    return found.token;
  };

  return {
    runtime,
    seeded,
    origin,
    otherOrigin: `http://localhost:${port}`,
    identities,
    token,
    browser,
    async gql(bearer, query, variables) {
      const response = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as any;
    },
    async close() {
      await browser.close().catch(() => undefined);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** WCAG 2.x A and AA violations axe-core finds on the page as it is now. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return (await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })),
    )
  `)) as AxeViolation[];
}

/** Signs in on the sign-in page, signing out first whoever this origin remembers. */
export async function signIn(page: Page, origin: string, identity: string): Promise<void> {
  await page.goto(`${origin}/`);
  const choice = page.locator(`[data-identity="${identity}"]`);
  const signOut = page.getByRole('button', { name: '退出登录' });
  await choice.or(signOut).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await choice.click();
}

/** An organizer's desktop page (1366×768, reduced motion), signed in and on the console. */
export async function organizerPage(app: WebApp): Promise<Page> {
  const page = await app.browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await signIn(page, app.origin, DEMO_ORGANIZER.id);
  await page.waitForURL('**/organizer');
  return page;
}
