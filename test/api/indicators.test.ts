import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import {
  SUBMIT_VALUES,
  VERIFY_VALUES,
  enterAndVerify,
  indicatorRound,
  measures,
  nextRound,
  TWO_HUNDRED_POINTS,
  type IndicatorScenario,
} from '../support/indicators.js';
import { ok } from '../support/scenario.js';

let api: TestApi;
const TOWNS = ['瓜沥镇', '河上镇', '戴村镇', '义桥镇', '所前镇'];
beforeAll(async () => {
  api = await createTestApi();
});

const BOARD = `query($r: ID!) { leaderboard(roundId: $r, first: 50) { edges { node { rank total sheetCount entry { title vetoed } } } } }`;
const board = async (s: IndicatorScenario, token = s.maker) =>
  ok(await api.gql(BOARD, { r: s.roundId }, token)).leaderboard.edges.map((e: any) => [e.node.entry.title, e.node.rank, e.node.total]);

describe('indicator sets', () => {
  it('report every problem at once with its path, and keep versions', async () => {
    const maker = await api.token('set-maker', 'organizer');
    const bad = {
      ...TWO_HUNDRED_POINTS,
      indicators: [
        { ...TWO_HUNDRED_POINTS.indicators[0], weight: 50 },
        { ...TWO_HUNDRED_POINTS.indicators[1], target: null },
        ...TWO_HUNDRED_POINTS.indicators.slice(2),
      ],
    };
    const refused = await api.gql(`mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id } }`, { i: bad }, maker);
    const issues = refused.errors?.[0]?.extensions?.issues as { path: string; code: string }[];
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['input.indicators.1.target', 'MISSING_PARAMETER'],
        ['input.sections.0.fullMark', 'WEIGHTS_DO_NOT_SUM'],
      ]),
    );
    const { createIndicatorSet } = ok(
      await api.gql(
        `mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id version fullMark sections { key fullMark weight } } }`,
        { i: TWO_HUNDRED_POINTS },
        maker,
      ),
    );
    expect(createIndicatorSet).toMatchObject({ version: 1, fullMark: 200 });
    const { updateIndicatorSet } = ok(
      await api.gql(
        `mutation($id: ID!, $i: IndicatorSetInput!) { updateIndicatorSet(id: $id, input: $i) { version name } }`,
        { id: createIndicatorSet.id, i: { ...TWO_HUNDRED_POINTS, name: '乡镇实绩考核 2027' } },
        maker,
      ),
    );
    expect(updateIndicatorSet).toEqual({ version: 2, name: '乡镇实绩考核 2027' });
    const other = await api.token('set-rival', 'organizer');
    const rival = await api.gql(
      `mutation($id: ID!, $i: IndicatorSetInput!) { updateIndicatorSet(id: $id, input: $i) { version } }`,
      { id: createIndicatorSet.id, i: TWO_HUNDRED_POINTS },
      other,
    );
    expect(rival.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('an indicator round', () => {
  let s: IndicatorScenario;
  beforeAll(async () => {
    s = await indicatorRound(api, TOWNS);
  });

  it('counts a value only once another organizer has verified it (maker-checker)', async () => {
    const [guali] = s.entryIds as [string];
    const { submitIndicatorValues } = ok(
      await api.gql(
        SUBMIT_VALUES,
        { r: s.roundId, v: measures(guali, { growth: 5.81, invest: 130, solved: [1129, 1185], incidents: 3, visits: 40 }) },
        s.maker,
      ),
    );
    expect(submitIndicatorValues.map((v: any) => v.status)).toEqual(['ENTERED', 'ENTERED', 'ENTERED', 'ENTERED', 'ENTERED']);
    expect(submitIndicatorValues[2].measured).toBeCloseTo(95.2743, 4);
    expect((await board(s))[0]).toEqual(['瓜沥镇', null, null]);

    const own = await api.gql(VERIFY_VALUES, { r: s.roundId, ids: [submitIndicatorValues[0].id] }, s.maker);
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MAKER_CHECKER' });

    const verified = ok(await api.gql(VERIFY_VALUES, { r: s.roundId, ids: submitIndicatorValues.map((v: any) => v.id) }, s.checker));
    expect(verified.verifyIndicatorValues.every((v: any) => v.status === 'VERIFIED')).toBe(true);
    // 58.73 × 40% + 100 × 30% (capped at 120: 120 × 30% = 36) + 100 × 30% + 94 × 50% (+ visits only at close)
    // growth 23.49, invest 36, solved 30, incidents 47 → 136.49
    expect((await board(s))[0]).toEqual(['瓜沥镇', 1, 136.49]);
  });

  it('takes the same values again without writing anything, and a changed verified value needs verifying again', async () => {
    const guali = s.entryIds[0]!;
    const again = ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId: guali, indicator: 'growth', value: 5.81 }], c: 'retry-1' }, s.maker));
    expect(again.submitIndicatorValues[0].status).toBe('VERIFIED');
    const changed = ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId: guali, indicator: 'growth', value: 12 }] }, s.maker));
    expect(changed.submitIndicatorValues[0].status).toBe('ENTERED');
    expect((await board(s))[0]).toEqual(['瓜沥镇', 1, 113]);
    ok(await api.gql(VERIFY_VALUES, { r: s.roundId, ids: [changed.submitIndicatorValues[0].id] }, s.checker));
    expect((await board(s))[0]).toEqual(['瓜沥镇', 1, 153]);
  });

  it('names every bad value by its place in the list, and writes none of them', async () => {
    const refused = await api.gql(
      SUBMIT_VALUES,
      {
        r: s.roundId,
        v: [
          { entryId: s.entryIds[1], indicator: 'gdp', value: 1 },
          { entryId: s.entryIds[1], indicator: 'solved', numerator: 3 },
          { entryId: s.entryIds[1], indicator: 'incidents', value: 1.5 },
        ],
      },
      s.maker,
    );
    expect((refused.errors![0]!.extensions!.issues as any[]).map((i) => [i.path, i.code])).toEqual([
      ['values.0.indicator', 'UNKNOWN_INDICATOR'],
      ['values.1.denominator', 'REQUIRED'],
      ['values.2.value', 'NOT_INTEGER'],
    ]);
    const { indicatorValues } = ok(await api.gql(`query($r: ID!) { indicatorValues(roundId: $r) { id } }`, { r: s.roundId }, s.checker));
    expect(indicatorValues).toHaveLength(5);
  });

  it('applies approved bonuses within the cap, and a veto puts the entry after every other', async () => {
    const [guali, heshang, daicun, yiqiao, suoqian] = s.entryIds as [string, string, string, string, string];
    await enterAndVerify(api, s, [
      ...measures(heshang, { growth: 9, invest: 100, solved: [10, 10], incidents: 0, visits: 55 }),
      ...measures(daicun, { growth: 9, invest: 100, solved: [10, 10], incidents: 0, visits: 55 }),
      ...measures(yiqiao, { growth: 6, invest: 80, solved: [0, 0], incidents: 10, visits: 20 }),
      ...measures(suoqian, { growth: 7, invest: 90, solved: [5, 10], incidents: 1, visits: 30 }),
    ]);
    const ADD = `mutation($e: ID!, $i: AdjustmentInput!) { addAdjustment(entryId: $e, input: $i) { id status } }`;
    const bonus = ok(await api.gql(ADD, { e: heshang, i: { kind: 'BONUS', points: 3, reason: '省级表彰' } }, s.maker)).addAdjustment;
    expect(bonus.status).toBe('PENDING');
    const selfApproval = await api.gql(`mutation($id: ID!) { approveAdjustment(id: $id) { status } }`, { id: bonus.id }, s.maker);
    expect(selfApproval.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'MAKER_CHECKER' });
    ok(await api.gql(`mutation($id: ID!) { approveAdjustment(id: $id) { status } }`, { id: bonus.id }, s.checker));
    const veto = ok(await api.gql(ADD, { e: guali, i: { kind: 'VETO', reason: '发生重大安全生产事故' } }, s.maker)).addAdjustment;
    ok(await api.gql(`mutation($id: ID!) { approveAdjustment(id: $id) { status } }`, { id: veto.id }, s.checker));

    const rows = await board(s);
    expect(rows.at(-1)).toEqual(['瓜沥镇', null, 153]);
    // growth 9 → 80 × 40% = 32, invest 30, solved 30, incidents 50: 142, and the approved bonus of 3
    expect(rows[0]).toEqual(['河上镇', 1, 145]);
  });

  it('gives rank points across the round at close, verifies, and explains each total', async () => {
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.maker));
    const rows = await board(s);
    // visits: 河上镇 and 戴村镇 55 (100 each, shared), 瓜沥镇 40 (80), 所前镇 30 (70), 义桥镇 20 (60) → × 50%
    expect(rows).toEqual([
      ['河上镇', 1, 195],
      ['戴村镇', 2, 192],
      ['所前镇', 3, expect.any(Number)],
      ['义桥镇', 4, expect.any(Number)],
      ['瓜沥镇', null, 193],
    ]);
    const { verifyRound } = ok(
      await api.gql(
        `query($r: ID!) { verifyRound(roundId: $r) { ok checkedEntries checkedSheets mismatches { entryId field expected actual } } }`,
        { r: s.roundId },
        s.maker,
      ),
    );
    expect(verifyRound.mismatches).toEqual([]);
    expect(verifyRound).toMatchObject({ ok: true, checkedEntries: 5, checkedSheets: 25 });

    const { indicatorAssessment } = ok(
      await api.gql(
        `query($e: ID!) { indicatorAssessment(entryId: $e) { rank total base bonus penalty vetoed sections { section { key } score } indicators { indicator { key } score points } adjustments { kind status } } }`,
        { e: s.entryIds[1] },
        s.viewer,
      ),
    );
    expect(indicatorAssessment).toMatchObject({ rank: 1, total: 195, base: 192, bonus: 3, penalty: 0, vetoed: false });
    expect(indicatorAssessment.sections).toEqual([
      { section: { key: 'econ' }, score: 92 },
      { section: { key: 'party' }, score: 100 },
    ]);
    expect(indicatorAssessment.indicators.find((l: any) => l.indicator.key === 'visits')).toEqual({ indicator: { key: 'visits' }, score: 100, points: 50 });
  });

  it('refuses panel actions and values after close, with reasons', async () => {
    const late = await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId: s.entryIds[1], indicator: 'growth', value: 1 }] }, s.maker);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
    const judges = await api.gql(
      `mutation($r: ID!) { assignJudges(roundId: $r, judges: [{ userId: "j1", name: "评委" }]) { label } }`,
      { r: s.roundId },
      s.maker,
    );
    expect(judges.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_METHOD' });
  });

  it('shows who climbed since the previous quarter, the red and black lists, and who stayed at the bottom', async () => {
    const q2 = await nextRound(api, s, TOWNS, { period: '2026-Q2' });
    const [g2, h2, d2, y2, s2] = q2.entryIds as [string, string, string, string, string];
    await enterAndVerify(api, q2, [
      ...measures(g2, { growth: 12, invest: 120, solved: [10, 10], incidents: 0, visits: 60 }),
      ...measures(h2, { growth: 8, invest: 100, solved: [10, 10], incidents: 0, visits: 50 }),
      ...measures(d2, { growth: 8, invest: 90, solved: [10, 10], incidents: 0, visits: 40 }),
      ...measures(y2, { growth: 6, invest: 70, solved: [0, 0], incidents: 12, visits: 10 }),
      ...measures(s2, { growth: 12, invest: 100, solved: [10, 10], incidents: 0, visits: 50 }),
    ]);
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: q2.roundId }, q2.maker));
    const { leaderboard } = ok(
      await api.gql(
        `query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank entry { title previousRank rankChange } } } } }`,
        { r: q2.roundId },
        q2.viewer,
      ),
    );
    const moves = Object.fromEntries(
      leaderboard.edges.map((e: any) => [e.node.entry.title, [e.node.entry.previousRank, e.node.rank, e.node.entry.rankChange]]),
    );
    // Q1: 河上镇 1, 戴村镇 2, 所前镇 3, 义桥镇 4, 瓜沥镇 vetoed (unranked). Q2: 瓜沥镇 206, 所前镇 195, 河上镇 184.33, 戴村镇 171.33, 义桥镇 last.
    expect(moves).toEqual({ 瓜沥镇: [null, 1, null], 所前镇: [3, 2, 1], 河上镇: [1, 3, -2], 戴村镇: [2, 4, -2], 义桥镇: [4, 5, -1] });

    const { boards } = ok(
      await api.gql(
        `query($r: ID!) { boards(roundId: $r) { red { entry { title } rank } black { entry { title } } mostImproved { entry { title } rankChange } } }`,
        { r: q2.roundId },
        q2.viewer,
      ),
    );
    expect(boards.red[0]).toEqual({ entry: { title: '瓜沥镇' }, rank: 1 });
    expect(boards.black[0].entry.title).toBe('义桥镇');
    expect(boards.mostImproved).toEqual([{ entry: { title: '所前镇' }, rankChange: 1 }]);

    // The bottom two: Q1 瓜沥镇 (vetoed) and 义桥镇; Q2 义桥镇 and 戴村镇.
    const { alerts } = ok(
      await api.gql(
        `query($c: ID!) { alerts(competitionId: $c, bottom: 2, consecutive: 2) { entry { title } rounds { id } } }`,
        { c: q2.competitionId },
        q2.maker,
      ),
    );
    expect(alerts).toEqual([{ entry: { title: '义桥镇' }, rounds: [{ id: s.roundId }, { id: q2.roundId }] }]);
  });
});

