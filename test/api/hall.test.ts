import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../support/api.js';
import { marks, ok, openRound, type Scenario } from '../support/scenario.js';

/** A clock the tests move: pitches last as long as the test says, notice periods end when it says. */
let clock = new Date('2026-09-30T02:00:00.000Z');
const advance = (seconds: number) => {
  clock = new Date(clock.getTime() + seconds * 1000);
};

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ now: () => clock });
});

const SEATS = `mutation($r: ID!, $s: [JudgeSeatInput!]!) { createJudgeSeats(roundId: $r, seats: $s) { id label name status joinCode joinUrl classKey } }`;
const JOIN = `mutation($c: String!, $d: String) { joinRound(code: $c, device: $d) { token expiresAt seat { id label status } round { id name } } }`;
const SUBMIT = `mutation($i: SubmitScoreSheetInput!) { submitScoreSheet(input: $i) { id total } }`;
const LIVE = `query($r: ID!) { liveState(roundId: $r) { sequence stage { entry { id } pitchStartedAt pitchEndedAt pitchLimitSeconds } reveal { sequence total rank overtimeDeduction sheets { judgeLabel total dropped } entry { id } } } }`;

type Seat = { id: string; label: string; joinCode: string; joinUrl: string; status: string };
const codeOf = (response: { errors?: { extensions?: { code?: string; reason?: string } }[] }) => response.errors?.[0]?.extensions;

async function seatRound(options: { entries?: number; seats?: number; rule?: Record<string, unknown>; classes?: (string | null)[] } = {}) {
  const s = await openRound(api, {
    entries: options.entries ?? 3,
    judges: 0,
    open: false,
    trimHighest: 1,
    trimLowest: 1,
    ...(options.rule ? { rule: options.rule } : {}),
  });
  const count = options.seats ?? 5;
  const { createJudgeSeats } = ok<{ createJudgeSeats: Seat[] }>(
    await api.gql(
      SEATS,
      { r: s.roundId, s: Array.from({ length: count }, (_, i) => ({ name: `评委${i + 1}`, classKey: options.classes?.[i] ?? null })) },
      s.organizer,
    ),
  );
  ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
  const tokens: string[] = [];
  for (const [i, seat] of createJudgeSeats.entries()) {
    const { joinRound } = ok<{ joinRound: { token: string } }>(await api.gql(JOIN, { c: seat.joinCode, d: `device-of-judge-${i}` }));
    tokens.push(joinRound.token);
  }
  return { s, seats: createJudgeSeats, tokens };
}

const submit = (token: string, entryId: string, m: ReturnType<typeof marks>) => api.gql(SUBMIT, { i: { entryId, scores: m } }, token);
const live = (s: Scenario, settings: Record<string, unknown>) =>
  api.gql(
    `mutation($r: ID!, $s: LiveSettingsInput!) { setLiveSettings(roundId: $r, settings: $s) { live { scoringGate pitchLimitSeconds requireSignOff overtime { perSeconds points } } } }`,
    { r: s.roundId, s: settings },
    s.organizer,
  );
const onStage = (s: Scenario, entryId: string) =>
  api.gql(`mutation($r: ID!, $e: ID!) { setOnStage(roundId: $r, entryId: $e) { id } }`, { r: s.roundId, e: entryId }, s.organizer);

