import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../domain/model.js';
import type { RankValue } from '../domain/ranking.js';
import type { Dynamo } from './client.js';
import { ENTRY_PREFIX, entryKey, groupLeaderboardOf, leaderboardOf, leaderboardSortKey, rankedBelow, roundKey, roundPartition } from './keys.js';
import { batchGet, batchPut, cancellationReasons, done, queryCount, queryPage, queryPrefix, refused, type Item, type Outcome } from './ops.js';
import { decode, decoder, type StoredEntry } from './codecs.js';
import { INDEX } from './tables.js';

export type { StoredEntry } from './codecs.js';

/** ALREADY_ENROLLED names the first entry (its index in the call) that was. */
export type AddEntriesOutcome = Outcome<'ROUND_NOT_DRAFT' | 'ALREADY_ENROLLED', undefined, { ALREADY_ENROLLED: { index: number } }>;

/** The rank value of an entry by its round's method (`RoundScoring.rankValue`), or null when unranked. */
export type Ranker = (entry: StoredEntry) => RankValue | null;

/** The entry's place on the round's leaderboard index and, if it has a group, on the group's. */
export function entryIndexes(entry: StoredEntry, rank: Ranker): Item {
  const sortKey = leaderboardSortKey(rank(entry), entry.total, entry.order, entry.keyPart);
  return {
    gsi1pk: leaderboardOf(entry.roundId),
    gsi1sk: sortKey,
    ...(entry.group === null ? {} : { gsi2pk: groupLeaderboardOf(entry.roundId, entry.group), gsi2sk: sortKey }),
  };
}

/** The key an entry should have on its round's leaderboard, by the round's method. */
export function leaderboardKeyOf(entry: StoredEntry, rank: Ranker): string {
  return String(entryIndexes(entry, rank).gsi1sk);
}

export function entryItem(entry: StoredEntry, rank: Ranker): Item {
  return { ...entryKey(entry.roundId, entry.keyPart), ...entryIndexes(entry, rank), entity: 'Entry', ...entry };
}

/**
 * The transaction item that stores an entry's new aggregate — the method's
 * `attributes` (those the entry has), its result and its leaderboard keys — guarded
 * by the version it was computed from (`entry.version - 1`): a concurrent change
 * makes it fail.
 */
