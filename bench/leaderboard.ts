import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../src/domain/model.js';
import { MAX_PAGE } from '../src/services/validation.js';
import { roundKey } from '../src/store/keys.js';
import { batchPut } from '../src/store/ops.js';
import { entryItem } from '../src/store/entries.js';
import { asPanelRound } from '../src/methods/panel/config.js';
import { panelScoring } from '../src/methods/panel/roundScoring.js';
import type { BenchEnvironment } from './environment.js';
import { createRound, inParallel, randomMarks, type Fixture } from './fixtures.js';
import { costOf, dataOf, type Cost, type Timed } from './http.js';
import { expectedStandings, scoredEntry, type Standing } from './model.js';
import { mean, summarize, type Summary } from './stats.js';

export const LEADERBOARD_SIZES = [100, 1_000, 10_000] as const;
export const PAGE_SIZE = 50;
const PANEL = Array.from({ length: 7 }, (_, i) => ({ userId: `lb-judge-${i + 1}`, name: `评委${i + 1}` }));
const GROUPS = ['村书记', '社区书记', '机关书记'];
/** Items per BatchWriteItem slice handed to one writer; four writers keep DynamoDB Local busy without queueing. */
const WRITE_SLICE = 250;
const WRITERS = 4;

/** What a big screen or BI tool asks for: ranks, totals and every display field of 50 rows. */
export const LEADERBOARD_QUERY = `query Leaderboard($roundId: ID!, $first: Int!, $after: String) {
  leaderboard(roundId: $roundId, first: $first, after: $after) {
    totalCount
    edges { cursor node { rank total sheetCount entry { id title order group cadre { id name unit { name } } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export interface LeaderboardData {
  leaderboard: {
    totalCount: number;
    edges: { cursor: string; node: { rank: number | null; total: number | null; sheetCount: number; entry: { id: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface LeaderboardRound {
  size: number;
  round: Round;
  /** The expected leaderboard, computed from the loaded entries without the index. */
  standings: Standing[];
}

/**
 * Loads one OPEN round per size, its leaderboard LIVE. Entries are written
 * directly as entry items (`entryItem` + `batchPut`, 25 per request, four
 * writers) rather than enrolled through `addEntries` (99 per transaction) and
 * then scored sheet by sheet: the leaderboard reads only entry items, and 10,000
 * entries with totals load in seconds this way. Each entry carries the sheets of
 * a seven-judge panel (some entries partly or not yet scored) and the aggregate
 * the domain derives from them, so totals and leaderboard keys are consistent;
 * the round's entry count is set to match and its panel is assigned and the
 * round opened through the services. No sheet items are written for these
 * rounds: a leaderboard page never reads them.
 */
export async function loadLeaderboardRounds(env: BenchEnvironment, fixture: Fixture, random: () => number): Promise<LeaderboardRound[]> {
  const rounds: LeaderboardRound[] = [];
  for (const size of LEADERBOARD_SIZES) rounds.push(await loadScoredRound(env, fixture, random, size, `排行榜 ${size} 人`));
  return rounds;
}

/** One OPEN round of `size` scored entries, loaded as described above; `rule` adds createRound fields. */
export async function loadScoredRound(
  env: BenchEnvironment,
  fixture: Fixture,
  random: () => number,
  size: number,
  name: string,
  rule: Record<string, unknown> = {},
): Promise<LeaderboardRound> {
  const { services, tables } = env.runtime;
  if (fixture.cadres.length < size) throw new Error(`fixture has ${fixture.cadres.length} cadres, a round of ${size} needs more`);
  const round = await createRound(services, fixture, name, rule);
  const entries = fixture.cadres.slice(0, size).map((cadre, i) => {
    const level = 0.55 + random() * 0.4;
    const draw = random();
    // 3% not yet scored, 7% partly scored, the rest by the whole panel.
    const judges = draw < 0.03 ? 0 : draw < 0.1 ? 1 + Math.floor(random() * (PANEL.length - 1)) : PANEL.length;
    const marks = Object.fromEntries(PANEL.slice(0, judges).map((j) => [j.userId, randomMarks(random, level)]));
    return scoredEntry(round, { cadre, unit: fixture.units.get(cadre.unitId)!, order: i + 1, group: GROUPS[i % GROUPS.length]! }, marks);
  });
  const scoring = panelScoring(asPanelRound(round).method);
  const items = entries.map((entry) => entryItem(entry, scoring.rankValue));
  const slices = Array.from({ length: Math.ceil(items.length / WRITE_SLICE) }, (_, s) => items.slice(s * WRITE_SLICE, (s + 1) * WRITE_SLICE));
  await inParallel(slices, WRITERS, (slice) => batchPut(env.db, tables.competitions, slice));
  await env.db.send(
    new UpdateCommand({
      TableName: tables.competitions,
      Key: roundKey(round.id),
      UpdateExpression: 'SET entryCount = :n',
      ConditionExpression: '#status = :draft AND entryCount = :zero',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':n': size, ':draft': 'DRAFT', ':zero': 0 },
    }),
  );
  await services.panels.assignJudges(round.id, PANEL);
  return { size, round: await services.lifecycle.openRound(round.id), standings: expectedStandings(round, entries) };
}

interface PageTarget {
  offset: number;
  after: string | null;
}

export interface LeaderboardSizeResult {
  entries: number;
  /** Row offsets of the pages read: the first page and deep pages reached through cursors. */
  offsets: number[];
  latencyMs: Summary;
  serverMs: Summary;
  requestsPerPage: { mean: number; max: number };
  readUnitsPerPage: { mean: number; max: number };
  /** Lambda bills each invocation's duration rounded up to the next millisecond. */
  billedMsMean: number;
}

export interface LeaderboardResult {
  pageSize: number;
  warmupIterations: number;
  iterations: number;
  sizes: LeaderboardSizeResult[];
  /** p50 at 10,000 entries over p50 at 100. */
  ratio10000to100: number;
}

interface Sample {
  ms: number;
  serverMs: number;
  cost: Cost;
}

/**
 * Reads pages of 50 through GraphQL over HTTP. Sizes and pages are interleaved
 * request by request, so drift on the machine (JIT, GC, DynamoDB Local's JVM)
 * spreads evenly over all sizes instead of favouring whichever ran last. Every
 * page read is checked against the expected standings.
 */
export async function benchLeaderboard(
  env: BenchEnvironment,
  rounds: readonly LeaderboardRound[],
  options: { warmupIterations: number; iterations: number },
): Promise<LeaderboardResult> {
  const token = await env.token('bench-viewer', ['viewer'], '大屏观众');
  const targets = new Map<number, PageTarget[]>();
  for (const r of rounds) targets.set(r.size, await pageTargets(env, r, token));
  const samples = new Map<number, Sample[]>(rounds.map((r) => [r.size, []]));

  for (let iteration = 0; iteration < options.warmupIterations + options.iterations; iteration++) {
    const measured = iteration >= options.warmupIterations;
    // Rotate which size goes first so that no size always follows another.
    const order = rounds.map((_, i) => rounds[(i + iteration) % rounds.length]!);
    for (const r of order) {
      for (const target of targets.get(r.size)!) {
        const response = await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId: r.round.id, first: PAGE_SIZE, after: target.after }, token);
        checkPage(r, target.offset, dataOf(response, `leaderboard of ${r.size} at ${target.offset}`));
        if (measured) samples.get(r.size)!.push({ ms: response.ms, serverMs: response.serverMs, cost: costOf(response) });
      }
    }
  }

  const sizes = rounds.map((r): LeaderboardSizeResult => {
    const s = samples.get(r.size)!;
    return {
      entries: r.size,
      offsets: targets.get(r.size)!.map((t) => t.offset),
      latencyMs: summarize(s.map((x) => x.ms)),
      serverMs: summarize(s.map((x) => x.serverMs)),
      requestsPerPage: { mean: mean(s.map((x) => x.cost.dynamodbRequests)), max: Math.max(...s.map((x) => x.cost.dynamodbRequests)) },
      readUnitsPerPage: { mean: mean(s.map((x) => x.cost.readCapacityUnits)), max: Math.max(...s.map((x) => x.cost.readCapacityUnits)) },
      billedMsMean: mean(s.map((x) => Math.ceil(x.serverMs))),
    };
  });
  const p50 = (size: number) => sizes.find((s) => s.entries === size)!.latencyMs.p50;
  return { pageSize: PAGE_SIZE, ...options, sizes, ratio10000to100: p50(10_000) / p50(100) };
}

/**
 * The first page, a quarter and half way down, and the last page. Deep pages are
 * reached the way a client reaches them, by following cursors (the API's largest
 * page a step), so their `after` is a real cursor.
 */
async function pageTargets(env: BenchEnvironment, r: LeaderboardRound, token: string): Promise<PageTarget[]> {
  const offsets = [...new Set([0, Math.floor(r.size / 4), Math.floor(r.size / 2), r.size - PAGE_SIZE])].sort((a, b) => a - b);
  const targets: PageTarget[] = [];
  let position = 0;
  let after: string | null = null;
  for (const offset of offsets) {
    while (position < offset) {
      const step = Math.min(MAX_PAGE, offset - position);
      const response: Timed<LeaderboardData> = await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId: r.round.id, first: step, after }, token);
      const page = dataOf(response, `leaderboard walk of ${r.size}`).leaderboard;
      after = page.pageInfo.endCursor;
      position += page.edges.length;
      if (page.edges.length !== step) throw new Error(`leaderboard of ${r.size} ended at ${position}, before ${offset}`);
    }
    targets.push({ offset, after });
  }
  return targets;
}

/** A page must list exactly the expected entries, totals and ranks, and count the whole round. */
function checkPage(r: LeaderboardRound, offset: number, data: LeaderboardData): void {
  const page = data.leaderboard;
  const expected = r.standings.slice(offset, offset + PAGE_SIZE);
  const where = `leaderboard of ${r.size} at offset ${offset}`;
  if (page.totalCount !== r.size) throw new Error(`${where}: totalCount ${page.totalCount}, expected ${r.size}`);
  if (page.edges.length !== expected.length) throw new Error(`${where}: ${page.edges.length} rows, expected ${expected.length}`);
  if (page.pageInfo.hasNextPage !== offset + PAGE_SIZE < r.size) throw new Error(`${where}: wrong hasNextPage`);
  page.edges.forEach(({ node }, i) => {
    const want = expected[i]!;
    const total = want.total === null ? null : Number(want.total);
    if (node.entry.id !== want.entryId || node.total !== total || node.rank !== want.rank) {
      throw new Error(
        `${where}, row ${offset + i + 1}: got ${node.entry.id} total ${node.total} rank ${node.rank}, expected ${want.entryId} total ${total} rank ${want.rank}`,
      );
    }
  });
}
