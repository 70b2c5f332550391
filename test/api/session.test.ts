import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawOrder } from '../../src/domain/draw.js';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';
import { marks, ok, openRound, submit } from '../support/scenario.js';

/** What an organizer needs to run one session alone: enrolment, 抽签, quorum with 回避, housekeeping, spreadsheets. */
let api: TestApi;

beforeAll(async () => {
  api = await createTestApi();
});

const ENTRIES = `query($id: ID!) { round(id: $id) { status entryCount entries { id title order group cadre { name } } draws { seed drawnBy algorithm entries { id } } } }`;
const entriesOf = async (roundId: string, token: string) => ok<any>(await api.gql(ENTRIES, { id: roundId }, token)).round;

describe('enrolment of a DRAFT round', () => {
  it('edits, removes and reorders entries; only while DRAFT', async () => {
    const s = await openRound(api, { entries: 4, judges: 1, open: false });
    const [a, b, c, d] = s.entryIds as [string, string, string, string];
    const edited = ok<any>(
      await api.gql(
        `mutation($id: ID!, $i: UpdateEntryInput!) { updateEntry(id: $id, input: $i) { title group order } }`,
        { id: b, i: { title: '乡村振兴的实践', group: null } },
        s.organizer,
      ),
    ).updateEntry;
    expect(edited).toEqual({ title: '乡村振兴的实践', group: null, order: 2 });

    const removed = ok<any>(await api.gql(`mutation($id: ID!) { removeEntry(id: $id) { entryCount } }`, { id: c }, s.organizer)).removeEntry;
    expect(removed.entryCount).toBe(3);

    ok(await api.gql(`mutation($r: ID!, $e: [ID!]!) { reorderEntries(roundId: $r, entryIds: $e) { id order } }`, { r: s.roundId, e: [d, a, b] }, s.organizer));
    const round = await entriesOf(s.roundId, s.organizer);
    expect(round.entryCount).toBe(3);
    expect(round.entries.map((e: any) => [e.id, e.order])).toEqual([
      [d, 1],
      [a, 2],
      [b, 3],
    ]);

    const incomplete = await api.gql(
      `mutation($r: ID!, $e: [ID!]!) { reorderEntries(roundId: $r, entryIds: $e) { id } }`,
      { r: s.roundId, e: [d, a] },
      s.organizer,
    );
    expect(incomplete.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'entryIds', code: 'INCOMPLETE_ORDER', params: { missing: 1 } }],
    });

    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    const late = await api.gql(
      `mutation($id: ID!, $i: UpdateEntryInput!) { updateEntry(id: $id, input: $i) { title } }`,
      { id: a, i: { title: 'x' } },
      s.organizer,
    );
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
  });

  it('draws the pitch order from a recorded seed that reproduces it', async () => {
    const s = await openRound(api, { entries: 12, judges: 1, open: false });
    const draw = ok<any>(
      await api.gql(
        `mutation($r: ID!, $s: String) { drawPitchOrder(roundId: $r, seed: $s) { seed drawnBy drawnAt entries { id order } } }`,
        { r: s.roundId, s: '2026-12-01 组织部' },
        s.organizer,
      ),
    ).drawPitchOrder;
    expect(draw.seed).toBe('2026-12-01 组织部');
    expect(draw.entries.map((e: any) => e.id)).toEqual(drawOrder(s.entryIds, '2026-12-01 组织部'));
    expect(draw.entries.map((e: any) => e.order)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));

    const fresh = ok<any>(
      await api.gql(`mutation($r: ID!) { drawPitchOrder(roundId: $r) { seed entries { id } } }`, { r: s.roundId }, s.organizer),
    ).drawPitchOrder;
    expect(fresh.seed).toMatch(/^[0-9a-f]{32}$/);
    const round = await entriesOf(s.roundId, s.organizer);
    expect(round.draws).toHaveLength(2);
    expect(round.draws[1].entries.map((e: any) => e.id)).toEqual(drawOrder(s.entryIds, fresh.seed));
    expect(round.entries.map((e: any) => e.id)).toEqual(drawOrder(s.entryIds, fresh.seed));
    expect(round.draws[0].algorithm).toContain('SHA-256');
  });

  it('shows a roster fix in DRAFT entries; an OPEN round keeps the snapshot it opened with', async () => {
    const s = await openRound(api, { entries: 2, judges: 1, open: false });
    const fix = async (name: string) => {
      const cadreId = (await entriesOf(s.roundId, s.organizer)).entries[0].id.split('~')[1];
      ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: [{ id: cadreId, name, unitId: s.unitId }] }, s.organizer));
    };
    await fix('王小明');
    expect((await entriesOf(s.roundId, s.organizer)).entries[0].cadre.name).toBe('王小明');
    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    await fix('王晓明');
    expect((await entriesOf(s.roundId, s.organizer)).entries[0].cadre.name).toBe('王小明');
  });
});

