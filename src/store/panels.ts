import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Judge } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { JUDGE_PREFIX, assignmentsOf, judgeIndexes, judgeKey, roundKey, roundPartition } from './keys.js';
import { batchGet, cancellationReasons, done, queryAll, queryPrefix, refused, type Outcome } from './ops.js';
import { decoder, decode } from './codecs.js';
import { INDEX } from './tables.js';

/** ROUND_CHANGED: the panel or the round's status changed since they were read. */
export type AssignJudgesOutcome = Outcome<'ROUND_CHANGED'>;

/** A round's judging panel: one seat per judge, with its anonymous label. */
export class PanelStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async listJudges(roundId: string): Promise<Judge[]> {
    const items = await queryPrefix(this.db, this.table, roundPartition(roundId), JUDGE_PREFIX, true);
    return items.map(decoder('Judge'));
  }

  async getJudges(keys: readonly { roundId: string; userId: string }[]): Promise<Judge[]> {
    const items = await batchGet(
      this.db,
      this.table,
      keys.map((k) => judgeKey(k.roundId, k.userId)),
    );
    return items.map(decoder('Judge'));
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
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return refused('ROUND_CHANGED');
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
    return items.map((i) => decode('Judge', i).roundId);
  }
}
