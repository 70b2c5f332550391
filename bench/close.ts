import type { BenchEnvironment } from './environment.js';
import { BENCH_ORGANIZER, type Fixture } from './fixtures.js';
import { loadScoredRound } from './leaderboard.js';

export const CLOSE_ENTRIES = 1_000;

export interface CloseResult {
  entries: number;
  ms: number;
  dynamodbRequests: number;
  writeUnits: number;
  /** Requests by DynamoDB operation, as the API reported them. */
  byOperation: Record<string, number>;
}

/**
 * closeRound of a 1,000-entry round scored by a seven-judge panel with ZSCORE
 * normalisation, over HTTP: the official totals of every entry are recomputed and
 * stored with batched writes. Counts DynamoDB requests from the response's cost.
 */
export async function benchClose(env: BenchEnvironment, fixture: Fixture, random: () => number): Promise<CloseResult> {
  const { round } = await loadScoredRound(env, fixture, random, CLOSE_ENTRIES, '标准化 1000 人', { normalization: 'ZSCORE' });
  const token = await env.token(BENCH_ORGANIZER.id, ['organizer'], BENCH_ORGANIZER.name);
  const response = await env.client.post<{ closeRound: { status: string } }>(
    `mutation($id: ID!) { closeRound(id: $id) { status resultsFinalizedAt } }`,
    { id: round.id },
    token,
  );
  if (response.body.errors || response.body.data?.closeRound.status !== 'CLOSED') {
    throw new Error(`closeRound failed: ${JSON.stringify(response.body.errors)}`);
  }
  const cost = response.body.extensions?.cost;
  if (!cost) throw new Error('closeRound reported no cost');
  return {
    entries: CLOSE_ENTRIES,
    ms: response.ms,
    dynamodbRequests: cost.dynamodbRequests,
    writeUnits: cost.writeCapacityUnits,
    byOperation: cost.requestsByOperation ?? {},
  };
}
