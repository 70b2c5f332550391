import type { BundleBenchResult } from './bundle.js';
import type { CloseResult } from './close.js';
import type { ExportResult } from './exports.js';
import type { IndicatorsResult } from './indicators.js';
import { ASSUMPTIONS, PRICES, costPerMillion, type CostPerMillion } from './cost.js';
import type { LeaderboardResult } from './leaderboard.js';
import type { LiveResult } from './live.js';
import type { OverheadResult } from './overhead.js';
import type { RatingCaseResult, RatingsResult } from './ratings.js';
import { round } from './stats.js';
import type { SubmitResult } from './submit.js';

/** The targets. */
export const TARGETS = {
  leaderboardRatio: 1.2,
  leaderboardRequests: 2,
  submitRequestsMean: 3,
  overheadRatio: 2,
  /** 600 KB, counted as 1,024-byte kilobytes. */
  bundleBytes: 600 * 1024,
  importRatio: 1.5,
  /** The hall: a submission is on the big screen within a second. */
  liveSubmissionToScreenP95Ms: 1000,
  /** Citizens' ratings: all raters on one point keep at least this share of the spread throughput. */
  ratingsHotToSpreadRatio: 0.8,
} as const;

export interface Target {
  name: string;
  target: string;
  actual: string;
  met: boolean;
}

/** What the parts that ran measured (BENCH_PARTS selects them; bench/parts.ts). */
export interface Results {
  leaderboard?: LeaderboardResult;
  /** Loading the leaderboard rounds (also read by the overhead and export parts). */
  loaded?: { entries: number; seconds: number };
  overhead?: OverheadResult;
  submit?: SubmitResult;
  live?: LiveResult;
  bundle?: BundleBenchResult;
  exported?: ExportResult;
  closed?: CloseResult;
  indicators?: IndicatorsResult;
  ratings?: RatingsResult;
}

const byKey = <T, V>(items: readonly T[], key: (item: T) => number, value: (item: T) => V): Record<string, V> =>
  Object.fromEntries(items.map((item) => [String(key(item)), value(item)]));
const r2 = (n: number) => round(n, 2);
const r3 = (n: number) => round(n, 3);
const pair = (s: { mean: number; max: number }) => ({ mean: r2(s.mean), max: r2(s.max) });
const costOut = (c: CostPerMillion) => ({
  dynamodbUsd: r3(c.dynamodb),
  apiGatewayUsd: r3(c.apiGateway),
  lambdaRequestsUsd: r3(c.lambdaRequests),
  lambdaDurationUsd: r3(c.lambdaDuration),
  totalUsd: r3(c.total),
});

export function costs(results: Results) {
  const submissions = (results.submit?.levels ?? []).map((l) => ({
    judges: l.judges,
    readUnits: l.readUnitsPerSubmission.mean,
    writeUnits: l.writeUnitsPerSubmission.mean,
    billedMs: l.billedMsMean,
  }));
  const reads = (results.leaderboard?.sizes ?? []).map((s) => ({
    entries: s.entries,
    readUnits: s.readUnitsPerPage.mean,
    writeUnits: 0,
    billedMs: s.billedMsMean,
  }));
  const live = results.live;
  const poll = live && { readUnits: live.liveStateReadUnits.mean, writeUnits: 0, billedMs: live.liveStateBilledMsMean };
  return {
    prices: PRICES,
    assumptions: ASSUMPTIONS,
    perMillionSubmissions: byKey(
      submissions,
      (s) => s.judges,
      (s) => ({
        inputs: { readUnits: r2(s.readUnits), writeUnits: r2(s.writeUnits), billedMs: r2(s.billedMs) },
        ...costOut(costPerMillion(s)),
      }),
    ),
    perMillionLeaderboardReads: byKey(
      reads,
      (s) => s.entries,
      (s) => ({
        inputs: { readUnits: r2(s.readUnits), billedMs: r2(s.billedMs) },
        ...costOut(costPerMillion(s)),
      }),
    ),
    ...(poll && {
      perMillionLiveStatePolls: { inputs: { readUnits: r2(poll.readUnits), billedMs: r2(poll.billedMs) }, ...costOut(costPerMillion(poll)) },
    }),
  };
}

