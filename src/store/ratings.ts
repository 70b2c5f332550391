import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { emptyCounts, type LevelCounts } from '../methods/ratings/figures.js';
import { RATING_LEVELS } from '../methods/ratings/levels.js';
import type { Rating, RatingCase, RatingCode, ServicePoint } from '../methods/ratings/model.js';
import type { Dynamo } from './client.js';
import { decode, decoder } from './codecs.js';
import {
  caseKey,
  casesOf,
  codesOfPoint,
  codesOfUnit,
  counterKey,
  dedupKey,
  pointKey,
  pointsOf,
  ratingCodeKey,
  ratingKey,
  ratingsOf,
  throttleKey,
} from './keys.js';
import { batchGet, cancellationReasons, done, queryAll, refused, type Item, type Outcome } from './ops.js';
import { INDEX } from './tables.js';

/** How a rating is guarded: its dedup key (a ref, or device + point + day) and the sender's address budget. */
export interface RatingGuards {
  dedup: string;
  throttle: { addressHash: string; minute: string; limit: number } | null;
  /** Seconds since the epoch after which the dedup and throttle items may be dropped (DynamoDB TTL `expiresAt`). */
  expiresAt: number;
}

export type RateOutcome = Outcome<'CODE_RETIRED' | 'DUPLICATE' | 'THROTTLED' | 'RACE'>;

