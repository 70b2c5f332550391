import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { JudgeSeat, SignOff } from '../domain/hall.js';
import type { Judge } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { decode, decoder, type JoinCodeRecord } from './codecs.js';
import { SEAT_PREFIX, SIGN_OFF_PREFIX, joinCodeKey, judgeIndexes, judgeKey, roundKey, roundPartition, seatKey, signOffKey } from './keys.js';
import { batchGet, cancellationReasons, done, isConditionFailure, queryPrefix, refused, type Outcome } from './ops.js';

/** At most this many seats per call: each is three items of one transaction (seat, code, judge) beside the round. */
export const SEATS_PER_CALL = 30;

export type SeatOutcome = Outcome<'ROUND_CHANGED' | 'CODE_TAKEN'>;
export type JoinOutcome = Outcome<'TAKEN' | 'REVOKED', JudgeSeat>;

/** Judge seats joined by code, their codes, and the judges' sign-offs. */
export class SeatStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /**
   * Issues seats: each seat, its join code and its judge in one transaction, guarded
   * like any change to the panel by the round's judge count and status.
   */
  async issueSeats(roundId: string, expectedJudgeCount: number, seats: readonly JudgeSeat[], judges: readonly Judge[]): Promise<SeatOutcome> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: roundKey(roundId),
                UpdateExpression: 'SET judgeCount = :next',
                ConditionExpression: 'judgeCount = :expected AND #status IN (:draft, :open)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':expected': expectedJudgeCount, ':next': expectedJudgeCount + judges.length, ':draft': 'DRAFT', ':open': 'OPEN' },
              },
            },
            ...seats.flatMap((seat) => [this.seatPut(seat, 'attribute_not_exists(pk)'), this.codePut(seat)]),
            ...judges.map((j) => ({
              Put: {
                TableName: this.table,
                Item: { ...judgeKey(j.roundId, j.userId), ...judgeIndexes(j), entity: 'Judge', ...j },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          ],
        }),
      );
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return refused('ROUND_CHANGED');
      return refused('CODE_TAKEN');
    }
  }

  /** A new code for a seat (the old one dropped, the seat ISSUED again), guarded by the seat's code as read. */
  async reissue(seat: JudgeSeat, previousCode: string): Promise<Outcome<'CHANGED'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            this.seatPut(seat, 'joinCode = :previous', { ':previous': previousCode }),
            { Delete: { TableName: this.table, Key: joinCodeKey(previousCode) } },
            this.codePut(seat),
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)) return refused('CHANGED');
      throw error;
    }
  }

  async getSeat(roundId: string, seatId: string, consistent = true): Promise<JudgeSeat | null> {
    const [item] = await batchGet(this.db, this.table, [seatKey(roundId, seatId)], consistent);
    return item ? decode('Seat', item) : null;
  }

  async listSeats(roundId: string): Promise<JudgeSeat[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), SEAT_PREFIX, true)).map(decoder('Seat'));
  }

  async findCode(code: string): Promise<JoinCodeRecord | null> {
    const [item] = await batchGet(this.db, this.table, [joinCodeKey(code)], true);
    return item ? decode('JoinCode', item) : null;
  }

  /**
   * Binds an ISSUED seat to a device; the same device may join again (to recover its
   * token). Refused TAKEN when another device holds it, REVOKED when it was revoked.
   */
  async join(seat: JudgeSeat, deviceHash: string, at: string): Promise<JoinOutcome> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: seatKey(seat.roundId, seat.id),
          UpdateExpression: 'SET #status = :joined, deviceHash = :device, joinedAt = if_not_exists(joinedAt, :at)',
          ConditionExpression: 'joinCode = :code AND (#status = :issued OR (#status = :joined AND deviceHash = :device))',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':joined': 'JOINED', ':issued': 'ISSUED', ':device': deviceHash, ':at': at, ':code': seat.joinCode },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return done(decode('Seat', out.Attributes ?? {}));
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // The item comes back unconverted with the failure: status is { S: '…' }.
      const now = (error as { Item?: { status?: { S?: string } } }).Item;
      return refused(now?.status?.S === 'REVOKED' ? 'REVOKED' : 'TAKEN');
    }
  }

  async revoke(seat: JudgeSeat, at: string): Promise<Outcome<'MISSING', JudgeSeat>> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: seatKey(seat.roundId, seat.id),
          UpdateExpression: 'SET #status = :revoked, revokedAt = :at',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':revoked': 'REVOKED', ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Seat', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('MISSING');
      throw error;
    }
  }

  /** Records (or renews) a judge's sign-off while the round is OPEN or CLOSED. */
  async signOff(signOff: SignOff): Promise<Outcome<'ROUND_STATUS'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: roundKey(signOff.roundId),
                ConditionExpression: '#status IN (:open, :closed)',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': 'OPEN', ':closed': 'CLOSED' },
              },
            },
            { Put: { TableName: this.table, Item: { ...signOffKey(signOff.roundId, signOff.judgeId), entity: 'SignOff', ...signOff } } },
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('ROUND_STATUS');
      throw error;
    }
  }

  async listSignOffs(roundId: string): Promise<SignOff[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), SIGN_OFF_PREFIX, true)).map(decoder('SignOff'));
  }

  private seatPut(seat: JudgeSeat, condition: string, values?: Record<string, unknown>) {
    return {
      Put: {
        TableName: this.table,
        Item: { ...seatKey(seat.roundId, seat.id), entity: 'Seat', ...seat },
        ConditionExpression: condition,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      },
    };
  }

  private codePut(seat: JudgeSeat) {
    const record: JoinCodeRecord = { code: seat.joinCode, roundId: seat.roundId, seatId: seat.id };
    return {
      Put: { TableName: this.table, Item: { ...joinCodeKey(seat.joinCode), entity: 'JoinCode', ...record }, ConditionExpression: 'attribute_not_exists(pk)' },
    };
  }
}
