import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE } from '../../src/methods/panel/rule.js';
import { entryResult } from '../../src/methods/panel/scoring.js';
import { FIVE_CRITERIA } from '../support/scenario.js';
import { entryKey, entryPartition } from '../../src/store/keys.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { marks, ok, openRound, submit } from '../support/scenario.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi();
});

/** Reads the stored aggregate and the stored current sheets straight from DynamoDB. */
async function storedState(entryId: string) {
  const [roundId, keyPart] = [entryId.slice(0, entryId.indexOf('.')), entryId.slice(entryId.indexOf('.') + 1)];
  const entry = (await api.dynamo.send(new GetCommand({ TableName: api.tables.competitions, Key: entryKey(roundId, keyPart), ConsistentRead: true }))).Item!;
  const sheets = (
    await api.dynamo.send(
      new QueryCommand({
        TableName: api.tables.competitions,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':pk': entryPartition(entryId), ':s': 'SHEET#' },
        ConsistentRead: true,
      }),
    )
  ).Items!;
  return { entry, sheets };
}

const criteria = FIVE_CRITERIA.map((c) => ({ key: c.key, label: c.label, description: null, maxScore: String(c.maxScore), weight: '1', step: '0.5' }));
const recompute = (sheets: Record<string, any>, trim: { trimHighest: number; trimLowest: number }) =>
  entryResult(criteria, { ...DEFAULT_RULE, ...trim }, sheets).total;
const fromSheetItems = (items: Record<string, any>[]) =>
  Object.fromEntries(items.map((s) => [s.judgeId, { total: s.total, marks: Object.fromEntries(s.scores.map((m: any) => [m.criterion, m.score])) }]));

describe('concurrent scoring', () => {
  it.each([20, 50])('%i judges submitting for one entry at once: the stored aggregate equals a recomputation from the stored sheets', async (judges) => {
    const s = await openRound(api, { entries: 1, judges, trimHighest: 2, trimLowest: 2 });
    const entryId = s.entryIds[0]!;
    const results = await Promise.all(
      s.judges.map((judge, i) => submit(api, judge.token, entryId, marks(10 + (i % 10), 15 + (i % 30) / 2, 10, 10, 7.5), { clientRequestId: `c-${i}` })),
    );
    for (const result of results) ok(result);
    const requests = results.map((r) => r.extensions!.cost!.dynamodbRequests);
    // One consistent read, then one transaction per attempt: a lost race costs a single request.
    expect(Math.max(...requests)).toBeLessThanOrEqual(1 + judges);
    console.info(
      `${judges} judges on one entry: DynamoDB requests per submission mean ${(requests.reduce((a, b) => a + b, 0) / judges).toFixed(2)}, max ${Math.max(...requests)}`,
    );

    const { entry, sheets } = await storedState(entryId);
    expect(sheets).toHaveLength(judges);
    expect(entry.sheets).toEqual(fromSheetItems(sheets));
    expect(entry.sheetCount).toBe(judges);
    // Opening stored the entry's snapshot (version 1); then one version per accepted sheet.
    expect(entry.version).toBe(1 + judges);
    expect(entry.total).toBe(recompute(entry.sheets, { trimHighest: 2, trimLowest: 2 }));
    const board = ok(
      await api.gql(`query($r: ID!) { leaderboard(roundId: $r) { edges { node { total sheetCount } } } }`, { r: s.roundId }, s.viewer),
    ).leaderboard;
    expect(board.edges[0].node).toEqual({ total: Number(entry.total), sheetCount: judges });
  });

  it('a replayed clientRequestId returns the first result and writes nothing, even when replays race', async () => {
    const s = await openRound(api, { entries: 1, judges: 1 });
    const judge = s.judges[0]!.token;
    const entryId = s.entryIds[0]!;
    const replays = await Promise.all(Array.from({ length: 8 }, () => submit(api, judge, entryId, marks(15, 20, 15, 10, 10), { clientRequestId: 'once' })));
    const sheets = replays.map((r) => ok(r).submitScoreSheet);
    expect(new Set(sheets.map((x) => JSON.stringify(x))).size).toBe(1);
    expect(sheets[0].version).toBe(1);
    const later = await submit(api, judge, entryId, marks(15, 20, 15, 10, 10), { clientRequestId: 'once' });
    expect(later.extensions?.cost?.dynamodbRequests).toBe(1);
    expect(later.extensions?.cost?.writeCapacityUnits).toBe(0);
    const { entry } = await storedState(entryId);
    expect(entry.version).toBe(2);
    const reused = await submit(api, judge, entryId, marks(1, 1, 1, 1, 1), { clientRequestId: 'once' });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'CLIENT_REQUEST_ID_REUSED' });
  });

  it('submissions racing closeRound: none is accepted after the close, and every accepted one is counted', async () => {
    const s = await openRound(api, { entries: 2, judges: 10 });
    const attempts = s.judges.flatMap((judge, i) =>
      s.entryIds.map((entryId, e) => async () => ({
        entryId,
        judge: judge.userId,
        response: await submit(api, judge.token, entryId, marks(10, 10 + e, 10, 10, i)),
      })),
    );
    const close = (async () => {
      await new Promise((r) => setTimeout(r, 15));
      return api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer);
    })();
    const outcomes = await Promise.all(attempts.map((run) => run()));
    ok(await close);

    const accepted = outcomes.filter((o) => !o.response.errors);
    const refused = outcomes.filter((o) => o.response.errors);
    for (const o of refused) expect(o.response.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REJECTED_AFTER_CLOSE' });
    // Nothing a judge entered disappears: each refused sheet is kept for the organizers.
    const kept = ok(await api.gql(`query($id: ID!) { round(id: $id) { rejectedSheetCount rejectedSheets { id } } }`, { id: s.roundId }, s.organizer)).round;
    expect(kept.rejectedSheetCount).toBe(refused.length);
    expect(kept.rejectedSheets).toHaveLength(refused.length);

    // After the close, nothing gets in.
    const late = await submit(api, s.judges[0]!.token, s.entryIds[0]!, marks(1, 1, 1, 1, 1));
    expect(late.errors?.[0]?.extensions.code).toBe('CONFLICT');

    let counted = 0;
    for (const entryId of s.entryIds) {
      const { entry, sheets } = await storedState(entryId);
      const acceptedHere = accepted
        .filter((o) => o.entryId === entryId)
        .map((o) => o.judge)
        .sort();
      expect(sheets.map((x) => x.judgeId).sort()).toEqual(acceptedHere);
      expect(Object.keys(entry.sheets).sort()).toEqual(acceptedHere);
      expect(entry.sheets).toEqual(fromSheetItems(sheets));
      expect(entry.total).toBe(recompute(entry.sheets, { trimHighest: 0, trimLowest: 0 }));
      counted += sheets.length;
    }
    expect(counted).toBe(accepted.length);
  });
});
