import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { TWO_HUNDRED_POINTS } from '../support/indicators.js';
import { ok } from '../support/scenario.js';

/** Wednesday 30 September 2026, 10:00 in Beijing: the day before 国庆. */
let clock = new Date('2026-09-30T02:00:00.000Z');
let api: TestApi;
let organizer: string;
let viewer: string;
let seq = 0;
const unique = (label: string) => `${label}${Date.now().toString(36)}${(seq++).toString(36)}`;

beforeAll(async () => {
  api = await createTestApi({ now: () => clock, requestTimeoutMs: 20_000 });
  organizer = await api.token(unique('org-'), 'organizer', '区考核办');
  viewer = await api.token(unique('viewer-'), 'viewer');
});

const reasonOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
const FORM = `query($c: String!) { ratingForm(code: $c) { form open pointName unitName roundName scale reasons } }`;
const RATE = `mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id caseOpened } }`;
const FIGURES = `query($r: ID!, $u: ID!) { ratingFigures(roundId: $r, unitId: $u) { count satisfactionRate badRate wilsonLower callbackRate rectificationRate onTimeRate removedByAppeal byLevel { level count } } }`;

/** From this address (X-Forwarded-For), as a phone on a hall's Wi-Fi would come. */
const rate = (input: Record<string, unknown>, address = '198.51.100.1') =>
  api.request({ query: RATE, variables: { i: input } }, { 'x-forwarded-for': address });

async function campaign(options: { minRatings?: number; scale?: string } = {}) {
  const unitA = ok<{ createUnit: { id: string } }>(
    await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name: unique('政务服务中心'), kind: 'DEPARTMENT' } }, organizer),
  ).createUnit.id;
  const unitB = ok<{ createUnit: { id: string } }>(
    await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name: unique('不动产登记中心'), kind: 'DEPARTMENT' } }, organizer),
  ).createUnit.id;
  const competitionId = ok<{ createCompetition: { id: string } }>(
    await api.gql(`mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`, { i: { name: '西宁评议 2026' } }, organizer),
  ).createCompetition.id;
  const roundId = ok<{ createRound: { id: string } }>(
    await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      {
        i: {
          competitionId,
          name: '9月满意度排名',
          leaderboardVisibility: 'LIVE',
          method: {
            kind: 'PUBLIC_RATING',
            period: '2026-09',
            scale: options.scale ?? 'TWO_LEVEL',
            minRatings: options.minRatings ?? 1,
            rankBy: 'SATISFACTION',
            callbackWorkingDays: 1,
            rectificationWorkingDays: 5,
          },
        },
      },
      organizer,
    ),
  ).createRound.id;
  ok(
    await api.gql(
      `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`,
      {
        r: roundId,
        e: [
          { unitId: unitA, title: '政务服务中心', order: 1 },
          { unitId: unitB, title: '不动产登记中心', order: 2 },
        ],
      },
      organizer,
    ),
  );
  ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: roundId }, organizer));
  const { createServicePoints } = ok<{ createServicePoints: { id: string; code: string; ratingUrl: string; unit: { id: string } }[] }>(
    await api.gql(
      `mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id code ratingUrl unit { id } } }`,
      {
        i: {
          unitId: unitA,
          competitionId,
          points: [
            { name: '1号窗口', kind: 'COUNTER' },
            { name: '综合受理大厅', kind: 'HALL' },
          ],
        },
      },
      organizer,
    ),
  );
  return { unitA, unitB, competitionId, roundId, points: createServicePoints };
}

const formOf = async (code: string) =>
  ok<{ ratingForm: { form: string; open: boolean; scale: string; reasons: string[] } }>(await api.gql(FORM, { c: code })).ratingForm;

