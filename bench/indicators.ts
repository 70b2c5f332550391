import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Decimal, Round, Unit, Viewer } from '../src/domain/model.js';
import { compareRankValues } from '../src/domain/ranking.js';
import { CostMeter, runWithMeter } from '../src/meter.js';
import { asIndicatorsRound } from '../src/methods/indicators/config.js';
import { indicatorsScoring } from '../src/methods/indicators/roundScoring.js';
import { MAX_VALUES_PER_CALL } from '../src/services/indicatorValues.js';
import { MAX_ENTRIES_PER_CALL } from '../src/services/rounds.js';
import { MAX_PAGE } from '../src/services/validation.js';
import type { StoredEntry } from '../src/store/entries.js';
import type { BenchEnvironment } from './environment.js';
import { inParallel } from './fixtures.js';
import { costOf, dataOf, type Timed } from './http.js';
import { PAGE_SIZE } from './leaderboard.js';
import { mean, summarize, type Summary } from './stats.js';

/**
 * The second assessment method at a city's scale (issue 15): an INDICATORS round of
 * 3,200 units (a city's towns and streets) assessed on 20 measured indicators, i.e.
 * 64,000 values, each entered by one organizer and verified by another. Measured:
 * closing the round (rank points across all units, results stored with batched
 * writes) — DynamoDB requests, time and heap — a leaderboard page of it over HTTP,
 * and verifyRound, which rebuilds every entry from the values.
 *
 * BENCH_INDICATOR_UNITS changes the number of units (default 3,200), for a quick run.
 */

export const DEFAULT_INDICATOR_UNITS = 3_200;
/** Entries per BatchWriteItem: the close should need about one request per 25 units, plus a fixed few. */
const BATCH_WRITE_ITEMS = 25;
const CLOSE_FIXED_REQUESTS = 20;
/** submitValues / verifyValues calls in flight at once while loading. */
const LOAD_CALLS_IN_FLIGHT = 4;
/** createUnit calls in flight at once. */
const UNIT_CALLS_IN_FLIGHT = 8;
const DISTRICTS = 16;
const HEAP_SAMPLE_MS = 20;
const LEADERBOARD = { warmupIterations: 3, iterations: 20 };

/** Maker and checker: two organizers of the competition (maker-checker). */
const MAKER: Viewer = { id: 'bench-indicator-maker', name: '指标录入员', roles: ['organizer'], kind: 'user' };
const CHECKER: Viewer = { id: 'bench-indicator-checker', name: '指标审核员', roles: ['organizer'], kind: 'user' };

/** The closeRound request bound for `units` units: one BatchWriteItem per 25 entries plus a fixed few. */
export function closeRequestBound(units: number): number {
  return Math.ceil(units / BATCH_WRITE_ITEMS) + CLOSE_FIXED_REQUESTS;
}

/** BENCH_INDICATOR_UNITS, checked: at least one leaderboard page, at most what one round of the API holds comfortably. */
export function indicatorUnitsFromEnv(): number {
  const raw = process.env.BENCH_INDICATOR_UNITS;
  const units = Number(raw ?? DEFAULT_INDICATOR_UNITS);
  if (!Number.isSafeInteger(units) || units < PAGE_SIZE || units > 20_000) {
    throw new Error(`BENCH_INDICATOR_UNITS must be an integer from ${PAGE_SIZE} to 20,000, not ${raw}`);
  }
  return units;
}

type Measure = { value: number } | { numerator: number; denominator: number };
/** A unit's figure for one indicator, from the unit's overall level (0…1) and noise. */
type Generator = (level: number, random: () => number) => Measure;

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Noise around the unit's level, so that indicators agree only roughly. */
const jitter = (level: number, random: () => number) => clamp01(level + (random() - 0.5) * 0.6);
/** A number from `low` (level 0) to `high` (level 1), to `places` decimals; `low` > `high` for lower-is-better measures. */
const between =
  (low: number, high: number, places = 2): Generator =>
  (level, random) => ({ value: Math.round((low + (high - low) * jitter(level, random)) * 10 ** places) / 10 ** places });
