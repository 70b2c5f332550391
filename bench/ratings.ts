import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { beijingDate } from '../src/domain/workdays.js';
import type { ApiHandler } from '../src/handler.js';
import { LOCAL_AWS } from '../src/local/dynamoLocal.js';
import { lambdaContext } from '../src/local/http.js';
import { RATINGS_PER_ADDRESS_PER_MINUTE } from '../src/services/ratings/ratings.js';
import { DYNAMO_DEFAULTS } from '../src/store/client.js';
import type { BenchEnvironment } from './environment.js';
import { inParallel, shuffle } from './fixtures.js';
import { dataOf, type GraphQLBody, type Timed } from './http.js';
import { mean, summarize, type Summary } from './stats.js';

/**
 * Citizens' ratings (PUBLIC_RATING) at a crowd: 100 raters at once, each a phone of its own
 * (a distinct `device`) on a network of its own (a distinct X-Forwarded-For, so the limit of
 * RATINGS_PER_ADDRESS_PER_MINUTE per address never refuses one). Spread: over the 3,200 service
 * points of one campaign round; hot: all on one point, whose ratings meet on its counter shards.
 */
export const RATINGS = {
  raters: 100,
  points: 3_200,
  pointsPerCall: 50,
  /** Unmeasured ratings first (spread), so that the JIT and DynamoDB Local's JVM are warm. */
  warmup: 200,
  /** Share of 差评 (DISSATISFIED with a reason): each also opens its follow-up case in the same transaction. */
  badShare: 0.1,
} as const;

/** Ratings per measured case (spread, hot): BENCH_RATINGS, default 2,000. */
export function ratingsPerCaseFromEnv(value = process.env.BENCH_RATINGS): number {
  if (value === undefined || value.trim() === '') return 2_000;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < RATINGS.raters) throw new Error(`BENCH_RATINGS must be an integer ≥ ${RATINGS.raters}, not ${value}`);
  return n;
}

/**
 * The DynamoDB client of this part's handler and of the raw baseline. The store's defaults
 * (DYNAMO_DEFAULTS: 1 s per attempt) are sized for DynamoDB, which answers in milliseconds;
 * DynamoDB Local on two cores, under 100 transactions at once, can take longer than that to
 * answer one, and a timed-out attempt would be retried and counted as the API's slowness.
 * Sockets: one per rater, as 100 Lambda instances would each hold their own connection
 * (the SDK's default pool is 50).
 */
export const RATING_CLIENT = {
  maxAttempts: DYNAMO_DEFAULTS.maxAttempts,
  connectionTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxSockets: 128,
  /** What the store's own client would wait for an attempt (DYNAMO_DEFAULTS), for the report. */
  defaultRequestTimeoutMs: DYNAMO_DEFAULTS.requestHandler.requestTimeout,
} as const;
const clientConfig = {
  maxAttempts: RATING_CLIENT.maxAttempts,
  requestHandler: {
    connectionTimeout: RATING_CLIENT.connectionTimeoutMs,
    requestTimeout: RATING_CLIENT.requestTimeoutMs,
    httpAgent: { keepAlive: true, maxSockets: RATING_CLIENT.maxSockets },
  },
};

const SETUP_IN_FLIGHT = 8;

const CREATE_UNIT = `mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`;
const CREATE_COMPETITION = `mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`;
const CREATE_ROUND = `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`;
const ADD_ENTRIES = `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`;
const OPEN_ROUND = `mutation($id: ID!) { openRound(id: $id) { status } }`;
const CREATE_POINTS = `mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id code } }`;
const RATING_FORM = `query($c: String!) { ratingForm(code: $c) { form open reasons } }`;
export const SUBMIT_RATING = `mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id caseOpened } }`;
const VERIFY_RATINGS = `query($r: ID!) { verifyRatings(roundId: $r) { ok counted stored } }`;

interface Form {
  form: string;
  reasons: string[];
}

interface Outcome {
  ms: number;
  requests: number;
  writeUnits: number;
  /** Error code of a rating that was not accepted. */
  error: string | null;
  detail?: string;
}

export interface RatingCaseResult {
  points: number;
  attempted: number;
  accepted: number;
  /** Refused with SERVICE_UNAVAILABLE: the shard races outlasted the service's retries (nothing written). */
  busy: number;
  /** Any other error: a fault under this load. */
  failed: number;
  failures: string[];
  seconds: number;
  perSecond: number;
  /** submitRating through the handler, in-process (no HTTP). */
  latencyMs: Summary;
  requestsPerRating: { mean: number; max: number };
  writeUnitsPerRating: { mean: number; max: number };
}

