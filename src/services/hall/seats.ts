import { createHash, randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { generationOf, type SeatTokens } from '../../auth/seatTokens.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, UnauthenticatedError } from '../../domain/errors.js';
import { seatJudgeId, type JudgeSeat } from '../../domain/hall.js';
import { assertStatus } from '../../domain/lifecycle.js';
import type { Judge, Round, Viewer } from '../../domain/model.js';
import { asPanelRound } from '../../methods/panel/config.js';
import type { Store } from '../../store/index.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../../store/ops.js';
import { SEATS_PER_CALL } from '../../store/seats.js';
import type { PanelService } from '../panels.js';
import type { RoundService } from '../rounds.js';
import * as z from 'zod/mini';
import { externalId, parseArgument, text } from '../validation.js';

/** Join codes avoid letters and digits people misread (0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const seatsInput = z
  .array(z.object({ name: text(100), unitId: optional(externalId), classKey: optional(z.string().check(z.maxLength(40))) }))
  .check(z.minLength(1), z.maxLength(SEATS_PER_CALL));
const joinInput = z.object({
  code: z.string().check(z.maxLength(40)),
  device: optional(z.string().check(z.minLength(8), z.maxLength(200))),
});

export interface JoinResult {
  token: string;
  expiresAt: string;
  seat: JudgeSeat;
  round: Round;
}

/**
 * Judge seats joined by QR code: issued by organizers (each also a judge of the round),
 * joined once from one device, revoked or re-issued; and the check every seat token
 * passes on every request.
 */
export class SeatService {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundService,
    private readonly panels: PanelService,
    private readonly tokens: SeatTokens,
    private readonly now: () => Date,
  ) {}

  async seats(roundId: string): Promise<JudgeSeat[]> {
    return (await this.store.seats.listSeats(roundId)).sort((a, b) => Number(a.label.slice(1)) - Number(b.label.slice(1)));
  }

  async createSeats(roundId: string, input: unknown): Promise<JudgeSeat[]> {
    const parsed = parseArgument(seatsInput, input, 'seats');
    await this.panels.requireUnits(parsed, 'seats');
    return retrying(async () => {
      const round = asPanelRound(await this.rounds.requireRound(roundId, true));
      assertStatus(round.status, ['DRAFT', 'OPEN'], 'issue judge seats');
      this.panels.assertClasses(round, parsed, 'seats');
      this.panels.assertPanelOpenToNewJudges(round);
      const at = this.now().toISOString();
      let next = round.judgeCount;
      const seats = parsed.map((s): JudgeSeat => {
        const id = ulid();
        return {
          id,
          roundId,
          label: `J${++next}`,
          name: s.name,
          unitId: s.unitId ?? null,
          classKey: s.classKey ?? null,
          joinCode: newJoinCode(),
          status: 'ISSUED',
          deviceHash: null,
          createdAt: at,
          joinedAt: null,
          revokedAt: null,
        };
      });
      const judges = seats.map(
        (s): Judge => ({ roundId, userId: seatJudgeId(s.id), name: s.name, unitId: s.unitId, label: s.label, classKey: s.classKey, seatId: s.id }),
      );
      const outcome = await this.store.seats.issueSeats(roundId, round.judgeCount, seats, judges);
      if (!outcome.ok) throw new RaceLost();
      if (round.status === 'OPEN') await this.panels.expectFrom(roundId, judges);
      return seats;
    }, isLostRaceOrConflict);
  }

  /** Cuts a seat off: its token stops working at once; reissueJudgeSeat gives the same seat a new code. */
  async revoke(seatId: string): Promise<JudgeSeat> {
    const seat = await this.requireSeat(seatId);
    const outcome = await this.store.seats.revoke(seat, this.now().toISOString());
    if (!outcome.ok) throw new NotFoundError('JudgeSeat', seatId, 'id');
    return outcome.value;
  }

  /** A new code for the same seat (same judge, label and sheets): for a lost or replaced phone. */
  async reissue(seatId: string): Promise<JudgeSeat> {
    return retrying(async () => {
      const seat = await this.requireSeat(seatId);
      const fresh: JudgeSeat = { ...seat, joinCode: newJoinCode(), status: 'ISSUED', deviceHash: null, joinedAt: null, revokedAt: null };
      const outcome = await this.store.seats.reissue(fresh, seat.joinCode);
      if (!outcome.ok) throw new RaceLost();
      return fresh;
    }, isLostRaceOrConflict);
  }

  /** Joins a seat from a device (anonymous): the first device holds it; the same device may join again. */
  async join(input: unknown): Promise<JoinResult> {
    const parsed = parseArgument(joinInput, input, 'input');
    const code = normalizeCode(parsed.code);
    const record = code ? await this.store.seats.findCode(code) : null;
    if (!record) throw new NotFoundError('JoinCode', parsed.code, 'code');
    const [seat, round] = await Promise.all([this.store.seats.getSeat(record.roundId, record.seatId), this.rounds.requireRound(record.roundId, true)]);
    if (!seat || seat.joinCode !== code) throw new NotFoundError('JoinCode', parsed.code, 'code');
    if (round.status === 'CLOSED' || round.status === 'PUBLISHED')
      throw new ConflictError('The round has closed: seats can no longer be joined', 'ROUND_STATUS');
    // Without a device id each join is a new device: the code then works exactly once.
    const device = deviceHashOf(parsed.device ?? `once-${ulid()}`);
    const joined = await this.store.seats.join(seat, device, this.now().toISOString());
    if (!joined.ok) {
      throw joined.reason === 'REVOKED'
        ? new ForbiddenError('This seat was revoked by the organizers', 'SEAT_REVOKED')
        : new ConflictError('This code was already used on another device', 'SEAT_ALREADY_JOINED');
    }
    const issued = await this.tokens.issue(
      { sub: seatJudgeId(seat.id), name: seat.name, roundId: seat.roundId, seatId: seat.id, generation: generationOf(seat.joinCode) },
      this.now(),
    );
    return { token: issued.token, expiresAt: issued.expiresAt.toISOString(), seat: joined.value, round };
  }

  /**
   * The caller a seat token stands for, after checking the seat as it is now: still
   * joined under the code the token was issued for, and its round not yet closed.
   */
  async viewerOf(token: string): Promise<Viewer> {
    const claims = await this.tokens.verify(token);
    const [seat, round] = await Promise.all([this.store.seats.getSeat(claims.roundId, claims.seatId), this.store.rounds.getRound(claims.roundId)]);
    if (!seat || !round) throw new UnauthenticatedError('The seat no longer exists');
    if (seat.status === 'REVOKED') throw new UnauthenticatedError('This seat was revoked by the organizers', 'SEAT_REVOKED');
    if (seat.status !== 'JOINED' || generationOf(seat.joinCode) !== claims.generation) {
      throw new UnauthenticatedError('This seat was issued again with a new code', 'SEAT_REVOKED');
    }
    if (round.status === 'CLOSED' || round.status === 'PUBLISHED') throw new UnauthenticatedError('The round has closed', 'ROUND_STATUS');
    return { id: claims.sub, name: seat.name, roles: ['judge'], kind: 'seat', seat: { roundId: seat.roundId, seatId: seat.id } };
  }

  private async requireSeat(seatId: string): Promise<JudgeSeat> {
    const { roundId, id } = parseSeatId(seatId, 'id');
    const seat = await this.store.seats.getSeat(roundId, id);
    if (!seat) throw new NotFoundError('JudgeSeat', seatId, 'id');
    return seat;
  }
}

/** A seat's public id names its round, so one read finds it: `<roundId>~<seat ulid>`. */
export const seatPublicId = (seat: Pick<JudgeSeat, 'roundId' | 'id'>) => `${seat.roundId}~${seat.id}`;

export function parseSeatId(value: string, field: string): { roundId: string; id: string } {
  const at = value.lastIndexOf('~');
  if (at <= 0 || at === value.length - 1) throw InvalidInputError.at(field, 'BAD_FORMAT', 'not a judge seat id', { format: 'seat id' });
  return { roundId: value.slice(0, at), id: value.slice(at + 1) };
}

function newJoinCode(): string {
  return Array.from({ length: JOIN_CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

/** What people type: lower case, spaces and dashes forgiven. Null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  return code.length === JOIN_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

const deviceHashOf = (device: string) => createHash('sha256').update(`device:${device}`).digest('base64url');