describe('quorum ALL_EXPECTED', () => {
  const BOARD = `query($r: ID!) { leaderboard(roundId: $r) { edges { node { rank sheetCount entry { id expectedSheetCount } } } } }`;

  it('ranks an entry once every judge not excused (回避) has scored it, and fixes the panel once open', async () => {
    // Judge 0 sits in the entries' unit: excused from every entry by the same-unit rule.
    const s = await openRound(api, { entries: 2, judges: 3, judgeInSameUnit: [0], rule: { quorumMode: 'ALL_EXPECTED' } });
    const [first, second] = s.entryIds as [string, string];
    const [, j1, j2] = s.judges as [unknown, { token: string; userId: string }, { token: string; userId: string }];
    ok(await submit(api, j1.token, first, marks(15, 20, 15, 10, 10)));
    let rows = ok<any>(await api.gql(BOARD, { r: s.roundId }, s.organizer)).leaderboard.edges.map((e: any) => e.node);
    expect(rows.find((r: any) => r.entry.id === first)).toMatchObject({ rank: null, sheetCount: 1, entry: { expectedSheetCount: 2 } });

    ok(await submit(api, j2.token, first, marks(16, 20, 15, 10, 10)));
    ok(await submit(api, j1.token, second, marks(10, 10, 10, 10, 10)));
    // Judge 2 declares a conflict with the second entry: it needs one sheet now, and has it.
    ok(await api.gql(`mutation($e: ID!) { declareConflict(entryId: $e, reason: "亲属关系") { source } }`, { e: second }, j2.token));
    rows = ok<any>(await api.gql(BOARD, { r: s.roundId }, s.organizer)).leaderboard.edges.map((e: any) => e.node);
    expect(rows.map((r: any) => [r.entry.id, r.rank, r.entry.expectedSheetCount])).toEqual([
      [first, 1, 2],
      [second, 2, 1],
    ]);

    const joining = await api.gql(
      `mutation($r: ID!) { assignJudges(roundId: $r, judges: [{ userId: "late-judge", name: "迟到评委" }]) { label } }`,
      { r: s.roundId },
      s.organizer,
    );
    expect(joining.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PANEL_FIXED' });
  });
});

describe('housekeeping', () => {
  it('archives rounds and competitions out of the lists, and deletes only what has no results', async () => {
    const s = await openRound(api, { entries: 1, judges: 1, open: false });
    const second = ok<any>(
      await api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
        { i: { competitionId: s.competitionId, name: '第二轮', rubricId: s.rubricId } },
        s.organizer,
      ),
    ).createRound.id;
    const rounds = `query($id: ID!) { competition(id: $id) { rounds { id } archived: rounds(archived: true) { id archivedAt } } }`;
    ok(await api.gql(`mutation($id: ID!) { archiveRound(id: $id) { archivedAt } }`, { id: second }, s.organizer));
    let listed = ok<any>(await api.gql(rounds, { id: s.competitionId }, s.organizer)).competition;
    expect(listed.rounds.map((r: any) => r.id)).toEqual([s.roundId]);
    expect(listed.archived.map((r: any) => r.id)).toEqual([second]);

    ok(await api.gql(`mutation($id: ID!) { deleteRound(id: $id) }`, { id: second }, s.organizer));
    expect(ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { id } }`, { id: second }, s.organizer)).round).toBeNull();
    listed = ok<any>(await api.gql(rounds, { id: s.competitionId }, s.organizer)).competition;
    expect(listed.archived).toEqual([]);

    const other = await openRound(api, { entries: 1, judges: 1 });
    const refused = await api.gql(`mutation($id: ID!) { deleteCompetition(id: $id) }`, { id: other.competitionId }, other.organizer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HAS_RESULTS' });
    ok(await api.gql(`mutation($id: ID!) { archiveCompetition(id: $id) { archivedAt } }`, { id: other.competitionId }, other.organizer));
    const list = async (archived: boolean) =>
      ok<any>(
        await api.gql(`query($a: Boolean) { competitions(first: 200, archived: $a) { edges { node { id } } } }`, { a: archived }, other.organizer),
      ).competitions.edges.map((e: any) => e.node.id);
    expect(await list(false)).not.toContain(other.competitionId);
    expect(await list(true)).toContain(other.competitionId);

    ok(await api.gql(`mutation($id: ID!) { deleteCompetition(id: $id) }`, { id: s.competitionId }, s.organizer));
    expect(ok<any>(await api.gql(`query($id: ID!) { competition(id: $id) { id } }`, { id: s.competitionId }, s.organizer)).competition).toBeNull();
    expect(ok<any>(await api.gql(`query($id: ID!) { round(id: $id) { id } }`, { id: s.roundId }, s.organizer)).round).toBeNull();
  });
});

describe('directory', () => {
  it('moves a unit, refuses a move under its own sub-unit, and finds cadres by part of the name or by id', async () => {
    const organizer = await api.token('dir-organizer', 'organizer', '组织部');
    const unit = async (name: string, parentId?: string) =>
      ok<any>(await api.gql(`mutation($i: CreateUnitInput!) { createUnit(input: $i) { id } }`, { i: { name, kind: 'TOWN', parentId } }, organizer)).createUnit
        .id;
    const district = await unit('萧山区');
    const town = await unit('瓜沥镇', district);
    const village = await unit('梅林村', town);
    const cycle = await api.gql(
      `mutation($id: ID!, $i: UpdateUnitInput!) { updateUnit(id: $id, input: $i) { id } }`,
      { id: town, i: { parentId: village } },
      organizer,
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.parentId', code: 'UNIT_CYCLE' }] });
    const moved = ok<any>(
      await api.gql(
        `mutation($id: ID!, $i: UpdateUnitInput!) { updateUnit(id: $id, input: $i) { name parent { id } } }`,
        { id: village, i: { parentId: district, name: '梅林一村' } },
        organizer,
      ),
    ).updateUnit;
    expect(moved).toEqual({ name: '梅林一村', parent: { id: district } });

    const cadres = ['李伟', '张伟', '王芳', '赵敏'].map((name, i) => ({ id: `dir-${i}`, name, unitId: i < 2 ? town : village }));
    ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: cadres }, organizer));
    const search = async (text: string, unitId?: string) =>
      ok<any>(
        await api.gql(
          `query($s: String, $u: ID) { cadres(search: $s, unitId: $u, first: 1) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { s: text, u: unitId },
          organizer,
        ),
      ).cadres;
    const page = await search('伟');
    expect(page.edges.map((e: any) => e.node.id)).toEqual(['dir-0']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = ok<any>(
      await api.gql(`query($a: String) { cadres(search: "伟", first: 5, after: $a) { edges { node { id } } } }`, { a: page.pageInfo.endCursor }, organizer),
    ).cadres;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(['dir-1']);
    expect((await search('dir-3')).edges.map((e: any) => e.node.id)).toEqual(['dir-3']);
    expect((await search('伟', village)).edges).toEqual([]);
  });
});

