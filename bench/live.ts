import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchEnvironment } from './environment.js';
import { createRound, randomMarks, shuffle, type Fixture } from './fixtures.js';
import { costOf, dataOf, type Cost } from './http.js';
import { LEADERBOARD_QUERY, type LeaderboardData } from './leaderboard.js';
import { mean, summarize, type Summary } from './stats.js';
import { SUBMIT_MUTATION, type SubmitData } from './submit.js';

/** How often the big screen and the judges' phones poll `liveState`: the web client's interval. */
export const LIVE_POLL_INTERVAL_MS = 500;
/**
 * The hall: every judge scores every entry once, so that an entry's sheetCount on the
 * screen says which of its submissions the screen shows (6 × 10 = 60 submissions).
 */
export const LIVE = { judges: 6, entries: 10 } as const;
/** Pause before each submission, drawn uniformly: judges finish their sheets at random moments. */
export const SUBMISSION_GAP_MS = { min: 100, max: 400 } as const;
/** Rows the screen fetches: the whole round fits. */
const SCREEN_ROWS = 20;
/** Unmeasured liveState polls and leaderboard fetches first, so that the JIT and DynamoDB Local's JVM are warm. */
const WARMUP_REQUESTS = 30;
/** After the last submission, how long the screen may take to show every one before the run fails. */
const SETTLE_TIMEOUT_MS = 20 * LIVE_POLL_INTERVAL_MS;

/** What the screen polls: only the sequence, which moves with every submission, stage change and reveal. */
export const LIVE_STATE_QUERY = `query LiveState($roundId: ID!) {
  liveState(roundId: $roundId) { sequence }
}`;

interface LiveStateData {
  liveState: { sequence: number };
}

export interface LiveResult {
  scenario: string;
  judges: number;
  entries: number;
  submissions: number;
  pollIntervalMs: number;
  gapMs: { min: number; max: number };
  /** From a submission's response to the screen holding a leaderboard that shows it. */
  submissionToScreenMs: Summary;
  polls: number;
  /** Leaderboards fetched because the sequence moved. */
  leaderboardFetches: number;
  /** One `liveState` poll: client round trip and handler time. */
  liveStateMs: Summary;
  liveStateServerMs: Summary;
  liveStateRequests: { mean: number; max: number };
  liveStateReadUnits: { mean: number; max: number };
  liveStateRequestsByOperation: Record<string, number>;
  /** Mean billed Lambda duration of a poll (handler time rounded up to 1 ms). */
  liveStateBilledMsMean: number;
  seconds: number;
}

interface Pending {
  entryId: string;
  /** The entry's sheetCount once this submission is in. */
  sheetCount: number;
  ackAt: number;
}

/**
 * The live hall over GraphQL over HTTP: a LIVE panel round of 10 entries and 6 judges.
 * After a warm-up of 30 unmeasured polls and leaderboard fetches, one screen polls `liveState { sequence }` every LIVE_POLL_INTERVAL_MS (that long after
 * each answer, as the web client's polling loop does) and fetches the leaderboard when the
 * sequence has moved. Meanwhile the judges submit their 60 sheets one at a time, 100–400 ms
 * apart. For each submission: the time from its response to the moment the screen has a
 * leaderboard showing the entry's new sheetCount. A submission the screen never shows fails
 * the run (the sequence did not move, or the leaderboard did not reflect it).
 */