/** A count of occurrences: fewer for a better unit. */
const occurrences =
  (most: number): Generator =>
  (level, random) => ({ value: Math.floor((1 - jitter(level, random)) * (most + 1) * random()) });
/** A ratio as two counts; `zeroShare` of the units have nothing to count (denominator 0). */
const ratio =
  (largest: number, zeroShare = 0): Generator =>
  (level, random) => {
    if (random() < zeroShare) return { numerator: 0, denominator: 0 };
    const denominator = 1 + Math.floor(random() * largest);
    return { numerator: Math.round(denominator * (0.5 + 0.5 * jitter(level, random))), denominator };
  };

/**
 * 双百分制: 经济发展 and 党建与作风, 100 points each, ten indicators of weight 10 in
 * each; every method, ratios among them, RANK_POINTS both with a step and down to a lowest.
 */
const INDICATORS: { input: Record<string, unknown>; measure: Generator }[] = [
  {
    input: { key: 'gdpGrowth', label: 'GDP 增速', section: 'econ', unit: '%', method: 'EFFICACY', satisfactory: 8, disallowed: 3 },
    measure: between(2, 10),
  },
  {
    input: { key: 'revenue', label: '一般公共预算收入增速', section: 'econ', unit: '%', method: 'EFFICACY', satisfactory: 10, disallowed: 0, cap: 110 },
    measure: between(-3, 14),
  },
  {
    input: { key: 'investment', label: '固定资产投资完成率', section: 'econ', unit: '%', method: 'TARGET_RATIO', target: 100, cap: 120 },
    measure: between(60, 130),
  },
  {
    input: { key: 'projects', label: '重大项目开工数', section: 'econ', unit: '个', method: 'TARGET_RATIO', target: 12 },
    measure: between(0, 16, 0),
  },
  {
    input: {
      key: 'energy',
      label: '单位 GDP 能耗',
      section: 'econ',
      unit: '吨标煤/万元',
      method: 'EFFICACY',
      direction: 'LOWER_BETTER',
      satisfactory: 0.3,
      disallowed: 0.6,
    },
    measure: between(0.7, 0.2, 3),
  },
  {
    input: { key: 'solved', label: '问题破解率', section: 'econ', unit: '%', method: 'THRESHOLD', target: 95, partial: 60, ratio: true },
    measure: ratio(400),
  },
  {
    input: { key: 'visits', label: '走访企业数', section: 'econ', unit: '家', method: 'RANK_POINTS', step: 0.02 },
    measure: between(0, 300, 0),
  },
  {
    input: { key: 'taxPerMu', label: '亩均税收', section: 'econ', unit: '万元', method: 'RANK_POINTS', lowest: 60 },
    measure: between(2, 40),
  },
  {
    input: {
      key: 'landUse',
      label: '批而未供土地处置率',
      section: 'econ',
      unit: '%',
      method: 'THRESHOLD',
      target: 90,
      partial: 50,
      ratio: true,
      zeroDenominator: 'FULL',
    },
    measure: ratio(60, 0.1),
  },
  {
    input: { key: 'exports', label: '外贸出口增速', section: 'econ', unit: '%', method: 'TARGET_RATIO', target: 8, cap: 150 },
    measure: between(-2, 15),
  },
  {
    input: { key: 'incidents', label: '作风问题', section: 'party', unit: '起', method: 'PER_OCCURRENCE', pointsEach: -2 },
    measure: occurrences(8),
  },
  {
    input: { key: 'complaints', label: '有效投诉', section: 'party', unit: '件', method: 'PER_OCCURRENCE', pointsEach: -1 },
    measure: occurrences(20),
  },
  {
    input: { key: 'accidents', label: '安全生产事故', section: 'party', unit: '起', method: 'PER_OCCURRENCE', pointsEach: -5 },
    measure: occurrences(3),
  },
  {
    input: { key: 'petitions', label: '信访化解率', section: 'party', unit: '%', method: 'THRESHOLD', target: 90, partial: 40, ratio: true },
    measure: ratio(120, 0.05),
  },
  {
    input: { key: 'satisfaction', label: '群众满意度', section: 'party', unit: '分', method: 'EFFICACY', satisfactory: 95, disallowed: 70 },
    measure: between(65, 99),
  },
  {
    input: { key: 'training', label: '党员轮训完成率', section: 'party', unit: '%', method: 'TARGET_RATIO', target: 100, ratio: true },
    measure: ratio(300),
  },
  {
    input: { key: 'volunteer', label: '志愿服务时长', section: 'party', unit: '小时', method: 'RANK_POINTS', step: 0.01 },
    measure: between(100, 5000, 0),
  },
  {
    input: { key: 'meetings', label: '主题党日开展次数', section: 'party', unit: '次', method: 'TARGET_RATIO', target: 12 },
    measure: between(4, 14, 0),
  },
  {
    input: { key: 'green', label: '建成区绿化覆盖率', section: 'party', unit: '%', method: 'EFFICACY', satisfactory: 45, disallowed: 30 },
    measure: between(25, 50),
  },
  {
    input: { key: 'rectified', label: '巡察整改完成率', section: 'party', unit: '%', method: 'RANK_POINTS', lowest: 50, ratio: true },
    measure: ratio(80),
  },
];