export function targets(results: Results): Target[] {
  const { leaderboard, submit, overhead, bundle, exported, indicators, live, ratings } = results;
  const out: Target[] = [];
  if (leaderboard) {
    const maxRequests = Math.max(...leaderboard.sizes.map((s) => s.requestsPerPage.max));
    out.push(
      {
        name: 'leaderboard p50 ratio 10,000 : 100',
        target: `≤ ${TARGETS.leaderboardRatio}`,
        actual: r2(leaderboard.ratio10000to100).toFixed(2),
        met: leaderboard.ratio10000to100 <= TARGETS.leaderboardRatio,
      },
      {
        name: 'leaderboard DynamoDB requests per page (max, any size)',
        target: `≤ ${TARGETS.leaderboardRequests}`,
        actual: String(maxRequests),
        met: maxRequests <= TARGETS.leaderboardRequests,
      },
    );
  }
  if (submit) {
    out.push(
      ...submit.levels.map((l) => ({
        name: `submit DynamoDB requests per submission, mean, ${l.judges} concurrent`,
        target: `≤ ${TARGETS.submitRequestsMean}`,
        actual: `${r2(l.requestsPerSubmission.mean)} (max ${l.requestsPerSubmission.max})`,
        met: l.requestsPerSubmission.mean <= TARGETS.submitRequestsMean,
      })),
      { name: 'lost updates', target: '0', actual: String(submit.lostUpdates), met: submit.lostUpdates === 0 },
      {
        name: 'verifyRound mismatches after the submissions',
        target: '0',
        actual: String(submit.verifyRound.mismatches),
        met: submit.verifyRound.mismatches === 0,
      },
      { name: 'submissions failed with an unexpected error', target: '0', actual: String(submit.failed), met: submit.failed === 0 },
    );
  }
  if (live) {
    out.push({
      name: `live hall: submission to the big screen (liveState polled every ${live.pollIntervalMs} ms), p95`,
      target: `≤ ${TARGETS.liveSubmissionToScreenP95Ms} ms`,
      actual: `${r2(live.submissionToScreenMs.p95)} ms`,
      met: live.submissionToScreenMs.p95 <= TARGETS.liveSubmissionToScreenP95Ms,
    });
  }
  if (overhead) {
    out.push({
      name: 'GraphQL over HTTP : raw Query, p50',
      target: `≤ ${TARGETS.overheadRatio}`,
      actual: r2(overhead.graphqlToRawRatio).toFixed(2),
      met: overhead.graphqlToRawRatio <= TARGETS.overheadRatio,
    });
  }
  if (exported) {
    out.push({
      name: `CSV export of ${exported.entries.toLocaleString('en-US')} entries, peak heap growth`,
      target: `< ${exported.boundMb} MB`,
      actual: `${r2(exported.peakHeapGrowthMb)} MB`,
      met: exported.peakHeapGrowthMb < exported.boundMb,
    });
  }
  if (indicators) out.push(...indicatorTargets(indicators));
  if (ratings) out.push(...ratingTargets(ratings));
  if (bundle) {
    out.push(
      {
        name: 'Lambda bundle, minified (no source map)',
        target: `≤ ${TARGETS.bundleBytes.toLocaleString('en-US')} B (600 KB)`,
        actual: `${bundle.bytes.toLocaleString('en-US')} B`,
        met: bundle.bytes <= TARGETS.bundleBytes,
      },
      {
        name: 'bundle import time : graphql-js baseline, median',
        target: `≤ ${TARGETS.importRatio}`,
        actual: r2(bundle.importRatio).toFixed(2),
        met: bundle.importRatio <= TARGETS.importRatio,
      },
    );
  }
  return out;
}

function indicatorTargets(x: IndicatorsResult): Target[] {
  const size = `${x.units.toLocaleString('en-US')} units × ${x.indicators} indicators`;
  return [
    {
      name: `indicator round of ${size}: leaderboard DynamoDB requests per page (max)`,
      target: `≤ ${TARGETS.leaderboardRequests}`,
      actual: String(x.leaderboardRequestsPerPage),
      met: x.leaderboardRequestsPerPage <= TARGETS.leaderboardRequests,
    },
    {
      name: `closeRound of the indicator round (${size}): DynamoDB requests`,
      target: `≤ ${x.closeRequestBound} (ceil(${x.units} / 25) + 20)`,
      actual: String(x.closeRequests),
      met: x.closeRequests <= x.closeRequestBound,
    },
    { name: 'verifyRound mismatches after the indicator round closed', target: '0', actual: String(x.verifyMismatches), met: x.verifyMismatches === 0 },
  ];
}

function ratingTargets(r: RatingsResult): Target[] {
  return [
    {
      name: `ratings per second, ${r.raters} raters all on one point : spread over ${r.points.toLocaleString('en-US')} points`,
      target: `≥ ${TARGETS.ratingsHotToSpreadRatio}`,
      actual: r2(r.hotToSpreadRatio).toFixed(2),
      met: r.hotToSpreadRatio >= TARGETS.ratingsHotToSpreadRatio,
    },
    {
      name: 'ratings failed with an unexpected error',
      target: '0',
      actual: String(r.spread.failed + r.hot.failed),
      met: r.spread.failed + r.hot.failed === 0,
    },
    {
      name: 'ballots for one entry: failed with an unexpected error, or acknowledged but not tallied',
      target: '0',
      actual: `${r.ballots.failed} failed, ${r.ballots.accepted - r.ballots.tallied} not tallied`,
      met: r.ballots.failed === 0 && r.ballots.tallied === r.ballots.accepted,
    },
    {
      name: 'verifyRatings after the ratings: counters = stored = acknowledged',
      target: 'ok',
      actual: `${r.verify.counted} counted, ${r.verify.stored} stored, ${r.verify.accepted} acknowledged`,
      met: r.verify.ok && r.verify.counted === r.verify.accepted,
    },
  ];
}

