import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/model.js';
import { ACCESS, type AccessRule } from '../../src/graphql/access.js';
import { typeDefs } from '../../src/graphql/generated/typeDefs.js';
import { mergedResolvers, rootFieldGaps } from '../../src/graphql/schema.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { ok, openRound } from '../support/scenario.js';

/**
 * Walks every Query and Mutation field of the schema and calls it as each kind of
 * caller, asserting that the authorization table is enforced exactly: refused
 * callers get UNAUTHENTICATED or FORBIDDEN, allowed ones get past authorization
 * (their placeholder arguments may then be NOT_FOUND or BAD_USER_INPUT).
 */
const schema = buildSchema(typeDefs);
type Caller = 'anonymous' | 'viewer' | 'apiKey' | 'judge' | 'seat' | 'organizer';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'apiKey', 'judge', 'seat', 'organizer'];
const roleOf: Record<Exclude<Caller, 'anonymous'>, Role> = { viewer: 'viewer', apiKey: 'viewer', judge: 'judge', seat: 'judge', organizer: 'organizer' };

function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, placeholder(f.type)]),
    );
  }
  if (isScalarType(type)) {
    return { ID: 'round_01ARZ3NDEKTSV4RRFFQ69G5FAV', String: 'x', Int: 1, Float: 1, Boolean: false, DateTime: '2099-01-01T00:00:00Z' }[type.name];
  }
  throw new Error(`no placeholder for ${String(type)}`);
}

function operationFor(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>) {
  const args = field.args.filter((a) => isNonNullType(a.type));
  const variables = Object.fromEntries(args.map((a) => [a.name, placeholder(a.type)]));
  const signature = args.length ? `(${args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ')})` : '';
  const call = args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return { document: `${kind} Probe${signature} { ${field.name}${call}${selection} }`, variables };
}

function allows(rule: AccessRule, caller: Caller): boolean {
  if (rule.roles === 'public') return true;
  if (caller === 'anonymous') return false;
  return rule.roles === 'any' || rule.roles.includes(roleOf[caller]);
}

let api: TestApi;
const tokens: Partial<Record<Caller, Record<string, string>>> = {};

beforeAll(async () => {
  api = await createTestApi();
  const organizer = await api.token('matrix-organizer', 'organizer');
  const key = ok<any>(await api.gql(`mutation { createApiKey(name: "matrix") { secret } }`, {}, organizer)).createApiKey.secret;
  tokens.anonymous = {};
  tokens.organizer = { authorization: `Bearer ${organizer}` };
  tokens.viewer = { authorization: `Bearer ${await api.token('matrix-viewer', 'viewer')}` };
  tokens.judge = { authorization: `Bearer ${await api.token('matrix-judge', 'judge')}` };
  tokens.apiKey = { 'x-api-key': key };
  // A judge who joined a round by code: a judge of that round only.
  const s = await openRound(api, { entries: 1, judges: 0, open: false });
  const seats = ok<any>(
    await api.gql(`mutation($r: ID!) { createJudgeSeats(roundId: $r, seats: [{ name: "扫码评委" }]) { joinCode } }`, { r: s.roundId }, s.organizer),
  );
  ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
  const joined = ok<any>(await api.gql(`mutation($c: String!) { joinRound(code: $c) { token } }`, { c: seats.createJudgeSeats[0].joinCode }));
  tokens.seat = { authorization: `Bearer ${joined.joinRound.token}` };
});

