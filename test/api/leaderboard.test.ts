import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { ok, openRound, type Scenario } from '../support/scenario.js';

let api: TestApi;
let s: Scenario;
const ENTRIES = 45;
/** Planned totals with plenty of ties; a few entries stay unscored. */
const planned = (i: number) => (i % 9 === 8 ? null : 40 + (i % 7) * 5);

beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: ENTRIES, judges: 1, criteria: [{ key: 'overall', label: '综合', maxScore: 100, step: 0.5 }] });
  for (const [i, entryId] of s.entryIds.entries()) {
    const total = planned(i);
    if (total === null) continue;
    ok(
      await api.gql(
        `mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id } }`,
        { i: { entryId, scores: [{ criterion: 'overall', score: total }] } },
        s.judges[0]!.token,
      ),
    );
  }
});

const PAGE = `query($r: ID!, $first: Int, $after: String) {
  leaderboard(roundId: $r, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { rank total sheetCount entry { id title order group cadre { name unit { name } } unit { name } } } }
  }
}`;

describe('leaderboard', () => {
  it('pages through every entry with ranks that hold across pages, at two DynamoDB requests a page', async () => {
    const rows: { rank: number | null; total: number | null; id: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: any = await api.gql(PAGE, { r: s.roundId, first: 7, after }, s.viewer);
      const board = ok<any>(response).leaderboard;
      expect(board.totalCount).toBe(ENTRIES);
      expect(response.extensions.cost.dynamodbRequests).toBeLessThanOrEqual(2);
      rows.push(...board.edges.map((e: any) => ({ rank: e.node.rank, total: e.node.total, id: e.node.entry.id })));
      after = board.pageInfo.hasNextPage ? board.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(Math.ceil(ENTRIES / 7));
    expect(rows).toHaveLength(ENTRIES);
    expect(new Set(rows.map((r) => r.id)).size).toBe(ENTRIES);

    const expectedTotals = s.entryIds.map((_, i) => planned(i)).sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
    expect(rows.map((r) => r.total)).toEqual(expectedTotals);
    // Standard competition ranking: 1 + the number of strictly greater totals.
    for (const row of rows) {
      const expected = row.total === null ? null : 1 + rows.filter((r) => r.total !== null && r.total > row.total!).length;
      expect(row.rank).toBe(expected);
    }
    // Ties are listed in pitch order.
    const firstTie = rows.filter((r) => r.total === rows[0]!.total).map((r) => s.entryIds.indexOf(r.id));
    expect(firstTie).toEqual([...firstTie].sort((a, b) => a - b));
  });

  it('costs the same two requests for a page whatever is asked of its rows', async () => {
    const response = await api.gql(PAGE, { r: s.roundId, first: 50 }, s.viewer);
    expect(ok(response).leaderboard.edges).toHaveLength(ENTRIES);
    expect(response.extensions?.cost?.dynamodbRequests).toBe(2);
  });

  it('costs an organizer the same two requests, whether they manage the competition or not', async () => {
    const managing = await api.gql(PAGE, { r: s.roundId, first: 50 }, s.organizer);
    expect(ok(managing).leaderboard.edges).toHaveLength(ENTRIES);
    expect(managing.extensions?.cost?.dynamodbRequests).toBe(2);
    const rival = await api.token('rival-organizer', 'organizer');
    const other = await api.gql(PAGE, { r: s.roundId, first: 50 }, rival);
    expect(other.extensions?.cost?.dynamodbRequests).toBe(2);
  });

  it('answers NOT_FOUND for an unknown round', async () => {
    const response = await api.gql(PAGE, { r: 'round_01ARZ3NDEKTSV4RRFFQ69G5FAV' }, s.viewer);
    expect(response.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });
});

describe('DynamoDB cost per operation', () => {
  it('submitting a sheet costs one consistent batch read and one transaction', async () => {
    const t = await openRound(api, { entries: 1, judges: 1 });
    const response = await api.gql(
      `mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id total } }`,
      {
        i: {
          entryId: t.entryIds[0],
          scores: [
            { criterion: 'vision', score: 10 },
            { criterion: 'results', score: 10 },
            { criterion: 'innovation', score: 10 },
            { criterion: 'delivery', score: 10 },
            { criterion: 'qa', score: 10 },
          ],
        },
      },
      t.judges[0]!.token,
    );
    ok(response);
    expect(response.extensions?.cost?.dynamodbRequests).toBe(2);
    expect(response.extensions?.cost?.writeCapacityUnits).toBeGreaterThan(0);
  });

  it('me costs nothing; a round with its entries costs two requests', async () => {
    expect((await api.gql(`{ me { id } }`, {}, s.viewer)).extensions?.cost?.dynamodbRequests).toBe(0);
    const round = await api.gql(`query($id: ID!) { round(id: $id) { name entries { title total rank } } }`, { id: s.roundId }, s.viewer);
    ok(round);
    expect(round.extensions?.cost?.dynamodbRequests).toBe(2);
  });
});
