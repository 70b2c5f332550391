import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { marks, ok, openRound, submit, type Scenario } from '../support/scenario.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

const LEADERBOARD = `query($r: ID!, $first: Int, $after: String) {
  leaderboard(roundId: $r, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { rank total sheetCount entry { id title order group rank cadre { id name unit { id name } } unit { name } } } }
  }
}`;

describe('a round from setup to published results', () => {
  let s: Scenario;

  beforeAll(async () => {
    s = await openRound(api, { entries: 4, judges: 5, trimHighest: 1, trimLowest: 1 });
  });

  it('shows each judge their assignment, entries in pitch order, and their own sheets', async () => {
    const judge = s.judges[0]!;
    ok(await submit(api, judge.token, s.entryIds[1]!, marks(18, 27, 17, 13, 12), { clientRequestId: 'j0-e1' }));
    const { myAssignments } = ok(
      await api.gql(
        `{ myAssignments { id status rubric { maxTotal criteria { key label maxScore weight step } } entries { id order mySheet { total version } } mySheets { entry { id } total } } }`,
        {},
        judge.token,
      ),
    );
    const round = myAssignments.find((r: { id: string }) => r.id === s.roundId);
    expect(round.status).toBe('OPEN');
    expect(round.rubric.maxTotal).toBe(100);
    expect(round.rubric.criteria[0]).toEqual({ key: 'vision', label: '发展思路', maxScore: 20, weight: 1, step: 0.5 });
    expect(round.entries.map((e: { order: number }) => e.order)).toEqual([1, 2, 3, 4]);
    expect(round.entries[1].mySheet).toEqual({ total: 87, version: 1 });
    expect(round.entries[0].mySheet).toBeNull();
    expect(round.mySheets).toEqual([{ entry: { id: s.entryIds[1] }, total: 87 }]);
  });

  it('scores, trims, ranks and explains', async () => {
    // Entry 0: five judges; 95 (high) and 70 (low) are dropped: (80 + 85 + 90) / 3 = 85.
    const totals = [
      [80, marks(16, 24, 16, 12, 12)],
      [85, marks(17, 26, 17, 12.5, 12.5)],
      [90, marks(18, 27, 18, 13.5, 13.5)],
      [95, marks(19, 29, 19, 14, 14)],
      [70, marks(14, 21, 14, 10.5, 10.5)],
    ] as const;
    for (const [i, [expected, scores]] of totals.entries()) {
      const { submitScoreSheet } = ok(await submit(api, s.judges[i]!.token, s.entryIds[0]!, [...scores], { comment: `评语${i}` }));
      expect(submitScoreSheet.total).toBe(expected);
    }
    // Entry 2: a single sheet of 85 ties entry 0; entry 3 stays unscored.
    ok(await submit(api, s.judges[0]!.token, s.entryIds[2]!, marks(17, 26, 17, 12.5, 12.5)));

    const board = ok(await api.gql(LEADERBOARD, { r: s.roundId }, s.viewer)).leaderboard;
    expect(board.totalCount).toBe(4);
    expect(board.edges.map((e: any) => [e.node.entry.id, e.node.rank, e.node.total, e.node.sheetCount])).toEqual([
      [s.entryIds[1], 1, 87, 1],
      [s.entryIds[0], 2, 85, 5],
      [s.entryIds[2], 2, 85, 1],
      [s.entryIds[3], null, null, 0],
    ]);
    expect(board.edges[0].node.entry.rank).toBe(1);
    expect(board.edges[0].node.entry.cadre.unit.id).toBe(s.unitId);

    const assessmentQuery = `query($e: ID!) { assessment(entryId: $e) {
      total rank sheetCount trimHighest trimLowest sheetsVisible
      entry { id rank }
      sheets { judge judgeLabel total trimmed comment marks { criterion score } }
      criteria { criterion label maxScore weight mean }
    } }`;
    const asOrganizer = ok(await api.gql(assessmentQuery, { e: s.entryIds[0] }, s.organizer)).assessment;
    expect(asOrganizer).toMatchObject({
      total: 85,
      rank: 2,
      sheetCount: 5,
      trimHighest: 1,
      trimLowest: 1,
      sheetsVisible: true,
      entry: { id: s.entryIds[0], rank: 2 },
    });
    expect(asOrganizer.sheets.map((x: any) => [x.judge, x.judgeLabel, x.total, x.trimmed, x.comment])).toEqual([
      ['评委1', 'J1', 80, false, '评语0'],
      ['评委2', 'J2', 85, false, '评语1'],
      ['评委3', 'J3', 90, false, '评语2'],
      ['评委4', 'J4', 95, true, '评语3'],
      ['评委5', 'J5', 70, true, '评语4'],
    ]);
    // Means over the kept sheets (80, 85, 90): vision (16 + 17 + 18) / 3 = 17.
    expect(asOrganizer.criteria[0]).toEqual({ criterion: 'vision', label: '发展思路', maxScore: 20, weight: 1, mean: 17 });
    expect(asOrganizer.criteria[3].mean).toBe(12.67);

    // Blind scoring: before publication a viewer sees the aggregate but no judge-level marks, a judge only their own sheet.
    const asViewer = ok(await api.gql(assessmentQuery, { e: s.entryIds[0] }, s.viewer)).assessment;
    expect(asViewer).toMatchObject({ total: 85, rank: 2, sheetsVisible: false, sheets: [] });
    expect(asViewer.criteria[0].mean).toBe(17);
    const asJudge = ok(await api.gql(assessmentQuery, { e: s.entryIds[0] }, s.judges[2]!.token)).assessment;
    expect(asJudge.sheets.map((x: any) => [x.judge, x.total, x.comment])).toEqual([['J3', 90, null]]);
  });

  it('lets a judge revise a sheet as a new version until the round closes', async () => {
    const judge = s.judges[1]!;
    const first = ok(await submit(api, judge.token, s.entryIds[3]!, marks(10, 10, 10, 10, 10))).submitScoreSheet;
    const second = ok(await submit(api, judge.token, s.entryIds[3]!, marks(12, 10, 10, 10, 10))).submitScoreSheet;
    expect([first.version, second.version, second.id === first.id, second.total]).toEqual([1, 2, true, 52]);
    const entry = ok(await api.gql(`query($id: ID!) { entry(id: $id) { total sheetCount rank } }`, { id: s.entryIds[3] }, s.viewer)).entry;
    expect(entry).toEqual({ total: 52, sheetCount: 1, rank: 4 });
  });

  it('moves only forward: OPEN → CLOSED → PUBLISHED, and refuses sheets once closed', async () => {
    const transition = (name: string) => api.gql(`mutation($id: ID!) { ${name}(id: $id) { status } }`, { id: s.roundId }, s.organizer);
    expect((await transition('publishRound')).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(ok(await transition('closeRound')).closeRound.status).toBe('CLOSED');
    const late = await submit(api, s.judges[0]!.token, s.entryIds[3]!, marks(1, 1, 1, 1, 1));
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REJECTED_AFTER_CLOSE' });
    expect((await transition('openRound')).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(ok(await transition('publishRound')).publishRound.status).toBe('PUBLISHED');
    expect((await transition('closeRound')).errors?.[0]?.extensions.code).toBe('CONFLICT');
    const round = ok(
      await api.gql(
        `query($id: ID!) { round(id: $id) { status competition { id rounds { id } } judges { label name } entryCount } }`,
        { id: s.roundId },
        s.viewer,
      ),
    ).round;
    expect(round).toMatchObject({ status: 'PUBLISHED', competition: { id: s.competitionId, rounds: [{ id: s.roundId }] }, entryCount: 4 });
    expect(round.judges.map((j: { label: string }) => j.label)).toEqual(['J1', 'J2', 'J3', 'J4', 'J5']);
    // After publication everyone sees every sheet, judges anonymised and without comments.
    const published = ok(
      await api.gql(`query($e: ID!) { assessment(entryId: $e) { sheetsVisible sheets { judge total trimmed comment } } }`, { e: s.entryIds[0] }, s.viewer),
    ).assessment;
    expect(published.sheetsVisible).toBe(true);
    expect(published.sheets.map((x: any) => [x.judge, x.total, x.trimmed, x.comment])).toEqual([
      ['J1', 80, false, null],
      ['J2', 85, false, null],
      ['J3', 90, false, null],
      ['J4', 95, true, null],
      ['J5', 70, true, null],
    ]);
  });
});

describe('directory and catalogue reads', () => {
  it('lists units by parent, pages through cadres, and reads rubrics by version', async () => {
    const organizer = await api.token('org-directory', 'organizer');
    const district = ok(
      await api.gql(`mutation { createUnit(input: { name: "萧山区", kind: DISTRICT }) { id kind parent { id } } }`, {}, organizer),
    ).createUnit;
    expect(district.parent).toBeNull();
    const town = ok(
      await api.gql(
        `mutation($p: ID) { createUnit(input: { name: "瓜沥镇", kind: TOWN, parentId: $p }) { id parent { id name } } }`,
        { p: district.id },
        organizer,
      ),
    ).createUnit;
    expect(town.parent).toEqual({ id: district.id, name: '萧山区' });
    const other = ok(await api.gql(`mutation { createUnit(input: { name: "其他" }) { kind } }`, {}, organizer)).createUnit;
    expect(other.kind).toBe('OTHER');
    expect(ok(await api.gql(`query($p: ID) { units(parentId: $p) { id name } }`, { p: district.id }, organizer)).units).toEqual([
      { id: town.id, name: '瓜沥镇' },
    ]);

    const cadres = Array.from({ length: 5 }, (_, i) => ({ id: `dir-${town.id}-${i}`, name: `干部${i}`, unitId: town.id, grade: '副科级' }));
    ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: cadres }, organizer));
    // Idempotent by id: upserting again with a change replaces, never duplicates.
    ok(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: [{ ...cadres[0], position: '村书记' }] }, organizer));
    const seen: { id: string; position: string | null }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = ok<any>(
        await api.gql(
          `query($u: ID, $a: String) { cadres(unitId: $u, first: 2, after: $a) { edges { node { id position grade birthYear unit { name } } } pageInfo { hasNextPage endCursor } } }`,
          { u: town.id, a: after },
          organizer,
        ),
      ).cadres;
      seen.push(...page.edges.map((e: any) => e.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen.map((c) => c.id)).toEqual(cadres.map((c) => c.id));
    expect(seen[0]!.position).toBe('村书记');

    const rubric = ok(
      await api.gql(
        `mutation { createRubric(input: { name: "双百分制", criteria: [{ key: "a", label: "A", maxScore: 100 }, { key: "b", label: "B", maxScore: 100, weight: 0.5, step: 1 }] }) { id version maxTotal } }`,
        {},
        organizer,
      ),
    ).createRubric;
    expect(rubric).toMatchObject({ version: 1, maxTotal: 150 });
    expect(
      ok(
        await api.gql(
          `query($id: ID!) { v1: rubric(id: $id, version: 1) { version } latest: rubric(id: $id) { version } none: rubric(id: $id, version: 9) { version } }`,
          { id: rubric.id },
          organizer,
        ),
      ),
    ).toEqual({
      v1: { version: 1 },
      latest: { version: 1 },
      none: null,
    });
  });

  it('lists rubrics at their latest version, newest first', async () => {
    const organizer = await api.token('org-rubrics', 'organizer');
    const create = (name: string) =>
      api.gql(`mutation($n: String!) { createRubric(input: { name: $n, criteria: [{ key: "a", label: "A", maxScore: 10 }] }) { id } }`, { n: name }, organizer);
    const first = ok<any>(await create('甲表')).createRubric.id;
    const second = ok<any>(await create('乙表')).createRubric.id;
    ok(
      await api.gql(
        `mutation($id: ID!) { updateRubric(id: $id, input: { name: "甲表（修订）", criteria: [{ key: "a", label: "A", maxScore: 20 }] }) { version } }`,
        { id: first },
        organizer,
      ),
    );
    // Other test files create rubrics concurrently: look at ours only.
    const page = ok<any>(await api.gql(`{ rubrics(first: 200) { edges { node { id name version maxTotal } } } }`, {}, organizer)).rubrics;
    expect(page.edges.map((e: any) => e.node).filter((r: any) => r.id === first || r.id === second)).toEqual([
      { id: second, name: '乙表', version: 1, maxTotal: 10 },
      { id: first, name: '甲表（修订）', version: 2, maxTotal: 20 },
    ]);
  });

  it('pages competitions newest first and answers me', async () => {
    const organizer = await api.token('org-comps', 'organizer', '张三');
    expect(ok(await api.gql(`{ me { id name roles } }`, {}, organizer)).me).toEqual({ id: 'org-comps', name: '张三', roles: ['organizer'] });
    for (const name of ['甲', '乙', '丙']) ok(await api.gql(`mutation($n: String!) { createCompetition(input: { name: $n }) { id } }`, { n: name }, organizer));
    const page = ok(await api.gql(`{ competitions(first: 2) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`, {}, organizer)).competitions;
    expect(page.edges.map((e: any) => e.node.name)).toEqual(['丙', '乙']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = ok(
      await api.gql(`query($a: String) { competitions(first: 1, after: $a) { edges { node { name } } } }`, { a: page.pageInfo.endCursor }, organizer),
    ).competitions;
    expect(next.edges[0].node.name).toBe('甲');
  });
});
