import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { emptyHall, type HallState, type RevealRecord, type Stage } from '../domain/hall.js';
import type { Round } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { decode } from './codecs.js';
import { aggregateUpdate, type Ranker, type StoredEntry } from './entries.js';
import { LIVE_SHARDS, entryKey, hallKey, liveShardKey, roundKey } from './keys.js';
import { batchGet, cancellationReasons, done, refused, type Outcome } from './ops.js';

/** ROUND_NOT_OPEN: the round is not OPEN. STAGE_MOVED: the hall changed since it was read. ENTRY_CHANGED: the entry did. */
export type HallOutcome = Outcome<'ROUND_NOT_OPEN' | 'STAGE_MOVED' | 'ENTRY_CHANGED'>;

/**
 * The judge's shard of the live counter. A judge sends one sheet at a time, so keyed by
 * judge two transactions meet on a shard only when two judges who share it save at the
 * same moment; keyed by entry, every judge scoring the entry on stage would.
 */
export function liveShardOf(judgeId: string): number {
  let hash = 0;
  for (const char of judgeId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % LIVE_SHARDS;
}

/** The transaction item a submission adds: one commutative ADD to its judge's shard. */
export function liveShardBump(table: string, roundId: string, judgeId: string) {
  return {
    Update: {
      TableName: table,
      Key: liveShardKey(roundId, liveShardOf(judgeId)),
      UpdateExpression: 'ADD n :one SET entity = :entity',
      ExpressionAttributeValues: { ':one': 1, ':entity': 'LiveShard' },
    },
  };
}

/** What the big screen and the phones poll, in one read. */
export interface LiveSnapshot {
  round: Round | null;
  hall: HallState;
  /** Stage changes, reveals and submissions so far. */
  sequence: number;
}

/**
 * The live hall of a round: one item holding the stage and the last reveal, and
 * write-sharded counters of submissions. Stage moves are conditional on the hall as
 * read, so two hosts clicking at once cannot interleave.
 */
export class HallStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async getHall(roundId: string, consistent = true): Promise<HallState> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: hallKey(roundId), ConsistentRead: consistent }));
    return out.Item ? decode('Hall', out.Item) : emptyHall(roundId);
  }

  /** The round, its hall and the live sequence: one BatchGetItem. */
  async snapshot(roundId: string): Promise<LiveSnapshot> {
    const shards = Array.from({ length: LIVE_SHARDS }, (_, n) => liveShardKey(roundId, n));
    const items = await batchGet(this.db, this.table, [roundKey(roundId), hallKey(roundId), ...shards]);
    const round = items.find((i) => i.sk === '#ROUND');
    const hallItem = items.find((i) => i.sk === '#LIVE');
    const hall = hallItem ? decode('Hall', hallItem) : emptyHall(roundId);
    const submissions = items.filter((i) => String(i.sk).startsWith('LIVE#')).reduce((total, i) => total + Number(i.n ?? 0), 0);
    return { round: round ? decode('Round', round) : null, hall, sequence: hall.sequence + submissions };
  }

  /**
   * Moves the stage (and marks the entry as having been on stage, once), guarded by
   * the hall's sequence as read and the round being OPEN.
   */
  async putOnStage(round: Round, expected: HallState, stage: Stage, entry: StoredEntry): Promise<HallOutcome> {
    return this.transact([
      this.roundOpen(round.id),
      this.hallUpdate(round.id, expected, 'SET stage = :stage', { ':stage': stage }),
      {
        Update: {
          TableName: this.table,
          Key: entryKey(entry.roundId, entry.keyPart),
          UpdateExpression: 'SET stagedAt = if_not_exists(stagedAt, :at), version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': stage.since, ':one': 1 },
        },
      },
    ]);
  }

  /** Starts the timer of the entry on stage: the hall's stage and the entry's own record. */
  async startPitch(round: Round, expected: HallState, stage: Stage, entry: StoredEntry): Promise<HallOutcome> {
    return this.transact([
      this.roundOpen(round.id),
      this.hallUpdate(round.id, expected, 'SET stage = :stage', { ':stage': stage }),
      {
        Update: {
          TableName: this.table,
          Key: entryKey(entry.roundId, entry.keyPart),
          UpdateExpression: 'SET pitchStartedAt = :at, pitchEndedAt = :none, pitchSeconds = :none, version = version + :one',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':at': stage.pitchStartedAt, ':none': null, ':one': 1, ':expected': entry.version },
        },
      },
    ]);
  }

  /** Stops the timer: the hall's stage, and the entry's time and total (less any overtime deduction) under its version. */
  async endPitch(round: Round, expected: HallState, stage: Stage, entry: StoredEntry, rank: Ranker, attributes: readonly string[]): Promise<HallOutcome> {
    return this.transact([
      this.roundOpen(round.id),
      this.hallUpdate(round.id, expected, 'SET stage = :stage', { ':stage': stage }),
      aggregateUpdate(this.table, entry, rank, attributes),
    ]);
  }

  /** An entry's bonus and its re-scored result, under its version, while the round is DRAFT or OPEN. */
  async setBonus(round: Round, entry: StoredEntry, rank: Ranker, attributes: readonly string[]): Promise<HallOutcome> {
    return this.transact([
      {
        ConditionCheck: {
          TableName: this.table,
          Key: roundKey(round.id),
          ConditionExpression: '#status IN (:draft, :open)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':draft': 'DRAFT', ':open': 'OPEN' },
        },
      },
      aggregateUpdate(this.table, entry, rank, attributes),
    ]);
  }

  /** Records a reveal (亮分) on the hall and the entry's first reveal time. */
  async reveal(round: Round, expected: HallState, reveal: RevealRecord, entry: StoredEntry): Promise<HallOutcome> {
    return this.transact([
      this.hallUpdate(round.id, expected, 'SET reveal = :reveal', { ':reveal': reveal }),
      {
        Update: {
          TableName: this.table,
          Key: entryKey(entry.roundId, entry.keyPart),
          UpdateExpression: 'SET revealedAt = if_not_exists(revealedAt, :at)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': reveal.at },
        },
      },
      {
        ConditionCheck: {
          TableName: this.table,
          Key: roundKey(round.id),
          ConditionExpression: '#status IN (:open, :closed)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'OPEN', ':closed': 'CLOSED' },
        },
      },
    ]);
  }

  /** Creates the hall item on first use; later changes are guarded by its sequence. */
  private hallUpdate(roundId: string, expected: HallState, set: string, values: Record<string, unknown>) {
    return {
      Update: {
        TableName: this.table,
        Key: hallKey(roundId),
        UpdateExpression: `${set}, #seq = :next, entity = :entity, roundId = :round`,
        ConditionExpression: expected.sequence === 0 ? 'attribute_not_exists(pk) OR #seq = :zero' : '#seq = :expected',
        ExpressionAttributeNames: { '#seq': 'sequence' },
        ExpressionAttributeValues: {
          ...values,
          ':next': expected.sequence + 1,
          ':entity': 'Hall',
          ':round': roundId,
          ...(expected.sequence === 0 ? { ':zero': 0 } : { ':expected': expected.sequence }),
        },
      },
    };
  }

  private roundOpen(roundId: string) {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: roundKey(roundId),
        ConditionExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':open': 'OPEN' },
      },
    };
  }

  private async transact(items: readonly Record<string, unknown>[]): Promise<HallOutcome> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const failed = (i: number) => reasons[i] === 'ConditionalCheckFailed';
      const roundIndex = items.findIndex((item) => 'ConditionCheck' in item);
      if (roundIndex >= 0 && failed(roundIndex)) return refused('ROUND_NOT_OPEN');
      const hallIndex = items.findIndex((item) => (item as { Update?: { Key: { sk: string } } }).Update?.Key.sk === '#LIVE');
      if (failed(hallIndex)) return refused('STAGE_MOVED');
      if (reasons.some((r) => r === 'ConditionalCheckFailed')) return refused('ENTRY_CHANGED');
      return refused('STAGE_MOVED');
    }
  }
}