export async function benchLive(env: BenchEnvironment, fixture: Fixture, random: () => number): Promise<LiveResult> {
  const { services } = env.runtime;
  let round = await createRound(services, fixture, '现场大屏 实时刷新');
  const entries = await services.rounds.addEntries(
    round.id,
    fixture.cadres.slice(0, LIVE.entries).map((cadre, i) => ({ cadreId: cadre.id, title: `${cadre.name}：乡村振兴项目路演`, order: i + 1 })),
  );
  const panel = Array.from({ length: LIVE.judges }, (_, i) => ({ userId: `live-judge-${i + 1}`, name: `现场评委${i + 1}` }));
  await services.panels.assignJudges(round.id, panel);
  round = await services.lifecycle.openRound(round.id);
  const roundId = round.id;
  const judges = await Promise.all(panel.map(async (j) => ({ userId: j.userId, token: await env.token(j.userId, ['judge'], j.name) })));
  const screenToken = await env.token('bench-screen', ['viewer'], '大屏');
  const order = shuffle(
    judges.flatMap((judge) => entries.map((entry) => ({ judge, entryId: entry.id }))),
    random,
  );

  for (let i = 0; i < WARMUP_REQUESTS; i++) {
    dataOf(await env.client.post<LiveStateData>(LIVE_STATE_QUERY, { roundId }, screenToken), 'liveState (warm-up)');
    dataOf(await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId, first: SCREEN_ROWS, after: null }, screenToken), 'leaderboard (warm-up)');
  }

  const pending: Pending[] = [];
  const samples: number[] = [];
  let board: ReadonlyMap<string, number> | null = null;
  /** Takes every pending submission the screen's leaderboard shows; `at` is when the screen had it. */
  const settle = (at: number) => {
    if (!board) return;
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i]!;
      if ((board.get(p.entryId) ?? 0) < p.sheetCount) continue;
      // 0 when the screen's leaderboard, read after the commit, arrived before the judge's response did.
      samples.push(Math.max(0, at - p.ackAt));
      pending.splice(i, 1);
    }
  };

  const polls: { ms: number; serverMs: number; cost: Cost }[] = [];
  let fetches = 0;
  let stopped = false;
  let screenError: unknown = null;
  const screen = (async () => {
    let seen: number | null = null;
    while (!stopped) {
      const response = await env.client.post<LiveStateData>(LIVE_STATE_QUERY, { roundId }, screenToken);
      const { sequence } = dataOf(response, 'liveState').liveState;
      polls.push({ ms: response.ms, serverMs: response.serverMs, cost: costOf(response) });
      if (seen !== null && sequence < seen) throw new Error(`liveState's sequence went back from ${seen} to ${sequence}`);
      if (sequence !== seen) {
        const page = dataOf(
          await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId, first: SCREEN_ROWS, after: null }, screenToken),
          'leaderboard on the screen',
        ).leaderboard;
        if (page.totalCount !== LIVE.entries || page.edges.length !== LIVE.entries) {
          throw new Error(`the screen's leaderboard has ${page.edges.length} rows of ${page.totalCount}, expected ${LIVE.entries}`);
        }
        board = new Map(page.edges.map(({ node }) => [node.entry.id, node.sheetCount]));
        seen = sequence;
        fetches++;
        settle(performance.now());
      }
      await sleep(LIVE_POLL_INTERVAL_MS);
    }
  })().catch((error: unknown) => {
    screenError = error;
  });

  const started = performance.now();
  try {
    while (!board && !screenError) await sleep(5);
    const sheetCounts = new Map<string, number>();
    for (const [index, { judge, entryId }] of order.entries()) {
      if (screenError) break;
      await sleep(SUBMISSION_GAP_MS.min + random() * (SUBMISSION_GAP_MS.max - SUBMISSION_GAP_MS.min));
      const input = { entryId, clientRequestId: `live-${index}-${judge.userId}`, scores: randomMarks(random), comment: null };
      const response = await env.client.post<SubmitData>(SUBMIT_MUTATION, { input }, judge.token);
      const ackAt = performance.now();
      dataOf(response, `submitScoreSheet ${index + 1} of ${order.length}`);
      const sheetCount = (sheetCounts.get(entryId) ?? 0) + 1;
      sheetCounts.set(entryId, sheetCount);
      pending.push({ entryId, sheetCount, ackAt });
      settle(ackAt);
    }
    const deadline = performance.now() + SETTLE_TIMEOUT_MS;
    while (pending.length > 0 && !screenError && performance.now() < deadline) await sleep(10);
  } finally {
    stopped = true;
    await screen;
  }
  if (screenError) throw screenError;
  if (pending.length > 0) {
    throw new Error(
      `the screen did not show ${pending.length} of ${order.length} acknowledged submissions within ${SETTLE_TIMEOUT_MS} ms of the last ` +
        `(liveState's sequence did not move, or the leaderboard did not reflect them)`,
    );
  }
  const seconds = (performance.now() - started) / 1000;

  const stat = (pick: (c: Cost) => number) => ({ mean: mean(polls.map((p) => pick(p.cost))), max: Math.max(...polls.map((p) => pick(p.cost))) });
  const byOperation: Record<string, number> = {};
  for (const { cost } of polls) for (const [op, n] of Object.entries(cost.requestsByOperation ?? {})) byOperation[op] = (byOperation[op] ?? 0) + n;
  return {
    scenario:
      `one screen polls liveState { sequence } every ${LIVE_POLL_INTERVAL_MS} ms after each answer and fetches the leaderboard ` +
      `(first ${SCREEN_ROWS}) when the sequence moved; ${LIVE.judges} judges submit ${order.length} sheets one at a time, ` +
      `${SUBMISSION_GAP_MS.min}–${SUBMISSION_GAP_MS.max} ms apart (every judge scores every one of ${LIVE.entries} entries once)`,
    judges: LIVE.judges,
    entries: LIVE.entries,
    submissions: order.length,
    pollIntervalMs: LIVE_POLL_INTERVAL_MS,
    gapMs: { ...SUBMISSION_GAP_MS },
    submissionToScreenMs: summarize(samples),
    polls: polls.length,
    leaderboardFetches: fetches,
    liveStateMs: summarize(polls.map((p) => p.ms)),
    liveStateServerMs: summarize(polls.map((p) => p.serverMs)),
    liveStateRequests: stat((c) => c.dynamodbRequests),
    liveStateReadUnits: stat((c) => c.readCapacityUnits),
    // Per poll, averaged over the polls.
    liveStateRequestsByOperation: Object.fromEntries(Object.entries(byOperation).map(([op, n]) => [op, n / polls.length])),
    liveStateBilledMsMean: mean(polls.map((p) => Math.ceil(p.serverMs))),
    seconds,
  };
}
