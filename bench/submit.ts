import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../src/domain/model.js';
import { parseEntryId } from '../src/domain/ids.js';
import { entryKey, entryPartition } from '../src/store/keys.js';
import { queryAll } from '../src/store/ops.js';
import type { StoredEntry } from '../src/store/entries.js';
import type { BenchEnvironment } from './environment.js';
import { createRound, inParallel, randomMarks, type Fixture } from './fixtures.js';
import { costOf, type Cost } from './http.js';
import { checkAggregate, type Acknowledged } from './model.js';
import { mean, summarize, type Summary } from './stats.js';

/**
 * The venue: a pitch ends and every judge on the panel submits a sheet for that
 * one entry at the same moment — the hot spot, since all of them update the same
 * entry aggregate under optimistic concurrency. Each wave is one pitch (a fresh
 * entry); the next wave starts when every sheet of the previous one is answered.
 */
export const CONCURRENCY_LEVELS = [
  { judges: 1, waves: 100 },
  { judges: 10, waves: 30 },
  { judges: 50, waves: 12 },
] as const;
/**
 * A control, not a target: as many judges at once, but each on a different entry
 * in every wave, so that no two submissions share an aggregate. It separates the
 * cost of contention from the cost of concurrency.
 */
export const SPREAD = { judges: 50, waves: 4 } as const;
const WARMUP = { judges: 10, waves: 2 };
const PANEL_SIZE = Math.max(SPREAD.judges, ...CONCURRENCY_LEVELS.map((l) => l.judges));
const ENTRIES_PER_CALL = 99;

export const SUBMIT_MUTATION = `mutation Submit($input: SubmitScoreSheetInput!) {
  submitScoreSheet(input: $input) { id total version }
}`;

export interface SubmitData {
  submitScoreSheet: { id: string; total: number; version: number };
}

interface Judge {
  userId: string;
  token: string;
}

export interface SubmitLevelResult {
  judges: number;
  waves: number;
  attempted: number;
  accepted: number;
  /** Refused with SERVICE_UNAVAILABLE: contention outlasted the server's retry budget (nothing written). */
  rejected: number;
  /** Any other error (INTERNAL_SERVER_ERROR…): a fault of the API under this load. */
  failed: number;
  failures: string[];
  seconds: number;
  throughputPerSec: number;
  latencyMs: Summary;
  serverMs: Summary;
  /** Over every attempted submission, refused ones included: retries are what contention costs. */
  requestsPerSubmission: { mean: number; max: number };
  writeUnitsPerSubmission: { mean: number; max: number };
  readUnitsPerSubmission: { mean: number; max: number };
  billedMsMean: number;
  /** Acknowledged writes the store does not reflect, plus aggregates their stored sheets contradict. */
  lostUpdates: number;
  checks: { entries: number; aggregateMismatches: number; missingAcknowledged: number; historyMismatches: number; problems: string[] };
}

export interface SubmitResult {
  scenario: string;
  levels: SubmitLevelResult[];
  /** The control: the same number of judges at once, each on their own entry. */
  spread: SubmitLevelResult;
  /** Every check of every run, the warm-up and the control included. */
  lostUpdates: number;
  /** Submissions answered with an unexpected error, in every run. */
  failed: number;
  /** `verifyRound` over the whole submission round afterwards. */
  verifyRound: { checkedEntries: number; checkedSheets: number; mismatches: number };
}

interface Outcome {
  ms: number;
  serverMs: number;
  cost: Cost;
  ack: Acknowledged | null;
  /** Error code of a submission that was not accepted. */
  error: string | null;
  /** For an unexpected error: what the server logged about it. */
  detail?: string;
}