describe('a citizen rates a counter by its QR code', () => {
  it('takes one rating per device, point and day, asks reasons for a 差评, and writes each rating in one DynamoDB request', async () => {
    const c = await campaign();
    const [counter] = c.points;
    expect(counter!.ratingUrl).toBe(`/rate/${counter!.code}`);
    const page = await formOf(counter!.code);
    expect(page).toMatchObject({ open: true, scale: 'TWO_LEVEL' });
    expect(page.reasons.length).toBeGreaterThan(0);

    const first = await rate({ form: page.form, level: 'SATISFIED', device: 'phone-0001-abc' });
    expect(first.errors).toBeUndefined();
    expect(first.extensions!.cost!.dynamodbRequests).toBe(1);
    expect(reasonOf(await rate({ form: page.form, level: 'SATISFIED', device: 'phone-0001-abc' }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_RATED',
    });
    expect(reasonOf(await rate({ form: page.form, level: 'VERY_SATISFIED', device: 'phone-0002-abc' }))?.issues).toEqual([
      expect.objectContaining({ path: 'input.level', code: 'NOT_ONE_OF' }),
    ]);
    expect(reasonOf(await rate({ form: page.form, level: 'DISSATISFIED', device: 'phone-0002-abc' }))?.issues).toEqual([
      expect.objectContaining({ path: 'input.reasons', code: 'REQUIRED' }),
    ]);
    expect(reasonOf(await rate({ form: `${page.form}x`, level: 'SATISFIED', device: 'phone-0002-abc' }))).toMatchObject({ reason: 'FORM_EXPIRED' });
    const bad = await rate({
      form: page.form,
      level: 'DISSATISFIED',
      reasons: [page.reasons[0]],
      comment: '等了一个小时',
      phone: '138 1234 5678',
      device: 'phone-0002-abc',
    });
    expect(bad.data?.submitRating).toMatchObject({ caseOpened: true });

    const { ratingCases } = ok<{
      ratingCases: { status: string; callbackDueAt: string; rectificationDueAt: string; rating: { phone: string; level: string } }[];
    }>(
      await api.gql(
        `query($r: ID!) { ratingCases(roundId: $r) { status callbackDueAt rectificationDueAt rating { phone level } } }`,
        { r: c.roundId },
        organizer,
      ),
    );
    // Received Wed 30 Sep: 1 working day → Thu 8 Oct (after 国庆); 5 → Tue 13 Oct (Sat 10 Oct is a 调休 working day).
    expect(ratingCases).toEqual([
      {
        status: 'RECEIVED',
        callbackDueAt: '2026-10-08T16:00:00.000Z',
        rectificationDueAt: '2026-10-13T16:00:00.000Z',
        rating: { phone: '138****5678', level: 'DISSATISFIED' },
      },
    ]);
    const { ratingFigures } = ok<{ ratingFigures: { count: number; satisfactionRate: number; badRate: number } }>(
      await api.gql(FIGURES, { r: c.roundId, u: c.unitA }, organizer),
    );
    expect(ratingFigures).toMatchObject({ count: 2, satisfactionRate: 0.5, badRate: 0.5 });
  });

  it('refuses a rotated code and a point moved elsewhere, without mixing the two units’ figures', async () => {
    const c = await campaign();
    const [counter] = c.points;
    const old = await formOf(counter!.code);
    ok(await rate({ form: old.form, level: 'SATISFIED', device: 'phone-rot-0001' }));
    const { rotateServicePointCode } = ok<{ rotateServicePointCode: { code: string } }>(
      await api.gql(`mutation($id: ID!) { rotateServicePointCode(id: $id) { code } }`, { id: counter!.id }, organizer),
    );
    expect(reasonOf(await api.gql(FORM, { c: counter!.code }))).toMatchObject({ code: 'CONFLICT', reason: 'CODE_ROTATED' });
    expect(reasonOf(await rate({ form: old.form, level: 'SATISFIED', device: 'phone-rot-0002' }))).toMatchObject({ reason: 'CODE_ROTATED' });
    const fresh = await formOf(rotateServicePointCode.code);
    ok(await rate({ form: fresh.form, level: 'SATISFIED', device: 'phone-rot-0002' }));

    const { moveServicePoint } = ok<{ moveServicePoint: { code: string; unit: { id: string } } }>(
      await api.gql(`mutation($id: ID!, $u: ID!) { moveServicePoint(id: $id, unitId: $u) { code unit { id } } }`, { id: counter!.id, u: c.unitB }, organizer),
    );
    expect(moveServicePoint.unit.id).toBe(c.unitB);
    const moved = await formOf(moveServicePoint.code);
    ok(await rate({ form: moved.form, level: 'DISSATISFIED', reasons: [moved.reasons[0]], device: 'phone-rot-0003' }));
    const a = ok<{ ratingFigures: { count: number } }>(await api.gql(FIGURES, { r: c.roundId, u: c.unitA }, organizer)).ratingFigures;
    const b = ok<{ ratingFigures: { count: number; badRate: number } }>(await api.gql(FIGURES, { r: c.roundId, u: c.unitB }, organizer)).ratingFigures;
    expect(a.count).toBe(2);
    expect(b).toMatchObject({ count: 1, badRate: 1 });
  });

  it('takes one rating per single-use reference (一次一评) and limits one address to 30 ratings a minute', async () => {
    const c = await campaign();
    const [counter] = c.points;
    const { ratingRefs } = ok<{ ratingRefs: string[] }>(await api.gql(`query($p: ID!) { ratingRefs(pointId: $p, count: 2) }`, { p: counter!.id }, organizer));
    const page = await formOf(counter!.code);
    ok(await rate({ form: page.form, level: 'SATISFIED', ref: ratingRefs[0] }));
    expect(reasonOf(await rate({ form: page.form, level: 'SATISFIED', ref: ratingRefs[0], device: 'another-phone-1' }))).toMatchObject({
      reason: 'ALREADY_RATED',
    });
    expect(reasonOf(await rate({ form: page.form, level: 'SATISFIED', ref: `${ratingRefs[1]!.slice(0, -2)}zz` }))?.issues).toEqual([
      expect.objectContaining({ path: 'input.ref', code: 'BAD_FORMAT' }),
    ]);

    const results = [];
    for (let i = 0; i < 31; i++) results.push(await rate({ form: page.form, level: 'SATISFIED', device: `flood-device-${i}-x` }, '192.0.2.99'));
    expect(results.slice(0, 30).every((r) => !r.errors)).toBe(true);
    expect(reasonOf(results[30]!)).toMatchObject({ reason: 'RATE_LIMITED' });
    const { verifyRatings } = ok<{ verifyRatings: { ok: boolean; counted: number; stored: number } }>(
      await api.gql(`query($r: ID!) { verifyRatings(roundId: $r) { ok counted stored } }`, { r: c.roundId }, organizer),
    );
    expect(verifyRatings).toEqual({ ok: true, counted: 31, stored: 31 });

    // A bare persisted-query hash would carry no operation name for the web ACL's rate rule to
    // match: the API refuses it and counts nothing; with its text the same rating is taken.
    const { createHash } = await import('node:crypto');
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(RATE).digest('hex') };
    const input = { form: page.form, level: 'SATISFIED', device: 'persisted-phone-1' };
    ok(await api.request({ query: RATE, variables: { i: input }, extensions: { persistedQuery } } as never, { 'x-forwarded-for': '198.51.100.77' }));
    const bare = await api.request({ variables: { i: { ...input, device: 'persisted-phone-2' } }, extensions: { persistedQuery } } as never, {
      'x-forwarded-for': '198.51.100.78',
    });
    expect(reasonOf(bare)).toMatchObject({ code: 'PERSISTED_QUERY_NOT_SUPPORTED' });
    const after = ok<{ verifyRatings: { counted: number } }>(
      await api.gql(`query($r: ID!) { verifyRatings(roundId: $r) { counted } }`, { r: c.roundId }, organizer),
    );
    expect(after.verifyRatings.counted).toBe(32);
  });
});