describe('authorization matrix', () => {
  it('has a rule and a resolver for every root field, and no rule for a field that does not exist', () => {
    expect(rootFieldGaps(mergedResolvers())).toEqual([]);
  });

  for (const [kind, root] of [
    ['query', 'Query'],
    ['mutation', 'Mutation'],
  ] as const) {
    const type = schema.getType(root);
    if (!isObjectType(type)) throw new Error(root);
    for (const field of Object.values(type.getFields())) {
      it(`${root}.${field.name}`, async () => {
        const rule = (ACCESS[root] as Record<string, AccessRule>)[field.name];
        expect(rule, `${root}.${field.name} has no access rule`).toBeDefined();
        const { document, variables } = operationFor(kind, field);
        for (const caller of CALLERS) {
          const response = await api.request({ query: document, variables }, tokens[caller]!);
          const code = response.errors?.[0]?.extensions.code;
          const reason = response.errors?.[0]?.extensions.reason;
          if (rule!.roles === 'public') expect(code === 'UNAUTHENTICATED' || code === 'FORBIDDEN', `${caller} → ${field.name}: ${code}`).toBe(false);
          else if (caller === 'anonymous') expect(code, `${caller} → ${field.name}`).toBe('UNAUTHENTICATED');
          else if (caller === 'seat' && !rule!.seat) expect([code, reason], `${caller} → ${field.name}`).toEqual(['FORBIDDEN', 'SEAT_SCOPE']);
          else if (!allows(rule!, caller)) expect([code, reason], `${caller} → ${field.name}`).toEqual(['FORBIDDEN', 'ROLE']);
          else expect(code === 'UNAUTHENTICATED' || reason === 'ROLE', `${caller} → ${field.name}: ${code}`).toBe(false);
        }
      });
    }
  }
});

describe('ownership: another organizer', () => {
  it('is refused every operation on a competition it neither created nor was granted, until granted', async () => {
    const s = await openRound(api, { entries: 2, judges: 1 });
    const other = await api.token('other-organizer', 'organizer');
    const entryId = s.entryIds[0]!;
    const judgeId = s.judges[0]!.userId;
    const operations: [string, Record<string, unknown>][] = [
      [`mutation($id: ID!) { updateCompetition(id: $id, input: { name: "x" }) { id } }`, { id: s.competitionId }],
      [`mutation($id: ID!) { grantOrganizer(competitionId: $id, userId: "someone") { id } }`, { id: s.competitionId }],
      [`mutation($c: ID!, $r: ID!) { createRound(input: { competitionId: $c, name: "x", rubricId: $r }) { id } }`, { c: s.competitionId, r: s.rubricId }],
      [`mutation($id: ID!) { updateRound(id: $id, input: { name: "x" }) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { setLeaderboardVisibility(roundId: $id, visibility: LIVE) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { addEntries(roundId: $id, entries: [{ unitId: "u", title: "x", order: 1 }]) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { assignJudges(roundId: $id, judges: [{ userId: "j", name: "x" }]) { label } }`, { id: s.roundId }],
      [`mutation($id: ID!) { openRound(id: $id) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }],
      [`mutation($id: ID!) { advanceEntries(fromRoundId: $id, toRoundId: $id, top: 1) { advanced { id } } }`, { id: s.roundId }],
      [
        `mutation($r: ID!, $u: ID!, $e: ID!) { setConflict(roundId: $r, userId: $u, entryId: $e, reason: "x") { source } }`,
        { r: s.roundId, u: judgeId, e: entryId },
      ],
      [`mutation($id: ID!) { voidSheet(sheetId: $id, reason: "x") { id } }`, { id: `${entryId}/${judgeId}` }],
      [`query($e: ID!) { auditTrail(entryId: $e) { action } }`, { e: entryId }],
      [`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: s.roundId }],
      [`query($r: ID!) { judgeStats(roundId: $r) { outlier } }`, { r: s.roundId }],
      [`query($r: ID!) { roundProgress(roundId: $r) { expected } }`, { r: s.roundId }],
    ];
    for (const [query, variables] of operations) {
      const response = await api.gql(query, variables, other);
      expect(response.errors?.[0]?.extensions, query).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_COMPETITION' });
    }
    ok(await api.gql(`mutation($id: ID!) { grantOrganizer(competitionId: $id, userId: "other-organizer") { id } }`, { id: s.competitionId }, s.organizer));
    expect(ok<any>(await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: s.roundId }, other)).verifyRound.ok).toBe(true);
  });
});
