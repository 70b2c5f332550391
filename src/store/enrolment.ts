import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { PitchDraw, Round } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { DRAW_PREFIX, drawKey, entryKey, entryPartition, roundKey, roundPartition, type ItemKey } from './keys.js';
import { BATCH_WRITE_LIMIT, backoff, cancellationReasons, done, queryAll, queryPrefix, refused, type Outcome } from './ops.js';
import { decoder } from './codecs.js';
import { entryItem, type Ranker, type StoredEntry } from './entries.js';

/** Why a change to a DRAFT round's enrolment did not happen. */
export type EnrolmentOutcome = Outcome<'ROUND_NOT_DRAFT' | 'STALE'>;

/** A transaction holds at most 100 actions: the round guard and 99 entries. */
const ENTRIES_PER_TRANSACTION = 99;

/**
 * Changes to who pitches and in what order while a round is DRAFT: entry edits,
 * removal, reordering and draws (抽签), and deleting the round. Every write is
 * guarded by the round still being DRAFT, and each entry by the version it was read at.
 */
export class EnrolmentStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /**
   * Rewrites entries whole (their `version` already bumped), with the round's DRAFT
   * guard; an optional draw record joins the first transaction. More than 99 entries
   * take several transactions, each all-or-nothing.
   */
  async rewriteEntries(round: Round, entries: readonly StoredEntry[], rank: Ranker, draw?: PitchDraw): Promise<EnrolmentOutcome> {
    const perTransaction = ENTRIES_PER_TRANSACTION - (draw ? 1 : 0);
    for (let i = 0; i < Math.max(entries.length, 1); i += perTransaction) {
      const chunk = entries.slice(i, i + perTransaction);
      const extra = i === 0 && draw ? [{ Put: { TableName: this.table, Item: drawItem(draw) } }] : [];
      const outcome = await this.transact([
        this.roundIsDraft(round.id),
        ...chunk.map((entry) => ({
          Put: {
            TableName: this.table,
            Item: entryItem(entry, rank),
            ConditionExpression: 'version = :read',
            ExpressionAttributeValues: { ':read': entry.version - 1 },
          },
        })),
        ...extra,
      ]);
      if (!outcome.ok) return outcome;
    }
    return done();
  }

  /** Takes one entry out of a DRAFT round and uncounts it, atomically. */
  async removeEntry(round: Round, entry: StoredEntry): Promise<EnrolmentOutcome> {
    return this.transact([
      {
        Update: {
          TableName: this.table,
          Key: roundKey(round.id),
          UpdateExpression: 'ADD entryCount :minusOne',
          ConditionExpression: '#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':minusOne': -1, ':draft': 'DRAFT' },
        },
      },
      {
        Delete: {
          TableName: this.table,
          Key: entryKey(round.id, entry.keyPart),
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': entry.version },
        },
      },
    ]);
  }

  async listDraws(roundId: string): Promise<PitchDraw[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), DRAW_PREFIX)).map(decoder('Draw'));
  }

  /**
   * Deletes a DRAFT round: first the round item under its DRAFT guard (from then on the
   * round does not exist for anyone), then everything kept under it. A retry finishes
   * an interrupted clean-up. Refused ROUND_NOT_DRAFT when the round is no longer DRAFT (or gone).
   */
  async deleteRound(round: Round, entryIds: readonly string[], conflictKeys: readonly ItemKey[]): Promise<Outcome<'ROUND_NOT_DRAFT'>> {
    const outcome = await this.transact([
      {
        Delete: {
          TableName: this.table,
          Key: roundKey(round.id),
          ConditionExpression: '#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':draft': 'DRAFT' },
        },
      },
    ]);
    if (!outcome.ok) return refused('ROUND_NOT_DRAFT');
    await this.deleteRemains(round.id, entryIds, conflictKeys);
    return done();
  }

  /** Items under a deleted round: its partition (entries, panel, draws) and its entries' partitions. */
  async deleteRemains(roundId: string, entryIds: readonly string[], conflictKeys: readonly ItemKey[]): Promise<void> {
    const underRound = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': roundPartition(roundId) },
      ProjectionExpression: 'pk, sk',
    });
    const underEntries = (
      await Promise.all(
        entryIds.map((id) =>
          queryAll(this.db, {
            TableName: this.table,
            KeyConditionExpression: 'pk = :p',
            ExpressionAttributeValues: { ':p': entryPartition(id) },
            ProjectionExpression: 'pk, sk',
          }),
        ),
      )
    ).flat();
    const keys = [...underRound, ...underEntries, ...conflictKeys].map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
    await this.batchDelete(keys);
  }

  async batchDelete(keys: readonly ItemKey[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH_WRITE_LIMIT) {
      let pending = keys.slice(i, i + BATCH_WRITE_LIMIT).map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
        pending = (out.UnprocessedItems?.[this.table] ?? []) as typeof pending;
      }
    }
  }

  private roundIsDraft(roundId: string) {
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: roundKey(roundId),
        ConditionExpression: '#status = :draft',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':draft': 'DRAFT' },
      },
    };
  }

  /** The first action guards the round; any other failed condition means an entry moved since it was read. */
  private async transact(items: readonly Record<string, unknown>[]): Promise<EnrolmentOutcome> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return refused('ROUND_NOT_DRAFT');
      if (reasons.includes('ConditionalCheckFailed')) return refused('STALE');
      throw error;
    }
  }
}

function drawItem(draw: PitchDraw) {
  return { ...drawKey(draw.roundId, draw.drawnAt, ulid()), entity: 'Draw', ...draw };
}
