import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Dynamo } from './client.js';
import { decode, decoder, type EntityName, type Item } from './codecs.js';
import { versionHeadKey, versionKey, versionPartition, VERSION_PREFIX } from './keys.js';
import { batchGet, cancellationReasons, done, queryPage, refused, type Outcome, type Page } from './ops.js';
import { INDEX } from './tables.js';

/** What every versioned thing has: an id, a version number, a name, when and by whom. */
export interface Versioned {
  id: string;
  version: number;
  name: string;
  createdAt: string;
  ownerId?: string | null;
  editors?: readonly string[] | null;
}

/** How one kind of versioned thing is stored: its entity names, its key prefix and listing. */
export interface VersionedKind<E extends EntityName, H extends EntityName> {
  entity: E;
  headEntity: H;
  /** Partition prefix, e.g. RUBRIC or INDSET. */
  prefix: string;
  /** The index partition that lists the heads, newest first. */
  listing: string;
}

/**
 * A library of versioned things a round pins (rubrics, indicator sets): each version an
 * immutable item, a head naming the latest (and carrying the grants) for listings.
 */
export class VersionedStore<T extends Versioned, E extends EntityName, H extends EntityName> {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
    private readonly kind: VersionedKind<E, H>,
  ) {}

  /**
   * Writes version n and moves the head to it in one transaction (with `extra` items,
   * e.g. a change record); refused STALE when version n exists already.
   */
  async putVersion(item: T, extra: readonly Item[] = []): Promise<Outcome<'STALE'>> {
    const head = {
      id: item.id,
      name: item.name,
      latestVersion: item.version,
      updatedAt: item.createdAt,
      ownerId: item.ownerId ?? null,
      editors: [...(item.editors ?? [])],
    };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...versionKey(this.kind.prefix, item.id, item.version), entity: this.kind.entity, ...item },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...versionHeadKey(this.kind.prefix, item.id), gsi1pk: this.kind.listing, gsi1sk: item.id, entity: this.kind.headEntity, ...head },
                ConditionExpression: item.version === 1 ? 'attribute_not_exists(pk)' : 'latestVersion = :previous',
                ...(item.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': item.version - 1 } }),
              },
            },
            ...extra.map((Item) => ({ Put: { TableName: this.table, Item } })),
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return refused('STALE');
      throw error;
    }
  }

  async getHead(id: string) {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: versionHeadKey(this.kind.prefix, id), ConsistentRead: true }));
    return out.Item ? decode(this.kind.headEntity, out.Item) : null;
  }

  /** One version, or the latest when `version` is undefined. */
  async get(id: string, version?: number): Promise<T | null> {
    if (version !== undefined) {
      const out = await this.db.send(new GetCommand({ TableName: this.table, Key: versionKey(this.kind.prefix, id, version) }));
      return out.Item ? (decode(this.kind.entity, out.Item) as unknown as T) : null;
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        // Versions sort after the head ('#HEAD' < 'V#…'): the last item is the latest version.
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': versionPartition(this.kind.prefix, id), ':v': VERSION_PREFIX },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? (decode(this.kind.entity, item) as unknown as T) : null;
  }

  async getVersions(keys: readonly { id: string; version: number }[]): Promise<Map<string, T>> {
    const items = await batchGet(
      this.db,
      this.table,
      keys.map((k) => versionKey(this.kind.prefix, k.id, k.version)),
    );
    return new Map(items.map((i) => decoder(this.kind.entity)(i) as unknown as T).map((v) => [`${v.id}@${v.version}`, v]));
  }

  /** Heads, newest first. */
  listHeads(limit: number, start: Record<string, unknown> | undefined): Promise<Page> {
    return queryPage(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': this.kind.listing },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    });
  }
}
