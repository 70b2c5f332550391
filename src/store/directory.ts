import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Cadre, Unit } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { ALL_CADRES, ALL_UNITS, cadreIndexes, cadreKey, cadresOf, unitIndexes, unitKey, unitsUnder } from './keys.js';
import { batchGet, batchPut, cancellationReasons, queryAll, queryPage, recordOf, type Page } from './ops.js';
import { INDEX } from './tables.js';

/** Units and cadres: the organisational directory competitions draw on. */
export class DirectoryStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** Creates a unit; returns false when its parent does not exist (nothing written). */
  async createUnit(unit: Unit): Promise<boolean> {
    const put = {
      Put: {
        TableName: this.table,
        Item: { ...unitKey(unit.id), ...unitIndexes(unit), entity: 'Unit', ...unit },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    if (unit.parentId === null) {
      await this.db.send(new TransactWriteCommand({ TransactItems: [put] }));
      return true;
    }
    const parentExists = {
      ConditionCheck: { TableName: this.table, Key: unitKey(unit.parentId), ConditionExpression: 'attribute_exists(pk)' },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [parentExists, put] }));
      return true;
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async getUnits(ids: readonly string[]): Promise<Map<string, Unit>> {
    const items = await batchGet(this.db, this.table, ids.map(unitKey));
    return new Map(items.map((item) => recordOf<Unit>(item)).map((u) => [u.id, u]));
  }

  /** Children of `parentId`, or every unit when it is undefined; by name. */
  async listUnits(parentId: string | undefined): Promise<Unit[]> {
    const byParent = parentId !== undefined;
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: byParent ? INDEX.gsi1 : INDEX.gsi2,
      KeyConditionExpression: byParent ? 'gsi1pk = :p' : 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': byParent ? unitsUnder(parentId) : ALL_UNITS },
    });
    return items.map((item) => recordOf<Unit>(item));
  }

  /** Writes cadres as given (create or replace by id). Idempotent, so batches may be retried freely. */
  async putCadres(cadres: readonly Cadre[]): Promise<void> {
    const items = cadres.map((c) => ({ ...cadreKey(c.id), ...cadreIndexes(c), entity: 'Cadre', ...c }));
    await batchPut(this.db, this.table, items);
  }

  async getCadres(ids: readonly string[]): Promise<Map<string, Cadre>> {
    const items = await batchGet(this.db, this.table, ids.map(cadreKey));
    return new Map(items.map((item) => recordOf<Cadre>(item)).map((c) => [c.id, c]));
  }

  async listCadres(unitId: string | undefined, limit: number, start: Record<string, unknown> | undefined): Promise<Page> {
    const byUnit = unitId !== undefined;
    return queryPage(this.db, {
      TableName: this.table,
      IndexName: byUnit ? INDEX.gsi1 : INDEX.gsi2,
      KeyConditionExpression: byUnit ? 'gsi1pk = :p' : 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': byUnit ? cadresOf(unitId) : ALL_CADRES },
      Limit: limit,
      ExclusiveStartKey: start,
    });
  }
}
