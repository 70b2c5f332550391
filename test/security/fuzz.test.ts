import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent, createTestApi, lambdaContext, type TestApi } from '../support/api.js';
import { FIVE_CRITERIA, ok, openRound, SUBMIT, type Scenario } from '../support/scenario.js';

/** Hostile input against the Lambda handler: never a 5xx, always JSON, never a partial write. */
let api: TestApi;
let s: Scenario;
beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: 3, judges: 2, trimHighest: 1 });
});

async function send(body: string, headers: Record<string, string> = {}) {
  const result = await api.handler(
    apiGatewayEvent({ method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Bearer ${s.judges[0]!.token}`, ...headers } }),
    lambdaContext(),
  );
  expect(result.statusCode, body.slice(0, 200)).toBeLessThan(500);
  expect(() => JSON.parse(result.body ?? ''), result.body).not.toThrow();
  return JSON.parse(result.body!);
}

const RUNS = { numRuns: 60 };

describe('fuzzing the handler', () => {
  it('survives malformed JSON and arbitrary bodies', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (body) => void (await send(body)),
      ),
      RUNS,
    );
  });

  it('survives malformed and random documents', async () => {
    const token = fc.constantFrom(
      '{',
      '}',
      '(',
      ')',
      'query',
      'mutation',
      'me',
      'id',
      'leaderboard',
      '$x',
      ':',
      '...',
      'fragment',
      'on',
      '@include',
      '"s"',
      '1',
      '[',
      ']',
      '#',
      '\n',
      'submitScoreSheet',
      'input',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 40 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue()), async (tokens, variables) => {
        await send(JSON.stringify({ query: tokens.join(' '), variables }));
      }),
      RUNS,
    );
  });

  it('validates random submissions without a 5xx, and every stored aggregate still equals its recomputation', async () => {
    const criterion = fc.oneof(fc.constantFrom(...FIVE_CRITERIA.map((c) => c.key)), fc.string({ maxLength: 50 }));
    const score = fc.oneof(
      fc.integer({ min: -5, max: 40 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.constantFrom(0.5, 12.5, 1e308),
    );
    const input = fc.record({
      entryId: fc.oneof(fc.constantFrom(...s.entryIds), fc.string({ maxLength: 300 })),
      scores: fc.array(fc.record({ criterion, score }), { maxLength: 8 }),
      comment: fc.option(fc.string({ maxLength: 3000 }), { nil: undefined }),
      clientRequestId: fc.option(fc.string({ maxLength: 120 }), { nil: undefined }),
    });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const response = await send(JSON.stringify({ query: SUBMIT, variables: { i } }));
        if (!response.errors) accepted++;
        else expect(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN']).toContain(response.errors[0].extensions.code);
      }),
      { numRuns: 120 },
    );
    // A few valid ones so the check below covers written data too.
    for (const entryId of s.entryIds) {
      ok(await api.gql(SUBMIT, { i: { entryId, scores: FIVE_CRITERIA.map((c) => ({ criterion: c.key, score: c.maxScore / 2 })) } }, s.judges[1]!.token));
    }
    const verification = ok<any>(
      await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok mismatches { field } checkedSheets } }`, { r: s.roundId }, s.organizer),
    ).verifyRound;
    expect(verification.mismatches).toEqual([]);
    expect(verification.checkedSheets).toBeGreaterThanOrEqual(3 + Math.min(accepted, 1));
  });

  it('validates random organizer input without a 5xx', async () => {
    const criteria = fc.array(
      fc.record({
        key: fc.string({ maxLength: 45 }),
        label: fc.string({ maxLength: 120 }),
        maxScore: fc.double({ noNaN: true, noDefaultInfinity: true }),
        step: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }),
      }),
      { maxLength: 35 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 120 }), criteria, async (name, c) => {
        await send(JSON.stringify({ query: 'mutation($i: CreateRubricInput!) { createRubric(input: $i) { id } }', variables: { i: { name, criteria: c } } }), {
          authorization: `Bearer ${s.organizer}`,
        });
      }),
      RUNS,
    );
  });
});
