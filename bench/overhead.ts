import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { leaderboardOf, roundKey } from '../src/store/keys.js';
import { INDEX } from '../src/store/tables.js';
import type { BenchEnvironment } from './environment.js';
import { costOf, dataOf } from './http.js';
import { LEADERBOARD_QUERY, PAGE_SIZE, type LeaderboardData, type LeaderboardRound } from './leaderboard.js';
import { summarize, type Summary } from './stats.js';

export interface OverheadResult {
  entries: number;
  rounds: number;
  graphqlMs: Summary;
  rawMs: Summary;
  /** p50 of the page through GraphQL over HTTP over p50 of the bare index query, same run. */
  graphqlToRawRatio: number;
  rawReadUnits: number;
  /** Where the difference goes; measured in the same loop, not part of the ratio. */
  breakdown: {
    /** `{ me { id } }` over HTTP: transport, token verification and Apollo, no DynamoDB request. */
    meOverHttpMs: Summary;
    /** The round read the leaderboard resolver makes before its query (BatchGetItem of one item). */
    rawRoundReadMs: Summary;
  };
}

/**
 * What the API layer costs on top of DynamoDB: the first leaderboard page (50 rows)
 * of the largest round through GraphQL over HTTP (token check, Apollo, resolvers,
 * the round read, JSON) against the one `Query` on the leaderboard index that
 * fetches the same rows. The measurements are interleaved and their order rotates
 * every round, so none of them is favoured by what ran just before it.
 */
export async function benchOverhead(env: BenchEnvironment, r: LeaderboardRound, options: { warmupRounds: number; rounds: number }): Promise<OverheadResult> {
  const token = await env.token('bench-viewer', ['viewer'], '大屏观众');
  const table = env.runtime.tables.competitions;
  const expected = r.standings.slice(0, PAGE_SIZE).map((s) => s.entryId);
  const query = new QueryCommand({
    TableName: table,
    IndexName: INDEX.gsi1,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': leaderboardOf(r.round.id) },
    // One more than the page, as the API asks, to know whether there is a next page.
    Limit: PAGE_SIZE + 1,
    ReturnConsumedCapacity: 'TOTAL',
  });
  const roundRead = new BatchGetCommand({ RequestItems: { [table]: { Keys: [roundKey(r.round.id)] } } });

  let rawReadUnits = 0;
  const arms = {
    graphql: async () => {
      const response = await env.client.post<LeaderboardData>(LEADERBOARD_QUERY, { roundId: r.round.id, first: PAGE_SIZE, after: null }, token);
      const ids = dataOf(response, 'leaderboard').leaderboard.edges.map((e) => e.node.entry.id);
      if (ids.join() !== expected.join()) throw new Error('GraphQL leaderboard page differs from the expected standings');
      return response.ms;
    },
    raw: async () => {
      const started = performance.now();
      const out = await env.raw.send(query);
      const ms = performance.now() - started;
      const ids = (out.Items ?? []).slice(0, PAGE_SIZE).map((i) => String(i.id));
      if (ids.join() !== expected.join()) throw new Error('raw leaderboard query returned other items than the GraphQL page');
      rawReadUnits = out.ConsumedCapacity?.CapacityUnits ?? 0;
      return ms;
    },
    me: async () => {
      const response = await env.client.post<{ me: { id: string } }>('{ me { id } }', {}, token);
      dataOf(response, 'me');
      if (costOf(response).dynamodbRequests !== 0) throw new Error('me made DynamoDB requests');
      return response.ms;
    },
    roundRead: async () => {
      const started = performance.now();
      const out = await env.raw.send(roundRead);
      const ms = performance.now() - started;
      if (out.Responses?.[table]?.length !== 1) throw new Error('round read found no round');
      return ms;
    },
  };

  const names = Object.keys(arms) as (keyof typeof arms)[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<keyof typeof arms, number[]>;
  for (let i = 0; i < options.warmupRounds + options.rounds; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length]!;
      const ms = await arms[name]();
      if (i >= options.warmupRounds) samples[name].push(ms);
    }
  }
  const graphqlMs = summarize(samples.graphql);
  const rawMs = summarize(samples.raw);
  return {
    entries: r.size,
    rounds: options.rounds,
    graphqlMs,
    rawMs,
    graphqlToRawRatio: graphqlMs.p50 / rawMs.p50,
    rawReadUnits,
    breakdown: { meOverHttpMs: summarize(samples.me), rawRoundReadMs: summarize(samples.roundRead) },
  };
}
