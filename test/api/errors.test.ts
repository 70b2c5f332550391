import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { marks, ok, openRound, submit, type Scenario } from '../support/scenario.js';

let api: TestApi;
let s: Scenario;
beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: 2, judges: 2 });
});

const errorOf = (response: { errors?: { extensions: Record<string, unknown>; message: string }[] }) => response.errors?.[0];

describe('authentication and roles', () => {
  it('refuses calls without a token, with a malformed header, or with a forged or expired token', async () => {
    expect(errorOf(await api.gql(`{ me { id } }`))?.extensions.code).toBe('UNAUTHENTICATED');
    const foreign = await createTestApi(); // same tables, different signing key
    const forged = await foreign.token('intruder', 'organizer');
    expect(errorOf(await api.gql(`{ me { id } }`, {}, forged))?.extensions.code).toBe('UNAUTHENTICATED');
    const { issueDevToken } = await import('../../src/auth/devIssuer.js');
    const expired = await issueDevToken(api.keys.privateJwk, { sub: 'old', name: 'old', roles: ['viewer'], expiresIn: '-1m' });
    expect(errorOf(await api.gql(`{ me { id } }`, {}, expired))?.extensions.code).toBe('UNAUTHENTICATED');
    const result = await api.handler(
      (await import('../support/api.js')).apiGatewayEvent({
        method: 'POST',
        body: '{"query":"{ me { id } }"}',
        headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      }),
      (await import('../support/api.js')).lambdaContext(),
    );
    expect(JSON.parse(result.body!).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses organizer mutations to judges and viewers, and sheets to non-judges', async () => {
    const create = `mutation { createCompetition(input: { name: "x" }) { id } }`;
    expect(errorOf(await api.gql(create, {}, s.judges[0]!.token))?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    expect(errorOf(await api.gql(create, {}, s.viewer))?.extensions.code).toBe('FORBIDDEN');
    expect(errorOf(await submit(api, s.organizer, s.entryIds[0]!, marks(1, 1, 1, 1, 1)))?.extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a judge who is not on the panel, and writes nothing', async () => {
    const outsider = await api.token('judge-elsewhere', 'judge');
    expect(errorOf(await submit(api, outsider, s.entryIds[0]!, marks(1, 1, 1, 1, 1)))?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ON_PANEL' });
    const entry = ok(await api.gql(`query($id: ID!) { entry(id: $id) { sheetCount total } }`, { id: s.entryIds[0] }, s.viewer)).entry;
    expect(entry).toEqual({ sheetCount: 0, total: null });
  });
});

describe('invalid input', () => {
  it('names the field of an out-of-range, off-step, missing or unknown mark, and writes nothing', async () => {
    const judge = s.judges[0]!.token;
    const cases: [ReturnType<typeof marks>, string][] = [
      [marks(21, 1, 1, 1, 1), 'input.scores.0.score'],
      [marks(1, 1, 1, 1, 0.3), 'input.scores.4.score'],
      [marks(1, 1, 1, 1, -1), 'input.scores.4.score'],
      [marks(1, 1, 1, 1, 1).slice(0, 4), 'input.scores'],
      [[...marks(1, 1, 1, 1, 1), { criterion: 'charisma', score: 1 }], 'input.scores.5.criterion'],
    ];
    for (const [scores, field] of cases) {
      const error = errorOf(await submit(api, judge, s.entryIds[1]!, scores));
      expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const { round } = ok(await api.gql(`query($id: ID!) { round(id: $id) { mySheets { id } entries { sheetCount } } }`, { id: s.roundId }, judge));
    expect(round.mySheets).toEqual([]);
    expect(round.entries.every((e: { sheetCount: number }) => e.sheetCount === 0)).toBe(true);
  });

  it('rejects malformed ids, cursors, page sizes and rubrics with BAD_USER_INPUT', async () => {
    expect(errorOf(await submit(api, s.judges[0]!.token, 'not-an-entry', marks(1, 1, 1, 1, 1)))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.entryId',
    });
    expect(
      errorOf(await api.gql(`query($r: ID!) { leaderboard(roundId: $r, after: "garbage") { totalCount } }`, { r: s.roundId }, s.viewer))?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    expect(
      errorOf(await api.gql(`query($r: ID!) { leaderboard(roundId: $r, first: 1000) { totalCount } }`, { r: s.roundId }, s.viewer))?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const badRubric = await api.gql(
      `mutation { createRubric(input: { name: "x", criteria: [{ key: "a", label: "A", maxScore: 10, step: 3 }] }) { id } }`,
      {},
      s.organizer,
    );
    expect(errorOf(badRubric)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criteria.0.step' });
    const blankName = await api.gql(`mutation { createCompetition(input: { name: "   " }) { id } }`, {}, s.organizer);
    expect(errorOf(blankName)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ id: `x${i}`, name: 'x', unitId: s.unitId }));
    expect(errorOf(await api.gql(`mutation($i: [CadreInput!]!) { upsertCadres(input: $i) { id } }`, { i: tooMany }, s.organizer))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
  });

  it('reports references to missing things as NOT_FOUND with the field', async () => {
    expect(errorOf(await api.gql(`mutation { createUnit(input: { name: "x", parentId: "unit_missing" }) { id } }`, {}, s.organizer))?.extensions).toMatchObject(
      { code: 'NOT_FOUND', field: 'input.parentId' },
    );
    const round = await api.gql(
      `mutation($c: ID!) { createRound(input: { competitionId: $c, name: "x", rubricId: "rub_missing" }) { id } }`,
      { c: s.competitionId },
      s.organizer,
    );
    expect(errorOf(round)?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.rubricId' });
    expect(errorOf(await api.gql(`mutation { openRound(id: "round_01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }`, {}, s.organizer))?.extensions.code).toBe('NOT_FOUND');
    const missingEntry = `${s.roundId}.c~nobody`;
    expect(errorOf(await submit(api, s.judges[0]!.token, missingEntry, marks(1, 1, 1, 1, 1)))?.extensions.code).toBe('NOT_FOUND');
    expect(errorOf(await api.gql(`query($e: ID!) { assessment(entryId: $e) { total } }`, { e: missingEntry }, s.viewer))?.extensions.code).toBe('NOT_FOUND');
    expect(ok(await api.gql(`{ round(id: "round_01ARZ3NDEKTSV4RRFFQ69G5FAV") { id } }`, {}, s.viewer)).round).toBeNull();
  });

  it('refuses enrolment outside DRAFT, duplicate enrolment, and opening an empty round', async () => {
    const add = (roundId: string, cadreId: string, organizer = s.organizer) =>
      api.gql(
        `mutation($r: ID!, $c: ID!) { addEntries(roundId: $r, entries: [{ cadreId: $c, title: "t", order: 9 }]) { id } }`,
        { r: roundId, c: cadreId },
        organizer,
      );
    const cadreId = s.entryIds[0]!.split('~')[1]!;
    expect(errorOf(await add(s.roundId, cadreId))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });

    const draft = await openRound(api, { entries: 1, judges: 0, open: false });
    const draftCadre = draft.entryIds[0]!.split('~')[1]!;
    expect(errorOf(await add(draft.roundId, draftCadre, draft.organizer))?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ENROLLED' });
    const twice = await api.gql(
      `mutation($r: ID!, $c: ID!) { addEntries(roundId: $r, entries: [{ cadreId: $c, title: "t", order: 1 }, { cadreId: $c, title: "t", order: 2 }]) { id } }`,
      { r: draft.roundId, c: draftCadre },
      draft.organizer,
    );
    expect(errorOf(twice)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.1.cadreId' });
    const both = await api.gql(
      `mutation($r: ID!) { addEntries(roundId: $r, entries: [{ cadreId: "a", unitId: "b", title: "t", order: 1 }]) { id } }`,
      { r: draft.roundId },
      draft.organizer,
    );
    expect(errorOf(both)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries.0' });
    const open = await api.gql(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: draft.roundId }, draft.organizer);
    expect(errorOf(open)?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_INCOMPLETE' });
    const count = ok(await api.gql(`query($id: ID!) { round(id: $id) { entryCount status } }`, { id: draft.roundId }, draft.organizer)).round;
    expect(count).toEqual({ entryCount: 1, status: 'DRAFT' });
  });

  it('never leaks internals: GraphQL syntax and validation errors keep their codes, with no stack traces', async () => {
    const parse = await api.gql(`{ me { id `, {}, s.viewer);
    expect(errorOf(parse)?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const validation = await api.gql(`{ me { password } }`, {}, s.viewer);
    expect(errorOf(validation)?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const response of [parse, validation]) expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.ts:/);
  });
});
