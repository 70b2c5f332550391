import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { SUBMIT, marks, ok, openRound, type Scenario } from '../support/scenario.js';

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ requestTimeoutMs: 20_000 });
});

const BALLOTS = `mutation($r: ID!, $n: Int!) { createBallots(roundId: $r, count: $n) { token voteUrl } }`;
const CAST = `mutation($t: String!, $e: ID!, $s: Float!) { castBallot(token: $t, entryId: $e, score: $s) { entryId score } }`;
const PAPER = `query($t: String!) { ballotPaper(token: $t) { roundName competitionName maxScore classLabel open onStageEntryId entries { id order title cadreName myScore } } }`;
const ENTRY = `query($e: ID!) { entry(id: $e) { total classResults { key source result sheetCount weight } } }`;

const reasonOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;

/** 领导评委 60 % (three judges) and 群众评委 40 % (the audience's ballots). */
const CLASSES = [
  { key: 'leaders', label: '领导评委', weight: 0.6 },
  { key: 'audience', label: '群众评委', weight: 0.4, source: 'AUDIENCE' },
];

async function audienceRound(entries = 3): Promise<Scenario> {
  const s = await openRound(api, { entries, judges: 0, open: false, rule: { panelClasses: CLASSES } });
  ok(
    await api.gql(
      `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }`,
      { r: s.roundId, j: [1, 2, 3].map((n) => ({ userId: `${s.roundId}-leader-${n}`, name: `领导${n}`, classKey: 'leaders' })) },
      s.organizer,
    ),
  );
  ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
  const judges = await Promise.all(
    [1, 2, 3].map(async (n) => ({ userId: `${s.roundId}-leader-${n}`, token: await api.token(`${s.roundId}-leader-${n}`, 'judge') })),
  );
  return { ...s, judges };
}

async function onStage(s: Scenario, entryId: string) {
  ok(await api.gql(`mutation($r: ID!, $e: ID!) { setOnStage(roundId: $r, entryId: $e) { id } }`, { r: s.roundId, e: entryId }, s.organizer));
}