describe('two campaigns at one unit', () => {
  it('keeps each campaign’s ratings and cases to its own round, and refuses to refresh a closed round', async () => {
    const first = await campaign();
    const second = await campaign();
    // The second campaign also rates the first campaign's unit A, over the same month.
    const { createServicePoints } = ok<{ createServicePoints: { code: string; competition: { id: string } }[] }>(
      await api.gql(
        `mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { code competition { id } } }`,
        { i: { unitId: first.unitA, competitionId: second.competitionId, points: [{ name: '帮办窗口', kind: 'COUNTER' }] } },
        organizer,
      ),
    );
    expect(createServicePoints[0]!.competition.id).toBe(second.competitionId);
    const firstPage = await formOf(first.points[0]!.code);
    const secondPage = await formOf(createServicePoints[0]!.code);
    ok(await rate({ form: firstPage.form, level: 'SATISFIED', device: 'two-campaigns-1' }));
    ok(await rate({ form: secondPage.form, level: 'DISSATISFIED', reasons: [secondPage.reasons[0]], device: 'two-campaigns-2' }));
    const figures = async (roundId: string) =>
      ok<{ ratingFigures: { count: number; badRate: number | null } }>(await api.gql(FIGURES, { r: roundId, u: first.unitA }, viewer)).ratingFigures;
    expect(await figures(first.roundId)).toMatchObject({ count: 1, badRate: 0 });
    expect(await figures(second.roundId)).toMatchObject({ count: 1, badRate: 1 });
    const cases = ok<{ ratingCases: unknown[] }>(
      await api.gql(`query($r: ID!) { ratingCases(roundId: $r) { id } }`, { r: first.roundId }, organizer),
    ).ratingCases;
    expect(cases).toEqual([]);

    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: first.roundId }, organizer));
    expect(reasonOf(await api.gql(`mutation($r: ID!) { refreshRatings(roundId: $r) { id } }`, { r: first.roundId }, organizer))).toMatchObject({
      reason: 'ROUND_STATUS',
    });
  });
});

