import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { entryKey } from '../../src/store/keys.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { ok, openRound, submit } from '../support/scenario.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const ONE = [{ key: 'overall', label: '综合', maxScore: 100, step: 0.5 }];
const TWO = [
  { key: 'vision', label: '发展思路', maxScore: 50, step: 0.5 },
  { key: 'qa', label: '现场答辩', maxScore: 50, step: 0.5 },
];
const overall = (score: number) => [{ criterion: 'overall', score }];
const two = (vision: number, qa: number) => [
  { criterion: 'vision', score: vision },
  { criterion: 'qa', score: qa },
];
const codeOf = (r: { errors?: { extensions: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions;

const BOARD = `query($r: ID!, $g: String) { leaderboard(roundId: $r, group: $g) { totalCount edges { node { rank total sheetCount entry { id group rawTotal } } } } }`;
const board = async (token: string, roundId: string, group?: string) =>
  ok<any>(await api.gql(BOARD, { r: roundId, g: group ?? null }, token)).leaderboard.edges.map((e: any) => [e.node.entry.id, e.node.rank, e.node.total]);

describe('rubric versions', () => {
  it('updateRubric makes a new version; a round keeps its pinned version until re-pinned while DRAFT', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, open: false });
    const v2 = ok<any>(
      await api.gql(
        `mutation($id: ID!) { updateRubric(id: $id, input: { name: "v2", criteria: [{ key: "overall", label: "综合", maxScore: 10 }] }) { version maxTotal } }`,
        { id: s.rubricId },
        s.organizer,
      ),
    ).updateRubric;
    expect(v2).toEqual({ version: 2, maxTotal: 10 });
    const pinned = `query($id: ID!) { round(id: $id) { rubric { version maxTotal } } }`;
    expect(ok<any>(await api.gql(pinned, { id: s.roundId }, s.organizer)).round.rubric).toEqual({ version: 1, maxTotal: 100 });
    const repinned = ok<any>(
      await api.gql(
        `mutation($id: ID!, $rub: ID!) { updateRound(id: $id, input: { rubricId: $rub, quorum: 1 }) { rubric { version } } }`,
        { id: s.roundId, rub: s.rubricId },
        s.organizer,
      ),
    );
    expect(repinned.updateRound.rubric.version).toBe(2);
    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    const afterOpen = await api.gql(`mutation($id: ID!) { updateRound(id: $id, input: { trimHighest: 1 }) { id } }`, { id: s.roundId }, s.organizer);
    expect(codeOf(afterOpen)).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
    expect(codeOf(await submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(11)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.scores.0.score' });
  });

  it('rejects rules that do not fit the rubric', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE, open: false });
    const update = (input: Record<string, unknown>) =>
      api.gql(`mutation($id: ID!, $i: UpdateRoundInput!) { updateRound(id: $id, input: $i) { id } }`, { id: s.roundId, i: input }, s.organizer);
    expect(codeOf(await update({ tieBreakers: ['nope'] }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.tieBreakers.0' });
    expect(codeOf(await update({ normalization: 'ZSCORE', trimScope: 'CRITERION' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.normalization' });
    expect(codeOf(await update({ quorum: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quorum' });
  });
});

describe('per-round scoring rules', () => {
  it('trims per criterion and aggregates by median', async () => {
    const s = await openRound(api, {
      entries: 1,
      judges: 5,
      criteria: TWO,
      trimHighest: 1,
      trimLowest: 1,
      rule: { trimScope: 'CRITERION', aggregate: 'MEDIAN' },
    });
    const marks = [two(10, 40), two(40, 42), two(42, 10), two(45, 44), two(30, 43)];
    for (const [i, m] of marks.entries()) ok(await submit(api, s.judges[i]!.token, s.entryIds[0]!, m));
    // vision: drop 10 and 45 → median(30, 40, 42) = 40; qa: drop 10 and 44 → median(40, 42, 43) = 42.
    const { assessment } = ok<any>(
      await api.gql(
        `query($e: ID!) { assessment(entryId: $e) { total trimScope aggregate criteria { criterion mean } sheets { judgeLabel trimmed trimmedMarks } } }`,
        { e: s.entryIds[0] },
        s.organizer,
      ),
    );
    expect(assessment.total).toBe(82);
    expect(assessment.criteria).toEqual([
      { criterion: 'vision', mean: 40 },
      { criterion: 'qa', mean: 42 },
    ]);
    expect(assessment.sheets.map((x: any) => [x.judgeLabel, x.trimmedMarks])).toEqual([
      ['J1', ['vision']],
      ['J2', []],
      ['J3', ['qa']],
      ['J4', ['vision', 'qa']],
      ['J5', []],
    ]);
  });

  it('leaves entries below quorum unranked, after the ranked ones', async () => {
    const s = await openRound(api, { entries: 3, judges: 2, criteria: ONE, rule: { quorum: 2 } });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(99)));
    for (const j of s.judges) ok(await submit(api, j.token, s.entryIds[1]!, overall(60)));
    expect(await board(s.viewer, s.roundId)).toEqual([
      [s.entryIds[1], 1, 60],
      [s.entryIds[0], null, 99],
      [s.entryIds[2], null, null],
    ]);
  });

  it('orders equal totals by tie-breaking criteria, and shares a rank only when they are equal too', async () => {
    const s = await openRound(api, { entries: 4, judges: 1, criteria: TWO, rule: { tieBreakers: ['qa', 'vision'] } });
    const judge = s.judges[0]!.token;
    ok(await submit(api, judge, s.entryIds[0]!, two(45, 35)));
    ok(await submit(api, judge, s.entryIds[1]!, two(40, 40)));
    ok(await submit(api, judge, s.entryIds[2]!, two(35, 45)));
    ok(await submit(api, judge, s.entryIds[3]!, two(40, 40)));
    expect(await board(s.viewer, s.roundId)).toEqual([
      [s.entryIds[2], 1, 80],
      [s.entryIds[1], 2, 80],
      [s.entryIds[3], 2, 80],
      [s.entryIds[0], 4, 80],
    ]);
    const rank = ok<any>(await api.gql(`query($id: ID!) { entry(id: $id) { rank } }`, { id: s.entryIds[0] }, s.viewer)).entry.rank;
    expect(rank).toBe(4);
  });

  it('ranks within a group', async () => {
    const s = await openRound(api, { entries: 4, judges: 1, criteria: ONE, groups: ['村书记', '社区书记'] });
    for (const [i, score] of [70, 80, 90, 60].entries()) ok(await submit(api, s.judges[0]!.token, s.entryIds[i]!, overall(score)));
    expect(await board(s.viewer, s.roundId, '村书记')).toEqual([
      [s.entryIds[2], 1, 90],
      [s.entryIds[0], 2, 70],
    ]);
    expect(await board(s.viewer, s.roundId, '社区书记')).toEqual([
      [s.entryIds[1], 1, 80],
      [s.entryIds[3], 2, 60],
    ]);
  });

  it('normalises judges by z-score when the round closes; live boards show the raw rule', async () => {
    const s = await openRound(api, { entries: 3, judges: 2, criteria: ONE, rule: { normalization: 'ZSCORE' } });
    // Raw means favour entry 0 (the lenient judge's wide scale dominates); standardised, the strict
    // judge's clear preference for entry 1 counts as much, and entry 1 wins.
    const lenient = [95, 70, 60];
    const strict = [41, 52, 40];
    for (let e = 0; e < 3; e++) {
      ok(await submit(api, s.judges[0]!.token, s.entryIds[e]!, overall(lenient[e]!)));
      ok(await submit(api, s.judges[1]!.token, s.entryIds[e]!, overall(strict[e]!)));
    }
    expect(await board(s.viewer, s.roundId)).toEqual([
      [s.entryIds[0], 1, 68],
      [s.entryIds[1], 2, 61],
      [s.entryIds[2], 3, 50],
    ]);
    const closed = await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status resultsFinalizedAt } }`, { id: s.roundId }, s.organizer);
    expect(ok<any>(closed).closeRound.resultsFinalizedAt).toBeTruthy();
    const after = await board(s.viewer, s.roundId);
    expect(after.map((row: any[]) => row[0])).toEqual([s.entryIds[1], s.entryIds[0], s.entryIds[2]]);
    const { assessment } = ok<any>(
      await api.gql(`query($e: ID!) { assessment(entryId: $e) { total rawTotal sheets { total normalizedTotal } } }`, { e: s.entryIds[1] }, s.organizer),
    );
    expect(assessment.rawTotal).toBe(61);
    expect(assessment.sheets.every((x: any) => typeof x.normalizedTotal === 'number')).toBe(true);
    const verification = ok<any>(
      await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok mismatches { field } } }`, { r: s.roundId }, s.organizer),
    ).verifyRound;
    expect(verification).toEqual({ ok: true, mismatches: [] });
  });
});

describe('multi-round standings and advancement', () => {
  it('advances the top N with ties at the cut-off, per group if asked, and ranks standings across rounds', async () => {
    const s = await openRound(api, { entries: 5, judges: 1, criteria: ONE, groups: ['A', 'B'] });
    const judge = s.judges[0]!.token;
    // Totals: e0 90 (A), e1 80 (B), e2 80 (A), e3 70 (B), e4 60 (A).
    for (const [i, score] of [90, 80, 80, 70, 60].entries()) ok(await submit(api, judge, s.entryIds[i]!, overall(score)));
    const round2 = ok<any>(
      await api.gql(
        `mutation($c: ID!, $r: ID!) { createRound(input: { competitionId: $c, name: "决赛", rubricId: $r }) { id } }`,
        { c: s.competitionId, r: s.rubricId },
        s.organizer,
      ),
    ).createRound.id;
    const advance = `mutation($f: ID!, $t: ID!, $top: Int!, $g: Boolean) { advanceEntries(fromRoundId: $f, toRoundId: $t, top: $top, perGroup: $g) { advanced { id group order } alreadyEnrolled { id } } }`;
    expect(codeOf(await api.gql(advance, { f: s.roundId, t: round2, top: 2 }, s.organizer))).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));

    const first = ok<any>(await api.gql(advance, { f: s.roundId, t: round2, top: 2 }, s.organizer)).advanceEntries;
    // Top 2 with a tie for second: three advance, in rank order.
    const cadreOf = (entryId: string) => entryId.split('.')[1];
    expect(first.advanced.map((e: any) => cadreOf(e.id))).toEqual([0, 1, 2].map((i) => cadreOf(s.entryIds[i]!)));
    expect(first.advanced.map((e: any) => e.order)).toEqual([1, 2, 3]);
    const again = ok<any>(await api.gql(advance, { f: s.roundId, t: round2, top: 1, g: true }, s.organizer)).advanceEntries;
    // Per group: A's best (e0) and B's best (e1) are already enrolled.
    expect(again.advanced).toEqual([]);
    expect(again.alreadyEnrolled).toHaveLength(2);

    // Round 2: one judge, published; e2 wins it.
    ok(
      await api.gql(
        `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { label } }`,
        { r: round2, j: [{ userId: s.judges[0]!.userId, name: '评委1' }] },
        s.organizer,
      ),
    );
    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: round2 }, s.organizer));
    const entries2 = ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { entries { id } } }`, { id: round2 }, s.organizer)).round.entries.map(
      (e: any) => e.id,
    );
    for (const [i, score] of [70, 60, 95].entries()) ok(await submit(api, judge, entries2[i]!, overall(score)));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: round2 }, s.organizer));

    const standingsQuery = `query($c: ID!, $g: String) { standings(competitionId: $c, group: $g) { totalCount edges { node { rank total group participant { cadre { id } } rounds { roundId total } } } } }`;
    const standings = async (group?: string) =>
      ok<any>(await api.gql(standingsQuery, { c: s.competitionId, g: group ?? null }, s.viewer)).standings.edges.map((e: any) => [
        e.node.participant.cadre.id,
        e.node.rank,
        e.node.total,
      ]);
    const cadre = (i: number) => cadreOf(s.entryIds[i]!)!.slice(2);
    // SUM: e2 80 + 95 = 175, e0 90 + 70 = 160, e1 80 + 60 = 140, e3 70, e4 60.
    expect(await standings()).toEqual([
      [cadre(2), 1, 175],
      [cadre(0), 2, 160],
      [cadre(1), 3, 140],
      [cadre(3), 4, 70],
      [cadre(4), 5, 60],
    ]);
    ok(
      await api.gql(
        `mutation($id: ID!, $r: ID!) { updateCompetition(id: $id, input: { standingsRule: { method: WEIGHTED_SUM, roundWeights: [{ roundId: $r, weight: 0.5 }] } }) { standingsRule { method roundWeights { weight } } } }`,
        { id: s.competitionId, r: s.roundId },
        s.organizer,
      ),
    );
    // WEIGHTED_SUM, round 1 at 0.5: e2 40 + 95 = 135, e0 45 + 70 = 115, e1 40 + 60 = 100, e3 35, e4 30.
    expect((await standings()).map((row: any[]) => row[2])).toEqual([135, 115, 100, 35, 30]);
    expect((await standings('B')).map((row: any[]) => [row[0], row[1]])).toEqual([
      [cadre(1), 1],
      [cadre(3), 2],
    ]);
  });
});

describe('fairness', () => {
  it('refuses a judge from the entry’s own unit, and honours declared and organizer-set conflicts', async () => {
    const s = await openRound(api, { entries: 2, judges: 3, criteria: ONE, judgeInSameUnit: [0] });
    expect(codeOf(await submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(80)))).toMatchObject({ code: 'FORBIDDEN', reason: 'CONFLICT_SAME_UNIT' });

    ok(await api.gql(`mutation($e: ID!) { declareConflict(entryId: $e, reason: "亲属关系") { source userId } }`, { e: s.entryIds[0] }, s.judges[1]!.token));
    expect(codeOf(await submit(api, s.judges[1]!.token, s.entryIds[0]!, overall(80)))).toMatchObject({ code: 'FORBIDDEN', reason: 'CONFLICT_DECLARED' });

    // A sheet already given is withdrawn when the organizer sets a conflict, and the withdrawal is audited.
    ok(await submit(api, s.judges[2]!.token, s.entryIds[1]!, overall(77)));
    const set = ok<any>(
      await api.gql(
        `mutation($r: ID!, $u: ID!, $e: ID!) { setConflict(roundId: $r, userId: $u, entryId: $e, reason: "同一单位") { source entry { id sheetCount total } } }`,
        { r: s.roundId, u: s.judges[2]!.userId, e: s.entryIds[1] },
        s.organizer,
      ),
    ).setConflict;
    expect(set).toEqual({ source: 'ORGANIZER', entry: { id: s.entryIds[1], sheetCount: 0, total: null } });
    expect(codeOf(await submit(api, s.judges[2]!.token, s.entryIds[1]!, overall(80)))).toMatchObject({ code: 'FORBIDDEN', reason: 'CONFLICT_SET' });
    const trail = ok<any>(
      await api.gql(
        `query($e: ID!) { auditTrail(entryId: $e) { action judge version total actorId reason clientRequestId } }`,
        { e: s.entryIds[1] },
        s.organizer,
      ),
    ).auditTrail;
    expect(trail.map((t: any) => [t.action, t.judge, t.total])).toEqual([
      ['SUBMITTED', '评委3', 77],
      ['VOIDED', '评委3', 77],
    ]);
    expect(trail[1].reason).toContain('同一单位');

    // Each judge sees their own conflicts ahead of scoring.
    const conflictsSeenBy = async (token: string) =>
      ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { entries { myConflict } } }`, { id: s.roundId }, token)).round.entries.map(
        (e: any) => e.myConflict,
      );
    expect(await conflictsSeenBy(s.judges[0]!.token)).toEqual(['CONFLICT_SAME_UNIT', 'CONFLICT_SAME_UNIT']);
    expect(await conflictsSeenBy(s.judges[1]!.token)).toEqual(['CONFLICT_DECLARED', null]);
    expect(await conflictsSeenBy(s.judges[2]!.token)).toEqual([null, 'CONFLICT_SET']);
    expect(await conflictsSeenBy(s.viewer)).toEqual([null, null]);

    // Progress: 2 entries × 3 judges, less the same-unit pairs (2), the declared one and the set one.
    const progress = ok<any>(
      await api.gql(
        `query($r: ID!) { roundProgress(roundId: $r) { expected received judges { judge { label } expected received } entries { expected received judgeStates } } }`,
        { r: s.roundId },
        s.organizer,
      ),
    ).roundProgress;
    expect(progress).toMatchObject({ expected: 2, received: 0 });
    expect(progress.judges.map((j: any) => [j.judge.label, j.expected])).toEqual([
      ['J1', 0],
      ['J2', 1],
      ['J3', 1],
    ]);
    expect(progress.entries.map((e: any) => e.judgeStates)).toEqual([
      ['EXCUSED', 'EXCUSED', 'EXPECTED'],
      ['EXCUSED', 'EXPECTED', 'EXCUSED'],
    ]);
  });

  it('voids a sheet with a recorded reason, keeps every version, and verifies clean; tampering is detected', async () => {
    const s = await openRound(api, { entries: 2, judges: 3, criteria: ONE, trimHighest: 1, trimLowest: 0 });
    const [j1, j2, j3] = s.judges.map((j) => j.token);
    ok(await submit(api, j1!, s.entryIds[0]!, overall(60), { clientRequestId: 'v1' }));
    ok(await submit(api, j1!, s.entryIds[0]!, overall(65), { clientRequestId: 'v2' }));
    ok(await submit(api, j2!, s.entryIds[0]!, overall(70)));
    ok(await submit(api, j3!, s.entryIds[0]!, overall(99)));
    const sheetId = `${s.entryIds[0]}/${s.judges[2]!.userId}`;
    const voided = ok<any>(
      await api.gql(`mutation($id: ID!) { voidSheet(sheetId: $id, reason: "评分明显失当") { id total } }`, { id: sheetId }, s.organizer),
    ).voidSheet;
    expect(voided).toEqual({ id: sheetId, total: 99 });
    const trail = ok<any>(
      await api.gql(`query($e: ID!) { auditTrail(entryId: $e) { action version total clientRequestId reason actorId } }`, { e: s.entryIds[0] }, s.organizer),
    ).auditTrail;
    expect(trail.map((t: any) => [t.action, t.version, t.total])).toEqual([
      ['SUBMITTED', 1, 60],
      ['SUBMITTED', 2, 65],
      ['SUBMITTED', 1, 70],
      ['SUBMITTED', 1, 99],
      ['VOIDED', 1, 99],
    ]);
    expect(trail[0].clientRequestId).toBe('v1');
    // Two sheets remain (65, 70); trimming the highest leaves 65.
    expect(ok<any>(await api.gql(`query($id: ID!) { entry(id: $id) { total sheetCount } }`, { id: s.entryIds[0] }, s.viewer)).entry).toEqual({
      total: 65,
      sheetCount: 2,
    });

    const verify = `query($r: ID!) { verifyRound(roundId: $r) { ok checkedEntries checkedSheets mismatches { entryId field expected actual } } }`;
    expect(ok<any>(await api.gql(verify, { r: s.roundId }, s.organizer)).verifyRound).toMatchObject({ ok: true, checkedEntries: 2, checkedSheets: 2 });
    const [roundId, keyPart] = [s.roundId, s.entryIds[0]!.split('.')[1]!];
    await api.dynamo.send(
      new UpdateCommand({
        TableName: api.tables.competitions,
        Key: entryKey(roundId, keyPart),
        UpdateExpression: 'SET #t = :t',
        ExpressionAttributeNames: { '#t': 'total' },
        ExpressionAttributeValues: { ':t': '100' },
      }),
    );
    const tampered = ok<any>(await api.gql(verify, { r: s.roundId }, s.organizer)).verifyRound;
    expect(tampered.ok).toBe(false);
    expect(tampered.mismatches).toContainEqual({ entryId: s.entryIds[0], field: 'total', expected: '"65"', actual: '"100"' });
  });

  it('voiding a sheet of a closed, normalised round stores the official results afresh', async () => {
    const s = await openRound(api, { entries: 3, judges: 3, criteria: ONE, rule: { normalization: 'ZSCORE' } });
    const scores = [
      [90, 70, 60],
      [50, 55, 40],
      [80, 85, 20],
    ];
    for (const [j, row] of scores.entries()) for (const [e, score] of row.entries()) ok(await submit(api, s.judges[j]!.token, s.entryIds[e]!, overall(score)));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    const totals = async () => (await board(s.organizer, s.roundId)).map((row: any[]) => row[2]);
    const before = await totals();
    ok(
      await api.gql(
        `mutation($id: ID!) { voidSheet(sheetId: $id, reason: "评委回避") { id } }`,
        { id: `${s.entryIds[2]}/${s.judges[2]!.userId}` },
        s.organizer,
      ),
    );
    expect(await totals()).not.toEqual(before);
    const verification = ok<any>(
      await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok mismatches { entryId field } } }`, { r: s.roundId }, s.organizer),
    ).verifyRound;
    expect(verification).toEqual({ ok: true, mismatches: [] });
  });

  it('flags an outlier judge', async () => {
    const s = await openRound(api, { entries: 4, judges: 7, criteria: ONE });
    for (const [j, judge] of s.judges.entries()) {
      for (const [e, entryId] of s.entryIds.entries()) ok(await submit(api, judge.token, entryId, overall(j === 6 ? 30 + e : 80 + e + (j % 3))));
    }
    const stats = ok<any>(
      await api.gql(`query($r: ID!) { judgeStats(roundId: $r) { judge { label } sheetCount mean outlier } }`, { r: s.roundId }, s.organizer),
    ).judgeStats;
    expect(stats.filter((x: any) => x.outlier).map((x: any) => x.judge.label)).toEqual(['J7']);
    expect(stats[6]).toMatchObject({ sheetCount: 4, mean: 31.5 });
    expect(codeOf(await api.gql(`query($r: ID!) { judgeStats(roundId: $r) { outlier } }`, { r: s.roundId }, s.viewer))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses every change to a published round with CONFLICT', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE });
    ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(80)));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    const sheetId = `${s.entryIds[0]}/${s.judges[0]!.userId}`;
    const attempts = [
      api.gql(`mutation($id: ID!) { updateRound(id: $id, input: { trimHighest: 1 }) { id } }`, { id: s.roundId }, s.organizer),
      api.gql(
        `mutation($id: ID!, $c: ID!) { addEntries(roundId: $id, entries: [{ cadreId: $c, title: "x", order: 2 }]) { id } }`,
        { id: s.roundId, c: 'x' },
        s.organizer,
      ),
      api.gql(`mutation($id: ID!) { assignJudges(roundId: $id, judges: [{ userId: "late", name: "迟到" }]) { label } }`, { id: s.roundId }, s.organizer),
      submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(10)),
      api.gql(`mutation($id: ID!) { voidSheet(sheetId: $id, reason: "x") { id } }`, { id: sheetId }, s.organizer),
      api.gql(
        `mutation($r: ID!, $u: ID!, $e: ID!) { setConflict(roundId: $r, userId: $u, entryId: $e, reason: "x") { source } }`,
        { r: s.roundId, u: s.judges[0]!.userId, e: s.entryIds[0] },
        s.organizer,
      ),
      api.gql(`mutation($e: ID!) { declareConflict(entryId: $e, reason: "x") { source } }`, { e: s.entryIds[0] }, s.judges[0]!.token),
      api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer),
      api.gql(`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }, s.organizer),
    ];
    for (const response of await Promise.all(attempts)) expect(codeOf(response)?.code).toBe('CONFLICT');
    expect(ok<any>(await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: s.roundId }, s.organizer)).verifyRound.ok).toBe(true);
  });

  it('keeps a submission at two DynamoDB requests with the conflict-of-interest check', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, criteria: ONE });
    const response = await submit(api, s.judges[0]!.token, s.entryIds[0]!, overall(80));
    ok(response);
    expect(response.extensions?.cost?.dynamodbRequests).toBe(2);
  });
});
