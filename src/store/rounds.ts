import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Decimal, Entry, Judge } from '../domain/model.js';
import type { Dynamo } from './client.js';
import {
  ENTRY_PREFIX,
  JUDGE_PREFIX,
  assignmentsOf,
  entryKey,
  judgeIndexes,
  judgeKey,
  leaderboardOf,
  leaderboardSortKey,
  leaderboardTotalPrefix,
  roundKey,
  roundPartition,
} from './keys.js';
import { batchGet, cancellationReasons, queryAll, queryCount, queryPage, recordOf, type Item, type Page } from './ops.js';
import { INDEX } from './tables.js';

/** A stored entry also knows its key part (`c~id`/`u~id`) for its keys. */
export interface StoredEntry extends Entry {
  keyPart: string;
}

export type AddEntriesOutcome = { ok: true } | { ok: false; reason: 'ROUND_NOT_DRAFT' } | { ok: false; reason: 'ALREADY_ENROLLED'; index: number };

export type AssignJudgesOutcome = { ok: true } | { ok: false; reason: 'ROUND_CHANGED' };

export function entryItem(entry: StoredEntry): Item {
  return {
    ...entryKey(entry.roundId, entry.keyPart),
    gsi1pk: leaderboardOf(entry.roundId),
    gsi1sk: leaderboardSortKey(entry.total, entry.order, entry.keyPart),
    entity: 'Entry',
    ...entry,
  };
}

/** Entries, judge panels and the leaderboard index of rounds. */
export class RoundStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** Enrols entries and counts them on the round, atomically, while the round is DRAFT. At most 99. */
  async addEntries(roundId: string, entries: readonly StoredEntry[]): Promise<AddEntriesOutcome> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: roundKey(roundId),
                UpdateExpression: 'ADD entryCount :n',
                ConditionExpression: '#status = :draft',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':n': entries.length, ':draft': 'DRAFT' },
              },
            },
            ...entries.map((entry) => ({
              Put: { TableName: this.table, Item: entryItem(entry), ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          ],
        }),
      );
      return { ok: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return { ok: false, reason: 'ROUND_NOT_DRAFT' };
      const index = reasons.slice(1).indexOf('ConditionalCheckFailed');
      if (index >= 0) return { ok: false, reason: 'ALREADY_ENROLLED', index };
      throw error;
    }
  }

  async getEntries(keys: readonly { roundId: string; keyPart: string }[], consistent = false): Promise<StoredEntry[]> {
    const items = await batchGet(this.db, this.table, keys.map((k) => entryKey(k.roundId, k.keyPart)), consistent);
    return items.map((i) => recordOf<StoredEntry>(i));
  }

  async listEntries(roundId: string): Promise<StoredEntry[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': roundPartition(roundId), ':prefix': ENTRY_PREFIX },
    });
    return items.map((i) => recordOf<StoredEntry>(i));
  }

  /** One page of the leaderboard index, best first; `start` is the last row's index sort key. */
  async leaderboardPage(roundId: string, limit: number, start: { keyPart: string; sortKey: string } | undefined): Promise<Page> {
    return queryPage(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': leaderboardOf(roundId) },
      Limit: limit,
      ExclusiveStartKey: start && {
        ...entryKey(roundId, start.keyPart),
        gsi1pk: leaderboardOf(roundId),
        gsi1sk: start.sortKey,
      },
    });
  }

  /** How many entries of the round have a total strictly greater than `total`. */
  async countAbove(roundId: string, total: Decimal): Promise<number> {
    return queryCount(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk < :below',
      ExpressionAttributeValues: {
        ':p': leaderboardOf(roundId),
        // Every sort key of a total equal to `total` extends this prefix and so sorts after it.
        ':below': leaderboardTotalPrefix(total),
      },
    });
  }

  async listJudges(roundId: string): Promise<Judge[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': roundPartition(roundId), ':prefix': JUDGE_PREFIX },
      ConsistentRead: true,
    });
    return items.map((i) => recordOf<Judge>(i));
  }

  async getJudges(keys: readonly { roundId: string; userId: string }[]): Promise<Judge[]> {
    const items = await batchGet(this.db, this.table, keys.map((k) => judgeKey(k.roundId, k.userId)));
    return items.map((i) => recordOf<Judge>(i));
  }

  /**
   * Adds new judges and rewrites existing ones in one transaction, guarded by the
   * round's judge count so that concurrent assignments cannot hand out one label twice.
   */
  async putJudges(roundId: string, expectedJudgeCount: number, added: readonly Judge[], updated: readonly Judge[]): Promise<AssignJudgesOutcome> {
    const item = (j: Judge) => ({ ...judgeKey(j.roundId, j.userId), ...judgeIndexes(j), entity: 'Judge', ...j });
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
                ExpressionAttributeValues: {
                  ':expected': expectedJudgeCount,
                  ':next': expectedJudgeCount + added.length,
                  ':draft': 'DRAFT',
                  ':open': 'OPEN',
                },
              },
            },
            ...added.map((j) => ({ Put: { TableName: this.table, Item: item(j), ConditionExpression: 'attribute_not_exists(pk)' } })),
            ...updated.map((j) => ({ Put: { TableName: this.table, Item: item(j), ConditionExpression: 'attribute_exists(pk)' } })),
          ],
        }),
      );
      return { ok: true };
    } catch (error) {
      if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return { ok: false, reason: 'ROUND_CHANGED' };
      throw error;
    }
  }

  /** Ids of the rounds whose panel includes `userId`, newest first. */
  async listAssignedRoundIds(userId: string): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': assignmentsOf(userId) },
      ScanIndexForward: false,
    });
    return items.map((i) => recordOf<Judge>(i).roundId);
  }
}