export const INDICATOR_SET = {
  name: '全市乡镇（街道）实绩考核（双百分制）',
  sections: [
    { key: 'econ', label: '经济发展', fullMark: 100 },
    { key: 'party', label: '党建与作风', fullMark: 100 },
  ],
  indicators: INDICATORS.map((i) => ({ ...i.input, weight: 10 })),
};

const LEADERBOARD_QUERY = `query IndicatorLeaderboard($roundId: ID!, $first: Int!, $after: String) {
  leaderboard(roundId: $roundId, first: $first, after: $after) {
    totalCount
    edges { cursor node { rank total sheetCount entry { id title order vetoed unit { name } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface LeaderboardData {
  leaderboard: {
    totalCount: number;
    edges: { cursor: string; node: { rank: number | null; total: number | null; sheetCount: number; entry: { id: string; vetoed: boolean } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

interface Metered<T> {
  result: T;
  seconds: number;
  requests: number;
  byOperation: Record<string, number>;
  writeUnits: number;
}

/** Runs `work` on its own cost meter — the one the API puts on every GraphQL request — so every DynamoDB request it makes is counted. */
async function metered<T>(work: () => Promise<T>): Promise<Metered<T>> {
  const meter = new CostMeter();
  const started = performance.now();
  const result = await runWithMeter(meter, work);
  const seconds = (performance.now() - started) / 1000;
  const cost = meter.snapshot();
  return { result, seconds, requests: cost.dynamodbRequests, byOperation: cost.requestsByOperation, writeUnits: cost.writeCapacityUnits };
}

/**
 * A garbage collection on demand. The benchmark runs without --expose-gc, so the flag
 * is set now and `gc` taken from a fresh context: the heap measured before the close
 * is then what is live, not whatever garbage the load left.
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** `work` with this process's heap (the services run in it) sampled every 20 ms: the peak above the heap before, in MB. */
async function withHeapPeak<T>(work: () => Promise<T>): Promise<{ result: T; peakHeapMb: number }> {
  collector()();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, HEAP_SAMPLE_MS);
  try {
    const result = await work();
    sample();
    return { result, peakHeapMb: (peak - before) / 2 ** 20 };
  } finally {
    clearInterval(sampler);
  }
}

export interface IndicatorsResult {
  units: number;
  indicators: number;
  values: number;
  load: {
    seconds: number;
    unitsSeconds: number;
    enrolAndOpenSeconds: number;
    submitSeconds: number;
    verifySeconds: number;
    submitRequests: number;
    verifyRequests: number;
    submitCalls: number;
    verifyCalls: number;
    callsInFlight: number;
  };
  closeRequests: number;
  closeRequestBound: number;
  closeRequestsByOperation: Record<string, number>;
  closeWriteUnits: number;
  closeSeconds: number;
  closePeakHeapMb: number;
  leaderboard: {
    offsets: number[];
    latencyMs: Summary;
    requestsPerPage: { mean: number; max: number };
  };
  /** Max over every page read. */
  leaderboardRequestsPerPage: number;
  verifyMismatches: number;
  verifyFirstMismatches: string[];
  verifyCheckedEntries: number;
  verifyCheckedValues: number;
  verifySeconds: number;
  verifyRequests: number;
}

const log = (message: string) => process.stderr.write(`  · ${message}\n`);
const secs = (s: number) => `${s.toFixed(1)} s`;

export async function benchIndicators(env: BenchEnvironment, random: () => number, units: number): Promise<IndicatorsResult> {
  const { services } = env.runtime;
  const loadStarted = performance.now();

  // Setup, as the two organizers would do it.
  const competition = await services.competitions.createCompetition(MAKER, { name: '全市实绩考核 性能基准', description: null });
  await services.competitions.grantOrganizer(MAKER, competition.id, CHECKER.id);
  const set = await services.indicatorSets.createIndicatorSet(MAKER, INDICATOR_SET);

  // The city's units: a city, its districts, and the towns and streets assessed, each through createUnit (there is no batch call).
  const unitsStarted = performance.now();
  const city = await services.directory.createUnit(MAKER, { name: '压测市', kind: 'CITY' });
  const districts: Unit[] = [];
  for (let d = 0; d < DISTRICTS; d++) districts.push(await services.directory.createUnit(MAKER, { name: `第${d + 1}区`, kind: 'DISTRICT', parentId: city.id }));
  const towns = await inParallel(
    Array.from({ length: units }, (_, i) => i),
    UNIT_CALLS_IN_FLIGHT,
    (i) => {
      const district = districts[i % DISTRICTS]!;
      return services.directory.createUnit(MAKER, {
        name: `${district.name}${i < units / 2 ? '镇' : '街道'}${Math.floor(i / DISTRICTS) + 1}`,
        kind: 'TOWN',
        parentId: district.id,
      });
    },
  );
  const unitsSeconds = (performance.now() - unitsStarted) / 1000;
  log(`${units.toLocaleString('en-US')} units created in ${secs(unitsSeconds)}`);

  // The round, its entries (99 per call) and opening.
  const enrolStarted = performance.now();
  const round = await services.rounds.createRound({
    competitionId: competition.id,
    name: '2026 年第二季度 乡镇（街道）实绩考核',
    leaderboardVisibility: 'LIVE',
    method: { kind: 'INDICATORS', indicatorSetId: set.id, period: '2026-Q2' },
  });
  const entries: StoredEntry[] = [];
  for (let i = 0; i < towns.length; i += MAX_ENTRIES_PER_CALL) {
    const slice = towns.slice(i, i + MAX_ENTRIES_PER_CALL).map((unit, j) => ({ unitId: unit.id, title: unit.name, order: i + j + 1 }));
    entries.push(...(await services.rounds.addEntries(round.id, slice)));
  }
  await services.lifecycle.openRound(round.id);
  const enrolAndOpenSeconds = (performance.now() - enrolStarted) / 1000;
  log(`enrolled and opened in ${secs(enrolAndOpenSeconds)}`);

  // Seeded figures, grouped by entry: 50 units × 20 indicators per call. Each call reads the round
  // once, as the API's request does (its loader), and hands it to the service.
  const values = entries.map((entry) => {
    const level = random();
    return INDICATORS.map((indicator) => ({ entryId: entry.id, indicator: String(indicator.input.key), ...indicator.measure(level, random) }));
  });
  const unitsPerCall = Math.floor(MAX_VALUES_PER_CALL / INDICATORS.length);
  const calls = Array.from({ length: Math.ceil(values.length / unitsPerCall) }, (_, c) => values.slice(c * unitsPerCall, (c + 1) * unitsPerCall).flat());

  const submitted = await metered(() =>
    inParallel(calls, LOAD_CALLS_IN_FLIGHT, async (call, c) =>
      services.indicators.submitValues(MAKER, await services.rounds.requireRound(round.id), call, `bench-load-${c}`),
    ),
  );
  log(
    `${(units * INDICATORS.length).toLocaleString('en-US')} values entered in ${secs(submitted.seconds)} (${submitted.requests.toLocaleString('en-US')} requests)`,
  );
  const verified = await metered(() =>
    inParallel(submitted.result, LOAD_CALLS_IN_FLIGHT, async (call) =>
      services.indicators.verifyValues(
        CHECKER,
        await services.rounds.requireRound(round.id),
        call.map((v) => v.id),
      ),
    ),
  );
  const verifiedCount = verified.result.flat().filter((v) => v.status === 'VERIFIED' && v.verifiedBy === CHECKER.id).length;
  if (verifiedCount !== units * INDICATORS.length) throw new Error(`${verifiedCount} values verified, expected ${units * INDICATORS.length}`);
  log(`verified in ${secs(verified.seconds)} (${verified.requests.toLocaleString('en-US')} requests)`);
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  // The close: rank points across the round, every entry's result stored.
  const closed = await withHeapPeak(() => metered(() => services.lifecycle.closeRound(round.id)));
  if (closed.result.result.status !== 'CLOSED') throw new Error(`closeRound left the round ${closed.result.result.status}`);
  log(`closed in ${secs(closed.result.seconds)}: ${closed.result.requests} requests, heap peak +${closed.peakHeapMb.toFixed(1)} MB`);

  const verification = await metered(() => services.results.verifyRound(round.id));
  log(`verifyRound in ${secs(verification.seconds)}: ${verification.result.mismatches.length} mismatches, ${verification.requests} requests`);

  const leaderboard = await readLeaderboard(env, closed.result.result, await services.rounds.entries(closed.result.result));

  return {
    units,
    indicators: INDICATORS.length,
    values: units * INDICATORS.length,
    load: {
      seconds: loadSeconds,
      unitsSeconds,
      enrolAndOpenSeconds,
      submitSeconds: submitted.seconds,
      verifySeconds: verified.seconds,
      submitRequests: submitted.requests,
      verifyRequests: verified.requests,
      submitCalls: calls.length,
      verifyCalls: submitted.result.length,
      callsInFlight: LOAD_CALLS_IN_FLIGHT,
    },
    closeRequests: closed.result.requests,
    closeRequestBound: closeRequestBound(units),
    closeRequestsByOperation: closed.result.byOperation,
    closeWriteUnits: closed.result.writeUnits,
    closeSeconds: closed.result.seconds,
    closePeakHeapMb: closed.peakHeapMb,
    leaderboard,
    leaderboardRequestsPerPage: leaderboard.requestsPerPage.max,
    verifyMismatches: verification.result.mismatches.length,
    verifyFirstMismatches: verification.result.mismatches.slice(0, 5).map((m) => `${m.entryId} ${m.field}: expected ${m.expected}, stored ${m.actual}`),
    verifyCheckedEntries: verification.result.checkedEntries,
    verifyCheckedValues: verification.result.checkedSheets,
    verifySeconds: verification.seconds,
    verifyRequests: verification.requests,
  };
}

interface Standing {
  entryId: string;
  total: Decimal | null;
  rank: number | null;
}

/**
 * The leaderboard the stored results make, computed without the index: ranked
 * entries best first (ties in pitch order, sharing a rank), then the unranked
 * (vetoed or without a total) by total.
 */
function expectedStandings(round: Round, entries: readonly StoredEntry[]): Standing[] {
  const scoring = indicatorsScoring(asIndicatorsRound(round).method);
  const rows = entries.map((entry) => ({ entry, value: scoring.rankValue(entry) }));
  const asValue = (total: Decimal | null) => (total === null ? null : { total, tieBreakers: [] });
  rows.sort(
    (a, b) =>
      Number(a.value === null) - Number(b.value === null) ||
      (a.value ? compareRankValues(a.value, b.value) : compareRankValues(asValue(a.entry.total), asValue(b.entry.total))) ||
      a.entry.order - b.entry.order,
  );
  let rank: number | null = null;
  return rows.map((row, i) => {
    const previous = rows[i - 1];
    if (!row.value) rank = null;
    else if (!previous?.value || compareRankValues(previous.value, row.value) !== 0) rank = i + 1;
    return { entryId: row.entry.id, total: row.entry.total, rank };
  });
}

/**
 * Pages of 50 of the closed round over HTTP as a viewer (the big screen, a BI tool):
 * the first, a quarter and half way down (reached by following cursors), the last.
 * Each page read is checked against the stored results; its cost is the API's own
 * `extensions.cost`.
 */
async function readLeaderboard(env: BenchEnvironment, round: Round, entries: readonly StoredEntry[]): Promise<IndicatorsResult['leaderboard']> {
  const token = await env.token('bench-indicator-viewer', ['viewer'], '大屏观众');
  const standings = expectedStandings(round, entries);
  const size = standings.length;
  const offsets = [...new Set([0, Math.floor(size / 4), Math.floor(size / 2), size - PAGE_SIZE])].sort((a, b) => a - b);
  const targets: { offset: number; after: string | null }[] = [];
  let position = 0;
  let after: string | null = null;
  for (const offset of offsets) {
    while (position < offset) {
      const step = Math.min(MAX_PAGE, offset - position);
      const response: Timed<LeaderboardData> = await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId: round.id, first: step, after }, token);
      const page = dataOf(response, 'indicator leaderboard walk').leaderboard;
      after = page.pageInfo.endCursor;
      position += page.edges.length;
      if (page.edges.length !== step) throw new Error(`indicator leaderboard ended at ${position}, before ${offset}`);
    }
    targets.push({ offset, after });
  }

  const samples: { ms: number; requests: number }[] = [];
  for (let iteration = 0; iteration < LEADERBOARD.warmupIterations + LEADERBOARD.iterations; iteration++) {
    for (const target of targets) {
      const response = await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId: round.id, first: PAGE_SIZE, after: target.after }, token);
      checkPage(standings, target.offset, dataOf(response, `indicator leaderboard at ${target.offset}`));
      if (iteration >= LEADERBOARD.warmupIterations) samples.push({ ms: response.ms, requests: costOf(response).dynamodbRequests });
    }
  }
  return {
    offsets,
    latencyMs: summarize(samples.map((s) => s.ms)),
    requestsPerPage: { mean: mean(samples.map((s) => s.requests)), max: Math.max(...samples.map((s) => s.requests)) },
  };
}

/** A page lists exactly the expected entries, ranks and totals (two decimals, as the API shows them) and counts the whole round. */
function checkPage(standings: readonly Standing[], offset: number, data: LeaderboardData): void {
  const page = data.leaderboard;
  const expected = standings.slice(offset, offset + PAGE_SIZE);
  const where = `indicator leaderboard at offset ${offset}`;
  if (page.totalCount !== standings.length) throw new Error(`${where}: totalCount ${page.totalCount}, expected ${standings.length}`);
  if (page.edges.length !== expected.length) throw new Error(`${where}: ${page.edges.length} rows, expected ${expected.length}`);
  if (page.pageInfo.hasNextPage !== offset + PAGE_SIZE < standings.length) throw new Error(`${where}: wrong hasNextPage`);
  page.edges.forEach(({ node }, i) => {
    const want = expected[i]!;
    const totalOk = want.total === null ? node.total === null : node.total !== null && Math.abs(node.total - Number(want.total)) <= 0.005 + 1e-9;
    if (node.entry.id !== want.entryId || node.rank !== want.rank || !totalOk) {
      throw new Error(
        `${where}, row ${offset + i + 1}: got ${node.entry.id} total ${node.total} rank ${node.rank}, expected ${want.entryId} total ${want.total} rank ${want.rank}`,
      );
    }
  });
}