export interface RawPutResult {
  puts: number;
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
}

export interface RatingsResult {
  scenario: string;
  raters: number;
  points: number;
  ratingsPerCase: number;
  warmup: number;
  badShare: number;
  spread: RatingCaseResult;
  hot: RatingCaseResult;
  hotToSpreadRatio: number;
  /** Mean `extensions.cost.dynamodbRequests` over every measured rating, both cases. */
  requestsPerRating: number;
  /** Raw PutItem at the same concurrency on the same table, before and after the ratings. */
  rawPut: RawPutResult[];
  rawPutPerSecond: number;
  /** Audience votes (群众评委): RATINGS.raters attendees at once voting for the one entry just on stage. */
  ballotsPerSecondOneEntry: number;
  ballots: BallotCaseResult;
  verify: { ok: boolean; counted: number; stored: number; accepted: number };
  client: typeof RATING_CLIENT;
  setupSeconds: { campaign: number; points: number; forms: number };
}

type Call = <T>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => Promise<Timed<T>>;

export async function benchRatings(env: BenchEnvironment, random: () => number, ratingsPerCase: number): Promise<RatingsResult> {
  const call = caller(env.handlerWith(clientConfig));
  const organizer = { authorization: `Bearer ${await env.token('bench-rating-organizer', ['organizer'], '区考核办')}` };
  const units = RATINGS.points / RATINGS.pointsPerCall;

  // One campaign round for this month, its entries the units whose points are rated.
  let t0 = performance.now();
  const unitIds = await inParallel(
    Array.from({ length: units }, (_, i) => i),
    SETUP_IN_FLIGHT,
    async (i) => {
      const name = `政务服务中心${String(i + 1).padStart(2, '0')}`;
      return dataOf(await call<{ createUnit: { id: string } }>(CREATE_UNIT, { i: { name, kind: 'DEPARTMENT' } }, organizer), 'createUnit').createUnit.id;
    },
  );
  const competitionId = dataOf(
    await call<{ createCompetition: { id: string } }>(CREATE_COMPETITION, { i: { name: '政务服务好差评 压测' } }, organizer),
    'createCompetition',
  ).createCompetition.id;
  const month = beijingDate(new Date()).slice(0, 7);
  const method = { kind: 'PUBLIC_RATING', period: month, scale: 'TWO_LEVEL', minRatings: 1, rankBy: 'WILSON' };
  const round = { competitionId, name: `${month} 满意度排名`, leaderboardVisibility: 'LIVE', method };
  const roundId = dataOf(await call<{ createRound: { id: string } }>(CREATE_ROUND, { i: round }, organizer), 'createRound').createRound.id;
  const entries = unitIds.map((unitId, i) => ({ unitId, title: `政务服务中心${i + 1}`, order: i + 1 }));
  dataOf(await call(ADD_ENTRIES, { r: roundId, e: entries }, organizer), 'addEntries');
  dataOf(await call(OPEN_ROUND, { id: roundId }, organizer), 'openRound');
  const campaignSeconds = (performance.now() - t0) / 1000;

  // 3,200 points, 50 per createServicePoints (one unit each), then each point's rating page once.
  t0 = performance.now();
  const codes = (
    await inParallel(unitIds, SETUP_IN_FLIGHT / 2, async (unitId, u) => {
      const points = Array.from({ length: RATINGS.pointsPerCall }, (_, k) => ({ name: `${u + 1}号大厅 ${k + 1}号窗口`, kind: 'COUNTER' }));
      const response = await call<{ createServicePoints: { code: string }[] }>(CREATE_POINTS, { i: { unitId, competitionId, points } }, organizer);
      return dataOf(response, 'createServicePoints').createServicePoints.map((p) => p.code);
    })
  ).flat();
  const pointsSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const forms = await inParallel(codes, SETUP_IN_FLIGHT * 2, async (code) => {
    const { ratingForm } = dataOf(await call<{ ratingForm: Form & { open: boolean } }>(RATING_FORM, { c: code }), 'ratingForm');
    if (!ratingForm.open) throw new Error(`ratingForm(${code}) says the campaign is not open`);
    return { form: ratingForm.form, reasons: ratingForm.reasons };
  });
  const formsSeconds = (performance.now() - t0) / 1000;

  // The spread case visits the points in a seeded random order; the hot point is the first of it.
  const order = shuffle(
    forms.map((_, i) => i),
    random,
  );
  let rater = 0;
  const run = async (count: number, formOf: (i: number) => Form, pointCount: number) => {
    const bad = Array.from({ length: count }, () => random() < RATINGS.badShare);
    const outcomes = new Array<Outcome>(count);
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: RATINGS.raters }, async () => {
        while (next < count) {
          const i = next++;
          outcomes[i] = await rateOnce(env, call, formOf(i), bad[i]!, rater++);
        }
      }),
    );
    return caseResult(pointCount, outcomes, (performance.now() - started) / 1000);
  };

  const raw = DynamoDBDocumentClient.from(new DynamoDBClient({ ...LOCAL_AWS, endpoint: env.endpoint, ...clientConfig }));
  try {
    const table = env.runtime.tables.competitions;
    const warm = await run(RATINGS.warmup, (i) => forms[order[(order.length - 1 - i) % order.length]!]!, RATINGS.warmup);
    await rawPuts(raw, table, RATINGS.warmup, 'warmup');
    const rawBefore = await rawPuts(raw, table, ratingsPerCase, 'before');
    const spread = await run(ratingsPerCase, (i) => forms[order[i % order.length]!]!, Math.min(ratingsPerCase, order.length));
    const hotForm = forms[order[0]!]!;
    const hot = await run(ratingsPerCase, () => hotForm, 1);
    const rawAfter = await rawPuts(raw, table, ratingsPerCase, 'after');
    const ballots = await benchBallots(call, organizer, Math.min(ratingsPerCase, 2_000));

    const { verifyRatings } = dataOf(
      await call<{ verifyRatings: { ok: boolean; counted: number; stored: number } }>(VERIFY_RATINGS, { r: roundId }, organizer),
      'verifyRatings',
    );
    const rawPut = [rawBefore, rawAfter];
    const rawPutPerSecond = mean(rawPut.map((r) => r.perSecond));
    return {
      scenario:
        `${RATINGS.raters} raters at once, each rating once from a device and an X-Forwarded-For address of its own ` +
        `(limit ${RATINGS_PER_ADDRESS_PER_MINUTE} per address and minute), TWO_LEVEL, ${Math.round(RATINGS.badShare * 100)} % 差评 with a reason ` +
        `(each opens its case in the same transaction); submitRating through the handler in-process against DynamoDB Local; ` +
        `spread: over the ${RATINGS.points.toLocaleString('en-US')} points of one campaign round; hot: every rating on one point`,
      raters: RATINGS.raters,
      points: RATINGS.points,
      ratingsPerCase,
      warmup: warm.attempted,
      badShare: RATINGS.badShare,
      spread,
      hot,
      hotToSpreadRatio: hot.perSecond / spread.perSecond,
      requestsPerRating: (spread.requestsPerRating.mean * spread.attempted + hot.requestsPerRating.mean * hot.attempted) / (spread.attempted + hot.attempted),
      rawPut,
      rawPutPerSecond,
      ballotsPerSecondOneEntry: ballots.perSecond,
      ballots,
      verify: { ...verifyRatings, accepted: warm.accepted + spread.accepted + hot.accepted },
      client: RATING_CLIENT,
      setupSeconds: { campaign: campaignSeconds, points: pointsSeconds, forms: formsSeconds },
    };
  } finally {
    raw.destroy();
  }
}

