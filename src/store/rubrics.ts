import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ChangeRecord } from '../domain/ownership.js';
import { changeItem, listChanges } from './changes.js';
import type { Rubric } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { ALL_RUBRICS, rubricHeadKey, rubricKey, rubricPartition } from './keys.js';
import { addEditor, batchGet, cancellationReasons, done, queryPage, refused, type Outcome, type Page } from './ops.js';
import { decoder, decode } from './codecs.js';
import type { RubricHead } from './codecs.js';
import { INDEX } from './tables.js';

/** The head of a rubric: which version is the latest, for listings. */
export type { RubricHead } from './codecs.js';

/** Rubrics: each version is its own immutable item; a head item names the latest for listings. */
export class RubricStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /**
   * Writes version n and moves the head to it in one transaction; refused STALE
   * when version n already exists (a concurrent update got there first).
   */
  async putVersion(rubric: Rubric, change: ChangeRecord): Promise<Outcome<'STALE'>> {
    const head: RubricHead = {
      id: rubric.id,
      name: rubric.name,
      latestVersion: rubric.version,
      updatedAt: rubric.createdAt,
      ownerId: rubric.ownerId ?? null,
      editors: [...(rubric.editors ?? [])],
    };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...rubricKey(rubric.id, rubric.version), entity: 'Rubric', ...rubric },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...rubricHeadKey(rubric.id), gsi1pk: ALL_RUBRICS, gsi1sk: rubric.id, entity: 'RubricHead', ...head },
                ConditionExpression: rubric.version === 1 ? 'attribute_not_exists(pk)' : 'latestVersion = :previous',
                ...(rubric.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': rubric.version - 1 } }),
              },
            },
            { Put: { TableName: this.table, Item: changeItem(change) } },
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return refused('STALE');
      throw error;
    }
  }

  async getHead(id: string): Promise<RubricHead | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: rubricHeadKey(id), ConsistentRead: true }));
    return out.Item ? decode('RubricHead', out.Item) : null;
  }

  /** Lets another organizer revise the rubric; refused NOT_FOUND when it does not exist. */
  addEditor(id: string, userId: string): Promise<Outcome<'NOT_FOUND'>> {
    return addEditor(this.db, this.table, rubricHeadKey(id), userId);
  }

  changes(subjectId: string): Promise<ChangeRecord[]> {
    return listChanges(this.db, this.table, subjectId);
  }

  /** Rubric heads, newest first. */
  async listHeads(limit: number, start: Record<string, unknown> | undefined): Promise<Page> {
    return queryPage(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': ALL_RUBRICS },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    });
  }

  async getVersions(keys: readonly { id: string; version: number }[]): Promise<Map<string, Rubric>> {
    const items = await batchGet(
      this.db,
      this.table,
      keys.map((k) => rubricKey(k.id, k.version)),
    );
    return new Map(items.map(decoder('Rubric')).map((r) => [`${r.id}@${r.version}`, r]));
  }

  /** One version, or the latest when `version` is undefined. */
  async get(id: string, version?: number): Promise<Rubric | null> {
    if (version !== undefined) {
      const out = await this.db.send(new GetCommand({ TableName: this.table, Key: rubricKey(id, version) }));
      return out.Item ? decode('Rubric', out.Item) : null;
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        // Versions sort after the head ('#HEAD' < 'V#…'): the last item is the latest version.
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': rubricPartition(id), ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? decode('Rubric', item) : null;
  }
}