/** The machine-readable figures: what BENCH_OUT receives and the run prints last; a part that did not run is absent. */
export function summary(results: Results, meta: Record<string, unknown>) {
  const { leaderboard, submit, live, overhead, bundle, exported, closed, indicators, ratings } = results;
  return {
    meta,
    ...(leaderboard && results.loaded && { leaderboard: leaderboardSummary(leaderboard, results.loaded) }),
    ...(submit && { submit: submitSummary(submit) }),
    ...(live && { live: liveSummary(live) }),
    ...(overhead && { overhead: overheadSummary(overhead) }),
    ...(bundle && { bundle: bundleSummary(bundle) }),
    ...(exported && { export: exportSummary(exported) }),
    ...(closed && { closeRound: closeSummary(closed) }),
    ...(indicators && { indicators: indicatorSummary(indicators) }),
    ...(ratings && { ratings: ratingsSummary(ratings) }),
    cost: costs(results),
    targets: targets(results),
  };
}

function leaderboardSummary(leaderboard: LeaderboardResult, loaded: NonNullable<Results['loaded']>) {
  const sizes = leaderboard.sizes;
  return {
    pageSize: leaderboard.pageSize,
    transport: 'GraphQL over HTTP, 127.0.0.1, keep-alive',
    offsets: byKey(
      sizes,
      (s) => s.entries,
      (s) => s.offsets,
    ),
    samples: byKey(
      sizes,
      (s) => s.entries,
      (s) => s.latencyMs.n,
    ),
    p50Ms: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.latencyMs.p50),
    ),
    p95Ms: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.latencyMs.p95),
    ),
    meanMs: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.latencyMs.mean),
    ),
    serverP50Ms: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.serverMs.p50),
    ),
    ratio10000to100: r3(leaderboard.ratio10000to100),
    requestsPerPage: byKey(
      sizes,
      (s) => s.entries,
      (s) => s.requestsPerPage.max,
    ),
    requestsPerPageMean: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.requestsPerPage.mean),
    ),
    readUnitsPerPage: byKey(
      sizes,
      (s) => s.entries,
      (s) => r2(s.readUnitsPerPage.mean),
    ),
    load: { entries: loaded.entries, seconds: r2(loaded.seconds), method: 'entryItem + batchPut (25 per BatchWriteItem, 4 writers)' },
  };
}

function submitSummary(submit: SubmitResult) {
  const levels = submit.levels;
  return {
    scenario: submit.scenario,
    waves: byKey(
      levels,
      (l) => l.judges,
      (l) => l.waves,
    ),
    throughputPerSec: byKey(
      levels,
      (l) => l.judges,
      (l) => r2(l.throughputPerSec),
    ),
    p50Ms: byKey(
      levels,
      (l) => l.judges,
      (l) => r2(l.latencyMs.p50),
    ),
    p95Ms: byKey(
      levels,
      (l) => l.judges,
      (l) => r2(l.latencyMs.p95),
    ),
    requestsPerSubmission: byKey(
      levels,
      (l) => l.judges,
      (l) => pair(l.requestsPerSubmission),
    ),
    writeUnitsPerSubmission: byKey(
      levels,
      (l) => l.judges,
      (l) => pair(l.writeUnitsPerSubmission),
    ),
    readUnitsPerSubmission: byKey(
      levels,
      (l) => l.judges,
      (l) => pair(l.readUnitsPerSubmission),
    ),
    accepted: byKey(
      levels,
      (l) => l.judges,
      (l) => l.accepted,
    ),
    rejected: byKey(
      levels,
      (l) => l.judges,
      (l) => l.rejected,
    ),
    failed: byKey(
      levels,
      (l) => l.judges,
      (l) => l.failed,
    ),
    failures: byKey(
      levels,
      (l) => l.judges,
      (l) => l.failures,
    ),
    lostUpdates: submit.lostUpdates,
    lostUpdatesByConcurrency: byKey(
      levels,
      (l) => l.judges,
      (l) => l.lostUpdates,
    ),
    verifyRound: submit.verifyRound,
    checks: byKey(
      levels,
      (l) => l.judges,
      (l) => l.checks,
    ),
    spreadControl: {
      scenario: 'the same number of judges at once, each on a different entry in every wave (no shared aggregate)',
      judges: submit.spread.judges,
      waves: submit.spread.waves,
      throughputPerSec: r2(submit.spread.throughputPerSec),
      p50Ms: r2(submit.spread.latencyMs.p50),
      p95Ms: r2(submit.spread.latencyMs.p95),
      requestsPerSubmission: pair(submit.spread.requestsPerSubmission),
      writeUnitsPerSubmission: pair(submit.spread.writeUnitsPerSubmission),
      lostUpdates: submit.spread.lostUpdates,
      failed: submit.spread.failed,
    },
  };
}

/** The figures the README's polling decision rests on. */
function liveSummary(live: LiveResult) {
  return {
    scenario: live.scenario,
    transport: 'GraphQL over HTTP, 127.0.0.1, keep-alive',
    pollIntervalMs: live.pollIntervalMs,
    samples: live.submissionToScreenMs.n,
    submissionToScreenP50Ms: r2(live.submissionToScreenMs.p50),
    submissionToScreenP95Ms: r2(live.submissionToScreenMs.p95),
    submissionToScreenMaxMs: r2(live.submissionToScreenMs.max),
    submissionToScreenMeanMs: r2(live.submissionToScreenMs.mean),
    judges: live.judges,
    entries: live.entries,
    submissions: live.submissions,
    gapMs: live.gapMs,
    seconds: r2(live.seconds),
    polls: live.polls,
    leaderboardFetches: live.leaderboardFetches,
    liveStateP50Ms: r2(live.liveStateMs.p50),
    liveStateP95Ms: r2(live.liveStateMs.p95),
    liveStateServerP50Ms: r2(live.liveStateServerMs.p50),
    liveStateDynamodbRequests: pair(live.liveStateRequests),
    liveStateReadUnits: pair(live.liveStateReadUnits),
    liveStateRequestsByOperation: Object.fromEntries(Object.entries(live.liveStateRequestsByOperation).map(([op, n]) => [op, r2(n)])),
  };
}

