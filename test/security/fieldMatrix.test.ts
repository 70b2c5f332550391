import { beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayEvent, createTestApi, lambdaContext, type GraphQLResponse, type TestApi } from '../support/api.js';
import { ok, openRound, submit, type Scenario } from '../support/scenario.js';

/**
 * The field-level authorization matrix: every field that names a judge, reveals a
 * mark or a total, or leaks who gave which mark, asked by every kind of caller in
 * every state of a LIVE round (the most open visibility). Each probe says whether
 * the answer revealed the protected thing; the expectation is the rule in words.
 */
type Caller = 'anonymous' | 'viewer' | 'apiKey' | 'panelJudge' | 'otherJudge' | 'organizer' | 'otherOrganizer';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'apiKey', 'panelJudge', 'otherJudge', 'organizer', 'otherOrganizer'];
type State = 'OPEN' | 'CLOSED' | 'PUBLISHED';

const ONE = [{ key: 'overall', label: '综合', maxScore: 100, step: 0.5 }];

let api: TestApi;
let s: Scenario;
const credentials = new Map<Caller, Record<string, string>>();

interface Probe {
  name: string;
  /** Whether this caller's answer revealed what the field protects. */
  revealed(caller: Caller): Promise<boolean>;
  /** Who may see it in each state. */
  expected(caller: Caller, state: State): boolean;
}

const judgeName = (name: string, label: string) => name !== label && !/^J\d+$/.test(name);
const managing = (c: Caller) => c === 'organizer';
/** Viewers, API keys and organizers of other competitions follow LIVE visibility; panel judges only after close; judges elsewhere never. */
const seesTotals = (c: Caller, state: State) =>
  managing(c) || c === 'viewer' || c === 'apiKey' || c === 'otherOrganizer' || (c === 'panelJudge' && state !== 'OPEN');
/** Other judges' marks: the organizers always, everyone else who may see the round after publication. */
const seesOthersMarks = (c: Caller, state: State) => managing(c) || (state === 'PUBLISHED' && c !== 'anonymous' && c !== 'otherJudge');

async function ask(caller: Caller, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  return api.request({ query, variables }, credentials.get(caller) ?? {});
}

async function exportBody(caller: Caller, path: string): Promise<{ status: number; body: string }> {
  const event = { ...apiGatewayEvent({ method: 'GET', headers: credentials.get(caller) ?? {} }), rawPath: path };
  const result = await api.handler(event, lambdaContext());
  return { status: result.statusCode ?? 200, body: result.body ?? '' };
}

