import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';
import { FIVE_CRITERIA, ok, openRound, submit, type Scenario } from '../support/scenario.js';

let api: TestApi;
let s: Scenario;
let key: string;

const marks = (base: number) => FIVE_CRITERIA.map((c, i) => ({ criterion: c.key, score: Math.min(c.maxScore, Math.round(base / 5) + i) }));

beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: 5, judges: 3, trimHighest: 1, groups: ['村书记', '社区书记'], rule: { leaderboardVisibility: 'AFTER_PUBLISH' } });
  for (const [e, entryId] of s.entryIds.entries()) {
    for (const [j, judge] of s.judges.entries()) if (e < 4) ok(await submit(api, judge.token, entryId, marks(40 + 5 * e + j)));
  }
  key = ok<any>(await api.gql(`mutation { createApiKey(name: "Excel") { secret } }`, {}, s.organizer)).createApiKey.secret;
});

async function get(path: string, headers: Record<string, string> = { 'x-api-key': key }) {
  const [rawPath, rawQueryString = ''] = path.split('?');
  const event = apiGatewayEvent({ method: 'GET', headers, rawQueryString });
  const result = await api.handler(
    { ...event, rawPath: rawPath!, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, path: rawPath! } } },
    lambdaContext(),
  );
  return { status: result.statusCode!, headers: (result.headers ?? {}) as Record<string, string>, body: result.body ?? '' };
}

const parseCsv = (body: string) => {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<Record<string, string>>(body.slice(1), { header: true, skipEmptyLines: true }).data;
};

describe('CSV and JSON Lines exports', () => {
  it('follow the round’s visibility: refused before publication, then equal to the GraphQL leaderboard row by row', async () => {
    const before = await get(`/export/rounds/${s.roundId}/leaderboard.csv`);
    expect(before.status).toBe(403);
    expect(JSON.parse(before.body).errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
    expect((await get(`/export/rounds/${s.roundId}/leaderboard.csv`, {})).status).toBe(401);

    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));

    const csv = await get(`/export/rounds/${s.roundId}/leaderboard.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.body);
    const board = ok<any>(
      await api.request(
        {
          query: `query($r: ID!) { leaderboard(roundId: $r, first: 200) { edges { node { rank total entry { id title group cadre { name } criterionValues { criterion mean } } } } } }`,
          variables: { r: s.roundId },
        },
        { 'x-api-key': key },
      ),
    ).leaderboard.edges.map((e: any) => e.node);
    expect(rows).toHaveLength(board.length);
    rows.forEach((row, i) => {
      const node = board[i];
      expect([row.rank, row.total, row.entryId, row.title, row.group, row.cadreName]).toEqual([
        node.rank === null ? '' : String(node.rank),
        node.total === null ? '' : String(node.total),
        node.entry.id,
        node.entry.title,
        node.entry.group,
        node.entry.cadre.name,
      ]);
      for (const { criterion, mean } of node.entry.criterionValues) expect(row[`mean_${criterion}`]).toBe(mean === null ? '' : String(mean));
    });

    const zh = parseCsv((await get(`/export/rounds/${s.roundId}/leaderboard.csv?lang=zh-CN`)).body);
    expect(Object.keys(zh[0]!)).toEqual(expect.arrayContaining(['名次', '总分', '姓名', '发展思路（均分）']));
    const lines = (await get(`/export/rounds/${s.roundId}/leaderboard.json`)).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.entryId)).toEqual(board.map((n: any) => n.entry.id));
    const village = parseCsv((await get(`/export/rounds/${s.roundId}/leaderboard.csv?group=${encodeURIComponent('村书记')}`)).body);
    expect(village.every((r) => r.group === '村书记')).toBe(true);
  });

  it('exports judge-level sheets after publication, anonymised for everyone but the organizers', async () => {
    const rows = parseCsv((await get(`/export/rounds/${s.roundId}/sheets.csv`)).body);
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.judge))).toEqual(new Set(['J1', 'J2', 'J3']));
    expect(rows.filter((r) => r.trimmed === '1')).toHaveLength(4);
    const named = parseCsv((await get(`/export/rounds/${s.roundId}/sheets.csv`, { authorization: `Bearer ${s.organizer}` })).body);
    expect(new Set(named.map((r) => r.judge))).toEqual(new Set(['评委1', '评委2', '评委3']));
  });

  it('exports standings, and answers a conditional request for published results with 304 after one read', async () => {
    const standings = parseCsv((await get(`/export/competitions/${s.competitionId}/standings.csv`)).body);
    expect(standings).toHaveLength(5);
    expect(standings[0]).toMatchObject({ rank: '1' });

    const first = await get(`/export/rounds/${s.roundId}/leaderboard.csv`);
    expect(first.headers.etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toContain('max-age');
    const again = await api.handler(
      {
        ...apiGatewayEvent({ method: 'GET', headers: { 'x-api-key': key, 'if-none-match': first.headers.etag! } }),
        rawPath: `/export/rounds/${s.roundId}/leaderboard.csv`,
      },
      lambdaContext(),
    );
    expect(again.statusCode).toBe(304);
    expect(again.body ?? '').toBe('');
  });

  it('gives published GraphQL leaderboards an ETag and answers If-None-Match with 304 after one read', async () => {
    const query = { query: `query($r: ID!) { leaderboard(roundId: $r) { totalCount edges { node { rank } } } }`, variables: { r: s.roundId } };
    const first = await api.request(query, { 'x-api-key': key });
    expect(first.headers.etag).toMatch(/^".+"$/);
    const result = await api.handler(
      apiGatewayEvent({
        method: 'POST',
        body: JSON.stringify(query),
        headers: { 'content-type': 'application/json', 'x-api-key': key, 'if-none-match': first.headers.etag! },
      }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(304);
    // Over GET with an automatic persisted query, as a BI cache would send it.
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query.query).digest('hex');
    const params = (withQuery: boolean) =>
      new URLSearchParams({
        ...(withQuery ? { query: query.query } : {}),
        variables: JSON.stringify(query.variables),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }),
      }).toString();
    const getWith = async (withQuery: boolean) =>
      JSON.parse(
        (await api.handler(apiGatewayEvent({ method: 'GET', rawQueryString: params(withQuery), headers: { 'x-api-key': key } }), lambdaContext())).body!,
      );
    expect((await getWith(false)).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await getWith(true)).data.leaderboard.totalCount).toBe(5);
    expect((await getWith(false)).data.leaderboard.totalCount).toBe(5);
  });
});