function overheadSummary(overhead: OverheadResult) {
  return {
    entries: overhead.entries,
    rounds: overhead.rounds,
    graphqlP50Ms: r2(overhead.graphqlMs.p50),
    rawP50Ms: r2(overhead.rawMs.p50),
    graphqlP95Ms: r2(overhead.graphqlMs.p95),
    rawP95Ms: r2(overhead.rawMs.p95),
    rawReadUnits: overhead.rawReadUnits,
    graphqlToRawRatio: r3(overhead.graphqlToRawRatio),
    breakdownP50Ms: { meOverHttp: r2(overhead.breakdown.meOverHttpMs.p50), rawRoundRead: r2(overhead.breakdown.rawRoundReadMs.p50) },
  };
}

function bundleSummary(bundle: BundleBenchResult) {
  return {
    bytes: bundle.bytes,
    sourceMapExcluded: bundle.sourceMapExcluded,
    baselineBytes: bundle.baselineBytes,
    importMedianMs: r2(bundle.importMs.median),
    baselineImportMedianMs: r2(bundle.baselineImportMs.median),
    sdkOnlyImportMedianMs: r2(bundle.sdkImportMs.median),
    importRatio: r3(bundle.importRatio),
    importRunsMs: bundle.importMs.runs.map(r2),
    baselineImportRunsMs: bundle.baselineImportMs.runs.map(r2),
    largestInputs: bundle.largestInputs,
    largestPackages: bundle.largestPackages,
  };
}

function exportSummary(exported: ExportResult) {
  return {
    entries: exported.entries,
    rows: exported.rows,
    bytes: exported.bytes,
    p50Ms: r2(exported.p50Ms),
    peakHeapGrowthMb: r2(exported.peakHeapGrowthMb),
    boundMb: exported.boundMb,
  };
}

function closeSummary(closed: CloseResult) {
  return {
    entries: closed.entries,
    ms: r2(closed.ms),
    dynamodbRequests: closed.dynamodbRequests,
    writeUnits: r2(closed.writeUnits),
    requestsByOperation: closed.byOperation,
  };
}

function indicatorSummary(x: IndicatorsResult) {
  return {
    units: x.units,
    indicators: x.indicators,
    closeRequests: x.closeRequests,
    closeSeconds: r2(x.closeSeconds),
    closePeakHeapMb: r2(x.closePeakHeapMb),
    leaderboardRequestsPerPage: x.leaderboardRequestsPerPage,
    verifyMismatches: x.verifyMismatches,
    values: x.values,
    closeRequestBound: x.closeRequestBound,
    closeRequestsByOperation: x.closeRequestsByOperation,
    closeWriteUnits: r2(x.closeWriteUnits),
    closeMethod: 'services.lifecycle.closeRound in the benchmark process, requests counted by the API’s cost meter; heap sampled every 20 ms after a GC',
    leaderboard: {
      transport: 'GraphQL over HTTP, 127.0.0.1, keep-alive, as a viewer',
      pageSize: 50,
      offsets: x.leaderboard.offsets,
      samples: x.leaderboard.latencyMs.n,
      p50Ms: r2(x.leaderboard.latencyMs.p50),
      p95Ms: r2(x.leaderboard.latencyMs.p95),
      requestsPerPageMean: r2(x.leaderboard.requestsPerPage.mean),
    },
    verify: { seconds: r2(x.verifySeconds), dynamodbRequests: x.verifyRequests, checkedEntries: x.verifyCheckedEntries, checkedValues: x.verifyCheckedValues },
    load: {
      seconds: r2(x.load.seconds),
      unitsSeconds: r2(x.load.unitsSeconds),
      enrolAndOpenSeconds: r2(x.load.enrolAndOpenSeconds),
      submitSeconds: r2(x.load.submitSeconds),
      verifySeconds: r2(x.load.verifySeconds),
      submitRequests: x.load.submitRequests,
      verifyRequests: x.load.verifyRequests,
      submitCalls: x.load.submitCalls,
      verifyCalls: x.load.verifyCalls,
      callsInFlight: x.load.callsInFlight,
      method:
        'through the services: createUnit one by one (8 in flight), addEntries 99 per call, submitValues by one organizer and verifyValues by another, 1,000 values (50 units) per call',
    },
  };
}

const ratingCaseSummary = (c: RatingCaseResult) => ({
  points: c.points,
  attempted: c.attempted,
  accepted: c.accepted,
  busy: c.busy,
  failed: c.failed,
  failures: c.failures,
  seconds: r2(c.seconds),
  perSecond: r2(c.perSecond),
  p50Ms: r2(c.latencyMs.p50),
  p95Ms: r2(c.latencyMs.p95),
  requestsPerRating: pair(c.requestsPerRating),
  writeUnitsPerRating: pair(c.writeUnitsPerRating),
});