describe('judge seats joined by QR code', () => {
  it('issues seats with codes and links, binds each code to one device, and scopes the token to its round', async () => {
    const s = await openRound(api, { entries: 2, judges: 0, open: false });
    const { createJudgeSeats } = ok<{ createJudgeSeats: Seat[] }>(
      await api.gql(SEATS, { r: s.roundId, s: [{ name: '张主任' }, { name: '李局长' }] }, s.organizer),
    );
    expect(createJudgeSeats.map((x) => [x.label, x.status])).toEqual([
      ['J1', 'ISSUED'],
      ['J2', 'ISSUED'],
    ]);
    const [first] = createJudgeSeats;
    expect(first!.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(first!.joinUrl).toBe(`/join/${first!.joinCode}`);
    ok(await api.gql(`mutation($id: ID!) { openRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));

    // Typed in lower case with a space, as people do.
    const typed = `${first!.joinCode.slice(0, 4).toLowerCase()} ${first!.joinCode.slice(4)}`;
    const joined = ok<{ joinRound: { token: string; seat: { status: string; label: string }; round: { id: string } } }>(
      await api.gql(JOIN, { c: typed, d: 'phone-A-0001' }),
    );
    expect(joined.joinRound.seat).toMatchObject({ status: 'JOINED', label: 'J1' });
    expect(joined.joinRound.round.id).toBe(s.roundId);
    // The same phone may join again (reloaded page); another phone may not.
    ok(await api.gql(JOIN, { c: first!.joinCode, d: 'phone-A-0001' }));
    expect(codeOf(await api.gql(JOIN, { c: first!.joinCode, d: 'phone-B-0002' }))).toMatchObject({ code: 'CONFLICT', reason: 'SEAT_ALREADY_JOINED' });
    expect(codeOf(await api.gql(JOIN, { c: 'ZZZZZZZZ' }))).toMatchObject({ code: 'NOT_FOUND' });

    const token = joined.joinRound.token;
    ok(await submit(token, s.entryIds[0]!, marks(18, 27, 17, 13, 12)));
    const { me } = ok<{ me: { id: string; roles: string[] } }>(await api.gql(`{ me { id roles } }`, {}, token));
    expect(me.roles).toEqual(['judge']);
    // A seat acts only as that judge of that round.
    expect(codeOf(await api.gql(`{ competitions { edges { node { id } } } }`, {}, token))).toMatchObject({ code: 'FORBIDDEN', reason: 'SEAT_SCOPE' });

    // Revoked: the token stops working at once. Re-issued: a new code, the same seat and sheets, the old token still refused.
    const { revokeJudgeSeat } = ok<{ revokeJudgeSeat: { status: string } }>(
      await api.gql(`mutation($id: ID!) { revokeJudgeSeat(id: $id) { status } }`, { id: first!.id }, s.organizer),
    );
    expect(revokeJudgeSeat.status).toBe('REVOKED');
    expect(codeOf(await submit(token, s.entryIds[1]!, marks(18, 27, 17, 13, 12)))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SEAT_REVOKED' });
    expect(codeOf(await api.gql(JOIN, { c: first!.joinCode, d: 'phone-A-0001' }))).toMatchObject({ reason: 'SEAT_REVOKED' });
    const { reissueJudgeSeat } = ok<{ reissueJudgeSeat: Seat }>(
      await api.gql(`mutation($id: ID!) { reissueJudgeSeat(id: $id) { id label joinCode status } }`, { id: first!.id }, s.organizer),
    );
    expect(reissueJudgeSeat).toMatchObject({ label: 'J1', status: 'ISSUED' });
    expect(reissueJudgeSeat.joinCode).not.toBe(first!.joinCode);
    expect(codeOf(await api.gql(JOIN, { c: first!.joinCode, d: 'phone-C-0003' }))).toMatchObject({ code: 'NOT_FOUND' });
    const rejoined = ok<{ joinRound: { token: string } }>(await api.gql(JOIN, { c: reissueJudgeSeat.joinCode, d: 'phone-C-0003' }));
    expect(codeOf(await submit(token, s.entryIds[1]!, marks(18, 27, 17, 13, 12)))).toMatchObject({ code: 'UNAUTHENTICATED' });
    const mine = ok<{ round: { mySheets: { entry: { id: string } }[] } }>(
      await api.gql(`query($r: ID!) { round(id: $r) { mySheets { entry { id } } } }`, { r: s.roundId }, rejoined.joinRound.token),
    );
    expect(mine.round.mySheets.map((x) => x.entry.id)).toEqual([s.entryIds[0]]);

    // Closing the round ends every seat token.
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    expect(codeOf(await api.gql(`{ me { id } }`, {}, rejoined.joinRound.token))).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ROUND_STATUS' });
  });
});

describe('stage control, the scoring gate and the pitch timer', () => {
  it('lets judges score only entries that have been on stage (PITCHED), times pitches on the server and deducts overtime', async () => {
    const { s, tokens } = await seatRound({ entries: 3, seats: 3 });
    const settings = ok<{ setLiveSettings: { live: Record<string, unknown> } }>(
      await live(s, { scoringGate: 'PITCHED', pitchLimitSeconds: 300, overtime: { perSeconds: 30, points: 0.5 }, requireSignOff: true }),
    );
    expect(settings.setLiveSettings.live).toEqual({
      scoringGate: 'PITCHED',
      pitchLimitSeconds: 300,
      requireSignOff: true,
      overtime: { perSeconds: 30, points: 0.5 },
    });
    const [first, second] = s.entryIds as [string, string];

    expect(codeOf(await submit(tokens[0]!, first, marks(18, 27, 17, 13, 12)))).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_PITCHED' });
    const before = ok<{ liveState: { sequence: number } }>(await api.gql(LIVE, { r: s.roundId }, s.viewer)).liveState.sequence;
    ok(await onStage(s, first));
    const staged = await api.gql<{ liveState: { sequence: number; stage: { entry: { id: string } } } }>(LIVE, { r: s.roundId }, tokens[1]);
    expect(staged.data!.liveState.stage.entry.id).toBe(first);
    expect(staged.data!.liveState.sequence).toBe(before + 1);
    // What a screen polls every half second: the round, its hall and the live counter's shards in one batch,
    // and one more for who the caller is to the round.
    const poll = await api.gql(`query($r: ID!) { liveState(roundId: $r) { sequence } }`, { r: s.roundId }, s.viewer);
    expect(poll.extensions!.cost!.dynamodbRequests).toBe(2);

    expect(codeOf(await api.gql(`mutation($e: ID!) { endPitch(entryId: $e) { id } }`, { e: first }, s.organizer))).toMatchObject({
      reason: 'PITCH_NOT_RUNNING',
    });
    ok(await api.gql(`mutation($e: ID!) { startPitch(entryId: $e) { pitchStartedAt } }`, { e: first }, s.organizer));
    advance(331);
    const ended = ok<{ endPitch: { pitchSeconds: number; overtimeDeduction: number } }>(
      await api.gql(`mutation($e: ID!) { endPitch(entryId: $e) { pitchSeconds overtimeDeduction } }`, { e: first }, s.organizer),
    );
    expect(ended.endPitch).toEqual({ pitchSeconds: 331, overtimeDeduction: 1 });

    for (const token of tokens) ok(await submit(token, first, marks(18, 27, 17, 13, 12)));
    const submitted = ok<{ liveState: { sequence: number } }>(await api.gql(LIVE, { r: s.roundId }, s.viewer)).liveState.sequence;
    expect(submitted).toBe(before + 3 + 3);
    // 87 from every judge, less 1 point for two started periods over the limit.
    const { entry } = ok<{ entry: { total: number; rawTotal: number } }>(
      await api.gql(`query($e: ID!) { entry(id: $e) { total rawTotal } }`, { e: first }, s.organizer),
    );
    expect(entry.total).toBe(86);

    // The one on stage and those before it: the first stays open when the second goes up.
    ok(await onStage(s, second));
    ok(await submit(tokens[0]!, first, marks(19, 27, 17, 13, 12)));
    ok(await submit(tokens[0]!, second, marks(18, 27, 17, 13, 12)));
    expect(codeOf(await submit(tokens[0]!, s.entryIds[2]!, marks(18, 27, 17, 13, 12)))).toMatchObject({ reason: 'NOT_PITCHED' });

    // ON_STAGE: only the one up there.
    ok(await live(s, { scoringGate: 'ON_STAGE' }));
    expect(codeOf(await submit(tokens[1]!, first, marks(18, 27, 17, 13, 12)))).toMatchObject({ reason: 'NOT_ON_STAGE' });
    ok(await submit(tokens[1]!, second, marks(18, 27, 17, 13, 12)));
    const { round } = ok<{ round: { entries: { id: string; scoringOpen: boolean }[] } }>(
      await api.gql(`query($r: ID!) { round(id: $r) { entries { id scoringOpen } } }`, { r: s.roundId }, tokens[1]),
    );
    expect(round.entries.map((e) => e.scoringOpen)).toEqual([false, true, false]);
  });
});

describe('亮分: revealing an entry in the hall', () => {
  it('waits for the expected sheets (or a reason), strikes out the highest and lowest, and hides totals until revealed (ON_REVEAL)', async () => {
    const { s, tokens } = await seatRound({ entries: 2, seats: 5, rule: { leaderboardVisibility: 'ON_REVEAL' } });
    const [first, second] = s.entryIds as [string, string];
    const totals: [number, number, number, number, number][] = [
      [18, 27, 17, 13, 12],
      [19, 28, 18, 14, 13],
      [15, 20, 15, 10, 10],
      [20, 30, 20, 15, 15],
      [17, 26, 16, 12, 12],
    ];
    for (const [i, token] of tokens.slice(0, 4).entries()) ok(await submit(token, first, marks(...totals[i]!)));
    const REVEAL = `mutation($e: ID!, $why: String) { revealEntry(entryId: $e, overrideReason: $why) { sequence total rank sheets { judgeLabel total dropped } } }`;
    expect(codeOf(await api.gql(REVEAL, { e: first }, s.organizer))).toMatchObject({ code: 'CONFLICT', reason: 'SHEETS_MISSING' });
    ok(await submit(tokens[4]!, first, marks(...totals[4]!)));

    // Before its reveal the hall sees no total for it, nor its place.
    const hidden = ok<{ entry: { total: number | null }; leaderboard: { edges: unknown[] } }>(
      await api.gql(
        `query($e: ID!, $r: ID!) { entry(id: $e) { total } leaderboard(roundId: $r) { edges { node { total } } } }`,
        { e: first, r: s.roundId },
        s.viewer,
      ),
    );
    expect(hidden.entry.total).toBeNull();
    expect(hidden.leaderboard.edges).toEqual([]);

    const { revealEntry } = ok<{
      revealEntry: { sequence: number; total: number; rank: number; sheets: { judgeLabel: string; total: number; dropped: boolean }[] };
    }>(await api.gql(REVEAL, { e: first }, s.organizer));
    expect(revealEntry.sequence).toBe(1);
    expect(revealEntry.sheets).toEqual([
      { judgeLabel: 'J1', total: 87, dropped: false },
      { judgeLabel: 'J2', total: 92, dropped: false },
      { judgeLabel: 'J3', total: 70, dropped: true },
      { judgeLabel: 'J4', total: 100, dropped: true },
      { judgeLabel: 'J5', total: 83, dropped: false },
    ]);
    expect(revealEntry).toMatchObject({ total: 87.33, rank: 1 });
    const shown = ok<{ entry: { total: number }; liveState: { reveal: { entry: { id: string }; total: number } } }>(
      await api.gql(
        `query($e: ID!, $r: ID!) { entry(id: $e) { total } liveState(roundId: $r) { reveal { entry { id } total } } }`,
        { e: first, r: s.roundId },
        s.viewer,
      ),
    );
    expect(shown.entry.total).toBe(87.33);
    expect(shown.liveState.reveal).toEqual({ entry: { id: first }, total: 87.33 });

    // Early, with a reason (kept for the organizers).
    ok(await submit(tokens[0]!, second, marks(10, 10, 10, 10, 10)));
    const early = ok<{ revealEntry: { sequence: number } }>(await api.gql(REVEAL, { e: second, why: '评委 J2 临时离场' }, s.organizer));
    expect(early.revealEntry.sequence).toBe(2);
    const { round } = ok<{ round: { reveal: { overrideReason: string } } }>(
      await api.gql(`query($r: ID!) { round(id: $r) { reveal { overrideReason } } }`, { r: s.roundId }, s.organizer),
    );
    expect(round.reveal.overrideReason).toBe('评委 J2 临时离场');
  });
});
