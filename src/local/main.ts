import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueDevToken } from '../auth/devIssuer.js';
import { startDynamoLocal, type LocalDynamo } from './dynamoLocal.js';
import { createLocalRuntime, dataDir } from './environment.js';
import { createLocalServer } from './http.js';
import { DEMO_CHECKER, DEMO_JUDGES, DEMO_ORGANIZER, DEMO_VIEWER, seedDemo, seedRatingsDemo } from './seed.js';

/**
 * `npm start`: DynamoDB Local with data under $DATA_DIR (unless $DYNAMODB_ENDPOINT
 * points elsewhere), tables created, the demo seeded once, GraphQL on $PORT.
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dir = dataDir();
  await mkdir(join(dir, 'dynamodb'), { recursive: true });

  const dynamo: LocalDynamo | null = process.env.DYNAMODB_ENDPOINT
    ? null
    : await startDynamoLocal({
        path: join(dir, 'dynamodb'),
        ...(process.env.DYNAMODB_PORT ? { port: Number(process.env.DYNAMODB_PORT) } : {}),
      });
  const endpoint = process.env.DYNAMODB_ENDPOINT ?? dynamo!.endpoint;

  const runtime = await createLocalRuntime({
    endpoint,
    tablePrefix: process.env.TABLE_PREFIX ?? 'bxgc-local',
    dataDir: dir,
    quiet: process.env.LOG_REQUESTS !== 'true',
  });
  const seeded = await seedDemo(runtime.services);
  // The ratings campaign is seeded beside the panel demo, and only then: `npm start` twice seeds nothing twice.
  const ratings = seeded ? await seedRatingsDemo(runtime.services) : null;

  const port = Number(process.env.PORT ?? 4000);
  const token = (viewer: { id: string; name: string; roles: readonly ('organizer' | 'judge' | 'viewer')[] }) =>
    issueDevToken(runtime.keys.privateJwk, { sub: viewer.id, name: viewer.name, roles: viewer.roles });
  const identities = [DEMO_ORGANIZER, DEMO_CHECKER, ...DEMO_JUDGES.map((j) => ({ id: j.userId, name: j.name, roles: ['judge' as const] })), DEMO_VIEWER];
  const server = createLocalServer(runtime.handler, {
    staticDir: fileURLToPath(new URL('../../web/dist', import.meta.url)),
    devIdentities: async () => Promise.all(identities.map(async (v) => ({ id: v.id, name: v.name, roles: [...v.roles], token: await token(v) }))),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });

  const lines = [
    `比学赶超 scoring API — http://127.0.0.1:${port}/graphql · web client http://127.0.0.1:${port}/`,
    `DynamoDB: ${endpoint}${dynamo ? ` (DynamoDB Local, data in ${join(dir, 'dynamodb')})` : ''}`,
    seeded ? `Seeded the demo: competition ${seeded.competitionId}, round ${seeded.roundId} (OPEN)` : 'Demo data already present; not seeded again.',
    ...(ratings
      ? [`Seeded citizens' ratings: round ${ratings.roundId} (OPEN); a counter's rating page (scan on a phone): http://127.0.0.1:${port}${ratings.ratingUrl}`]
      : []),
    '',
    'Tokens (valid 7 days; `npm run token -- --role judge --user judge-1 --name 陈建国` makes more):',
    `  organizer  ${DEMO_ORGANIZER.name}: ${await token(DEMO_ORGANIZER)}`,
    `  organizer  ${DEMO_CHECKER.name}: ${await token(DEMO_CHECKER)}`,
    ...(await Promise.all(
      DEMO_JUDGES.map(async (j) => `  ${j.userId.padEnd(9)}  ${j.name}: ${await token({ id: j.userId, name: j.name, roles: ['judge'] })}`),
    )),
    `  viewer     ${DEMO_VIEWER.name}: ${await token(DEMO_VIEWER)}`,
    '',
    'Ctrl-C stops the server and DynamoDB Local.',
  ];
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await dynamo?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