/** The figures the issue asks for first, then how they were measured. */
function ratingsSummary(r: RatingsResult) {
  return {
    perSecondSpread: r2(r.spread.perSecond),
    perSecondHot: r2(r.hot.perSecond),
    hotToSpreadRatio: r3(r.hotToSpreadRatio),
    requestsPerRating: r3(r.requestsPerRating),
    rawPutPerSecond: r2(r.rawPutPerSecond),
    ballotsPerSecondOneEntry: r2(r.ballotsPerSecondOneEntry),
    ballotsToRawPutRatio: r3(r.ballotsPerSecondOneEntry / r.rawPutPerSecond),
    ballots: {
      scenario: `${r.raters} attendees at once, each casting its own ballot for the one entry on stage (a panel round with 领导评委 60 % and 群众评委 40 %)`,
      attempted: r.ballots.attempted,
      accepted: r.ballots.accepted,
      failed: r.ballots.failed,
      tallied: r.ballots.tallied,
      p50Ms: r2(r.ballots.latencyMs.p50),
      p95Ms: r2(r.ballots.latencyMs.p95),
      requestsPerBallot: { mean: r3(r.ballots.requestsPerBallot.mean), max: r.ballots.requestsPerBallot.max },
    },
    scenario: r.scenario,
    transport: 'the Lambda handler called in-process with API Gateway v2 events (no HTTP), DynamoDB Local',
    raters: r.raters,
    points: r.points,
    ratingsPerCase: r.ratingsPerCase,
    warmupRatings: r.warmup,
    spreadToRawPutRatio: r3(r.spread.perSecond / r.rawPutPerSecond),
    hotToRawPutRatio: r3(r.hot.perSecond / r.rawPutPerSecond),
    spread: ratingCaseSummary(r.spread),
    hot: ratingCaseSummary(r.hot),
    rawPut: {
      method: `PutItem of a rating-sized item, ${r.raters} in flight, on the ratings' table, same client settings; run before and after the ratings, mean of the two`,
      runs: r.rawPut.map((x) => ({ puts: x.puts, perSecond: r2(x.perSecond), p50Ms: r2(x.latencyMs.p50), p95Ms: r2(x.latencyMs.p95) })),
    },
    verifyRatings: r.verify,
    dynamodbClient: {
      ...r.client,
      note:
        `this part's handler and the raw baseline use these instead of DYNAMO_DEFAULTS (${r.client.defaultRequestTimeoutMs} ms per attempt, 50 sockets): ` +
        `a rating's p95 here was ${Math.round(Math.max(r.spread.latencyMs.p95, r.hot.latencyMs.p95))} ms with 100 at once on DynamoDB Local, where the default would time attempts out and retry them`,
    },
    setupSeconds: { campaign: r2(r.setupSeconds.campaign), points: r2(r.setupSeconds.points), ratingForms: r2(r.setupSeconds.forms) },
  };
}

