import { SignJWT, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../src/auth/devIssuer.js';
import { loadConfig } from '../../src/config.js';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';
import { ok, openRound, submit } from '../support/scenario.js';

/**
 * Regression tests for what an insider — a judge, a rival organizer, a curious
 * viewer — could do before these rules held. Each `it` names the finding it covers.
 */
let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const ONE = [{ key: 'overall', label: '综合', maxScore: 100, step: 0.5 }];
const BOARD = `query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank total entry { id } } } } }`;
const errorOf = (r: { errors?: { extensions: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;
const close = (s: { roundId: string; organizer: string }) => api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer);

describe('results after close', () => {
  it('a judge cannot withdraw a sheet of a CLOSED round by declaring a conflict (finding 1)', async () => {
    const s = await openRound(api, { entries: 2, judges: 2, criteria: ONE, rule: { leaderboardVisibility: 'AFTER_CLOSE' } });
    const [a, b] = s.entryIds as [string, string];
    const [j1, j2] = s.judges as [{ token: string; userId: string }, { token: string; userId: string }];
    ok(await submit(api, j1.token, a, [{ criterion: 'overall', score: 90 }]));
    ok(await submit(api, j2.token, a, [{ criterion: 'overall', score: 60 }]));
    ok(await submit(api, j1.token, b, [{ criterion: 'overall', score: 80 }]));
    ok(await submit(api, j2.token, b, [{ criterion: 'overall', score: 80 }]));
    ok(await close(s));
    const before = ok<any>(await api.gql(BOARD, { r: s.roundId }, j2.token)).leaderboard.edges.map((e: any) => e.node.entry.id);
    expect(before).toEqual([b, a]);

    const refused = await api.gql(`mutation($e: ID!) { declareConflict(entryId: $e, reason: "亲属") { reason } }`, { e: a }, j2.token);
    expect(errorOf(refused)).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
    expect(ok<any>(await api.gql(BOARD, { r: s.roundId }, j2.token)).leaderboard.edges.map((e: any) => e.node.entry.id)).toEqual(before);
    const round = ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { amendmentCount amendments { action } } }`, { id: s.roundId }, s.organizer)).round;
    expect(round).toEqual({ amendmentCount: 0, amendments: [] });
  });

  it('an organizer may still void a sheet after close: recorded as an amendment with who, why and the totals', async () => {
    const s = await openRound(api, { entries: 1, judges: 2, criteria: ONE });
    const [j1, j2] = s.judges as [{ token: string; userId: string }, { token: string; userId: string }];
    ok(await submit(api, j1.token, s.entryIds[0]!, [{ criterion: 'overall', score: 90 }]));
    ok(await submit(api, j2.token, s.entryIds[0]!, [{ criterion: 'overall', score: 60 }]));
    ok(await close(s));
    ok(
      await api.gql(
        `mutation($id: ID!, $r: String!) { voidSheet(sheetId: $id, reason: $r) { id } }`,
        { id: `${s.entryIds[0]}/${j2.userId}`, r: '评委打分串行' },
        s.organizer,
      ),
    );
    const query = `query($id: ID!) { round(id: $id) { amendmentCount amendments { action judge judgeLabel actorId reason totalBefore totalAfter entry { id } } } }`;
    const asOrganizer = ok<any>(await api.gql(query, { id: s.roundId }, s.organizer)).round;
    expect(asOrganizer.amendmentCount).toBe(1);
    expect(asOrganizer.amendments).toEqual([
      {
        action: 'SHEET_VOIDED',
        judge: '评委2',
        judgeLabel: 'J2',
        actorId: expect.stringMatching(/^org-/),
        reason: '评委打分串行',
        totalBefore: 75,
        totalAfter: 90,
        entry: { id: s.entryIds[0] },
      },
    ]);
    // Anyone may see that results changed after close; only the organizers see how.
    expect(ok<any>(await api.gql(query, { id: s.roundId }, s.viewer)).round).toMatchObject({ amendmentCount: 1, amendments: [] });
    expect((await api.gql(`query($id: ID!) { verifyRound(roundId: $id) { ok } }`, { id: s.roundId }, s.organizer)).data.verifyRound.ok).toBe(true);
  });
});

describe('judge anonymity', () => {
  const JUDGES = `query($id: ID!) { round(id: $id) { judges { userId name label unit { id } } } }`;

  it('outside the organizers a judge is only a label; a judge sees their own seat (finding 2)', async () => {
    const s = await openRound(api, { entries: 1, judges: 2, criteria: ONE, judgeInSameUnit: [0] });
    const labelsOnly = [
      { userId: 'J1', name: 'J1', label: 'J1', unit: null },
      { userId: 'J2', name: 'J2', label: 'J2', unit: null },
    ];
    expect(ok<any>(await api.gql(JUDGES, { id: s.roundId }, s.viewer)).round.judges).toEqual(labelsOnly);
    const key = ok<any>(await api.gql(`mutation { createApiKey(name: "bi") { secret } }`, {}, s.organizer)).createApiKey.secret;
    expect(ok<any>(await api.request({ query: JUDGES, variables: { id: s.roundId } }, { 'x-api-key': key })).round.judges).toEqual(labelsOnly);
    const asJudge2 = ok<any>(await api.gql(JUDGES, { id: s.roundId }, s.judges[1]!.token)).round.judges;
    expect(asJudge2).toEqual([labelsOnly[0], { userId: s.judges[1]!.userId, name: '评委2', label: 'J2', unit: null }]);
    const asOrganizer = ok<any>(await api.gql(JUDGES, { id: s.roundId }, s.organizer)).round.judges;
    expect(asOrganizer.map((j: any) => [j.userId, j.name, j.unit?.id ?? null])).toEqual([
      [s.judges[0]!.userId, '评委1', s.unitId],
      [s.judges[1]!.userId, '评委2', null],
    ]);
  });
});

describe('blind scoring in LIVE rounds', () => {
  it('a judge on the panel gets no totals, means, ranks or trim flags before close; viewers do (finding 3)', async () => {
    const s = await openRound(api, { entries: 1, judges: 2, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    const [j1, j2] = s.judges as [{ token: string; userId: string }, { token: string; userId: string }];
    ok(await submit(api, j1.token, s.entryIds[0]!, [{ criterion: 'overall', score: 90 }]));
    ok(await submit(api, j2.token, s.entryIds[0]!, [{ criterion: 'overall', score: 60 }]));
    const ENTRY = `query($id: ID!) { entry(id: $id) { total rawTotal rank criterionValues { mean } } }`;
    expect(ok<any>(await api.gql(ENTRY, { id: s.entryIds[0] }, j1.token)).entry).toEqual({
      total: null,
      rawTotal: null,
      rank: null,
      criterionValues: [{ mean: null }],
    });
    expect(errorOf(await api.gql(BOARD, { r: s.roundId }, j1.token))).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
    const ASSESS = `query($e: ID!) { assessment(entryId: $e) { total rawTotal rank criteria { mean } sheets { total trimmed } } }`;
    expect(ok<any>(await api.gql(ASSESS, { e: s.entryIds[0] }, j1.token)).assessment).toEqual({
      total: null,
      rawTotal: null,
      rank: null,
      criteria: [{ mean: null }],
      sheets: [{ total: 90, trimmed: false }],
    });
    const ROUND = `query($id: ID!) { round(id: $id) { entries { total rank criterionValues { mean } } } }`;
    expect(ok<any>(await api.gql(ROUND, { id: s.roundId }, j1.token)).round.entries).toEqual([{ total: null, rank: null, criterionValues: [{ mean: null }] }]);
    // The hall's screen (a viewer) still sees the live total.
    expect(ok<any>(await api.gql(ENTRY, { id: s.entryIds[0] }, s.viewer)).entry).toMatchObject({ total: 75, rank: 1 });
    ok(await close(s));
    expect(ok<any>(await api.gql(ENTRY, { id: s.entryIds[0] }, j1.token)).entry).toMatchObject({ total: 75, rank: 1 });
  });
});

describe('reserved names', () => {
  it('refuses criterion keys and token subjects that name built-in members (finding 7)', async () => {
    const organizer = await api.token('org-reserved', 'organizer');
    for (const key of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const refused = await api.gql(
        `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
        { i: { name: 'x', criteria: [{ key, label: 'x', maxScore: 10 }] } },
        organizer,
      );
      expect(errorOf(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria.0.key' });
    }
    for (const sub of ['__proto__', 'constructor', 'toString']) {
      const token = await api.token(sub, 'judge');
      expect(errorOf(await api.gql(`{ me { id } }`, {}, token))).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    const judges = await api.gql(
      `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }`,
      { r: (await openRound(api, { entries: 1, judges: 0, open: false, criteria: ONE })).roundId, j: [{ userId: 'constructor', name: 'x' }] },
      organizer,
    );
    expect(errorOf(judges)?.code).toMatch(/BAD_USER_INPUT|FORBIDDEN/);
  });

  it('scores and counts stay right for criterion keys and judge ids that are ordinary words', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: [{ key: 'valueOfWork', label: '成效', maxScore: 10 }] });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'valueOfWork', score: 8 }]));
    const progress = ok<any>(await api.gql(`query($r: ID!) { roundProgress(roundId: $r) { expected received } }`, { r: s.roundId }, s.organizer)).roundProgress;
    expect(progress).toEqual({ expected: 1, received: 1 });
  });
});