describe('the follow-up of a 差评 (回访整改)', () => {
  it('takes the steps in order with evidence, rates the unit’s follow-up, and removes a rating whose appeal is upheld', async () => {
    const c = await campaign();
    const [counter] = c.points;
    const page = await formOf(counter!.code);
    for (const [i, level] of ['SATISFIED', 'SATISFIED', 'DISSATISFIED', 'DISSATISFIED'].entries()) {
      const phone = i === 2 ? { phone: '138 1234 5678' } : {};
      ok(await rate({ form: page.form, level, ...(level === 'DISSATISFIED' ? { reasons: [page.reasons[1]] } : {}), ...phone, device: `follow-${i}-device` }));
    }
    // Those handling the case see the number masked; the callback desk reveals it in full, and the reveal is recorded.
    const withPhone = ok<{ ratingCases: { id: string; rating: { phone: string | null } }[] }>(
      await api.gql(`query($r: ID!) { ratingCases(roundId: $r) { id rating { phone } } }`, { r: c.roundId }, organizer),
    ).ratingCases.find((x) => x.rating.phone);
    expect(withPhone!.rating.phone).toBe('138****5678');
    const REVEAL = `mutation($c: ID!, $p: String!) { revealRatingPhone(caseId: $c, purpose: $p) { phone revealedAt } }`;
    expect(reasonOf(await api.gql(REVEAL, { c: withPhone!.id, p: '好奇' }, viewer))).toMatchObject({ code: 'FORBIDDEN' });
    expect(ok<{ revealRatingPhone: { phone: string } }>(await api.gql(REVEAL, { c: withPhone!.id, p: '电话回访' }, organizer)).revealRatingPhone.phone).toBe(
      '13812345678',
    );
    const reveals = ok<{ ratingCases: { id: string; phoneReveals: { purpose: string; by: string }[] }[] }>(
      await api.gql(`query($r: ID!) { ratingCases(roundId: $r) { id phoneReveals { purpose by } } }`, { r: c.roundId }, organizer),
    ).ratingCases.find((x) => x.id === withPhone!.id);
    expect(reveals!.phoneReveals.map((r) => r.purpose)).toEqual(['电话回访']);
    const CASES = `query($r: ID!, $f: RatingCaseFilter) { ratingCases(roundId: $r, filter: $f) { id status allowedActions overdue steps { status note evidence } accountability { person measure } } }`;
    const cases = ok<{ ratingCases: { id: string; allowedActions: string[] }[] }>(await api.gql(CASES, { r: c.roundId }, organizer)).ratingCases;
    expect(cases).toHaveLength(2);
    const [worked, appealed] = cases as [{ id: string; allowedActions: string[] }, { id: string }];
    expect(worked.allowedActions).toEqual(['CALL_BACK', 'APPEAL']);

    const outOfOrder = await api.gql(`mutation($c: ID!) { closeCase(caseId: $c, note: "直接办结") { status } }`, { c: worked.id }, organizer);
    expect(reasonOf(outOfOrder)).toMatchObject({ code: 'CONFLICT', reason: 'CASE_STEP_OUT_OF_ORDER', allowed: ['CALL_BACK', 'APPEAL'] });
    ok(
      await api.gql(`mutation($c: ID!) { recordCallback(caseId: $c, note: "已电话回访", evidence: "通话记录 10:32") { status } }`, { c: worked.id }, organizer),
    );
    ok(await api.gql(`mutation($c: ID!) { verifyCase(caseId: $c, substantiated: true, note: "核实属实") { status } }`, { c: worked.id }, organizer));
    ok(
      await api.gql(`mutation($c: ID!) { recordRectification(caseId: $c, note: "增开窗口", evidence: "整改通知书") { status } }`, { c: worked.id }, organizer),
    );
    ok(await api.gql(`mutation($c: ID!) { closeCase(caseId: $c, note: "整改完成") { status } }`, { c: worked.id }, organizer));
    ok(
      await api.gql(
        `mutation($c: ID!) { recordAccountability(caseId: $c, person: "窗口工作人员张某", measure: "通报批评", decidedBy: "区纪委监委") { id } }`,
        { c: worked.id },
        organizer,
      ),
    );

    ok(await api.gql(`mutation($c: ID!) { appealCase(caseId: $c, grounds: "评价人误评，已与其核实") { status } }`, { c: appealed.id }, organizer));
    const decided = ok<{ decideAppeal: { status: string; rating: { counted: boolean } } }>(
      await api.gql(
        `mutation($c: ID!) { decideAppeal(caseId: $c, upheld: true, reason: "经核实属误评") { status rating { counted } } }`,
        { c: appealed.id },
        organizer,
      ),
    );
    expect(decided.decideAppeal).toEqual({ status: 'UPHELD', rating: { counted: false } });

    const after = ok<{ ratingCases: { status: string; steps: { status: string; evidence: string | null }[]; accountability: { person: string }[] }[] }>(
      await api.gql(CASES, { r: c.roundId, f: { status: 'CLOSED' } }, organizer),
    ).ratingCases;
    expect(after).toHaveLength(1);
    expect(after[0]!.steps.map((s) => s.status)).toEqual(['CALLED_BACK', 'VERIFIED', 'RECTIFYING', 'CLOSED']);
    expect(after[0]!.accountability).toEqual([{ person: '窗口工作人员张某', measure: '通报批评' }]);

    const figures = ok<{ ratingFigures: Record<string, unknown> }>(await api.gql(FIGURES, { r: c.roundId, u: c.unitA }, organizer)).ratingFigures;
    expect(figures).toMatchObject({ count: 3, removedByAppeal: 1, callbackRate: 1, rectificationRate: 1, onTimeRate: 1 });
    const { verifyRatings } = ok<{ verifyRatings: { ok: boolean; counted: number; stored: number } }>(
      await api.gql(`query($r: ID!) { verifyRatings(roundId: $r) { ok counted stored } }`, { r: c.roundId }, organizer),
    );
    expect(verifyRatings).toEqual({ ok: true, counted: 3, stored: 3 });

    // A case past its deadline is overdue and escalated; the filter finds it.
    ok(await rate({ form: page.form, level: 'DISSATISFIED', reasons: [page.reasons[0]], device: 'late-device-1' }));
    clock = new Date('2026-10-09T02:00:00.000Z');
    const overdue = ok<{ ratingCases: { status: string; overdue: boolean }[] }>(
      await api.gql(CASES, { r: c.roundId, f: { overdue: true } }, organizer),
    ).ratingCases;
    expect(overdue).toEqual([expect.objectContaining({ status: 'RECEIVED', overdue: true })]);
    clock = new Date('2026-09-30T02:00:00.000Z');
  });
});

