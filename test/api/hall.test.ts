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
const reasonOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions;
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

describe('a round created for a live show', () => {
  it('takes its live settings at creation, as the console proposes them', async () => {
    const s = await openRound(api, { entries: 1, judges: 0, open: false });
    const { createRound } = ok<{ createRound: { live: { scoringGate: string; requireSignOff: boolean; pitchLimitSeconds: number | null } } }>(
      await api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { live { scoringGate requireSignOff pitchLimitSeconds } } }`,
        {
          i: {
            competitionId: s.competitionId,
            name: '决赛',
            rubricId: s.rubricId,
            live: { scoringGate: 'PITCHED', requireSignOff: true, pitchLimitSeconds: 300 },
          },
        },
        s.organizer,
      ),
    );
    expect(createRound.live).toEqual({ scoringGate: 'PITCHED', requireSignOff: true, pitchLimitSeconds: 300 });
    const refused = await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      { i: { competitionId: s.competitionId, name: '决赛', rubricId: s.rubricId, live: { pitchLimitSeconds: 5 } } },
      s.organizer,
    );
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([expect.objectContaining({ path: 'input.live.pitchLimitSeconds', code: 'TOO_SMALL' })]);
  });
});

describe('evaluator classes', () => {
  it('weights 领导评委 60 % and 群众评委 40 %, each class trimmed by its own rule, and shows each class result', async () => {
    const classes = [
      { key: 'leaders', label: '领导评委', weight: 0.6, trimHighest: 1, trimLowest: 1 },
      { key: 'public', label: '群众评委', weight: 0.4 },
    ];
    const { s, tokens } = await seatRound({
      entries: 1,
      seats: 5,
      rule: { panelClasses: classes, trimHighest: 0, trimLowest: 0 },
      classes: ['leaders', 'leaders', 'leaders', 'public', 'public'],
    });
    const entryId = s.entryIds[0]!;
    // Leaders 90, 80, 70 → 80 after trimming; the public 60 and 70 → 65. 0.6 × 80 + 0.4 × 65 = 74.
    const sheets = [marks(20, 30, 20, 10, 10), marks(20, 30, 10, 10, 10), marks(20, 20, 10, 10, 10), marks(10, 20, 10, 10, 10), marks(20, 20, 10, 10, 10)];
    for (const [i, token] of tokens.entries()) {
      if (i === 3) {
        // Before the public has scored, the entry has no total (missingClass UNRANKED).
        const partial = ok<{ entry: { total: number | null } }>(await api.gql(`query($e: ID!) { entry(id: $e) { total } }`, { e: entryId }, s.organizer));
        expect(partial.entry.total).toBeNull();
      }
      ok(await submit(token, entryId, sheets[i]!));
    }
    const { entry } = ok<{ entry: { total: number; classResults: { key: string; label: string; weight: number; result: number; sheetCount: number }[] } }>(
      await api.gql(`query($e: ID!) { entry(id: $e) { total classResults { key label weight result sheetCount } } }`, { e: entryId }, s.organizer),
    );
    expect(entry.total).toBe(74);
    expect(entry.classResults).toEqual([
      { key: 'leaders', label: '领导评委', weight: 0.6, result: 80, sheetCount: 3 },
      { key: 'public', label: '群众评委', weight: 0.4, result: 65, sheetCount: 2 },
    ]);

    // 附加分 on top of the weighted result: 74 + 2.5 = 76.5.
    const BONUS = `mutation($e: ID!, $p: Float!, $r: String!) { setEntryBonus(entryId: $e, points: $p, reason: $r) { total bonus bonusReason } }`;
    const { setEntryBonus } = ok<{ setEntryBonus: { total: number; bonus: number; bonusReason: string } }>(
      await api.gql(BONUS, { e: entryId, p: 2.5, r: '获评市级优秀案例' }, s.organizer),
    );
    expect(setEntryBonus).toEqual({ total: 76.5, bonus: 2.5, bonusReason: '获评市级优秀案例' });
    expect(reasonOf(await api.gql(BONUS, { e: entryId, p: 101, r: '超过上限' }, s.organizer))?.issues).toEqual([
      expect.objectContaining({ path: 'points', code: 'TOO_BIG' }),
    ]);
    const seen = ok<{ entry: { bonus: number; bonusReason: string | null } }>(
      await api.gql(`query($e: ID!) { entry(id: $e) { bonus bonusReason } }`, { e: entryId }, s.viewer),
    );
    expect(seen.entry).toEqual({ bonus: 2.5, bonusReason: null });
  });

  it('refuses weights that do not sum to 1, an unknown class and a seat without one', async () => {
    const s = await openRound(api, { entries: 1, judges: 0, open: false });
    const bad = await api.gql(
      `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
      {
        i: {
          competitionId: s.competitionId,
          name: '复赛',
          rubricId: s.rubricId,
          panelClasses: [
            { key: 'a', label: '甲', weight: 0.5 },
            { key: 'b', label: '乙', weight: 0.4 },
          ],
        },
      },
      s.organizer,
    );
    expect(bad.errors?.[0]?.extensions?.issues).toEqual([
      expect.objectContaining({ path: 'input.classes', code: 'WEIGHTS_DO_NOT_SUM', params: { actual: '0.9', expected: '1' } }),
    ]);
    const { createRound } = ok<{ createRound: { id: string } }>(
      await api.gql(
        `mutation($i: CreateRoundInput!) { createRound(input: $i) { id } }`,
        {
          i: {
            competitionId: s.competitionId,
            name: '复赛',
            rubricId: s.rubricId,
            panelClasses: [
              { key: 'a', label: '甲', weight: 0.5 },
              { key: 'b', label: '乙', weight: 0.5 },
            ],
          },
        },
        s.organizer,
      ),
    );
    const refused = await api.gql(SEATS, { r: createRound.id, s: [{ name: '王', classKey: 'c' }, { name: '赵' }] }, s.organizer);
    expect(refused.errors?.[0]?.extensions?.issues).toEqual([
      expect.objectContaining({ path: 'seats.0.classKey', code: 'UNKNOWN_CLASS' }),
      expect.objectContaining({ path: 'seats.1.classKey', code: 'REQUIRED' }),
    ]);
  });
});