describe('who sees what of an indicator round', () => {
  it('keeps values, totals and vetoes from viewers and rival organizers until the results are visible, and refuses their writes', async () => {
    const s = await indicatorRound(api, ['临浦镇', '浦阳镇'], { visibility: 'AFTER_PUBLISH' });
    await enterAndVerify(api, s, measures(s.entryIds[0]!, { growth: 9, invest: 100, solved: [1, 1], incidents: 0, visits: 10 }));
    const ASSESS = `query($e: ID!) { indicatorAssessment(entryId: $e) { rank total vetoed sections { score } indicators { value { value } measured score points } adjustments { id } } }`;
    const { indicatorAssessment: hidden } = ok(await api.gql(ASSESS, { e: s.entryIds[0] }, s.viewer));
    expect(hidden).toMatchObject({ rank: null, total: null, vetoed: false, sections: [], adjustments: [] });
    expect(hidden.indicators.every((l: any) => l.value === null && l.measured === null && l.score === null && l.points === null)).toBe(true);
    const { indicatorAssessment: organizer } = ok(await api.gql(ASSESS, { e: s.entryIds[0] }, s.checker));
    expect(organizer.indicators[0].value).toEqual({ value: 9 });

    const rival = await api.token('rival-organizer', 'organizer');
    for (const [query, variables] of [
      [`query($r: ID!) { indicatorValues(roundId: $r) { id } }`, { r: s.roundId }],
      [SUBMIT_VALUES, { r: s.roundId, v: [{ entryId: s.entryIds[1], indicator: 'growth', value: 20 }] }],
      [`mutation($e: ID!) { addAdjustment(entryId: $e, input: { kind: VETO, reason: "x" }) { id } }`, { e: s.entryIds[1] }],
    ] as const) {
      expect((await api.gql(query, variables, rival)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_COMPETITION' });
      expect((await api.gql(query, variables, s.viewer)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    }
    const boards = await api.gql(`query($r: ID!) { boards(roundId: $r) { red { rank } } }`, { r: s.roundId }, s.viewer);
    expect(boards.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'RESULTS_NOT_VISIBLE' });
  });

  it('costs three DynamoDB requests to enter one entry’s values and a leaderboard page two', async () => {
    const s = await indicatorRound(api, ['楼塔镇', '进化镇']);
    const entered = await api.gql(
      SUBMIT_VALUES,
      { r: s.roundId, v: measures(s.entryIds[0]!, { growth: 9, invest: 100, solved: [1, 1], incidents: 0, visits: 10 }) },
      s.maker,
    );
    // The round with the caller's seat and manager mark (one batch read), the entry with its evidence (a batch read and a query), one transaction.
    expect(entered.extensions?.cost?.dynamodbRequests).toBe(4);
    const page = await api.gql(BOARD, { r: s.roundId }, s.viewer);
    expect(page.extensions?.cost?.dynamodbRequests).toBe(2);
  });
});

describe('concurrent entry and verification', () => {
  it('loses no value when two organizers enter and verify one entry at once: the stored aggregate equals a recomputation', async () => {
    const s = await indicatorRound(api, ['党湾镇']);
    const entryId = s.entryIds[0]!;
    const all = measures(entryId, { growth: 10, invest: 110, solved: [45, 50], incidents: 2, visits: 33 });
    // Each indicator entered by its own request, all at once, some twice with the same value.
    const entered = await Promise.all([...all, ...all.slice(0, 2)].map((v) => api.gql(SUBMIT_VALUES, { r: s.roundId, v: [v] }, s.maker)));
    for (const response of entered) ok(response);
    const ids = [...new Set(entered.map((r) => r.data.submitIndicatorValues[0].id as string))];
    expect(ids).toHaveLength(5);
    const verified = await Promise.all(ids.map((id) => api.gql(VERIFY_VALUES, { r: s.roundId, ids: [id] }, s.checker)));
    for (const response of verified) ok(response);
    const { indicatorValues } = ok(await api.gql(`query($r: ID!) { indicatorValues(roundId: $r) { status } }`, { r: s.roundId }, s.maker));
    expect(indicatorValues.map((v: any) => v.status)).toEqual(['VERIFIED', 'VERIFIED', 'VERIFIED', 'VERIFIED', 'VERIFIED']);
    const { verifyRound } = ok(await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok checkedSheets } }`, { r: s.roundId }, s.maker));
    expect(verifyRound).toEqual({ ok: true, checkedSheets: 5 });
    // growth 10 → 86.67 × 40% = 34.67; invest 110 (cap 120) → 33; solved 90% < 95 → 60 × 30% = 18; incidents 2 → 96 × 50% = 48
    const { entry } = ok(await api.gql(`query($e: ID!) { entry(id: $e) { total sheetCount } }`, { e: entryId }, s.maker));
    expect(entry).toEqual({ total: 133.67, sheetCount: 5 });
  });
});

describe('a replayed import', () => {
  it('writes nothing when its client request id already wrote the entry, even over a correction made since', async () => {
    const s = await indicatorRound(api, ['衙前镇']);
    const entryId = s.entryIds[0]!;
    ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId, indicator: 'growth', value: 7 }], c: 'import-2026-q1' }, s.maker));
    ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId, indicator: 'growth', value: 8 }], c: 'correction-1' }, s.checker));
    const replay = ok(await api.gql(SUBMIT_VALUES, { r: s.roundId, v: [{ entryId, indicator: 'growth', value: 7 }], c: 'import-2026-q1' }, s.maker));
    expect(replay.submitIndicatorValues[0]).toMatchObject({ value: 8, enteredBy: expect.stringContaining('checker-') });
  });
});

describe('争先进位 over three quarters', () => {
  it('caps bonuses, follows entrants leaving and coming back, and sums the quarters in the standings', async () => {
    const towns = ['一镇', '二镇', '三镇', '四镇', '五镇'];
    const figures = (growth: number) => ({ growth, invest: 100, solved: [10, 10] as [number, number], incidents: 0, visits: 10 });
    const enter = (s: IndicatorScenario, growths: number[]) =>
      enterAndVerify(
        api,
        s,
        s.entryIds.flatMap((entryId, i) => measures(entryId, figures(growths[i]!))),
      );
    const titles = async (s: IndicatorScenario) => {
      const { leaderboard } = ok(
        await api.gql(
          `query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank total entry { title previousRank rankChange } } } } }`,
          { r: s.roundId },
          s.viewer,
        ),
      );
      return Object.fromEntries(
        leaderboard.edges.map((e: any) => [e.node.entry.title, [e.node.entry.previousRank, e.node.rank, e.node.entry.rankChange, e.node.total]]),
      );
    };
    const close = async (s: IndicatorScenario) => ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.maker));

    // Q1: five towns; 一镇 gets a bonus of 8 against a cap of 5.
    const q1 = await indicatorRound(api, towns, { method: { bonusCap: 5 } });
    const [u1, u2, u3, u4, u5] = q1.unitIds as [string, string, string, string, string];
    await enter(q1, [12, 11, 10, 9, 8]);
    const bonus = ok(
      await api.gql(
        `mutation($e: ID!) { addAdjustment(entryId: $e, input: { kind: BONUS, points: 8, reason: "省级表彰" }) { id } }`,
        { e: q1.entryIds[0] },
        q1.maker,
      ),
    );
    ok(await api.gql(`mutation($id: ID!) { approveAdjustment(id: $id) { id } }`, { id: bonus.addAdjustment.id }, q1.checker));
    await close(q1);
    const first = await titles(q1);
    // growth 12 → 40; invest 30; solved 30; incidents 50; visits 50 (all tied first at 10): 200, and the bonus capped at 5.
    expect(first['一镇']).toEqual([null, 1, null, 205]);

    // Q2: 五镇 leaves; the order turns round (growth 6 → 60 × 40% = 24, the other four indicators 160 as before).
    const q2 = await nextRound(api, q1, towns, { period: '2026-Q2', units: [u1, u2, u3, u4] });
    await enter(q2, [6, 8, 10, 12]);
    await close(q2);
    expect(await titles(q2)).toEqual({
      一镇: [1, 4, -3, 184],
      二镇: [2, 3, -1, 189.33],
      三镇: [3, 2, 1, 194.67],
      四镇: [4, 1, 3, 200],
    });

    // Q3: 一镇 leaves, 五镇 comes back: it was not in Q2, so it has no previous rank (新进).
    const q3 = await nextRound(api, q1, towns, { period: '2026-Q3', units: [u2, u3, u4, u5] });
    await enter(q3, [12, 11, 10, 9]);
    await close(q3);
    const third = await titles(q3);
    expect(third['五镇']).toEqual([null, 4, null, 192]);
    expect(third['二镇']).toEqual([3, 1, 2, 200]);

    // The competition's standings (SUM) add each town's quarters up.
    const { standings } = ok(
      await api.gql(
        `query($c: ID!) { standings(competitionId: $c) { edges { node { rank total participant { unit { id } } } } } }`,
        { c: q1.competitionId },
        q1.viewer,
      ),
    );
    const totals = Object.fromEntries(standings.edges.map((e: any) => [e.node.participant.unit.id, e.node.total]));
    expect(totals[u2]).toBeCloseTo(first['二镇'][3] + 189.33 + 200, 2);
    expect(totals[u1]).toBeCloseTo(205 + 184, 2);
  });
});