describe('ranking, import and verification', () => {
  it('ranks units on satisfaction on the leaderboard, imports ratings from elsewhere without duplicates, feeds the rates to an indicator round, and recounts them', async () => {
    const c = await campaign();
    const [counter] = c.points;
    const page = await formOf(counter!.code);
    for (let i = 0; i < 3; i++) ok(await rate({ form: page.form, level: 'SATISFIED', device: `rank-device-${i}` }));
    const { createServicePoints } = ok<{ createServicePoints: { id: string }[] }>(
      await api.gql(
        `mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { id } }`,
        { i: { unitId: c.unitB, competitionId: c.competitionId, points: [{ name: '网上办事大厅', kind: 'ONLINE' }] } },
        organizer,
      ),
    );
    const IMPORT = `mutation($r: ID!, $x: [ImportedRatingInput!]!) { importRatings(roundId: $r, ratings: $x) { imported duplicates duplicateRefs } }`;
    const batch = [
      { pointId: createServicePoints[0]!.id, level: 'SATISFIED', ref: 'hcp-2026-0001', receivedAt: '2026-09-12T03:00:00.000Z' },
      { pointId: createServicePoints[0]!.id, level: 'DISSATISFIED', reasons: ['办事效率低'], ref: 'hcp-2026-0002', receivedAt: '2026-09-13T03:00:00.000Z' },
    ];
    expect(ok<{ importRatings: unknown }>(await api.gql(IMPORT, { r: c.roundId, x: batch }, organizer)).importRatings).toEqual({
      imported: 2,
      duplicates: 0,
      duplicateRefs: [],
    });
    expect(ok<{ importRatings: unknown }>(await api.gql(IMPORT, { r: c.roundId, x: batch }, organizer)).importRatings).toEqual({
      imported: 0,
      duplicates: 2,
      duplicateRefs: ['hcp-2026-0001', 'hcp-2026-0002'],
    });
    // Its case's deadlines count from when the rating was received (Sun 13 Sep → Mon 14 Sep).
    const cases = ok<{ ratingCases: { callbackDueAt: string }[] }>(
      await api.gql(`query($r: ID!) { ratingCases(roundId: $r) { callbackDueAt } }`, { r: c.roundId }, organizer),
    ).ratingCases;
    expect(cases).toEqual([{ callbackDueAt: '2026-09-14T16:00:00.000Z' }]);

    ok(await api.gql(`mutation($r: ID!) { refreshRatings(roundId: $r) { id } }`, { r: c.roundId }, organizer));
    const board = ok<{ leaderboard: { edges: { node: { rank: number; total: number; entry: { title: string } } }[] } }>(
      await api.gql(`query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank total entry { title } } } } }`, { r: c.roundId }, viewer),
    );
    expect(board.leaderboard.edges.map((e) => [e.node.rank, e.node.entry.title, e.node.total])).toEqual([
      [1, '政务服务中心', 100],
      [2, '不动产登记中心', 50],
    ]);

    // The satisfaction rates feed a 实绩比拼 as a RATIO indicator: counts per unit, entered for a second organizer to verify.
    const competitionId = ok<{ createCompetition: { id: string } }>(
      await api.gql(`mutation($i: CreateCompetitionInput!) { createCompetition(input: $i) { id } }`, { i: { name: '争先进位 2026-Q3' } }, organizer),
    ).createCompetition.id;
    const setId = ok<{ createIndicatorSet: { id: string } }>(
      await api.gql(`mutation($i: IndicatorSetInput!) { createIndicatorSet(input: $i) { id } }`, { i: TWO_HUNDRED_POINTS }, organizer),
    ).createIndicatorSet.id;
    const indicatorRoundId = ok<{ createRound: { id: string } }>(
      await api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
        { i: { competitionId, name: '2026-Q3 实绩考核', method: { kind: 'INDICATORS', indicatorSetId: setId, period: '2026-Q3' } } },
        organizer,
      ),
    ).createRound.id;
    const [entryA, entryB] = ok<{ addEntries: { id: string }[] }>(
      await api.gql(
        `mutation($r: ID!, $e: [EntryInput!]!) { addEntries(roundId: $r, entries: $e) { id } }`,
        {
          r: indicatorRoundId,
          e: [
            { unitId: c.unitA, title: '政务服务中心', order: 1 },
            { unitId: c.unitB, title: '不动产登记中心', order: 2 },
          ],
        },
        organizer,
      ),
    ).addEntries;
    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: indicatorRoundId }, organizer));
    const FEED = `mutation($r: ID!, $i: String!, $s: ID!, $t: RatingRate!) { feedRatingFigures(roundId: $r, indicator: $i, ratingsRoundId: $s, rate: $t) { entry { id } numerator denominator status evidence } }`;
    const fed = ok<{ feedRatingFigures: { entry: { id: string }; numerator: number; denominator: number; status: string; evidence: string }[] }>(
      await api.gql(FEED, { r: indicatorRoundId, i: 'solved', s: c.roundId, t: 'SATISFACTION' }, organizer),
    ).feedRatingFigures;
    expect(fed.map((v) => [v.entry.id, v.numerator, v.denominator, v.status])).toEqual([
      [entryA!.id, 3, 3, 'ENTERED'],
      [entryB!.id, 1, 2, 'ENTERED'],
    ]);
    expect(fed[1]!.evidence).toBe('9月满意度排名：满意 1 / 有效评价 2');
    // An indicator that is not a ratio takes no counts.
    expect(reasonOf(await api.gql(FEED, { r: indicatorRoundId, i: 'growth', s: c.roundId, t: 'SATISFACTION' }, organizer))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });

    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: c.roundId }, organizer));
    const { verifyRound } = ok<{ verifyRound: { ok: boolean } }>(
      await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: c.roundId }, organizer),
    );
    expect(verifyRound.ok).toBe(true);
  });
});

