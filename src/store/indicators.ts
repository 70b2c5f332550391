import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Round } from '../domain/model.js';
import type { Adjustment, IndicatorSet, IndicatorValue } from '../methods/indicators/model.js';
import type { Dynamo } from './client.js';
import { decode, decoder } from './codecs.js';
import { aggregateUpdate, type Ranker, type StoredEntry } from './entries.js';
import {
  ADJUSTMENT_PREFIX,
  ALL_INDICATOR_SETS,
  INDICATOR_SET_PREFIX,
  VALUE_PREFIX,
  VALUE_REQUEST_PREFIX,
  adjustmentKey,
  adjustmentsOf,
  entryKey,
  entryPartition,
  roundKey,
  valueKey,
  valueRequestKey,
  valuesOf,
} from './keys.js';
import { VersionedStore } from './versions.js';
import { batchGet, cancellationReasons, queryAll, type Outcome } from './ops.js';
import { INDEX } from './tables.js';

/** Indicator sets (in the rubrics table): each version an immutable item, a head naming the latest for listings. */
export class IndicatorSetStore extends VersionedStore<IndicatorSet, 'IndicatorSet', 'IndicatorSetHead'> {
  constructor(db: Dynamo, table: string) {
    super(db, table, { entity: 'IndicatorSet', headEntity: 'IndicatorSetHead', prefix: INDICATOR_SET_PREFIX, listing: ALL_INDICATOR_SETS });
  }
}

/** What an INDICATORS entry keeps and rewrites with each change to its evidence (`IndicatorsAggregate` and the result). */
export const INDICATORS_AGGREGATE_ATTRIBUTES = [
  'measured',
  'scores',
  'indicatorPoints',
  'sectionScores',
  'adjustments',
  'bonus',
  'penalty',
  'vetoed',
  'valueCount',
  'rawTotal',
  'total',
] as const;

/** Everything a change to one entry's evidence decides on, read consistently. */
export interface EntryEvidence {
  round: Round | null;
  entry: StoredEntry | null;
  values: IndicatorValue[];
  adjustments: Adjustment[];
  /** Client request ids that already wrote values of this entry. */
  requests: Set<string>;
}

/** A change to one entry's evidence and the aggregate it leads to, written together or not at all. */
export interface EvidenceChange {
  round: Round;
  /** The entry after the change, version bumped: written under the version it was read at. */
  entry: StoredEntry;
  rank: Ranker;
  attributes: readonly string[];
  /** Values to write, each guarded by the version it replaces (0: new). */
  values: readonly IndicatorValue[];
  adjustments: readonly { adjustment: Adjustment; expectedStatus: Adjustment['status'] | null }[];
  /** The client request writing the values, receipted in the same transaction so that a replay writes nothing. */
  clientRequestId?: string | null;
}

/**
 * Indicator values and adjustments (in the competitions table, under their entry):
 * each change is one transaction with the entry's new aggregate, guarded by the
 * entry's version and the round being OPEN.
 */
export class IndicatorEvidenceStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** The round, the entry and the entry's values and adjustments: two requests, in parallel, consistent. */
  async loadEntryEvidence(roundId: string, keyPart: string, entryId: string): Promise<EntryEvidence> {
    const [items, evidence] = await Promise.all([
      batchGet(this.db, this.table, [roundKey(roundId), entryKey(roundId, keyPart)], true),
      queryAll(this.db, {
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': entryPartition(entryId) },
        ConsistentRead: true,
      }),
    ]);
    const round = items.find((i) => i.entity === 'Round');
    const entry = items.find((i) => i.entity === 'Entry');
    return {
      round: round ? decode('Round', round) : null,
      entry: entry ? decode('Entry', entry) : null,
      values: evidence.filter((i) => String(i.sk).startsWith(VALUE_PREFIX)).map(decoder('IndicatorValue')),
      adjustments: evidence.filter((i) => String(i.sk).startsWith(ADJUSTMENT_PREFIX)).map(decoder('Adjustment')),
      requests: new Set(evidence.filter((i) => String(i.sk).startsWith(VALUE_REQUEST_PREFIX)).map((i) => String(i.clientRequestId))),
    };
  }

  /** Writes a change to one entry's evidence with its aggregate; refused when the round left OPEN or anything moved meanwhile. */
  async commit(change: EvidenceChange): Promise<Outcome<'ROUND_NOT_OPEN' | 'STALE'>> {
    const { round, entry } = change;
    const keyPart = entry.keyPart;
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: roundKey(round.id),
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': 'OPEN' },
              },
            },
            aggregateUpdate(this.table, entry, change.rank, change.attributes),
            ...change.values.map((value) => ({
              Put: {
                TableName: this.table,
                Item: {
                  ...valueKey(value.entryId, value.indicator),
                  gsi1pk: valuesOf(round.id),
                  gsi1sk: `${keyPart}#${value.indicator}`,
                  entity: 'IndicatorValue',
                  ...value,
                },
                ConditionExpression: value.version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
                ...(value.version === 1 ? {} : { ExpressionAttributeValues: { ':previous': value.version - 1 } }),
              },
            })),
            ...(change.clientRequestId
              ? [
                  {
                    Put: {
                      TableName: this.table,
                      Item: { ...valueRequestKey(entry.id, change.clientRequestId), clientRequestId: change.clientRequestId, at: new Date().toISOString() },
                      ConditionExpression: 'attribute_not_exists(pk)',
                    },
                  },
                ]
              : []),
            ...change.adjustments.map(({ adjustment, expectedStatus }) => ({
              Put: {
                TableName: this.table,
                Item: {
                  ...adjustmentKey(adjustment.entryId, adjustment.id),
                  gsi1pk: adjustmentsOf(round.id),
                  gsi1sk: `${keyPart}#${adjustment.id}`,
                  entity: 'Adjustment',
                  ...adjustment,
                },
                ConditionExpression: expectedStatus === null ? 'attribute_not_exists(pk)' : '#status = :expected',
                ...(expectedStatus === null
                  ? {}
                  : { ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':expected': expectedStatus } }),
              },
            })),
          ],
        }),
      );
      return { ok: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return { ok: false, reason: 'ROUND_NOT_OPEN' };
      if (reasons.includes('ConditionalCheckFailed') || reasons.includes('TransactionConflict')) return { ok: false, reason: 'STALE' };
      throw error;
    }
  }

  /** Every value of a round (the verification queue, and verification of results), in entry order. */
  async listValues(roundId: string): Promise<IndicatorValue[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': valuesOf(roundId) },
    });
    return items.map(decoder('IndicatorValue'));
  }

  /** Every adjustment of a round, in entry order. */
  async listAdjustments(roundId: string): Promise<Adjustment[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': adjustmentsOf(roundId) },
    });
    return items.map(decoder('Adjustment'));
  }

  /** One adjustment by id. */
  async getAdjustment(entryId: string, id: string): Promise<Adjustment | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: adjustmentKey(entryId, id), ConsistentRead: true }));
    return out.Item ? decode('Adjustment', out.Item) : null;
  }
}
