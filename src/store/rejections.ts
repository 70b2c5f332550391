import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { RejectedSheet } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { REJECTED_PREFIX, rejectedKey, roundKey, roundPartition } from './keys.js';
import { cancellationReasons, done, queryPrefix, refused, type Outcome } from './ops.js';
import { decoder } from './codecs.js';

/** Sheets refused because they arrived after their round closed: kept, so nothing a judge entered disappears. */
export class RejectionStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /**
   * Keeps a sheet that arrived after the round closed (once per judge and request id),
   * counted on the round item. Refused ALREADY_KEPT when it was (nothing written).
   */
  async put(rejected: RejectedSheet): Promise<Outcome<'ALREADY_KEPT'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...rejectedKey(rejected.roundId, rejected.judgeId, rejected.clientRequestId), entity: 'RejectedSheet', ...rejected },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: roundKey(rejected.roundId),
                UpdateExpression: 'ADD rejectedSheetCount :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('ALREADY_KEPT');
      throw error;
    }
  }

  async list(roundId: string): Promise<RejectedSheet[]> {
    const items = await queryPrefix(this.db, this.table, roundPartition(roundId), REJECTED_PREFIX);
    return items.map(decoder('RejectedSheet')).sort((a, b) => a.at.localeCompare(b.at));
  }
}
