import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { ok, openRound, submit } from '../support/scenario.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const ONE = [{ key: 'overall', label: '综合', maxScore: 100, step: 0.5 }];
const BOARD = `query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank total } } } }`;
const codeOf = (r: { errors?: { extensions: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;

describe('leaderboard visibility', () => {
  it('AFTER_CLOSE (default): viewers, API keys and judges see scores once the round closes; the organizer always', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'AFTER_CLOSE' } });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 80 }]));
    const key = ok<any>(await api.gql(`mutation { createApiKey(name: "bi") { secret } }`, {}, s.organizer)).createApiKey.secret;
    const asKey = () => api.request({ query: BOARD, variables: { r: s.roundId } }, { 'x-api-key': key });

    expect(codeOf(await api.gql(BOARD, { r: s.roundId }, s.viewer))).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
    expect(codeOf(await asKey())).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
    expect(codeOf(await api.gql(BOARD, { r: s.roundId }, s.judges[0]!.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
    expect(ok<any>(await api.gql(BOARD, { r: s.roundId }, s.organizer)).leaderboard.edges[0].node).toEqual({ rank: 1, total: 80 });
    // Totals on entries are hidden rather than refused, so the programme itself stays readable.
    const entry = ok<any>(await api.gql(`query($id: ID!) { entry(id: $id) { title total rank sheetCount } }`, { id: s.entryIds[0] }, s.viewer)).entry;
    expect(entry).toMatchObject({ total: null, rank: null, sheetCount: 1 });

    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    expect(ok<any>(await api.gql(BOARD, { r: s.roundId }, s.viewer)).leaderboard.edges[0].node).toEqual({ rank: 1, total: 80 });
    expect(ok<any>(await asKey()).leaderboard.edges).toHaveLength(1);
  });

  it('AFTER_PUBLISH keeps results from viewers until publication; LIVE shows them while scoring', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'AFTER_PUBLISH' } });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 80 }]));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    expect(codeOf(await api.gql(BOARD, { r: s.roundId }, s.viewer))).toMatchObject({ reason: 'RESULTS_NOT_VISIBLE' });
    const standings = `query($c: ID!) { standings(competitionId: $c) { totalCount } }`;
    expect(ok<any>(await api.gql(standings, { c: s.competitionId }, s.viewer)).standings.totalCount).toBe(0);
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    expect(ok<any>(await api.gql(BOARD, { r: s.roundId }, s.viewer)).leaderboard.edges).toHaveLength(1);
    expect(ok<any>(await api.gql(standings, { c: s.competitionId }, s.viewer)).standings.totalCount).toBe(1);

    const live = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'AFTER_PUBLISH' } });
    ok(
      await api.gql(
        `mutation($id: ID!) { setLeaderboardVisibility(roundId: $id, visibility: LIVE) { leaderboardVisibility } }`,
        { id: live.roundId },
        live.organizer,
      ),
    );
    ok(await submit(api, live.judges[0]!.token, live.entryIds[0]!, [{ criterion: 'overall', score: 70 }]));
    expect(ok<any>(await api.gql(BOARD, { r: live.roundId }, live.viewer)).leaderboard.edges[0].node.total).toBe(70);
  });
});

describe('judges', () => {
  it('see only the rounds they sit on, and only their own sheets before publication', async () => {
    const s = await openRound(api, { entries: 1, judges: 2, criteria: ONE });
    const elsewhere = await api.token('judge-of-another-round', 'judge');
    expect(codeOf(await api.gql(`query($id: ID!) { round(id: $id) { name } }`, { id: s.roundId }, elsewhere))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ON_PANEL',
    });
    expect(codeOf(await api.gql(BOARD, { r: s.roundId }, elsewhere))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ON_PANEL' });
    expect(ok<any>(await api.gql(`{ myAssignments { id } }`, {}, elsewhere)).myAssignments).toEqual([]);
    expect(ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { name } }`, { id: s.roundId }, s.judges[0]!.token)).round.name).toBe('第一轮');
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 60 }]));
    ok(await submit(api, s.judges[1]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 90 }]));
    const seen = ok<any>(await api.gql(`query($e: ID!) { assessment(entryId: $e) { sheets { total } } }`, { e: s.entryIds[0] }, s.judges[0]!.token)).assessment;
    expect(seen.sheets).toEqual([{ total: 60 }]);
  });
});
