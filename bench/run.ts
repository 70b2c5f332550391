import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { benchBundle } from './bundle.js';
import { createWorkDir, startEnvironment } from './environment.js';
import { createFixture, seededRandom } from './fixtures.js';
import { LEADERBOARD_SIZES, benchLeaderboard, loadLeaderboardRounds, type LeaderboardRound } from './leaderboard.js';
import { Cleanup, stopOnSignals } from './lifecycle.js';
import { CLOSE_ENTRIES, benchClose } from './close.js';
import { benchExport } from './exports.js';
import { INDICATOR_SET, benchIndicators, indicatorUnitsFromEnv } from './indicators.js';
import { benchLive } from './live.js';
import { benchOverhead } from './overhead.js';
import { PARTS, partsFromEnv } from './parts.js';
import { RATINGS, benchRatings, ratingsFailed, ratingsPerCaseFromEnv } from './ratings.js';
import { render, summary, targets, type Results } from './report.js';
import { benchSubmit } from './submit.js';

/**
 * `npm run bench`: a reproducible benchmark of the scoring API on this machine —
 * leaderboard paging at three round sizes, concurrent score submission with a
 * lost-update check, the API's overhead over a bare DynamoDB query, the Lambda
 * bundle's size and import time, the cost per million operations, and closing an
 * INDICATORS round of a city's 3,200 units × 20 indicators (its leaderboard and
 * verifyRound too), and the live hall: how long a submission takes to reach a big
 * screen that polls `liveState`, and citizens' ratings (PUBLIC_RATING) from 100 raters at once,
 * spread over 3,200 service points and all on one, against raw PutItem at the same concurrency.
 *
 * Environment: BENCH_OUT=path writes the JSON summary there too; BENCH_PARTS=live,submit
 * runs only those parts (bench/parts.ts: bundle, leaderboard, overhead, submit, live, export,
 * close, ratings, indicators); BENCH_SEED
 * changes the generated data (default 20260); BENCH_INDICATOR_UNITS sets the units
 * of the indicator round (default 3,200; fewer for a quick run); BENCH_RATINGS the ratings per
 * case of the ratings part (default 2,000); BENCH_KEEP=1 keeps the scratch
 * directory under .bench/; BENCH_STRICT=1 also exits non-zero when a target is
 * missed. A correctness failure (a wrong leaderboard page, a lost update, an
 * unexpected API error, a verifyRound mismatch, in either round, a submission the
 * live screen never shows, a rating failed with an unexpected error or missing from
 * verifyRatings) always does.
 */

const SEED = Number(process.env.BENCH_SEED ?? 20260);
if (!Number.isSafeInteger(SEED)) throw new Error(`BENCH_SEED must be an integer, not ${process.env.BENCH_SEED}`);
const LEADERBOARD = { warmupIterations: 10, iterations: 150 };
const OVERHEAD = { warmupRounds: 50, rounds: 400 };
const IMPORT_RUNS = 7;
const INDICATOR_UNITS = indicatorUnitsFromEnv();
const RATINGS_PER_CASE = ratingsPerCaseFromEnv();
const PARTS_RUN = partsFromEnv();
const run = (...parts: (typeof PARTS)[number][]) => parts.some((part) => PARTS_RUN.has(part));

const log = (message: string) => process.stderr.write(`${message}\n`);

