import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { benchBundle } from './bundle.js';
import { createWorkDir, startEnvironment } from './environment.js';
import { createFixture, seededRandom } from './fixtures.js';
import { LEADERBOARD_SIZES, benchLeaderboard, loadLeaderboardRounds } from './leaderboard.js';
import { Cleanup, stopOnSignals } from './lifecycle.js';
import { benchClose } from './close.js';
import { benchExport } from './exports.js';
import { INDICATOR_SET, benchIndicators, indicatorUnitsFromEnv } from './indicators.js';
import { benchOverhead } from './overhead.js';
import { render, summary, targets, type Results } from './report.js';
import { benchSubmit } from './submit.js';

/**
 * `npm run bench`: a reproducible benchmark of the scoring API on this machine —
 * leaderboard paging at three round sizes, concurrent score submission with a
 * lost-update check, the API's overhead over a bare DynamoDB query, the Lambda
 * bundle's size and import time, the cost per million operations, and closing an
 * INDICATORS round of a city's 3,200 units × 20 indicators (its leaderboard and
 * verifyRound too).
 *
 * Environment: BENCH_OUT=path writes the JSON summary there too; BENCH_SEED
 * changes the generated data (default 20260); BENCH_INDICATOR_UNITS sets the units
 * of the indicator round (default 3,200; fewer for a quick run); BENCH_KEEP=1 keeps the scratch
 * directory under .bench/; BENCH_STRICT=1 also exits non-zero when a target is
 * missed. A correctness failure (a wrong leaderboard page, a lost update, an
 * unexpected API error, a verifyRound mismatch, in either round) always does.
 */

const SEED = Number(process.env.BENCH_SEED ?? 20260);
if (!Number.isSafeInteger(SEED)) throw new Error(`BENCH_SEED must be an integer, not ${process.env.BENCH_SEED}`);
const LEADERBOARD = { warmupIterations: 10, iterations: 150 };
const OVERHEAD = { warmupRounds: 50, rounds: 400 };
const IMPORT_RUNS = 7;
const INDICATOR_UNITS = indicatorUnitsFromEnv();

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
    // First, while nothing else runs: spawned imports are timed, and DynamoDB Local's JVM would compete for the two cores.
    const bundle = await phase('bundle the Lambda and the baseline, time import() in fresh node processes', () => benchBundle(workDir, IMPORT_RUNS));
    const env = await phase('start DynamoDB Local (in memory), tables, the HTTP server', () => startEnvironment(cleanup, workDir));
    serverErrors = env.serverErrors;
    const random = seededRandom(SEED);
    const largest = Math.max(...LEADERBOARD_SIZES);
    const fixture = await phase(`directory (${largest.toLocaleString('en-US')} cadres), rubric, competition`, () =>
      createFixture(env.runtime.services, largest),
    );
    const loadStarted = performance.now();
    const rounds = await phase('load leaderboard rounds of 100, 1,000 and 10,000 entries', () => loadLeaderboardRounds(env, fixture, random));
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const leaderboard = await phase('leaderboard pages', () => benchLeaderboard(env, rounds, LEADERBOARD));
    const overhead = await phase('GraphQL over HTTP vs raw Query', () => benchOverhead(env, rounds.at(-1)!, OVERHEAD));
    const submit = await phase('concurrent submissions', () => benchSubmit(env, fixture, random));
    const exported = await phase('CSV export of the 10,000-entry leaderboard', () => benchExport(env, rounds.at(-1)!));
    const closed = await phase('close a 1,000-entry round with z-score normalisation', () => benchClose(env, fixture, random));
    // Last: it loads the most data. Its own random stream, so that it loads the same values whatever the parts before it drew.
    const indicators = await phase(
      `indicator round of ${INDICATOR_UNITS.toLocaleString('en-US')} units × ${INDICATOR_SET.indicators.length} indicators: load through the services, close, leaderboard, verifyRound`,
      () => benchIndicators(env, seededRandom(SEED + 15), INDICATOR_UNITS),
    );

    const results: Results = {
      leaderboard,
      loadSeconds,
      loadedEntries: LEADERBOARD_SIZES.reduce((a, b) => a + b, 0),
      overhead,
      submit,
      bundle,
      exported,
      closed,
      indicators,
    };
    const meta = {
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      platform: `${process.platform}-${process.arch}`,
      dynamodb: 'DynamoDB Local (in memory), same process tree',
      seed: SEED,
      phasesSeconds: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    };
    const json = summary(results, meta);
    process.stdout.write(`${render(results)}\n\nJSON summary\n${JSON.stringify(json, null, 2)}\n`);
    if (process.env.BENCH_OUT) {
      await writeFile(process.env.BENCH_OUT, `${JSON.stringify(json, null, 2)}\n`);
      log(`wrote ${process.env.BENCH_OUT}`);
    }

    if (submit.lostUpdates > 0 || submit.failed > 0 || submit.verifyRound.mismatches > 0 || indicators.verifyMismatches > 0) {
      log(
        `FAILED: ${submit.lostUpdates} lost update(s), ${submit.failed} submission(s) failed with an unexpected error, ` +
          `${submit.verifyRound.mismatches} verifyRound mismatch(es), ${indicators.verifyMismatches} verifyRound mismatch(es) in the indicator round`,
      );
      for (const m of indicators.verifyFirstMismatches) log(`  indicator round: ${m}`);
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