describe('many raters at once', () => {
  it('counts every accepted rating exactly once: 200 raters on one point, and 200 raters on 200 points', async () => {
    const c = await campaign();
    const page = await formOf(c.points[0]!.code);
    const hot = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rate(
          { form: page.form, level: i % 10 === 0 ? 'DISSATISFIED' : 'SATISFIED', reasons: i % 10 === 0 ? [page.reasons[0]] : [], device: `crowd-${i}-device` },
          `10.0.${i % 250}.1`,
        ),
      ),
    );
    expect(hot.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    // 200 points, four calls of 50, each point rated once: the spread the issue names.
    const codes: string[] = [];
    for (let batch = 0; batch < 4; batch++) {
      const { createServicePoints } = ok<{ createServicePoints: { code: string }[] }>(
        await api.gql(
          `mutation($i: CreateServicePointsInput!) { createServicePoints(input: $i) { code } }`,
          {
            i: {
              unitId: c.unitB,
              competitionId: c.competitionId,
              points: Array.from({ length: 50 }, (_, i) => ({ name: `${batch + 1}号厅 窗口${i + 1}`, kind: 'COUNTER' })),
            },
          },
          organizer,
        ),
      );
      codes.push(...createServicePoints.map((p) => p.code));
    }
    const forms = await Promise.all(codes.map((code) => formOf(code)));
    const spread = await Promise.all(
      Array.from({ length: 200 }, (_, i) => rate({ form: forms[i]!.form, level: 'SATISFIED', device: `spread-${i}-device` }, `10.1.${i % 250}.1`)),
    );
    expect(spread.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const { verifyRatings } = ok<{ verifyRatings: { ok: boolean; counted: number; stored: number } }>(
      await api.gql(`query($r: ID!) { verifyRatings(roundId: $r) { ok counted stored } }`, { r: c.roundId }, organizer),
    );
    expect(verifyRatings).toEqual({ ok: true, counted: 400, stored: 400 });
    // DynamoDB Local on two cores answers 400 transactions and 200 points' set-up slowly; AWS in milliseconds.
  }, 120_000);
});