describe('sign-off, publication with a notice period, objections', () => {
  it('voids a sign-off when the judge changes a sheet, publishes only when all have signed (or with a reason), and hears objections during 公示', async () => {
    clock = new Date('2026-09-29T02:00:00.000Z'); // Tuesday before 国庆
    const { s, tokens } = await seatRound({ entries: 2, seats: 2 });
    ok(await live(s, { requireSignOff: true }));
    const [first, second] = s.entryIds as [string, string];
    for (const token of tokens) {
      ok(await submit(token, first, marks(18, 27, 17, 13, 12)));
      ok(await submit(token, second, marks(16, 25, 15, 12, 11)));
    }
    const SIGN = `mutation($r: ID!) { signOffSheets(roundId: $r) { at sheetsHash valid judge { label } } }`;
    const signed = ok<{ signOffSheets: { sheetsHash: string; valid: boolean; judge: { label: string } } }>(await api.gql(SIGN, { r: s.roundId }, tokens[0]));
    expect(signed.signOffSheets).toMatchObject({ valid: true, judge: { label: 'J1' } });
    expect(signed.signOffSheets.sheetsHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    ok(await api.gql(SIGN, { r: s.roundId }, tokens[1]));
    // J2 changes a sheet after signing: their sign-off is void until they sign again.
    ok(await submit(tokens[1]!, second, marks(16, 25, 15, 12, 12)));
    const STATUS = `query($r: ID!) { round(id: $r) { signOffs { valid judge { label } } } }`;
    const status = ok<{ round: { signOffs: { valid: boolean; judge: { label: string } }[] } }>(await api.gql(STATUS, { r: s.roundId }, s.organizer));
    expect(status.round.signOffs).toEqual([
      { valid: true, judge: { label: 'J1' } },
      { valid: false, judge: { label: 'J2' } },
    ]);
    // A judge sees only their own.
    const own = ok<{ round: { signOffs: unknown[] } }>(await api.gql(STATUS, { r: s.roundId }, tokens[0]));
    expect(own.round.signOffs).toHaveLength(1);

    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { status } }`, { id: s.roundId }, s.organizer));
    const PUBLISH = `mutation($id: ID!, $n: Int, $why: String) { publishRound(id: $id, noticeWorkingDays: $n, overrideReason: $why) { status noticeEndsAt final openObjectionCount publications { number noticeWorkingDays overrideReason } } }`;
    expect(codeOf(await api.gql(PUBLISH, { id: s.roundId, n: 5 }, s.organizer))).toMatchObject({ code: 'CONFLICT', reason: 'SIGN_OFF_MISSING' });
    const { publishRound } = ok<{ publishRound: { status: string; noticeEndsAt: string; final: boolean; publications: unknown[] } }>(
      await api.gql(PUBLISH, { id: s.roundId, n: 5, why: 'J2 已离场，经监督组确认' }, s.organizer),
    );
    // Published Tue 29 Sep: working days 30 Sep, 8, 9, 10 (调休 Saturday) and 12 Oct; ends 24:00 Beijing on 12 Oct.
    expect(publishRound).toMatchObject({ status: 'PUBLISHED', noticeEndsAt: '2026-10-12T16:00:00.000Z', final: false });
    expect(publishRound.publications).toEqual([{ number: 1, noticeWorkingDays: 5, overrideReason: 'J2 已离场，经监督组确认' }]);

    // Anyone may object during the notice period, without a token; names and contacts stay with the organizers.
    const FILE = `mutation($i: ObjectionInput!) { fileObjection(input: $i) { id status name grounds } }`;
    const filed = ok<{ fileObjection: { id: string; status: string; name: string | null } }>(
      await api.gql(FILE, { i: { roundId: s.roundId, entryId: second, name: '张三', contact: '13800001234', grounds: '第二位选手的评分有误' } }),
    );
    expect(filed.fileObjection).toMatchObject({ status: 'OPEN', name: null });
    const listed = ok<{ round: { openObjectionCount: number; objections: { name: string; contact: string }[] } }>(
      await api.gql(`query($r: ID!) { round(id: $r) { openObjectionCount objections { name contact } } }`, { r: s.roundId }, s.organizer),
    );
    expect(listed.round).toEqual({ openObjectionCount: 1, objections: [{ name: '张三', contact: '13800001234' }] });
    const board = ok<{ noticeBoard: { open: boolean; entries: { title: string; rank: number }[] } }>(
      await api.gql(`query($r: ID!) { noticeBoard(roundId: $r) { open entries { title rank } } }`, { r: s.roundId }),
    );
    expect(board.noticeBoard.open).toBe(true);
    expect(board.noticeBoard.entries.map((e) => e.rank)).toEqual([1, 2]);

    // Upheld: the round goes back to CLOSED for correction, then out again; the first publication stays.
    const ANSWER = `mutation($id: ID!, $o: ObjectionOutcome!, $r: String!) { answerObjection(id: $id, outcome: $o, response: $r) { status response } }`;
    ok(await api.gql(ANSWER, { id: filed.fileObjection.id, o: 'UPHELD', r: 'J2 的评分录入有误，予以更正' }, s.organizer));
    expect(codeOf(await api.gql(ANSWER, { id: filed.fileObjection.id, o: 'REJECTED', r: '再次答复' }, s.organizer))).toMatchObject({
      reason: 'OBJECTION_ANSWERED',
    });
    const revised = ok<{ reviseRound: { status: string } }>(
      await api.gql(
        `mutation($id: ID!, $o: ID!) { reviseRound(id: $id, objectionId: $o) { status } }`,
        { id: s.roundId, o: filed.fileObjection.id },
        s.organizer,
      ),
    );
    expect(revised.reviseRound.status).toBe('CLOSED');
    const { round: before } = ok<{ round: { judges: { userId: string; label: string }[] } }>(
      await api.gql(`query($r: ID!) { round(id: $r) { judges { userId label } } }`, { r: s.roundId }, s.organizer),
    );
    const j1 = before.judges.find((j) => j.label === 'J1')!.userId;
    ok(
      await api.gql(
        `mutation($id: ID!, $why: String!) { voidSheet(sheetId: $id, reason: $why) { id } }`,
        { id: `${second}/${j1}`, why: '异议成立：J1 对第二位选手的评分作废' },
        s.organizer,
      ),
    );
    const again = ok<{ publishRound: { publications: { number: number }[] } }>(
      await api.gql(PUBLISH, { id: s.roundId, n: 5, why: '更正后重新公示' }, s.organizer),
    );
    expect(again.publishRound.publications.map((p) => p.number)).toEqual([1, 2]);
    const history = ok<{ round: { publications: { number: number; changes: { entry: { id: string }; totalBefore: number; totalAfter: number }[] }[] } }>(
      await api.gql(
        `query($r: ID!) { round(id: $r) { publications { number changes { entry { id } totalBefore totalAfter } } } }`,
        { r: s.roundId },
        s.organizer,
      ),
    );
    expect(history.round.publications[1]!.changes).toEqual([{ entry: { id: second }, totalBefore: 79.5, totalAfter: 80 }]);

    // After the notice period: no more objections, and the result stands.
    advance(30 * 24 * 3600);
    expect(codeOf(await api.gql(FILE, { i: { roundId: s.roundId, entryId: second, name: '李四', contact: '139', grounds: '迟到的异议' } }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOTICE_CLOSED',
    });
    const done = ok<{ round: { final: boolean } }>(await api.gql(`query($r: ID!) { round(id: $r) { final } }`, { r: s.roundId }, s.viewer));
    expect(done.round.final).toBe(true);
  });
});
