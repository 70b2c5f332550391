import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ApiKey } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { apiKeyKey, apiKeysOf } from './keys.js';
import { done, isConditionFailure, queryAll, refused, type Outcome } from './ops.js';
import { decoder, decode } from './codecs.js';
import { INDEX } from './tables.js';

/** API keys for BI tools, kept in the directory table. */
export class ApiKeyStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async create(key: ApiKey): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...apiKeyKey(key.id), gsi1pk: apiKeysOf(key.createdBy), gsi1sk: key.id, entity: 'ApiKey', ...key },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Strongly consistent, so that a revocation takes effect on the very next request. */
  async get(id: string): Promise<ApiKey | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: apiKeyKey(id), ConsistentRead: true }));
    return out.Item ? decode('ApiKey', out.Item) : null;
  }

  /** The keys one user created, oldest first. */
  async list(createdBy: string): Promise<ApiKey[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': apiKeysOf(createdBy) },
    });
    return items.map(decoder('ApiKey'));
  }

  /** Refused NOT_FOUND when the key does not exist or is someone else's. Revoking twice keeps the first time. */
  async revoke(id: string, createdBy: string, at: string): Promise<Outcome<'NOT_FOUND'>> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: apiKeyKey(id),
          UpdateExpression: 'SET revokedAt = :at',
          // revokedAt is stored as null until the key is revoked.
          ConditionExpression: 'attribute_exists(pk) AND createdBy = :owner AND attribute_type(revokedAt, :null)',
          ExpressionAttributeValues: { ':at': at, ':null': 'NULL', ':owner': createdBy },
        }),
      );
      return done();
    } catch (error) {
      if (isConditionFailure(error)) return (await this.get(id))?.createdBy === createdBy ? done() : refused('NOT_FOUND');
      throw error;
    }
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: apiKeyKey(id),
        UpdateExpression: 'SET lastUsedAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }
}
