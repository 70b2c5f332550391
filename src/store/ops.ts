import { BatchGetCommand, BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { ServiceUnavailableError } from '../domain/errors.js';
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

/**
 * An optimistic write lost to a concurrent one; the operation starts over. `hint` is
 * what the lost attempt learnt (say, the items as they now are), handed to the next.
 */
export class RaceLost<Hint = unknown> extends Error {
  constructor(readonly hint?: Hint) {
    super('Lost a race to a concurrent write');
  }
}

export const isRaceLost = (error: unknown): error is RaceLost => error instanceof RaceLost;

/** A lost optimistic race, or a transaction cancelled only because another held one of its items. */
export const isLostRaceOrConflict = (error: unknown): boolean => isRaceLost(error) || isTransientConflict(error);

export function backoff(attempt: number, baseMs = 10, capMs = 500): Promise<void> {
  // Full jitter: spreads competing retries apart instead of letting them collide again.
  const ms = Math.random() * Math.min(capMs, baseMs * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface RetryOptions {
  /** Tries in all, the first included (12 by default). */
  attempts?: number;
  /** Waits before retry number `attempt` (1, 2, …); `backoff` by default. */
  wait?: (attempt: number) => Promise<void>;
  /** The message of the ServiceUnavailableError thrown when the last attempt lost its race. */
  busy?: string;
}

/**
 * Runs an optimistic operation, retrying it from the start while `shouldRetry` says
 * the failure was a lost race (a RaceLost by default), up to `attempts` times. Each
 * attempt gets its number (from 0) and the RaceLost the previous one threw, if any.
 * When the last attempt loses a race the caller gets ServiceUnavailableError (busy;
 * retry shortly); any other failure is rethrown as it is.
 */
export async function retrying<T, Hint = unknown>(
  operation: (attempt: number, lost: RaceLost<Hint> | undefined) => Promise<T>,
  shouldRetry: (error: unknown) => boolean = isRaceLost,
  options: RetryOptions = {},
): Promise<T> {
  const { attempts = 12, wait = backoff, busy } = options;
  let lost: RaceLost<Hint> | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation(attempt, lost);
    } catch (error) {
      if (!shouldRetry(error)) throw error;
      if (attempt + 1 >= attempts) throw isRaceLost(error) ? new ServiceUnavailableError(busy) : error;
      lost = isRaceLost(error) ? (error as RaceLost<Hint>) : undefined;
      await wait(attempt + 1);
    }
  }
}

/** A conditional write that happened; `value` is what it wrote or read back, for those that report one. */
export type Done<Value = undefined> = [Value] extends [undefined] ? { ok: true } : { ok: true; value: Value };

/** A conditional write refused for `reason`, nothing written; `Extra` is what the refusal hands back. */
export type Refused<Reason extends string, Extra extends object = Record<never, never>> = { ok: false; reason: Reason } & Extra;

/**
 * What a conditional write reports: done (with what it wrote or read back), or refused
 * with a typed reason and nothing written. `Extras` gives some reasons' refusals more
 * fields, e.g. `Outcome<'STALE' | 'GONE', undefined, { STALE: { entry: StoredEntry } }>`.
 */
export type Outcome<Reason extends string, Value = undefined, Extras extends Partial<Record<Reason, object>> = Record<never, never>> =
  | Done<Value>
  | { [R in Reason]: Refused<R, R extends keyof Extras ? NonNullable<Extras[R]> : Record<never, never>> }[Reason];

export function done(): { ok: true };
export function done<Value>(value: Value): { ok: true; value: Value };
export function done(...value: [] | [unknown]): { ok: true; value?: unknown } {
  return value.length === 0 ? { ok: true } : { ok: true, value: value[0] };
}

export function refused<Reason extends string>(reason: Reason): Refused<Reason>;
export function refused<Reason extends string, Extra extends object>(reason: Reason, extra: Extra): Refused<Reason, Extra>;
export function refused(reason: string, extra?: object): Refused<string> {
  return { ...extra, ok: false, reason };
}

/**
 * Adds `userId` to an item's `editors` list (a grant), once. Refused NOT_FOUND when the
 * item does not exist; granting twice is not an error.
 */
export async function addEditor(db: Dynamo, table: string, key: ItemKey, userId: string): Promise<Outcome<'NOT_FOUND'>> {
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
    return done();
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const out = await db.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
    return out.Item ? done() : refused('NOT_FOUND');
  }
}