async function main(): Promise<number> {
  const started = performance.now();
  const cleanup = new Cleanup();
  stopOnSignals(cleanup);
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    log(`▸ ${name}…`);
    const t0 = performance.now();
    const result = await work();
    phases[name] = (performance.now() - t0) / 1000;
    log(`  done in ${phases[name]!.toFixed(1)} s`);
    return result;
  };

  // Kept outside the try, so a failure can show what the server logged about it.
  let serverErrors = new Map<string, string>();
  try {
    const workDir = await createWorkDir(cleanup);
    const results: Results = {};
    // First, while nothing else runs: spawned imports are timed, and DynamoDB Local's JVM would compete for the two cores.
    if (run('bundle')) {
      results.bundle = await phase('bundle the Lambda and the baseline, time import() in fresh node processes', () => benchBundle(workDir, IMPORT_RUNS));
    }
    if (run('leaderboard', 'overhead', 'submit', 'live', 'export', 'close', 'ratings', 'indicators')) {
      const env = await phase('start DynamoDB Local (in memory), tables, the HTTP server', () => startEnvironment(cleanup, workDir));
      serverErrors = env.serverErrors;
      const random = seededRandom(SEED);
      const needsRounds = run('leaderboard', 'overhead', 'export');
      // Without the leaderboard rounds, enough cadres for the largest other round (closeRound's).
      const cadres = needsRounds ? Math.max(...LEADERBOARD_SIZES) : CLOSE_ENTRIES;
      // The ratings part builds its own campaign through the handler: alone, it needs no cadres.
      const fixture = run('leaderboard', 'overhead', 'submit', 'live', 'export', 'close', 'indicators')
        ? await phase(`directory (${cadres.toLocaleString('en-US')} cadres), rubric, competition`, () => createFixture(env.runtime.services, cadres))
        : undefined;
      let rounds: LeaderboardRound[] | undefined;
      if (fixture && needsRounds) {
        const loadStarted = performance.now();
        rounds = await phase('load leaderboard rounds of 100, 1,000 and 10,000 entries', () => loadLeaderboardRounds(env, fixture, random));
        results.loaded = { entries: LEADERBOARD_SIZES.reduce((a, b) => a + b, 0), seconds: (performance.now() - loadStarted) / 1000 };
      }
      const largest = rounds?.at(-1);
      if (rounds && run('leaderboard')) {
        const loadedRounds = rounds;
        results.leaderboard = await phase('leaderboard pages', () => benchLeaderboard(env, loadedRounds, LEADERBOARD));
      }
      if (largest && run('overhead')) results.overhead = await phase('GraphQL over HTTP vs raw Query', () => benchOverhead(env, largest, OVERHEAD));
      if (fixture && run('submit')) results.submit = await phase('concurrent submissions', () => benchSubmit(env, fixture, random));
      // Its own random stream, so that it draws the same whichever parts ran before it.
      if (fixture && run('live')) {
        results.live = await phase('live hall: submissions to a big screen polling liveState', () => benchLive(env, fixture, seededRandom(SEED + 16)));
      }
      if (largest && run('export')) results.exported = await phase('CSV export of the 10,000-entry leaderboard', () => benchExport(env, largest));
      if (fixture && run('close')) results.closed = await phase('close a 1,000-entry round with z-score normalisation', () => benchClose(env, fixture, random));
      // Its own random stream and a campaign of its own, so that it rates the same whichever parts ran before it.
      if (run('ratings')) {
        results.ratings = await phase(
          `citizens' ratings: ${RATINGS.raters} raters at once, ${RATINGS_PER_CASE.toLocaleString('en-US')} ratings spread over ${RATINGS.points.toLocaleString('en-US')} points, as many on one point, raw PutItem baseline`,
          () => benchRatings(env, seededRandom(SEED + 17), RATINGS_PER_CASE),
        );
      }
      // Last: it loads the most data. Its own random stream, so that it loads the same values whatever the parts before it drew.
      if (run('indicators')) {
        results.indicators = await phase(
          `indicator round of ${INDICATOR_UNITS.toLocaleString('en-US')} units × ${INDICATOR_SET.indicators.length} indicators: load through the services, close, leaderboard, verifyRound`,
          () => benchIndicators(env, seededRandom(SEED + 15), INDICATOR_UNITS),
        );
      }
    }

    const meta = {
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      platform: `${process.platform}-${process.arch}`,
      dynamodb: 'DynamoDB Local (in memory), same process tree',
      seed: SEED,
      parts: PARTS.filter((part) => PARTS_RUN.has(part)),
      phasesSeconds: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    };
    const json = summary(results, meta);
    process.stdout.write(`${render(results)}\n\nJSON summary\n${JSON.stringify(json, null, 2)}\n`);
    if (process.env.BENCH_OUT) {
      await writeFile(process.env.BENCH_OUT, `${JSON.stringify(json, null, 2)}\n`);
      log(`wrote ${process.env.BENCH_OUT}`);
    }

    const { submit, indicators, ratings } = results;
    if (ratings && ratingsFailed(ratings)) {
      log(
        `FAILED: ratings: ${ratings.spread.failed + ratings.hot.failed} rating(s) failed with an unexpected error; verifyRatings ` +
          `${ratings.verify.ok ? 'ok' : 'NOT ok'}, ${ratings.verify.counted} counted, ${ratings.verify.stored} stored, ${ratings.verify.accepted} acknowledged`,
      );
      for (const f of [...ratings.spread.failures, ...ratings.hot.failures]) log(`  ${f}`);
      return 1;
    }
    if ((submit && (submit.lostUpdates > 0 || submit.failed > 0 || submit.verifyRound.mismatches > 0)) || (indicators && indicators.verifyMismatches > 0)) {
      log(
        `FAILED: ${submit?.lostUpdates ?? 0} lost update(s), ${submit?.failed ?? 0} submission(s) failed with an unexpected error, ` +
          `${submit?.verifyRound.mismatches ?? 0} verifyRound mismatch(es), ${indicators?.verifyMismatches ?? 0} verifyRound mismatch(es) in the indicator round`,
      );
      for (const m of indicators?.verifyFirstMismatches ?? []) log(`  indicator round: ${m}`);
      return 1;
    }
    const missed = targets(results).filter((t) => !t.met);
    if (missed.length > 0) log(`${missed.length} target(s) missed: ${missed.map((t) => t.name).join('; ')}`);
    log(`benchmark finished in ${meta.seconds} s`);
    return missed.length > 0 && process.env.BENCH_STRICT ? 1 : 0;
  } catch (error) {
    // Stopping everything on Ctrl-C breaks whatever request was in flight: that is not a failure.
    if (cleanup.interruptedExitCode !== null) return cleanup.interruptedExitCode;
    log(`FAILED: ${(error as Error).stack ?? String(error)}`);
    for (const [requestId, detail] of [...serverErrors].slice(0, 5)) log(`  server log, request ${requestId}: ${detail}`);
    return 1;
  } finally {
    await cleanup.runAll();
  }
}

process.exit(await main());
