import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Dynamo } from './client.js';
import type { ItemKey } from './keys.js';

export type { Item } from './codecs.js';
import type { Item } from './codecs.js';

/**
 * The ExclusiveStartKey that resumes a query after `item`: the table key plus the
 * queried index's key, and nothing else (DynamoDB rejects extra attributes).
 */
export function startKeyAfter(item: Item, index?: string): Record<string, unknown> {
  const names = ['pk', 'sk', ...(index ? [`${index}pk`, `${index}sk`] : [])];
  return Object.fromEntries(names.map((n) => [n, item[n]]));
}

export interface Page {
  items: Item[];
  lastKey: Record<string, unknown> | undefined;
  /** The index the query read, so a cursor can carry exactly its key. */
  index?: string;
}

export async function queryPage(db: Dynamo, input: QueryCommandInput): Promise<Page> {
  const out = await db.send(new QueryCommand(input));
  return { items: (out.Items ?? []) as Item[], lastKey: out.LastEvaluatedKey, index: input.IndexName };
}

/** Every item of a query, following DynamoDB's 1 MB pages. */
export async function queryAll(db: Dynamo, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await queryPage(db, { ...input, ExclusiveStartKey: start });
    items.push(...page.items);
    start = page.lastKey;
  } while (start);
  return items;
}

/**
 * The first `limit` items of a query that pass its FilterExpression, following
 * DynamoDB's pages until enough are found or the partition ends (a filtered query
 * reads a whole partition at worst: use it on partitions of bounded size only).
 */
export async function queryFiltered(db: Dynamo, input: QueryCommandInput, limit: number): Promise<Page> {
  const items: Item[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const page = await queryPage(db, { ...input, ExclusiveStartKey: start, Limit: undefined });
    items.push(...page.items);
    start = page.lastKey;
  } while (start && items.length < limit);
  return { items: items.slice(0, limit), lastKey: start, index: input.IndexName };
}

/** Every item of one partition whose sort key starts with `prefix`. */
export function queryPrefix(db: Dynamo, table: string, pk: string, prefix: string, consistent = false): Promise<Item[]> {
  return queryAll(db, {
    TableName: table,
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
    ConsistentRead: consistent,
  });
}

/** Counts a query's matches without transferring them. */
export async function queryCount(db: Dynamo, input: QueryCommandInput): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new QueryCommand({ ...input, Select: 'COUNT', ExclusiveStartKey: start }));
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

const BATCH_GET_LIMIT = 100;
export const BATCH_WRITE_LIMIT = 25;
const MAX_UNPROCESSED_ROUNDS = 8;

/** Reads items by key from one table, in batches of 100, retrying unprocessed keys. */
export async function batchGet(db: Dynamo, table: string, keys: readonly ItemKey[], consistent = false): Promise<Item[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = unique.slice(i, i + BATCH_GET_LIMIT).map((k) => ({ pk: k.pk, sk: k.sk }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_UNPROCESSED_ROUNDS) throw new Error('BatchGet left keys unprocessed');
      if (round > 0) await backoff(round);
      const out = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }));
      found.push(...((out.Responses?.[table] ?? []) as Item[]));
      pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Record<string, unknown>[];
    }
  }
  return found;
}

/** Puts items into one table, in batches of 25, retrying unprocessed items. Not atomic: use for idempotent writes. */
export async function batchPut(db: Dynamo, table: string, items: readonly Item[]): Promise<number> {
  let requests = 0;
  for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) {
    let pending = items.slice(i, i + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_UNPROCESSED_ROUNDS) throw new Error('BatchWrite left items unprocessed');
      if (round > 0) await backoff(round);
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      requests++;
      pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
  return requests;
}

/** Why each item of a cancelled transaction failed, in request order (`None` for those that did not). */
export function cancellationReasons(error: unknown): string[] | null {
  if (!(error instanceof TransactionCanceledException)) return null;
  return (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
}

/**
 * The items a cancelled transaction returned for its failed conditions (those
 * asked for with ReturnValuesOnConditionCheckFailure: ALL_OLD), unmarshalled; in
 * request order, undefined where none came back.
 */
export function cancellationItems(error: unknown): (Item | undefined)[] {
  if (!(error instanceof TransactionCanceledException)) return [];
  return (error.CancellationReasons ?? []).map((r) => (r.Item ? (unmarshall(r.Item as never) as Item) : undefined));
}

export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException;
}

/** Another transaction held one of the items: safe to retry the whole operation. */
export function isTransientConflict(error: unknown): boolean {
  const reasons = cancellationReasons(error);
  if (reasons) return reasons.includes('TransactionConflict') && !reasons.includes('ConditionalCheckFailed');
  return (error as { name?: string } | null)?.name === 'TransactionConflictException';
}

/** An optimistic write lost to a concurrent one; the operation starts over. */
export class RaceLost extends Error {}

export function backoff(attempt: number, baseMs = 10, capMs = 500): Promise<void> {
  // Full jitter: spreads competing retries apart instead of letting them collide again.
  const ms = Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs an optimistic operation, retrying it from the start while `shouldRetry`
 * says the failure was a lost race, up to `attempts` times.
 */
export async function retrying<T>(operation: (attempt: number) => Promise<T>, shouldRetry: (error: unknown) => boolean, attempts = 12): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt + 1 >= attempts || !shouldRetry(error)) throw error;
      await backoff(attempt + 1);
    }
  }
}

/**
 * Adds `userId` to an item's `editors` list (a grant), once. Returns false when the
 * item does not exist; granting twice is not an error.
 */
export async function addEditor(db: Dynamo, table: string, key: ItemKey, userId: string): Promise<boolean> {
  try {
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: key,
        UpdateExpression: 'SET editors = list_append(if_not_exists(editors, :none), :user)',
        ConditionExpression: 'attribute_exists(pk) AND NOT contains(editors, :id)',
        ExpressionAttributeValues: { ':none': [], ':user': [userId], ':id': userId },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const out = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    return out.Item !== undefined;
  }
}
