import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Rubric } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { rubricKey, rubricPartition } from './keys.js';
import { recordOf } from './ops.js';

/** Rubrics: each version is its own immutable item. */
export class RubricStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** Writes a new version; fails (ConditionalCheckFailed) if that version already exists. */
  async putVersion(rubric: Rubric): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...rubricKey(rubric.id, rubric.version), entity: 'Rubric', ...rubric },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** One version, or the latest when `version` is undefined. */
  async get(id: string, version?: number): Promise<Rubric | null> {
    if (version !== undefined) {
      const out = await this.db.send(new GetCommand({ TableName: this.table, Key: rubricKey(id, version) }));
      return out.Item ? recordOf<Rubric>(out.Item) : null;
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': rubricPartition(id) },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? recordOf<Rubric>(item) : null;
  }
}