export function aggregateUpdate(table: string, entry: StoredEntry, rank: Ranker, attributes: readonly string[]) {
  const record = entry as unknown as Item;
  const fields = {
    ...Object.fromEntries(attributes.filter((name) => record[name] !== undefined).map((name) => [name, record[name]])),
    ...entryIndexes(entry, rank),
  };
  const names = Object.keys(fields);
  return {
    Update: {
      TableName: table,
      Key: entryKey(entry.roundId, entry.keyPart),
      UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}, version = :next`,
      ConditionExpression: 'version = :expected',
      // A lost race hands back the entry as it now is, so the retry needs no fresh read.
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
      ExpressionAttributeValues: {
        ...Object.fromEntries(names.map((name, i) => [`:a${i}`, fields[name]])),
        ':next': entry.version,
        ':expected': entry.version - 1,
      },
    },
  };
}

/** A round's entries and its leaderboard indexes (the round's and each group's). */
export class EntryStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** Enrols entries and counts them on the round, atomically, while the round is DRAFT. At most 99. */
  async addEntries(round: Round, entries: readonly StoredEntry[], rank: Ranker): Promise<AddEntriesOutcome> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: roundKey(round.id),
                UpdateExpression: 'ADD entryCount :n',
                ConditionExpression: '#status = :draft',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':n': entries.length, ':draft': 'DRAFT' },
              },
            },
            ...entries.map((entry) => ({
              Put: { TableName: this.table, Item: entryItem(entry, rank), ConditionExpression: 'attribute_not_exists(pk)' },
            })),
          ],
        }),
      );
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return refused('ROUND_NOT_DRAFT');
      const index = reasons.slice(1).indexOf('ConditionalCheckFailed');
      if (index >= 0) return refused('ALREADY_ENROLLED', { index });
      throw error;
    }
  }

  async getEntries(keys: readonly { roundId: string; keyPart: string }[], consistent = false): Promise<StoredEntry[]> {
    const items = await batchGet(
      this.db,
      this.table,
      keys.map((k) => entryKey(k.roundId, k.keyPart)),
      consistent,
    );
    return items.map(decoder('Entry'));
  }

  async listEntries(roundId: string, consistent = false): Promise<StoredEntry[]> {
    return (await this.listEntryItems(roundId, consistent)).map(decoder('Entry'));
  }

  /** Entry items as stored, index keys included (for verification). */
  async listEntryItems(roundId: string, consistent = true): Promise<Item[]> {
    return queryPrefix(this.db, this.table, roundPartition(roundId), ENTRY_PREFIX, consistent);
  }

  /**
   * One page of a leaderboard index (the round's, or one group's), best first; `start` is
   * the last row seen. Each row comes with its sort key, which resumes the listing after it.
   */
  async leaderboardPage(
    roundId: string,
    group: string | null,
    limit: number,
    start: { keyPart: string; sortKey: string } | undefined,
  ): Promise<{ entry: StoredEntry; sortKey: string }[]> {
    const index = leaderboardIndex(roundId, group);
    const page = await queryPage(this.db, {
      TableName: this.table,
      IndexName: index.name,
      KeyConditionExpression: `${index.name}pk = :p`,
      ExpressionAttributeValues: { ':p': index.partition },
      Limit: limit,
      ExclusiveStartKey: start && {
        ...entryKey(roundId, start.keyPart),
        [`${index.name}pk`]: index.partition,
        [`${index.name}sk`]: start.sortKey,
      },
    });
    return page.items.map((item) => ({ entry: decode('Entry', item), sortKey: String(item[`${index.name}sk`]) }));
  }

  /** Entries as stored with the key that orders each on the round's leaderboard (for verification). */
  async listEntriesWithLeaderboardKeys(roundId: string): Promise<{ entry: StoredEntry; leaderboardKey: string }[]> {
    const items = await this.listEntryItems(roundId, true);
    return items.map((item) => ({ entry: decode('Entry', item), leaderboardKey: String(item.gsi1sk) }));
  }

  /** How many ranked entries of the round (or group) have a strictly better rank value. */
  async countBetter(roundId: string, group: string | null, value: RankValue): Promise<number> {
    const index = leaderboardIndex(roundId, group);
    return queryCount(this.db, {
      TableName: this.table,
      IndexName: index.name,
      KeyConditionExpression: `${index.name}pk = :p AND ${index.name}sk < :below`,
      ExpressionAttributeValues: { ':p': index.partition, ':below': rankedBelow(value) },
    });
  }

  /** Rewrites entries whole (finalised results). Not conditional: callers hold the round's finalising lock. */
  async putEntries(entries: readonly StoredEntry[], rank: Ranker): Promise<number> {
    return batchPut(
      this.db,
      this.table,
      entries.map((e) => entryItem(e, rank)),
    );
  }

  /**
   * Raises the sheets an entry expects (judges joined an OPEN panel). Commutative, and
   * it bumps the version, so an aggregate computed before it fails its guard and is redone.
   */
  async addExpectedSheets(entry: StoredEntry, count: number): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: entryKey(entry.roundId, entry.keyPart),
        UpdateExpression: 'ADD expectedSheets :n, version :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':n': count, ':one': 1 },
      }),
    );
  }
}

function leaderboardIndex(roundId: string, group: string | null) {
  return group === null ? { name: INDEX.gsi1, partition: leaderboardOf(roundId) } : { name: INDEX.gsi2, partition: groupLeaderboardOf(roundId, group) };
}