describe('panel rule on every path', () => {
  it('a judge does not see rounds they do not sit on through competition.rounds or standings (finding 8)', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 70 }]));
    ok(await close(s));
    const outsider = await api.token('judge-elsewhere-8', 'judge');
    const q = `query($c: ID!) { competition(id: $c) { rounds { id entries { id } judges { name } } } standings(competitionId: $c) { totalCount } }`;
    const seen = ok<any>(await api.gql(q, { c: s.competitionId }, outsider));
    expect(seen.competition.rounds).toEqual([]);
    expect(seen.standings.totalCount).toBe(0);
    const direct = await api.gql(`query($id: ID!) { round(id: $id) { entries { id } } }`, { id: s.roundId }, outsider);
    expect(errorOf(direct)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ON_PANEL' });
    // The judge who sits on it sees it, and the standings it feeds.
    const insider = ok<any>(await api.gql(q, { c: s.competitionId }, s.judges[0]!.token));
    expect(insider.competition.rounds).toHaveLength(1);
    expect(insider.standings.totalCount).toBe(1);
  });
});

describe('cursors', () => {
  it('refuses tampered, foreign and malformed cursors with BAD_USER_INPUT (finding 9)', async () => {
    const s = await openRound(api, { entries: 3, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    for (const [i, e] of s.entryIds.entries()) ok(await submit(api, s.judges[0]!.token, e, [{ criterion: 'overall', score: 90 - i }]));
    const PAGE = `query($r: ID!, $a: String) { leaderboard(roundId: $r, first: 1, after: $a) { edges { cursor node { rank } } } }`;
    const first = ok<any>(await api.gql(PAGE, { r: s.roundId }, s.viewer)).leaderboard.edges[0];
    const [body, mac] = first.cursor.split('.');
    const forged = JSON.parse(Buffer.from(body, 'base64url').toString());
    forged.p = 9_999_999;
    forged.r = 9_999_999;
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${mac}`;
    const other = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    for (const after of [tampered, 'not-a-cursor', '.', 'x'.repeat(5000), `${body}.`, `${body}.${'A'.repeat(22)}`]) {
      expect(errorOf(await api.gql(PAGE, { r: s.roundId, a: after }, s.viewer)), after.slice(0, 40)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }
    // A cursor of one round's leaderboard means nothing on another's.
    expect(errorOf(await api.gql(PAGE, { r: other.roundId, a: first.cursor }, s.viewer))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(ok<any>(await api.gql(PAGE, { r: s.roundId, a: first.cursor }, s.viewer)).leaderboard.edges[0].node.rank).toBe(2);
  });

  it('answers over-long and malformed ids with BAD_USER_INPUT or NOT_FOUND, never a 500 (finding 9)', async () => {
    const viewer = await api.token('viewer-ids', 'viewer');
    const long = 'round_'.padEnd(5000, 'A');
    for (const query of [
      `query($id: ID!) { round(id: $id) { id } }`,
      `query($id: ID!) { competition(id: $id) { id } }`,
      `query($id: ID!) { cadre(id: $id) { id } }`,
      `query($id: ID!) { unit(id: $id) { id } }`,
      `query($id: ID!) { rubric(id: $id) { id } }`,
      `query($id: ID!) { entry(id: $id) { id } }`,
      `query($id: ID!) { leaderboard(roundId: $id) { totalCount } }`,
      `query($id: ID!) { standings(competitionId: $id) { totalCount } }`,
      `query($id: ID!) { cadres(unitId: $id) { edges { cursor } } }`,
      `query($id: ID!) { units(parentId: $id) { id } }`,
    ]) {
      const response = await api.gql(query, { id: long }, viewer);
      expect(response.status, query).toBeLessThan(500);
      if (response.errors) expect(['BAD_USER_INPUT', 'NOT_FOUND'], query).toContain(response.errors[0]!.extensions.code);
    }
  });
});

describe('spreadsheet exports', () => {
  it('neutralises formulas in every text cell and header of CSV exports; numbers stay numbers (finding 4)', async () => {
    const organizer = await api.token('org-formula', 'organizer');
    const unit = ok<any>(await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name: '=1+2', kind: 'TOWN' } }, organizer))
      .createUnit.id;
    const cadres = [
      { id: 'formula-1', name: '=HYPERLINK("http://evil.example","click")', unitId: unit, position: '+SUM(A1)' },
      { id: 'formula-2', name: '@cmd', unitId: unit, position: '-2+3' },
    ];
    ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: cadres }, organizer));
    const rubric = ok<any>(
      await api.gql(
        `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
        { i: { name: 'r', criteria: [{ key: 'k', label: "=cmd|' /C calc'!A0", maxScore: 10 }] } },
        organizer,
      ),
    ).createRubric.id;
    const competition = ok<any>(await api.gql(`mutation { createCompetition(input: { name: "\tevil" }) { id } }`, {}, organizer)).createCompetition.id;
    const round = ok<any>(
      await api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
        { i: { competitionId: competition, name: '=x', rubricId: rubric } },
        organizer,
      ),
    ).createRound.id;
    ok(
      await api.gql(
        `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`,
        { r: round, e: cadres.map((c, i) => ({ cadreId: c.id, title: '\r=1', order: i + 1, group: '@g' })) },
        organizer,
      ),
    );
    const csv = await exportCsv(api, `/export/rounds/${round}/leaderboard.csv`, organizer, 'lang=zh-CN');
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toContain(`'=cmd|`);
    for (const row of rows.slice(1)) {
      expect(row).not.toMatch(/(^|,)"?[=+\-@\t\r]/);
      expect(row).toContain(`'@g`);
    }
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(`'+SUM(A1)`);
    expect(csv).toContain(`'=1+2`);
    const json = await exportCsv(api, `/export/rounds/${round}/leaderboard.json`, organizer);
    expect(JSON.parse(json.split('\n')[0]!).cadreName).toMatch(/^(=HYPERLINK|@cmd)/);
  });
});