describe('audience ballots (群众评委)', () => {
  it('issues single-use ballots, takes one vote per ballot and entry for pitched entries only, and weighs their mean as the audience class', async () => {
    const s = await audienceRound();
    const [first, second] = s.entryIds as [string, string];
    const { createBallots } = ok<{ createBallots: { token: string; voteUrl: string }[] }>(await api.gql(BALLOTS, { r: s.roundId, n: 4 }, s.organizer));
    expect(createBallots).toHaveLength(4);
    expect(createBallots[0]!.voteUrl).toBe(`/vote/${createBallots[0]!.token}`);
    const tokens = createBallots.map((b) => b.token);

    // Before anyone has pitched, the paper lists nothing and a vote is refused.
    const blank = ok<{ ballotPaper: { entries: unknown[]; maxScore: number; classLabel: string; open: boolean } }>(await api.gql(PAPER, { t: tokens[0] }));
    expect(blank.ballotPaper).toMatchObject({ entries: [], maxScore: 100, classLabel: '群众评委', open: true });
    expect(reasonOf(await api.gql(CAST, { t: tokens[0], e: first, s: 90 }))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PITCHED' });

    await onStage(s, first);
    const cast = await api.gql(CAST, { t: tokens[0], e: first, s: 90 });
    expect(cast.errors).toBeUndefined();
    // One transaction after reading the round: the vote, its tally shard and the checks.
    expect(cast.extensions!.cost!.dynamodbRequests).toBe(2);
    for (const [token, score] of [
      [tokens[1], 80],
      [tokens[2], 85.5],
      [tokens[3], 70],
    ] as const)
      ok(await api.gql(CAST, { t: token, e: first, s: score }));

    // The same vote sent again (the answer was lost) gets the same receipt; another score is refused.
    expect(ok<{ castBallot: { score: number } }>(await api.gql(CAST, { t: tokens[0], e: first, s: 90 })).castBallot.score).toBe(90);
    expect(reasonOf(await api.gql(CAST, { t: tokens[0], e: first, s: 60 }))).toMatchObject({ code: 'CONFLICT', reason: 'BALLOT_USED' });
    // Out of scale, half points only, unknown ballots, another round's entry.
    expect(reasonOf(await api.gql(CAST, { t: tokens[1], e: second, s: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(reasonOf(await api.gql(CAST, { t: tokens[1], e: first, s: 80.25 }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(reasonOf(await api.gql(CAST, { t: `${s.roundId}~ZZZZZZZZZZZZ`, e: first, s: 80 }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(reasonOf(await api.gql(CAST, { t: 'nonsense', e: first, s: 80 }))).toMatchObject({ code: 'NOT_FOUND' });
    // The entry not yet on stage is still refused.
    expect(reasonOf(await api.gql(CAST, { t: tokens[1], e: second, s: 80 }))).toMatchObject({ reason: 'NOT_PITCHED' });

    const paper = ok<{ ballotPaper: { entries: { id: string; myScore: number | null }[]; onStageEntryId: string } }>(await api.gql(PAPER, { t: tokens[2] }));
    expect(paper.ballotPaper.entries).toEqual([expect.objectContaining({ id: first, myScore: 85.5 })]);
    expect(paper.ballotPaper.onStageEntryId).toBe(first);

    // Leaders 80, 80, 80 → 80; audience (90 + 80 + 85.5 + 70) / 4 = 81.375. 0.6 × 80 + 0.4 × 81.375 = 80.55.
    for (const judge of s.judges) ok(await api.gql(SUBMIT, { i: { entryId: first, scores: marks(16, 24, 16, 12, 12) } }, judge.token));
    const { ballotTallies } = ok<{ ballotTallies: { entry: { id: string }; count: number; mean: number | null }[] }>(
      await api.gql(`query($r: ID!) { ballotTallies(roundId: $r) { entry { id } count mean } }`, { r: s.roundId }, s.organizer),
    );
    expect(ballotTallies[0]).toEqual({ entry: { id: first }, count: 4, mean: 81.38 });
    const reveal = ok<{ revealEntry: { total: number; classResults: { key: string; result: number; sheetCount: number }[] } }>(
      await api.gql(`mutation($e: ID!) { revealEntry(entryId: $e) { total classResults { key result sheetCount } } }`, { e: first }, s.organizer),
    );
    expect(reveal.revealEntry.total).toBe(80.55);
    expect(reveal.revealEntry.classResults).toEqual([
      { key: 'leaders', result: 80, sheetCount: 3 },
      { key: 'audience', result: 81.38, sheetCount: 4 },
    ]);
    const { entry } = ok<{ entry: { total: number; classResults: { key: string; source: string }[] } }>(await api.gql(ENTRY, { e: first }, s.organizer));
    expect(entry.total).toBe(80.55);
    expect(entry.classResults.map((c) => c.source)).toEqual(['JUDGES', 'AUDIENCE']);

    // Closed: no more votes; the close folds every tally, and verification recounts the stored votes.
    await onStage(s, second);
    ok(await api.gql(CAST, { t: tokens[3], e: second, s: 60 }));
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    expect(reasonOf(await api.gql(CAST, { t: tokens[0], e: second, s: 60 }))).toMatchObject({ code: 'CONFLICT', reason: 'ROUND_STATUS' });
    const closed = ok<{ entry: { classResults: { key: string; result: number | null; sheetCount: number }[] } }>(
      await api.gql(ENTRY, { e: second }, s.organizer),
    );
    expect(closed.entry.classResults.find((c) => c.key === 'audience')).toMatchObject({ result: 60, sheetCount: 1 });
    const { verifyRound } = ok<{ verifyRound: { ok: boolean; mismatches: unknown[] } }>(
      await api.gql(`query($r: ID!) { verifyRound(roundId: $r) { ok mismatches { entryId field expected actual } } }`, { r: s.roundId }, s.organizer),
    );
    expect(verifyRound.mismatches).toEqual([]);
    expect(verifyRound.ok).toBe(true);
  });

  it('counts 150 attendees voting for one entry at once exactly once each, on sharded counters', async () => {
    const s = await audienceRound(1);
    const [entryId] = s.entryIds as [string];
    const { createBallots } = ok<{ createBallots: { token: string }[] }>(await api.gql(BALLOTS, { r: s.roundId, n: 150 }, s.organizer));
    await onStage(s, entryId);
    const results = await Promise.all(createBallots.map((b, i) => api.gql(CAST, { t: b.token, e: entryId, s: 60 + (i % 41) })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const expectedMean = createBallots.reduce((sum, _, i) => sum + 60 + (i % 41), 0) / 150;
    const { ballotTallies } = ok<{ ballotTallies: { count: number; mean: number }[] }>(
      await api.gql(`query($r: ID!) { ballotTallies(roundId: $r) { count mean } }`, { r: s.roundId }, s.organizer),
    );
    expect(ballotTallies[0]!.count).toBe(150);
    expect(ballotTallies[0]!.mean).toBeCloseTo(expectedMean, 2);
  });

  it('refuses an audience class that trims or takes a median, a round of the audience alone, a judge in the audience class, and ballots for a round without one', async () => {
    const s = await openRound(api, { entries: 1, judges: 0, open: false });
    const refused = await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      {
        i: {
          competitionId: s.competitionId,
          name: '坏规则',
          method: {
            kind: 'PANEL',
            rubricId: s.rubricId,
            classes: [{ key: 'audience', label: '群众评委', weight: 1, source: 'AUDIENCE', trimHighest: 1, aggregate: 'MEDIAN' }],
          },
        },
      },
      s.organizer,
    );
    const issues = ((refused.errors?.[0]?.extensions?.issues ?? []) as { code: string }[]).map((x) => x.code).sort();
    expect(issues).toEqual(['AUDIENCE_MEAN_ONLY', 'AUDIENCE_NEEDS_JUDGES', 'AUDIENCE_NO_TRIM']);

    const round = await audienceRound(1);
    const judge = await api.gql(
      `mutation($r: ID!, $j: [JudgeInput!]!) { assignJudges(roundId: $r, judges: $j) { userId } }`,
      { r: round.roundId, j: [{ userId: `${round.roundId}-x`, name: '混入', classKey: 'audience' }] },
      round.organizer,
    );
    expect(judge.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', issues: [expect.objectContaining({ code: 'UNKNOWN_CLASS' })] });
    expect(reasonOf(await api.gql(BALLOTS, { r: s.roundId, n: 3 }, s.organizer))).toMatchObject({ code: 'CONFLICT', reason: 'WRONG_METHOD' });
    // A viewer may not issue ballots.
    expect(reasonOf(await api.gql(BALLOTS, { r: round.roundId, n: 3 }, round.viewer))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