/** A correctness failure: a rating or ballot answered with an unexpected error, or acknowledged ones the counters or the store do not hold. */
export function ratingsFailed(r: RatingsResult): boolean {
  return (
    r.spread.failed + r.hot.failed + r.ballots.failed > 0 || !r.verify.ok || r.verify.counted !== r.verify.accepted || r.ballots.tallied !== r.ballots.accepted
  );
}

export interface BallotCaseResult {
  attempted: number;
  accepted: number;
  failed: number;
  failures: string[];
  seconds: number;
  perSecond: number;
  latencyMs: Summary;
  requestsPerBallot: { mean: number; max: number };
  /** What the entry's counter shards add up to afterwards (ballotTallies). */
  tallied: number;
}

/**
 * Audience ballots at a crowd: a panel round with 领导评委 60 % and 群众评委 40 %, one entry
 * on stage, and RATINGS.raters attendees at once each casting their own ballot for it — every
 * vote ADDs to one of the entry's tally shards in the transaction that stores it.
 */
async function benchBallots(call: Call, organizer: Record<string, string>, count: number): Promise<BallotCaseResult> {
  const ok = <T>(response: Timed<T>, field: string) => dataOf(response, field) as T;
  const { createRubric } = ok(
    await call<{ createRubric: { id: string } }>(
      `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
      { i: { name: '现场评分表', criteria: [{ key: 'overall', label: '综合表现', maxScore: 100, step: 0.5 }] } },
      organizer,
    ),
    'createRubric',
  );
  const { createUnit } = ok(await call<{ createUnit: { id: string } }>(CREATE_UNIT, { i: { name: '压测选手单位', kind: 'TOWN' } }, organizer), 'createUnit');
  const { createCompetition } = ok(
    await call<{ createCompetition: { id: string } }>(CREATE_COMPETITION, { i: { name: '擂台比拼 压测' } }, organizer),
    'createCompetition',
  );
  const classes = [
    { key: 'leaders', label: '领导评委', weight: 0.6 },
    { key: 'audience', label: '群众评委', weight: 0.4, source: 'AUDIENCE' },
  ];
  const round = { competitionId: createCompetition.id, name: '现场投票', rubricId: createRubric.id, panelClasses: classes, leaderboardVisibility: 'LIVE' };
  const roundId = ok(await call<{ createRound: { id: string } }>(CREATE_ROUND, { i: round }, organizer), 'createRound').createRound.id;
  const [entry] = ok(
    await call<{ addEntries: { id: string }[] }>(ADD_ENTRIES, { r: roundId, e: [{ unitId: createUnit.id, title: '压测选手', order: 1 }] }, organizer),
    'addEntries',
  ).addEntries;
  ok(
    await call(
      `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }`,
      { r: roundId, j: [{ userId: 'bench-leader', name: '领导', classKey: 'leaders' }] },
      organizer,
    ),
    'assignJudges',
  );
  ok(await call(OPEN_ROUND, { id: roundId }, organizer), 'openRound');
  ok(await call(`mutation($r: ID!, $e: ID!) { setOnStage(roundId: $r, entryId: $e) { id } }`, { r: roundId, e: entry!.id }, organizer), 'setOnStage');
  const tokens = (
    await inParallel(
      Array.from({ length: Math.ceil(count / 1_000) }, (_, i) => Math.min(1_000, count - i * 1_000)),
      2,
      async (n) =>
        ok(
          await call<{ createBallots: { token: string }[] }>(
            `mutation($r: ID!, $n: Int!) { createBallots(roundId: $r, count: $n) { token } }`,
            { r: roundId, n },
            organizer,
          ),
          'createBallots',
        ).createBallots,
    )
  )
    .flat()
    .map((b) => b.token);

  const outcomes = new Array<Outcome>(tokens.length);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RATINGS.raters }, async () => {
      while (next < tokens.length) {
        const i = next++;
        const response = await call(`mutation($t: String!, $e: ID!, $s: Float!) { castBallot(token: $t, entryId: $e, score: $s) { score } }`, {
          t: tokens[i],
          e: entry!.id,
          s: 60 + (i % 81) / 2,
        });
        const error = response.body.errors?.[0];
        const cost = response.body.extensions?.cost;
        outcomes[i] = {
          ms: response.ms,
          requests: cost?.dynamodbRequests ?? 0,
          writeUnits: cost?.writeCapacityUnits ?? 0,
          error: error ? String(error.extensions?.code ?? 'ERROR') : null,
          ...(error ? { detail: `${String(error.extensions?.reason ?? '')} ${error.message}`.trim() } : {}),
        };
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const { ballotTallies } = ok(
    await call<{ ballotTallies: { count: number }[] }>(`query($r: ID!) { ballotTallies(roundId: $r) { count } }`, { r: roundId }, organizer),
    'ballotTallies',
  );
  const accepted = outcomes.filter((o) => o.error === null).length;
  const failures = outcomes.filter((o) => o.error !== null);
  return {
    attempted: outcomes.length,
    accepted,
    failed: failures.length,
    failures: [...new Set(failures.map((f) => `${f.error}: ${f.detail ?? ''}`))].slice(0, 5),
    seconds,
    perSecond: accepted / seconds,
    latencyMs: summarize(outcomes.map((o) => o.ms)),
    requestsPerBallot: { mean: mean(outcomes.map((o) => o.requests)), max: Math.max(...outcomes.map((o) => o.requests)) },
    tallied: ballotTallies[0]?.count ?? 0,
  };
}

/** One citizen: a phone of its own, on a network of its own. */
async function rateOnce(env: BenchEnvironment, call: Call, form: Form, bad: boolean, rater: number): Promise<Outcome> {
  const input = {
    form: form.form,
    level: bad ? 'DISSATISFIED' : 'SATISFIED',
    reasons: bad ? [form.reasons[rater % form.reasons.length]] : [],
    device: `bench-phone-${String(rater).padStart(6, '0')}`,
  };
  const address = `10.${(rater >> 16) & 255}.${(rater >> 8) & 255}.${rater & 255}`;
  const response = await call<{ submitRating: { id: string; caseOpened: boolean } }>(SUBMIT_RATING, { i: input }, { 'x-forwarded-for': address });
  const cost = response.body.extensions?.cost;
  const requests = cost?.dynamodbRequests ?? 0;
  const writeUnits = cost?.writeCapacityUnits ?? 0;
  const error = response.body.errors?.[0];
  if (response.status === 200 && !error && response.body.data) return { ms: response.ms, requests, writeUnits, error: null };
  const code = String(error?.extensions?.code ?? `HTTP ${response.status}`);
  // Kept and counted rather than thrown, so one fault under load does not hide the rest of the figures.
  const detail =
    code === 'SERVICE_UNAVAILABLE'
      ? undefined
      : (env.serverErrors.get(String(error?.extensions?.requestId)) ?? `${String(error?.extensions?.reason ?? '')} ${error?.message ?? ''}`.trim());
  return { ms: response.ms, requests, writeUnits, error: code, ...(detail ? { detail } : {}) };
}

function caseResult(points: number, outcomes: Outcome[], seconds: number): RatingCaseResult {
  const accepted = outcomes.filter((o) => o.error === null).length;
  const busy = outcomes.filter((o) => o.error === 'SERVICE_UNAVAILABLE').length;
  const failures = outcomes.filter((o) => o.error !== null && o.error !== 'SERVICE_UNAVAILABLE');
  const stat = (pick: (o: Outcome) => number) => ({ mean: mean(outcomes.map(pick)), max: Math.max(...outcomes.map(pick)) });
  return {
    points,
    attempted: outcomes.length,
    accepted,
    busy,
    failed: failures.length,
    failures: [...new Set(failures.map((f) => `${f.error}: ${f.detail ?? ''}`))].slice(0, 5),
    seconds,
    perSecond: accepted / seconds,
    latencyMs: summarize(outcomes.map((o) => o.ms)),
    requestsPerRating: stat((o) => o.requests),
    writeUnitsPerRating: stat((o) => o.writeUnits),
  };
}

/** The baseline: single PutItem calls of a rating-sized item, RATINGS.raters in flight, on the ratings' table. */
async function rawPuts(raw: DynamoDBDocumentClient, table: string, count: number, tag: string): Promise<RawPutResult> {
  const latencies = new Array<number>(count);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RATINGS.raters }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        await raw.send(
          new PutCommand({
            TableName: table,
            Item: {
              pk: `BENCHRAW#${tag}#${i}`,
              sk: 'raw',
              entity: 'BenchRawPut',
              level: 'SATISFIED',
              reasons: [],
              device: `bench-raw-${i}`,
              receivedAt: new Date().toISOString(),
              counted: true,
            },
          }),
        );
        latencies[i] = performance.now() - t0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { puts: count, seconds, perSecond: count / seconds, latencyMs: summarize(latencies) };
}

/** GraphQL POSTs straight into the handler, as API Gateway (behind CloudFront) would deliver them. */
function caller(handler: ApiHandler): Call {
  return async <T>(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const event = apiEvent(JSON.stringify({ query, variables }), headers);
    const started = performance.now();
    const result = await handler(event, lambdaContext());
    const ms = performance.now() - started;
    return { status: result.statusCode ?? 200, body: JSON.parse(result.body ?? '{}') as GraphQLBody<T>, ms, serverMs: ms };
  };
}

function apiEvent(body: string, headers: Record<string, string>): APIGatewayProxyEventV2 {
  const now = new Date();
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { accept: 'application/json', 'content-type': 'application/json', host: 'bench.local', 'user-agent': 'bench', ...headers },
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'bench.local',
      domainPrefix: 'bench',
      http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    body,
    isBase64Encoded: false,
  };
}