const PROBES: Probe[] = [
  {
    name: 'Round.judges { userId name unit } (who sits on the panel)',
    async revealed(caller) {
      const judges =
        (await ask(caller, `query($id: ID!) { round(id: $id) { judges { userId name label unit { id } } } }`, { id: s.roundId })).data?.round?.judges ?? [];
      const own = caller === 'panelJudge' ? s.judges[0]!.userId : null;
      return judges.some((j: any) => j.userId !== own && (judgeName(j.name, j.label) || j.userId !== j.label || j.unit !== null));
    },
    expected: (c) => managing(c),
  },
  {
    name: 'Entry.total / rawTotal / rank / criterionValues',
    async revealed(caller) {
      const entry = (await ask(caller, `query($id: ID!) { entry(id: $id) { total rawTotal rank criterionValues { mean } } }`, { id: s.entryIds[0] })).data
        ?.entry;
      return !!entry && (entry.total !== null || entry.rawTotal !== null || entry.rank !== null || entry.criterionValues.some((c: any) => c.mean !== null));
    },
    expected: seesTotals,
  },
  {
    name: 'Round.entries { total rank } via competition.rounds',
    async revealed(caller) {
      const rounds =
        (await ask(caller, `query($c: ID!) { competition(id: $c) { rounds { entries { total rank } } } }`, { c: s.competitionId })).data?.competition?.rounds ??
        [];
      return rounds.some((r: any) => r.entries.some((e: any) => e.total !== null || e.rank !== null));
    },
    expected: seesTotals,
  },
  {
    name: 'leaderboard { total rank }',
    async revealed(caller) {
      const edges =
        (await ask(caller, `query($r: ID!) { leaderboard(roundId: $r) { edges { node { total rank } } } }`, { r: s.roundId })).data?.leaderboard?.edges ?? [];
      return edges.some((e: any) => e.node.total !== null);
    },
    expected: seesTotals,
  },
  {
    name: 'assessment { total criteria { mean } sheets { trimmed } }',
    async revealed(caller) {
      const a = (await ask(caller, `query($e: ID!) { assessment(entryId: $e) { total rank criteria { mean } sheets { trimmed } } }`, { e: s.entryIds[0] })).data
        ?.assessment;
      return !!a && (a.total !== null || a.criteria.some((c: any) => c.mean !== null) || a.sheets.some((x: any) => x.trimmed));
    },
    expected: seesTotals,
  },
  {
    name: "assessment.sheets (another judge's marks)",
    async revealed(caller) {
      const sheets =
        (await ask(caller, `query($e: ID!) { assessment(entryId: $e) { sheets { judgeLabel total } } }`, { e: s.entryIds[0] })).data?.assessment?.sheets ?? [];
      return sheets.some((x: any) => caller !== 'panelJudge' || x.judgeLabel !== 'J1');
    },
    expected: seesOthersMarks,
  },
  {
    name: 'assessment.sheets { judge comment } (who gave which mark)',
    async revealed(caller) {
      const sheets =
        (await ask(caller, `query($e: ID!) { assessment(entryId: $e) { sheets { judge judgeLabel comment } } }`, { e: s.entryIds[0] })).data?.assessment
          ?.sheets ?? [];
      return sheets.some((x: any) => judgeName(x.judge, x.judgeLabel) || x.comment !== null);
    },
    expected: (c) => managing(c),
  },
  {
    name: 'sheets.csv (judge-level export, names)',
    async revealed(caller) {
      const { status, body } = await exportBody(caller, `/export/rounds/${s.roundId}/sheets.csv`);
      return status === 200 && /评委\d/.test(body);
    },
    expected: (c) => managing(c),
  },
  {
    name: 'sheets.csv (judge-level marks at all)',
    async revealed(caller) {
      const { status, body } = await exportBody(caller, `/export/rounds/${s.roundId}/sheets.csv`);
      return status === 200 && body.trim().split('\n').length > 1;
    },
    expected: seesOthersMarks,
  },
  {
    name: 'Round.amendments (who changed results after close)',
    async revealed(caller) {
      const round = (await ask(caller, `query($id: ID!) { round(id: $id) { amendments { actorId } } }`, { id: s.roundId })).data?.round;
      return (round?.amendments?.length ?? 0) > 0;
    },
    expected: (c, state) => managing(c) && state !== 'OPEN',
  },
  {
    name: 'standings (totals across rounds)',
    async revealed(caller) {
      const rows =
        (await ask(caller, `query($c: ID!) { standings(competitionId: $c) { edges { node { total } } } }`, { c: s.competitionId })).data?.standings?.edges ??
        [];
      return rows.some((r: any) => r.node.total !== null);
    },
    // Standings count closed rounds only.
    expected: (c, state) => state !== 'OPEN' && seesTotals(c, state),
  },
];

beforeAll(async () => {
  api = await createTestApi();
  s = await openRound(api, { entries: 2, judges: 3, criteria: ONE, rule: { leaderboardVisibility: 'LIVE', trimHighest: 1 } });
  const key = ok<any>(await api.gql(`mutation { createApiKey(name: "bi") { secret } }`, {}, s.organizer)).createApiKey.secret;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  credentials.set('anonymous', {});
  credentials.set('viewer', bearer(s.viewer));
  credentials.set('apiKey', { 'x-api-key': key });
  credentials.set('panelJudge', bearer(s.judges[0]!.token));
  credentials.set('otherJudge', bearer(await api.token('matrix-judge-elsewhere', 'judge')));
  credentials.set('organizer', bearer(s.organizer));
  credentials.set('otherOrganizer', bearer(await api.token('matrix-rival-organizer', 'organizer')));
  for (const [i, judge] of s.judges.entries()) {
    for (const entryId of s.entryIds) ok(await submit(api, judge.token, entryId, [{ criterion: 'overall', score: 70 + i * 5 }], { comment: `评语${i}` }));
  }
});

async function matrix(state: State): Promise<string[]> {
  const wrong: string[] = [];
  for (const probe of PROBES) {
    for (const caller of CALLERS) {
      const revealed = await probe.revealed(caller);
      if (revealed !== probe.expected(caller, state)) wrong.push(`${state} ${caller}: ${probe.name} ${revealed ? 'revealed' : 'hidden'}`);
    }
  }
  return wrong;
}

describe('field-level authorization matrix', () => {
  it('holds for every sensitive field and caller while OPEN, after close (with an amendment) and after publication', async () => {
    expect(await matrix('OPEN')).toEqual([]);
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    ok(await api.gql(`mutation($id: ID!) { voidSheet(sheetId: $id, reason: "复核") { id } }`, { id: `${s.entryIds[1]}/${s.judges[2]!.userId}` }, s.organizer));
    expect(await matrix('CLOSED')).toEqual([]);
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    expect(await matrix('PUBLISHED')).toEqual([]);
    expect(ok<any>(await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok } }`, { r: s.roundId }, s.organizer)).verifyRound.ok).toBe(true);
  });
});