/** A plain-text table: numbers right-aligned, text left-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((row) => row.map((c) => (typeof c === 'number' ? formatNumber(c) : c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const numeric = headers.map((_, i) => rows.every((row) => typeof row[i] === 'number'));
  const line = (row: readonly string[]) =>
    row
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return n.toLocaleString('en-US');
  return n.toFixed(Math.abs(n) < 1 ? 3 : 2);
}

export function render(results: Results): string {
  const { leaderboard, loaded, submit, live, overhead, bundle, exported, closed, indicators, ratings } = results;
  const c = costs(results);
  const out: string[] = [];
  if (leaderboard && loaded) {
    out.push(
      `\n1. Leaderboard: page of ${leaderboard.pageSize} through GraphQL over HTTP (${leaderboard.iterations} rounds over each page, after ${leaderboard.warmupIterations} warm-up rounds)`,
    );
    out.push(
      table(
        ['entries', 'pages at offsets', 'samples', 'p50 ms', 'p95 ms', 'mean ms', 'server p50 ms', 'DDB req/page', 'RRU/page'],
        leaderboard.sizes.map((s) => [
          s.entries,
          s.offsets.join(', '),
          s.latencyMs.n,
          s.latencyMs.p50,
          s.latencyMs.p95,
          s.latencyMs.mean,
          s.serverMs.p50,
          s.requestsPerPage.max === s.requestsPerPage.mean ? String(s.requestsPerPage.max) : `${r2(s.requestsPerPage.mean)} (max ${s.requestsPerPage.max})`,
          s.readUnitsPerPage.mean,
        ]),
      ),
    );
    out.push(
      `p50 ratio 10,000 : 100 = ${r2(leaderboard.ratio10000to100).toFixed(2)}  (loaded ${loaded.entries.toLocaleString('en-US')} entries in ${loaded.seconds.toFixed(1)} s)`,
    );
  }
  if (submit) {
    out.push(`\n2. Submissions: submitScoreSheet over HTTP — ${submit.scenario}`);
    out.push(
      table(
        [
          'judges',
          'entries per wave',
          'waves',
          'accepted',
          'busy',
          'failed',
          'subs/s',
          'p50 ms',
          'p95 ms',
          'DDB req mean',
          'DDB req max',
          'WCU mean',
          'RCU mean',
          'lost updates',
        ],
        [...submit.levels.map((l) => ({ l, spread: false })), { l: submit.spread, spread: true }].map(({ l, spread }) => [
          l.judges,
          spread ? `${l.judges} (control: one judge per entry)` : '1 (hot spot)',
          l.waves,
          l.accepted,
          l.rejected,
          l.failed,
          l.throughputPerSec,
          l.latencyMs.p50,
          l.latencyMs.p95,
          l.requestsPerSubmission.mean,
          l.requestsPerSubmission.max,
          l.writeUnitsPerSubmission.mean,
          l.readUnitsPerSubmission.mean,
          l.lostUpdates,
        ]),
      ),
    );
    out.push(`lost updates, all runs incl. warm-up and control: ${submit.lostUpdates} (every touched entry recomputed from its stored sheets)`);
    out.push(
      `verifyRound over the submission round: ${submit.verifyRound.mismatches} mismatches in ${submit.verifyRound.checkedEntries} entries, ${submit.verifyRound.checkedSheets} sheets`,
    );
    out.push('busy: refused with SERVICE_UNAVAILABLE after the retry budget (nothing written); failed: any other error');
    for (const l of [...submit.levels, submit.spread]) for (const p of [...l.failures, ...l.checks.problems]) out.push(`  ! ${l.judges} judges: ${p}`);
  }
  if (overhead) {
    const b = overhead.breakdown;
    out.push(`\n3. Overhead: first page (50 rows) of the ${overhead.entries.toLocaleString('en-US')}-entry round, ${overhead.rounds} interleaved rounds`);
    out.push(
      table(
        ['path', 'p50 ms', 'p95 ms', 'mean ms'],
        [
          ['GraphQL over HTTP', overhead.graphqlMs.p50, overhead.graphqlMs.p95, overhead.graphqlMs.mean],
          ['raw Query on gsi1, Limit 51', overhead.rawMs.p50, overhead.rawMs.p95, overhead.rawMs.mean],
          ['  breakdown: { me { id } } over HTTP (no DynamoDB)', b.meOverHttpMs.p50, b.meOverHttpMs.p95, b.meOverHttpMs.mean],
          ['  breakdown: raw round read (BatchGetItem, 1 item)', b.rawRoundReadMs.p50, b.rawRoundReadMs.p95, b.rawRoundReadMs.mean],
        ],
      ),
    );
    out.push(`ratio of p50s = ${r2(overhead.graphqlToRawRatio).toFixed(2)} (GraphQL over raw Query; the breakdown rows are not part of it)`);
  }
  if (bundle) {
    out.push(
      `\n4. Cold start proxy: esbuild bundle of src/lambda.ts (scripts/lambdaBundle.ts), import() in a fresh node, median of ${bundle.importMs.runs.length}`,
    );
    out.push(
      table(
        ['bundle', 'bytes (minified, no map)', 'import median ms', 'runs ms'],
        [
          ['src/lambda.ts', bundle.bytes, bundle.importMs.median, bundle.importMs.runs.map((x) => x.toFixed(1)).join(' ')],
          ['graphql-js baseline', bundle.baselineBytes, bundle.baselineImportMs.median, bundle.baselineImportMs.runs.map((x) => x.toFixed(1)).join(' ')],
          ['AWS SDK clients only', '(external)', bundle.sdkImportMs.median, bundle.sdkImportMs.runs.map((x) => x.toFixed(1)).join(' ')],
        ],
      ),
    );
    out.push(`import ratio = ${r2(bundle.importRatio).toFixed(2)}`);
    out.push('largest inputs (bytes in output):');
    out.push(
      table(
        ['input', 'bytes'],
        bundle.largestInputs.map((i) => [i.path, i.bytes]),
      ),
    );
    out.push('by package:');
    out.push(
      table(
        ['package', 'bytes'],
        bundle.largestPackages.map((p) => [p.name, p.bytes]),
      ),
    );
  }
  out.push('\n5. Cost: USD per million operations');
  out.push(
    table(
      ['operation', 'RRU', 'WRU', 'billed ms', 'DynamoDB', 'API GW', 'Lambda req', 'Lambda GB-s', 'total'],
      [
        ...Object.entries(c.perMillionSubmissions).map(([judges, x]) => [
          `submission, ${judges} concurrent`,
          x.inputs.readUnits,
          x.inputs.writeUnits,
          x.inputs.billedMs,
          x.dynamodbUsd,
          x.apiGatewayUsd,
          x.lambdaRequestsUsd,
          x.lambdaDurationUsd,
          x.totalUsd,
        ]),
        ...Object.entries(c.perMillionLeaderboardReads).map(([entries, x]) => [
          `leaderboard page, ${Number(entries).toLocaleString('en-US')} entries`,
          x.inputs.readUnits,
          0,
          x.inputs.billedMs,
          x.dynamodbUsd,
          x.apiGatewayUsd,
          x.lambdaRequestsUsd,
          x.lambdaDurationUsd,
          x.totalUsd,
        ]),
        ...(c.perMillionLiveStatePolls ? [c.perMillionLiveStatePolls] : []).map((x) => [
          'liveState poll',
          x.inputs.readUnits,
          0,
          x.inputs.billedMs,
          x.dynamodbUsd,
          x.apiGatewayUsd,
          x.lambdaRequestsUsd,
          x.lambdaDurationUsd,
          x.totalUsd,
        ]),
      ],
    ),
  );
  out.push(
    `prices: DynamoDB on-demand $${PRICES.dynamodbPerMillionWriteRequestUnits}/M WRU, $${PRICES.dynamodbPerMillionReadRequestUnits}/M RRU; ` +
      `API Gateway HTTP API $${PRICES.apiGatewayHttpApiPerMillionRequests.toFixed(2)}/M requests; ` +
      `Lambda arm64 $${PRICES.lambdaArm64PerMillionRequests}/M requests + $${PRICES.lambdaArm64PerGbSecond}/GB-s at ${PRICES.lambdaMemoryMb} MB`,
  );
  out.push('assumptions:');
  for (const a of ASSUMPTIONS) out.push(`  - ${a}`);

  out.push('\nTargets');
  out.push(
    table(
      ['target', 'required', 'measured', 'met'],
      targets(results).map((t) => [t.name, t.target, t.actual, t.met ? 'yes' : 'NO']),
    ),
  );
  if (exported) {
    const e = exported;
    out.push(`\n6. Export: GET /export/rounds/{id}/leaderboard.csv of ${e.entries.toLocaleString('en-US')} entries over HTTP, ${e.runs} runs`);
    out.push(table(['rows', 'bytes', 'p50 ms', 'peak heap growth MB', 'bound MB'], [[e.rows, e.bytes, r2(e.p50Ms), r2(e.peakHeapGrowthMb), e.boundMb]]));
  }
  if (closed) {
    const c2 = closed;
    out.push(`\n7. closeRound of ${c2.entries.toLocaleString('en-US')} scored entries with ZSCORE normalisation, over HTTP`);
    out.push(
      table(
        ['ms', 'DynamoDB requests', 'by operation', 'WCU'],
        [
          [
            r2(c2.ms),
            c2.dynamodbRequests,
            Object.entries(c2.byOperation)
              .map(([op, n]) => `${op} ${n}`)
              .join(', '),
            r2(c2.writeUnits),
          ],
        ],
      ),
    );
  }
  if (indicators) {
    const x = indicators;
    const byOperation = (ops: Record<string, number>) =>
      Object.entries(ops)
        .map(([op, n]) => `${op} ${n}`)
        .join(', ');
    out.push(
      `\n8. Indicator round: ${x.units.toLocaleString('en-US')} units × ${x.indicators} indicators (${x.values.toLocaleString('en-US')} values, entered and verified by two organizers)`,
    );
    out.push(
      table(
        ['step', 'seconds', 'DynamoDB requests', 'by operation', 'peak heap growth MB'],
        [
          [
            'closeRound (rank points across the round, results stored)',
            r2(x.closeSeconds),
            x.closeRequests,
            byOperation(x.closeRequestsByOperation),
            r2(x.closePeakHeapMb),
          ],
          ['verifyRound (every entry rebuilt from its values)', r2(x.verifySeconds), x.verifyRequests, '', ''],
        ],
      ),
    );
    out.push(
      `close bound ${x.closeRequestBound} requests (ceil(units / 25) + 20); ${r2(x.closeWriteUnits)} WCU; verifyRound: ${x.verifyMismatches} mismatches in ${x.verifyCheckedEntries.toLocaleString('en-US')} entries, ${x.verifyCheckedValues.toLocaleString('en-US')} verified values`,
    );
    for (const m of x.verifyFirstMismatches) out.push(`  ! ${m}`);
    const lb = x.leaderboard;
    out.push(
      table(
        ['leaderboard page of 50 over HTTP', 'samples', 'p50 ms', 'p95 ms', 'DDB req/page'],
        [
          [
            `offsets ${lb.offsets.join(', ')}`,
            lb.latencyMs.n,
            lb.latencyMs.p50,
            lb.latencyMs.p95,
            lb.requestsPerPage.max === lb.requestsPerPage.mean
              ? String(lb.requestsPerPage.max)
              : `${r2(lb.requestsPerPage.mean)} (max ${lb.requestsPerPage.max})`,
          ],
        ],
      ),
    );
    out.push(
      `load through the services in ${x.load.seconds.toFixed(1)} s: units ${x.load.unitsSeconds.toFixed(1)} s, enrol and open ${x.load.enrolAndOpenSeconds.toFixed(1)} s, ` +
        `values entered ${x.load.submitSeconds.toFixed(1)} s (${x.load.submitCalls} calls, ${x.load.submitRequests.toLocaleString('en-US')} requests), ` +
        `verified ${x.load.verifySeconds.toFixed(1)} s (${x.load.verifyCalls} calls, ${x.load.verifyRequests.toLocaleString('en-US')} requests), ${x.load.callsInFlight} calls in flight`,
    );
  }
  if (live) out.push(...renderLive(live));
  if (ratings) out.push(...renderRatings(ratings));
  return out.join('\n');
}

function renderLive(live: LiveResult): string[] {
  const d = live.submissionToScreenMs;
  const ops = Object.entries(live.liveStateRequestsByOperation)
    .map(([op, n]) => `${op} ${r2(n)}`)
    .join(', ');
  return [
    `\n9. Live hall: ${live.scenario}`,
    table(
      ['submission → screen', 'samples', 'p50 ms', 'p95 ms', 'mean ms', 'max ms', 'poll interval ms'],
      [['from the judge’s response to a leaderboard showing it', d.n, d.p50, d.p95, d.mean, d.max, live.pollIntervalMs]],
    ),
    table(
      ['liveState poll', 'polls', 'p50 ms', 'p95 ms', 'server p50 ms', 'DDB req/poll', 'RRU/poll', 'by operation'],
      [
        [
          'liveState { sequence } over HTTP',
          live.polls,
          live.liveStateMs.p50,
          live.liveStateMs.p95,
          live.liveStateServerMs.p50,
          live.liveStateRequests.max === live.liveStateRequests.mean
            ? String(live.liveStateRequests.max)
            : `${r2(live.liveStateRequests.mean)} (max ${live.liveStateRequests.max})`,
          live.liveStateReadUnits.mean,
          ops,
        ],
      ],
    ),
    `${live.leaderboardFetches} leaderboard fetches (the sequence moved) for ${live.submissions} submissions in ${live.seconds.toFixed(1)} s`,
  ];
}

function renderRatings(r: RatingsResult): string[] {
  const row = (label: string, c: RatingCaseResult) => [
    label,
    c.points,
    c.attempted,
    c.accepted,
    c.busy,
    c.failed,
    c.perSecond,
    c.latencyMs.p50,
    c.latencyMs.p95,
    c.requestsPerRating.mean,
    c.requestsPerRating.max,
    c.writeUnitsPerRating.mean,
  ];
  return [
    `\n10. Citizens' ratings: ${r.scenario}`,
    table(
      ['case', 'points', 'ratings', 'accepted', 'busy', 'failed', 'ratings/s', 'p50 ms', 'p95 ms', 'DDB req mean', 'DDB req max', 'WCU mean'],
      [row('spread', r.spread), row('hot (one point)', r.hot)],
    ),
    table(
      ['raw PutItem baseline', 'puts', 'puts/s', 'p50 ms', 'p95 ms'],
      r.rawPut.map((x, i) => [i === 0 ? 'before the ratings' : 'after the ratings', x.puts, x.perSecond, x.latencyMs.p50, x.latencyMs.p95]),
    ),
    `hot : spread = ${r2(r.hotToSpreadRatio).toFixed(2)} (target ≥ ${TARGETS.ratingsHotToSpreadRatio}); spread : raw PutItem = ${r2(r.spread.perSecond / r.rawPutPerSecond).toFixed(2)}, ` +
      `hot : raw PutItem = ${r2(r.hot.perSecond / r.rawPutPerSecond).toFixed(2)} (raw ${r2(r.rawPutPerSecond).toFixed(2)} puts/s, mean of the two runs); ` +
      `DynamoDB requests per rating ${r3(r.requestsPerRating)} (mean, both cases)`,
    `verifyRatings: ${r.verify.ok ? 'ok' : 'NOT ok'}, ${r.verify.counted} counted, ${r.verify.stored} stored, ${r.verify.accepted} acknowledged (warm-up of ${r.warmup} included)`,
    `DynamoDB client of this part: ${r.client.requestTimeoutMs / 1000} s per request, ${r.client.connectionTimeoutMs / 1000} s to connect, ${r.client.maxAttempts} attempts, ` +
      `${r.client.maxSockets} sockets, the raw baseline's too (DYNAMO_DEFAULTS: ${r.client.defaultRequestTimeoutMs} ms per attempt, 50 sockets; ` +
      `a rating's p95 here was ${Math.round(Math.max(r.spread.latencyMs.p95, r.hot.latencyMs.p95))} ms, so the default would time attempts out and retry them)`,
    ...(r.hot.requestsPerRating.max === 1
      ? [
          'hot case: no rating lost a race on one of the point’s counter shards (no retry: DynamoDB Local reported no transaction conflict), ' +
            'so it measures the API’s path under a crowd, not DynamoDB’s per-item contention',
        ]
      : []),
    `ballots: ${r.raters} attendees at once for one entry on stage: ${r.ballots.accepted}/${r.ballots.attempted} accepted, ${r2(r.ballots.perSecond).toFixed(2)} ballots/s ` +
      `(${r2(r.ballots.perSecond / r.rawPutPerSecond).toFixed(2)} × raw PutItem), p50 ${r2(r.ballots.latencyMs.p50)} ms, p95 ${r2(r.ballots.latencyMs.p95)} ms, ` +
      `DynamoDB requests per ballot ${r3(r.ballots.requestsPerBallot.mean)} (max ${r.ballots.requestsPerBallot.max}); tallied on the entry's shards: ${r.ballots.tallied}`,
    ...r.ballots.failures.map((f) => `  ! ballots: ${f}`),
    'busy: refused with SERVICE_UNAVAILABLE after the service’s retries on other shards (nothing written); failed: any other error',
    ...[...r.spread.failures.map((f) => `  ! spread: ${f}`), ...r.hot.failures.map((f) => `  ! hot: ${f}`)],
  ];
}