export async function benchSubmit(env: BenchEnvironment, fixture: Fixture, random: () => number): Promise<SubmitResult> {
  const { services } = env.runtime;
  const needed = WARMUP.waves + CONCURRENCY_LEVELS.reduce((n, l) => n + l.waves, 0) + SPREAD.judges;
  let round = await createRound(services, fixture, '评分提交压测');
  const cadres = fixture.cadres.slice(0, needed);
  const enrolled: StoredEntry[] = [];
  for (let i = 0; i < cadres.length; i += ENTRIES_PER_CALL) {
    const batch = cadres
      .slice(i, i + ENTRIES_PER_CALL)
      .map((cadre, k) => ({ cadreId: cadre.id, title: `${cadre.name}：产业链招商与项目攻坚`, order: i + k + 1 }));
    enrolled.push(...(await services.rounds.addEntries(round.id, batch)));
  }
  const panel = Array.from({ length: PANEL_SIZE }, (_, i) => ({ userId: `bench-judge-${String(i + 1).padStart(2, '0')}`, name: `评委${i + 1}` }));
  await services.panels.assignJudges(round.id, panel);
  round = await services.lifecycle.openRound(round.id);
  const judges: Judge[] = await Promise.all(panel.map(async (j) => ({ userId: j.userId, token: await env.token(j.userId, ['judge'], j.name) })));

  const entries = enrolled.map((e) => e.id);
  let next = 0;
  const take = (count: number) => {
    const taken = entries.slice(next, next + count);
    next += count;
    return taken;
  };
  /** Runs `waves` waves of `judges` simultaneous submissions; `entryFor` says who scores what. */
  const run = async (level: { judges: number; waves: number }, used: string[], entryFor: (wave: number, judge: number) => string, label: string) => {
    const outcomes: Outcome[] = [];
    const acknowledged = new Map<string, Acknowledged[]>(used.map((id) => [id, []]));
    const started = performance.now();
    for (let wave = 0; wave < level.waves; wave++) {
      const results = await Promise.all(
        judges.slice(0, level.judges).map(async (judge, j) => {
          const entryId = entryFor(wave, j);
          return { entryId, outcome: await submitOne(env, judge, entryId, `${label}-${wave}-${judge.userId}`, random) };
        }),
      );
      for (const { entryId, outcome } of results) {
        outcomes.push(outcome);
        if (outcome.ack) acknowledged.get(entryId)!.push(outcome.ack);
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return levelResult(level, outcomes, seconds, await verify(env, round, acknowledged));
  };
  /** Every judge of a wave on that wave's entry. */
  const hotSpot = (level: { judges: number; waves: number }, label: string) => {
    const used = take(level.waves);
    return run(level, used, (wave) => used[wave]!, label);
  };

  const warmup = await hotSpot(WARMUP, 'warmup');
  const levels: SubmitLevelResult[] = [];
  for (const level of CONCURRENCY_LEVELS) levels.push(await hotSpot(level, `c${level.judges}`));
  const spreadEntries = take(SPREAD.judges);
  // Judge j takes entry j + wave: one judge per entry per wave, and a new sheet on every entry each wave.
  const spread = await run(SPREAD, spreadEntries, (wave, j) => spreadEntries[(j + wave) % spreadEntries.length]!, 'spread');
  // A second opinion from the API's own audit: every entry of the round rebuilt from its sheets.
  const verification = await services.results.verifyRound(round.id);
  return {
    scenario:
      'hot spot: in each wave all N judges (distinct panel members) submit a sheet for the same entry at the same moment; ' +
      'a new entry per wave, the next wave when all are answered',
    levels,
    spread,
    lostUpdates: [warmup, ...levels, spread].reduce((n, l) => n + l.lostUpdates, 0),
    verifyRound: { checkedEntries: verification.checkedEntries, checkedSheets: verification.checkedSheets, mismatches: verification.mismatches.length },
    failed: [warmup, ...levels, spread].reduce((n, l) => n + l.failed, 0),
  };
}

function levelResult(level: { judges: number; waves: number }, outcomes: Outcome[], seconds: number, checks: SubmitLevelResult['checks']): SubmitLevelResult {
  const accepted = outcomes.filter((o) => o.ack).length;
  const rejected = outcomes.filter((o) => o.error === 'SERVICE_UNAVAILABLE').length;
  const failures = outcomes.filter((o) => o.error && o.error !== 'SERVICE_UNAVAILABLE');
  const stat = (pick: (c: Cost) => number) => ({ mean: mean(outcomes.map((o) => pick(o.cost))), max: Math.max(...outcomes.map((o) => pick(o.cost))) });
  return {
    judges: level.judges,
    waves: level.waves,
    attempted: outcomes.length,
    accepted,
    rejected,
    failed: failures.length,
    failures: [...new Set(failures.map((f) => `${f.error}: ${f.detail ?? ''}`))].slice(0, 5),
    seconds,
    throughputPerSec: accepted / seconds,
    latencyMs: summarize(outcomes.map((o) => o.ms)),
    serverMs: summarize(outcomes.map((o) => o.serverMs)),
    requestsPerSubmission: stat((c) => c.dynamodbRequests),
    writeUnitsPerSubmission: stat((c) => c.writeCapacityUnits),
    readUnitsPerSubmission: stat((c) => c.readCapacityUnits),
    billedMsMean: mean(outcomes.map((o) => Math.ceil(o.serverMs))),
    lostUpdates: checks.aggregateMismatches + checks.missingAcknowledged + checks.historyMismatches,
    checks,
  };
}

async function submitOne(env: BenchEnvironment, judge: Judge, entryId: string, clientRequestId: string, random: () => number): Promise<Outcome> {
  const input = { entryId, clientRequestId, scores: randomMarks(random), comment: null };
  const response = await env.client.post<SubmitData>(SUBMIT_MUTATION, { input }, judge.token);
  const error = response.body.errors?.[0];
  if (response.status === 200 && !error && response.body.data) {
    const sheet = response.body.data.submitScoreSheet;
    const ack = { judgeId: judge.userId, total: sheet.total, version: sheet.version };
    return { ms: response.ms, serverMs: response.serverMs, cost: costOf(response), ack, error: null };
  }
  const code = String(error?.extensions?.code ?? `HTTP ${response.status}`);
  // Kept and counted rather than thrown, so one fault under load does not hide the rest of the figures.
  const detail = code === 'SERVICE_UNAVAILABLE' ? undefined : (env.serverErrors.get(String(error?.extensions?.requestId)) ?? JSON.stringify(response.body));
  const cost = response.body.extensions?.cost ?? { dynamodbRequests: 0, readCapacityUnits: 0, writeCapacityUnits: 0 };
  return { ms: response.ms, serverMs: response.serverMs, cost, ack: null, error: code, ...(detail ? { detail } : {}) };
}

/** Reads every touched entry and its partition consistently, after the run, and recomputes the aggregate. */
async function verify(env: BenchEnvironment, round: Round, acknowledged: Map<string, Acknowledged[]>): Promise<SubmitLevelResult['checks']> {
  const table = env.runtime.tables.competitions;
  const results = await inParallel([...acknowledged.entries()], 4, async ([entryId, acks]) => {
    const { roundId, keyPart } = parseEntryId(entryId, 'entryId');
    const [stored, partition] = await Promise.all([
      env.db.send(new GetCommand({ TableName: table, Key: entryKey(roundId, keyPart), ConsistentRead: true })),
      queryAll(env.db, {
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': entryPartition(entryId) },
        ConsistentRead: true,
      }),
    ]);
    if (!stored.Item) throw new Error(`entry ${entryId} vanished`);
    return checkAggregate(round, stored.Item, partition, acks);
  });
  return {
    entries: results.length,
    aggregateMismatches: results.filter((r) => r.aggregateMismatch).length,
    missingAcknowledged: results.reduce((n, r) => n + r.missingAcknowledged, 0),
    historyMismatches: results.filter((r) => r.historyDelta !== 0).length,
    problems: results
      .flatMap((r) => [...r.problems, ...(r.historyDelta !== 0 ? [`history differs from acknowledged submissions by ${r.historyDelta}`] : [])])
      .slice(0, 10),
  };
}