/** Service points and their codes, ratings with their sharded counters, and follow-up cases. */
export class RatingStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** New points, each with its first code, in one transaction (at most 50 points). */
  async createPoints(points: readonly ServicePoint[]): Promise<Outcome<'TAKEN'>> {
    try {
      await this.send(
        points.flatMap((p) => [
          this.pointPut(p, 'attribute_not_exists(pk)'),
          this.codePut({ code: p.code, pointId: p.id, unitId: p.unitId, competitionId: p.competitionId, active: true, createdAt: p.createdAt }),
        ]),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)) return refused('TAKEN');
      throw error;
    }
  }

  /** A point's new code (rotation or move): the old one retired, the new one issued, the point rewritten, together. */
  async replaceCode(before: ServicePoint, after: ServicePoint, months: readonly string[], shards: number): Promise<Outcome<'CHANGED'>> {
    try {
      await this.send([
        {
          Update: {
            TableName: this.table,
            Key: ratingCodeKey(before.code),
            UpdateExpression: 'SET active = :false, retiredAt = :at',
            ConditionExpression: 'active = :true',
            ExpressionAttributeValues: { ':false': false, ':true': true, ':at': after.rotatedAt },
          },
        },
        this.codePut({
          code: after.code,
          pointId: after.id,
          unitId: after.unitId,
          competitionId: after.competitionId,
          active: true,
          createdAt: after.rotatedAt ?? after.createdAt,
        }),
        this.pointPut(after, 'code = :previous', { ':previous': before.code }),
        ...this.retireShards(before.code, months, shards, after.rotatedAt ?? after.createdAt),
      ]);
      return done();
    } catch (error) {
      if (cancellationReasons(error)) return refused('CHANGED');
      throw error;
    }
  }

  async getPoint(id: string): Promise<ServicePoint | null> {
    const [item] = await batchGet(this.db, this.table, [pointKey(id)], true);
    return item ? decode('ServicePoint', item) : null;
  }

  async getPoints(ids: readonly string[]): Promise<Map<string, ServicePoint>> {
    const items = await batchGet(this.db, this.table, ids.map(pointKey));
    return new Map(items.map((i) => decode('ServicePoint', i)).map((p) => [p.id, p]));
  }

  async listPoints(unitId: string): Promise<ServicePoint[]> {
    return (await this.byIndex(INDEX.gsi1, 'gsi1pk', pointsOf(unitId))).map(decoder('ServicePoint'));
  }

  async getCode(code: string): Promise<RatingCode | null> {
    const [item] = await batchGet(this.db, this.table, [ratingCodeKey(code)]);
    return item ? decode('RatingCode', item) : null;
  }

  /** Every code a unit's points have carried while in it (retired ones too: their ratings stay the unit's). */
  /**
   * The codes a unit's points have carried in one campaign: a unit rated in two campaigns
   * over the same months keeps each campaign's ratings apart.
   */
  async codesOfUnit(unitId: string, competitionId: string): Promise<RatingCode[]> {
    return (await this.byIndex(INDEX.gsi1, 'gsi1pk', codesOfUnit(unitId)))
      .map(decoder('RatingCode'))
      .filter((c) => (c.competitionId ?? competitionId) === competitionId);
  }

  async codesOfPoint(pointId: string): Promise<RatingCode[]> {
    return (await this.byIndex(INDEX.gsi2, 'gsi2pk', codesOfPoint(pointId))).map(decoder('RatingCode'));
  }

  /**
   * A rating in ONE request: a transaction that puts the rating and its dedup item
   * (each only if new), counts the sender's address against its budget, adds one to its
   * level on a random counter shard (refused if the code was retired), and opens the
   * case of a 差评. Nothing is read first, nothing is read-modified-written, and no
   * item is shared by every rating of a point.
   */
  async rate(rating: Rating, guards: RatingGuards, shard: number, opened: RatingCase | null, attempt = 0): Promise<RateOutcome> {
    const items = [
      {
        Put: {
          TableName: this.table,
          Item: { ...dedupKey(guards.dedup), entity: 'RatingDedup', ratingId: rating.id, expiresAt: guards.expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      guards.throttle
        ? {
            Update: {
              TableName: this.table,
              Key: throttleKey(guards.throttle.addressHash, guards.throttle.minute),
              UpdateExpression: 'ADD n :one SET entity = :entity, expiresAt = :expires',
              ConditionExpression: 'attribute_not_exists(n) OR n < :limit',
              ExpressionAttributeValues: { ':one': 1, ':limit': guards.throttle.limit, ':entity': 'RatingThrottle', ':expires': guards.expiresAt },
            },
          }
        : null,
      { Put: { TableName: this.table, Item: this.ratingItem(rating), ConditionExpression: 'attribute_not_exists(pk)' } },
      // The shard knows whether its code was retired: no item every rating of a point would meet.
      this.counterAdd(rating.code, rating.month, shard, rating.level, 1),
      opened ? { Put: { TableName: this.table, Item: this.caseItem(opened), ConditionExpression: 'attribute_not_exists(pk)' } } : null,
    ].filter((item) => item !== null);
    try {
      // The token makes the SDK's own retry of a timed-out attempt idempotent: a rating
      // that landed is not then refused as its own duplicate.
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never, ClientRequestToken: `${rating.id.slice(-26)}-${attempt}` }));
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return refused('DUPLICATE');
      if (guards.throttle && reasons[1] === 'ConditionalCheckFailed') return refused('THROTTLED');
      const counter = guards.throttle ? 3 : 2;
      if (reasons[counter] === 'ConditionalCheckFailed') return refused('CODE_RETIRED');
      return refused('RACE');
    }
  }

  /** The counts per level of some codes over some months: every shard, and the removals, summed. */
  async counts(codes: readonly string[], months: readonly string[], shards: number): Promise<{ counts: LevelCounts; removed: number }> {
    const keys = codes.flatMap((code) =>
      months.flatMap((month) => [...Array.from({ length: shards }, (_, n) => counterKey(code, month, n)), counterKey(code, month, 'removed')]),
    );
    const items = keys.length > 0 ? await batchGet(this.db, this.table, keys) : [];
    const counts = emptyCounts();
    let removed = 0;
    for (const item of items) {
      for (const level of RATING_LEVELS) counts[level] += Number(item[level] ?? 0);
      removed += Number(item.removed ?? 0);
    }
    return { counts, removed };
  }

  async listRatings(code: string, month: string): Promise<Rating[]> {
    return (
      await queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': ratingsOf(code, month) } })
    ).map(decoder('Rating'));
  }

  async getCase(id: string): Promise<RatingCase | null> {
    const [item] = await batchGet(this.db, this.table, [caseKey(id)], true);
    return item ? decode('RatingCase', item) : null;
  }

  async listCases(months: readonly string[], unitId: string | null): Promise<RatingCase[]> {
    const lists = await Promise.all(
      months.map((month) =>
        queryAll(this.db, {
          TableName: this.table,
          IndexName: INDEX.gsi1,
          KeyConditionExpression: unitId ? 'gsi1pk = :p AND begins_with(gsi1sk, :u)' : 'gsi1pk = :p',
          ExpressionAttributeValues: { ':p': casesOf(month), ...(unitId ? { ':u': `${unitId}#` } : {}) },
        }),
      ),
    );
    return lists.flat().map(decoder('RatingCase'));
  }

  /** A case's next state under the version it was read at. */
  async putCase(next: RatingCase): Promise<Outcome<'STALE'>> {
    try {
      await this.send([
        {
          Put: {
            TableName: this.table,
            Item: this.caseItem(next),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': next.version - 1 },
          },
        },
      ]);
      return done();
    } catch (error) {
      if (cancellationReasons(error)) return refused('STALE');
      throw error;
    }
  }

  /**
   * An upheld appeal: the case moves on, the rating is marked not counted, and the
   * counters take it back (a commutative ADD of −1 on the removals shard), together.
   */
  async removeFromFigures(next: RatingCase): Promise<Outcome<'STALE'>> {
    const rating = next.rating;
    try {
      await this.send([
        {
          Put: {
            TableName: this.table,
            Item: this.caseItem(next),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': next.version - 1 },
          },
        },
        {
          Update: {
            TableName: this.table,
            Key: ratingKey(rating.code, rating.month, rating.id),
            UpdateExpression: 'SET counted = :false',
            ConditionExpression: 'counted = :true',
            ExpressionAttributeValues: { ':false': false, ':true': true },
          },
        },
        {
          Update: {
            TableName: this.table,
            Key: counterKey(rating.code, rating.month, 'removed'),
            UpdateExpression: 'ADD #level :minus, removed :one SET entity = :entity',
            ExpressionAttributeNames: { '#level': rating.level },
            ExpressionAttributeValues: { ':minus': -1, ':one': 1, ':entity': 'RatingCounter' },
          },
        },
      ]);
      return done();
    } catch (error) {
      if (cancellationReasons(error)) return refused('STALE');
      throw error;
    }
  }

  private counterAdd(code: string, month: string, shard: number, level: string, by: number) {
    return {
      Update: {
        TableName: this.table,
        Key: counterKey(code, month, shard),
        UpdateExpression: 'ADD #level :by SET entity = :entity',
        ConditionExpression: 'attribute_not_exists(retired)',
        ExpressionAttributeNames: { '#level': level },
        ExpressionAttributeValues: { ':by': by, ':entity': 'RatingCounter' },
      },
    };
  }

  /** Marks a retired code's counter shards for the months a form issued before could still be used in. */
  private retireShards(code: string, months: readonly string[], shards: number, at: string) {
    return months.flatMap((month) =>
      Array.from({ length: shards }, (_, n) => ({
        Update: {
          TableName: this.table,
          Key: counterKey(code, month, n),
          UpdateExpression: 'SET retired = :at, entity = :entity',
          ExpressionAttributeValues: { ':at': at, ':entity': 'RatingCounter' },
        },
      })),
    );
  }

  private ratingItem(rating: Rating): Item {
    return { ...ratingKey(rating.code, rating.month, rating.id), entity: 'Rating', ...rating };
  }

  private caseItem(c: RatingCase): Item {
    return { ...caseKey(c.id), gsi1pk: casesOf(c.rating.month), gsi1sk: `${c.rating.unitId}#${c.id}`, entity: 'RatingCase', ...c };
  }

  private pointPut(point: ServicePoint, condition: string, values?: Record<string, unknown>) {
    return {
      Put: {
        TableName: this.table,
        Item: { ...pointKey(point.id), gsi1pk: pointsOf(point.unitId), gsi1sk: point.id, entity: 'ServicePoint', ...point },
        ConditionExpression: condition,
        ...(values ? { ExpressionAttributeValues: values } : {}),
      },
    };
  }

  private codePut(code: RatingCode) {
    return {
      Put: {
        TableName: this.table,
        Item: {
          ...ratingCodeKey(code.code),
          gsi1pk: codesOfUnit(code.unitId),
          gsi1sk: code.code,
          gsi2pk: codesOfPoint(code.pointId),
          gsi2sk: code.code,
          entity: 'RatingCode',
          ...code,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  private async byIndex(index: string, attribute: string, value: string): Promise<Item[]> {
    return queryAll(this.db, {
      TableName: this.table,
      IndexName: index,
      KeyConditionExpression: `${attribute} = :p`,
      ExpressionAttributeValues: { ':p': value },
    });
  }

  private async send(items: readonly Record<string, unknown>[]): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
  }
}
