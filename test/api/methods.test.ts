import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { roundKey } from '../../src/store/keys.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { marks, ok, openRound, submit, type Scenario } from '../support/scenario.js';

let api: TestApi;
let s: Scenario;
beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: 2, judges: 3, trimHighest: 1, trimLowest: 1, open: false });
});

const CREATE = `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`;
const METHOD = `query($id: ID!) { round(id: $id) {
  method { __typename ... on PanelMethod { kind rubric { id version } trimHighest trimLowest trimScope aggregate normalization quorum quorumMode tieBreakers } }
  trimHighest rubric { id }
} }`;

describe('a round names its assessment method', () => {
  it('takes a PANEL configured in RoundMethodInput and shows it as a PanelMethod', async () => {
    const { createRound } = ok(
      await api.gql(
        CREATE,
        { i: { competitionId: s.competitionId, name: '决赛', method: { kind: 'PANEL', rubricId: s.rubricId, trimHighest: 2, quorumMode: 'ALL_EXPECTED' } } },
        s.organizer,
      ),
    );
    const { round } = ok(await api.gql(METHOD, { id: createRound.id }, s.organizer));
    expect(round.method).toMatchObject({
      __typename: 'PanelMethod',
      kind: 'PANEL',
      rubric: { id: s.rubricId, version: 1 },
      trimHighest: 2,
      quorumMode: 'ALL_EXPECTED',
    });
    // The deprecated top-level fields read the same configuration.
    expect(round.trimHighest).toBe(2);
    expect(round.rubric.id).toBe(s.rubricId);
  });

  it('still takes the panel fields at the top level of CreateRoundInput (no method: PANEL)', async () => {
    const { round } = ok(await api.gql(METHOD, { id: s.roundId }, s.organizer));
    expect(round.method).toMatchObject({ __typename: 'PanelMethod', kind: 'PANEL', trimHighest: 1, trimLowest: 1, trimScope: 'SHEET', quorumMode: 'FIXED' });
  });

  it('refuses a panel without a rubric, and a ratings round without its period, each with a coded issue and nothing written', async () => {
    const noRubric = await api.gql(CREATE, { i: { competitionId: s.competitionId, name: '无评分表', method: { kind: 'PANEL' } } }, s.organizer);
    expect(noRubric.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.method.rubricId', code: 'REQUIRED' }] });
    const rating = await api.gql(CREATE, { i: { competitionId: s.competitionId, name: '群众评议', method: { kind: 'PUBLIC_RATING' } } }, s.organizer);
    expect(rating.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [{ path: 'input.method.period', code: 'REQUIRED' }],
    });
    const noSet = await api.gql(CREATE, { i: { competitionId: s.competitionId, name: '实绩比拼', method: { kind: 'INDICATORS' } } }, s.organizer);
    expect(noSet.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      issues: [
        { path: 'input.method.indicatorSetId', code: 'REQUIRED' },
        { path: 'input.method.period', code: 'REQUIRED' },
      ],
    });
    const { competition } = ok(await api.gql(`query($id: ID!) { competition(id: $id) { rounds { name } } }`, { id: s.competitionId }, s.organizer));
    expect(competition.rounds.map((r: { name: string }) => r.name)).not.toContain('实绩比拼');
    expect(competition.rounds.map((r: { name: string }) => r.name)).not.toContain('群众评议');
  });

  it('keeps the kind a round was created with when its settings change', async () => {
    const changed = await api.gql(
      `mutation($id: ID!, $i: UpdateRoundInput!) { updateRound(id: $id, input: $i) { id } }`,
      { id: s.roundId, i: { method: { kind: 'PUBLIC_RATING' } } },
      s.organizer,
    );
    expect(changed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [{ path: 'input.method.kind', code: 'NOT_ONE_OF' }] });
    const updated = ok(
      await api.gql(
        `mutation($id: ID!, $i: UpdateRoundInput!) { updateRound(id: $id, input: $i) { trimLowest method { ... on PanelMethod { trimLowest } } } }`,
        { id: s.roundId, i: { method: { kind: 'PANEL', trimLowest: 0 } } },
        s.organizer,
      ),
    );
    expect(updated.updateRound).toEqual({ trimLowest: 0, method: { trimLowest: 0 } });
  });

  it('reads a round item stored before rounds named their method as a PANEL, and scores it unchanged', async () => {
    const legacy = await openRound(api, { entries: 1, judges: 3, trimHighest: 1, trimLowest: 1 });
    const table = api.tables.competitions;
    const { Item } = await api.dynamo.send(new GetCommand({ TableName: table, Key: roundKey(legacy.roundId), ConsistentRead: true }));
    // The shape of a round item written by earlier releases: the panel's rule and rubric at the top level.
    const { method, ...rest } = Item!;
    await api.dynamo.send(new PutCommand({ TableName: table, Item: { ...rest, ...method, kind: undefined } }));
    const stored = (await api.dynamo.send(new GetCommand({ TableName: table, Key: roundKey(legacy.roundId), ConsistentRead: true }))).Item!;
    expect(stored.method).toBeUndefined();
    expect(stored.trimHighest).toBe(1);

    for (const [i, judge] of legacy.judges.entries()) ok(await submit(api, judge.token, legacy.entryIds[0]!, marks(10 + i * 5, 20, 10, 10, 10)));
    const { round } = ok(await api.gql(METHOD, { id: legacy.roundId }, legacy.organizer));
    expect(round.method).toMatchObject({ __typename: 'PanelMethod', kind: 'PANEL', trimHighest: 1, trimLowest: 1 });
    const { entry } = ok(await api.gql(`query($id: ID!) { entry(id: $id) { total sheetCount } }`, { id: legacy.entryIds[0] }, legacy.organizer));
    // Three sheets of 60, 65 and 70: the highest and lowest dropped.
    expect(entry).toEqual({ total: 65, sheetCount: 3 });
    const { verifyRound } = ok(await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: legacy.roundId }, legacy.organizer));
    expect(verifyRound.ok).toBe(true);
  });
});