describe('typed issues', () => {
  it('gives every input problem a code and the parameters to word it', async () => {
    const organizer = await api.token('issue-organizer', 'organizer');
    const rubric = await api.gql(
      `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
      { i: { name: '', criteria: [{ key: 'a', label: 'A', maxScore: 10, step: 3 }] } },
      organizer,
    );
    expect(rubric.errors?.[0]?.extensions?.issues).toEqual([{ path: 'input.name', code: 'TOO_SHORT', params: { minimum: 1 }, message: expect.any(String) }]);
    const step = await api.gql(
      `mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }`,
      { i: { name: '评分表', criteria: [{ key: 'a', label: 'A', maxScore: 10, step: 3 }] } },
      organizer,
    );
    expect(step.errors?.[0]?.extensions?.issues).toEqual([
      { path: 'input.criteria.0.step', code: 'STEP_DOES_NOT_DIVIDE_MAX', params: { step: '3', maximum: '10' }, message: expect.any(String) },
    ]);
  });
});

describe('XLSX exports for people', () => {
  it('are real workbooks with Chinese headers, numeric two-decimal totals, and open with a signed-in session', async () => {
    const s = await openRound(api, { entries: 3, judges: 2 });
    for (const [e, entryId] of s.entryIds.entries()) for (const judge of s.judges) ok(await submit(api, judge.token, entryId, marks(15, 20 + e, 15, 10, 10.5)));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    const event = apiGatewayEvent({ method: 'GET', headers: { authorization: `Bearer ${s.organizer}` } });
    const rawPath = `/export/rounds/${s.roundId}/leaderboard.xlsx`;
    const result = await api.handler(
      { ...event, rawPath, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, path: rawPath } } },
      lambdaContext(),
    );
    expect(result.statusCode).toBe(200);
    expect(result.isBase64Encoded).toBe(true);
    expect(result.headers?.['content-type']).toContain('spreadsheetml');
    expect(String(result.headers?.['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('第一轮-排名.xlsx')}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.body!, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['名次', '总分', '原始分']);
    const totalColumn = sheet.getColumn(2);
    const firstRow = sheet.getRow(2);
    expect(typeof firstRow.getCell(1).value).toBe('number');
    expect(firstRow.getCell(1).value).toBe(1);
    expect(typeof firstRow.getCell(2).value).toBe('number');
    expect(firstRow.getCell(2).value).toBe(72.5);
    expect(totalColumn.numFmt ?? firstRow.getCell(2).numFmt).toBe('0.00');
    expect(sheet.rowCount).toBe(4);
  });
});