describe('directory and rubric ownership', () => {
  const UPSERT = `mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id name unit { id } } }`;
  it('another organizer may use but not change a cadre, unit or rubric; every change is recorded (finding 5)', async () => {
    const a = await api.token('org-owner-a', 'organizer', '甲');
    const b = await api.token('org-rival-b', 'organizer', '乙');
    const unitA = ok<any>(await api.gql(`mutation { createUnit(input: { name: "甲的镇", kind: TOWN }) { id ownerId } }`, {}, a)).createUnit;
    expect(unitA.ownerId).toBe('org-owner-a');
    const unitB = ok<any>(await api.gql(`mutation { createUnit(input: { name: "乙的镇", kind: TOWN }) { id } }`, {}, b)).createUnit.id;
    ok(await api.gql(UPSERT, { i: [{ id: 'owned-cadre-1', name: '张三', unitId: unitA.id }] }, a));

    const rename = await api.gql(UPSERT, { i: [{ id: 'owned-cadre-1', name: '=evil', unitId: unitA.id }] }, b);
    expect(errorOf(rename)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_DIRECTORY' });
    const move = await api.gql(UPSERT, { i: [{ id: 'owned-cadre-1', name: '张三', unitId: unitB }] }, b);
    expect(errorOf(move)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_DIRECTORY' });
    const child = await api.gql(`mutation($p: ID!) { createUnit(input: { name: "x", parentId: $p }) { id } }`, { p: unitA.id }, b);
    expect(errorOf(child)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_DIRECTORY' });
    expect(ok<any>(await api.gql(`query { cadre(id: "owned-cadre-1") { name unit { id } } }`, {}, b)).cadre).toEqual({ name: '张三', unit: { id: unitA.id } });

    const rubric = ok<any>(
      await api.gql(`mutation { createRubric(input: { name: "甲的评分表", criteria: [{ key: "k", label: "综合", maxScore: 10 }] }) { id version } }`, {}, a),
    ).createRubric;
    const reweight = await api.gql(
      `mutation($id: ID!) { updateRubric(id: $id, input: { name: "x", criteria: [{ key: "k", label: "综合", maxScore: 10, weight: 1000 }] }) { version } }`,
      { id: rubric.id },
      b,
    );
    expect(errorOf(reweight)).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_DIRECTORY' });

    // Granted, B may; the log shows who changed what.
    ok(await api.gql(`mutation($s: ID!) { grantEditor(subjectId: $s, userId: "org-rival-b") }`, { s: unitA.id }, a));
    ok(await api.gql(UPSERT, { i: [{ id: 'owned-cadre-1', name: '张叁', unitId: unitA.id }] }, b));
    const log = ok<any>(await api.gql(`query { changeLog(subjectId: "owned-cadre-1") { actorId before after } }`, {}, a)).changeLog;
    expect(log.map((c: any) => [c.actorId, c.before && JSON.parse(c.before).name, JSON.parse(c.after).name])).toEqual([
      ['org-owner-a', null, '张三'],
      ['org-rival-b', '张三', '张叁'],
    ]);
    ok(await api.gql(`mutation($s: ID!) { grantEditor(subjectId: $s, userId: "org-rival-b") }`, { s: rubric.id }, a));
    expect(
      ok<any>(
        await api.gql(
          `mutation($id: ID!) { updateRubric(id: $id, input: { name: "修订", criteria: [{ key: "k", label: "综合", maxScore: 20 }] }) { version ownerId } }`,
          { id: rubric.id },
          b,
        ),
      ).updateRubric,
    ).toEqual({ version: 2, ownerId: 'org-owner-a' });
    expect(ok<any>(await api.gql(`query($s: ID!) { changeLog(subjectId: $s) { actorId } }`, { s: rubric.id }, a)).changeLog.map((c: any) => c.actorId)).toEqual(
      ['org-owner-a', 'org-rival-b'],
    );
  });

  it('createRound pins the rubric version the organizer saw (finding 5)', async () => {
    const a = await api.token('org-pin', 'organizer');
    const rubric = ok<any>(
      await api.gql(`mutation { createRubric(input: { name: "r", criteria: [{ key: "k", label: "综合", maxScore: 10 }] }) { id } }`, {}, a),
    ).createRubric.id;
    ok(
      await api.gql(
        `mutation($id: ID!) { updateRubric(id: $id, input: { name: "r2", criteria: [{ key: "k", label: "综合", maxScore: 50 }] }) { version } }`,
        { id: rubric },
        a,
      ),
    );
    const competition = ok<any>(await api.gql(`mutation { createCompetition(input: { name: "c" }) { id } }`, {}, a)).createCompetition.id;
    const create = (v?: number) =>
      api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { rubric { version maxTotal } } }`,
        { i: { competitionId: competition, name: 'r', rubricId: rubric, rubricVersion: v } },
        a,
      );
    expect(ok<any>(await create(1)).createRound.rubric).toEqual({ version: 1, maxTotal: 10 });
    expect(ok<any>(await create()).createRound.rubric).toEqual({ version: 2, maxTotal: 50 });
    expect(errorOf(await create(9))).toMatchObject({ code: 'NOT_FOUND', field: 'input.rubricVersion' });
  });
});

describe('API keys', () => {
  it('belong to their creator, and may be limited to competitions (finding 6)', async () => {
    const a = await api.token('org-keys-a', 'organizer');
    const b = await api.token('org-keys-b', 'organizer');
    const key = ok<any>(await api.gql(`mutation { createApiKey(name: "甲的BI") { id secret } }`, {}, a)).createApiKey;
    expect(ok<any>(await api.gql(`{ apiKeys { id } }`, {}, b)).apiKeys).toEqual([]);
    expect(errorOf(await api.gql(`mutation($id: ID!) { revokeApiKey(id: $id) }`, { id: key.id }, b))).toMatchObject({ code: 'NOT_FOUND' });
    expect(ok<any>(await api.gql(`{ apiKeys { id revokedAt } }`, {}, a)).apiKeys).toEqual([{ id: key.id, revokedAt: null }]);

    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    const other = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    const scoped = ok<any>(await api.gql(`mutation($c: [ID!]) { createApiKey(name: "一个活动", competitionIds: $c) { secret } }`, { c: [s.competitionId] }, a))
      .createApiKey.secret;
    const asKey = (query: string, variables: Record<string, unknown>) => api.request({ query, variables }, { 'x-api-key': scoped });
    expect(ok<any>(await asKey(`query($r: ID!) { leaderboard(roundId: $r) { totalCount } }`, { r: s.roundId })).leaderboard.totalCount).toBe(1);
    expect(errorOf(await asKey(`query($r: ID!) { leaderboard(roundId: $r) { totalCount } }`, { r: other.roundId }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_KEY_SCOPE',
    });
    expect(ok<any>(await asKey(`query($c: ID!) { competition(id: $c) { id } }`, { c: other.competitionId })).competition).toBeNull();
    expect(errorOf(await asKey(`query($c: ID!) { standings(competitionId: $c) { totalCount } }`, { c: other.competitionId }))).toMatchObject({
      reason: 'OUT_OF_KEY_SCOPE',
    });
  });
});

describe('HTTP caching', () => {
  it('ETags cover the persisted-query hash and the competition the answer names (finding 10)', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, rule: { leaderboardVisibility: 'LIVE' } });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, [{ criterion: 'overall', score: 70 }]));
    ok(await close(s));
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    const { createHash } = await import('node:crypto');
    const send = async (query: string, etag?: string) => {
      const hash = createHash('sha256').update(query).digest('hex');
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      const rawQueryString = new URLSearchParams({ variables: JSON.stringify({ r: s.roundId }), extensions: JSON.stringify(extensions) }).toString();
      const headers = { authorization: `Bearer ${s.viewer}`, ...(etag ? { 'if-none-match': etag } : {}) };
      let result = await api.handler(apiGet(rawQueryString, headers), lambdaContext());
      if (JSON.parse(result.body || '{}').errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND') {
        await api.handler(
          apiGet(new URLSearchParams({ query, variables: JSON.stringify({ r: s.roundId }), extensions: JSON.stringify(extensions) }).toString(), headers),
          lambdaContext(),
        );
        result = await api.handler(apiGet(rawQueryString, headers), lambdaContext());
      }
      return result;
    };
    const named = `query($r: ID!) { leaderboard(roundId: $r) { edges { node { total entry { round { competition { name } } } } } } }`;
    const plain = `query($r: ID!) { leaderboard(roundId: $r) { edges { node { total } } } }`;
    const first = await send(named);
    const other = await send(plain);
    expect(first.headers?.etag).toBeTruthy();
    expect(other.headers?.etag).toBeTruthy();
    expect(first.headers?.etag).not.toBe(other.headers?.etag);
    expect((await send(named, String(first.headers!.etag))).statusCode).toBe(304);
    ok(await api.gql(`mutation($id: ID!) { updateCompetition(id: $id, input: { name: "改名" }) { name } }`, { id: s.competitionId }, s.organizer));
    const renamed = await send(named, String(first.headers!.etag));
    expect(renamed.statusCode).toBe(200);
    expect(renamed.body).toContain('改名');
  });
});

describe('tokens and configuration', () => {
  const sign = async (claims: Record<string, unknown>, build: (jwt: SignJWT) => SignJWT) =>
    build(
      new SignJWT({ name: 'x', roles: ['organizer'], ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('token-probe')
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE),
    ).sign(await importJWK(api.keys.privateJwk, 'ES256'));
  const me = (token: string) => api.gql(`{ me { id } }`, {}, token);
  const now = Math.floor(Date.now() / 1000);

  it('refuses tokens without exp or iat, with a far exp, or issued in the future (finding 11)', async () => {
    expect(errorOf(await me(await sign({}, (j) => j.setIssuedAt())))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await me(await sign({}, (j) => j.setExpirationTime('1h'))))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await me(await sign({}, (j) => j.setIssuedAt().setExpirationTime('100y'))))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await me(await sign({}, (j) => j.setIssuedAt(now + 3600).setExpirationTime(now + 7200))))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await me(await sign({}, (j) => j.setIssuedAt(now - 30 * 86400).setExpirationTime(now + 3600))))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ok<any>(await me(await sign({}, (j) => j.setIssuedAt().setExpirationTime('12h')))).me.id).toBe('token-probe');
  });

  it('an unset STAGE does not mean development, and a deployment needs a cursor-signing key (finding 11)', () => {
    const base = { AWS_REGION: 'x', COGNITO_USER_POOL_ID: 'ap-east-1_abc', COGNITO_CLIENT_ID: 'abc123', CURSOR_SIGNING_KEY: 'k'.repeat(32) };
    expect(() => loadConfig(base)).toThrow(/STAGE/);
    expect(() => loadConfig({ ...base, STAGE: 'prod', CURSOR_SIGNING_KEY: undefined })).toThrow(/CURSOR_SIGNING_KEY/);
    expect(loadConfig({ ...base, STAGE: 'prod' }).stage).toBe('prod');
  });
});

function apiGet(rawQueryString: string, headers: Record<string, string>) {
  return apiGatewayEvent({ method: 'GET', rawQueryString, headers: { 'apollo-require-preflight': 'true', ...headers } });
}

async function exportCsv(api: TestApi, path: string, token: string, query = ''): Promise<string> {
  const event = { ...apiGatewayEvent({ method: 'GET', rawQueryString: query, headers: { authorization: `Bearer ${token}` } }), rawPath: path };
  const result = await api.handler(event, lambdaContext());
  expect(result.statusCode, result.body).toBe(200);
  return result.body ?? '';
}
