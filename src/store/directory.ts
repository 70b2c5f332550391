import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ChangeRecord } from '../domain/ownership.js';
import { changeItem, listChanges } from './changes.js';
import type { Cadre, Unit } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { ALL_CADRES, ALL_UNITS, cadreIndexes, cadreKey, cadresOf, unitIndexes, unitKey, unitsUnder } from './keys.js';
import { addEditor, batchGet, cancellationReasons, done, queryAll, queryFiltered, queryPage, refused, type Outcome, type Page } from './ops.js';
import { decoder } from './codecs.js';

/** A cadre and its change record are two of a transaction's 100 items. */
const CADRES_PER_TRANSACTION = 50;
import { INDEX } from './tables.js';

/** Units and cadres: the organisational directory competitions draw on. */
export class DirectoryStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /** Creates a unit and records the change; refused NO_PARENT when its parent does not exist (nothing written). */
  async createUnit(unit: Unit, change: ChangeRecord): Promise<Outcome<'NO_PARENT'>> {
    const log = { Put: { TableName: this.table, Item: changeItem(change) } };
    const put = {
      Put: {
        TableName: this.table,
        Item: { ...unitKey(unit.id), ...unitIndexes(unit), entity: 'Unit', ...unit },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
    if (unit.parentId === null) {
      await this.db.send(new TransactWriteCommand({ TransactItems: [put, log] }));
      return done();
    }
    const parentExists = {
      ConditionCheck: { TableName: this.table, Key: unitKey(unit.parentId), ConditionExpression: 'attribute_exists(pk)' },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [parentExists, put, log] }));
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('NO_PARENT');
      throw error;
    }
  }

  async getUnits(ids: readonly string[]): Promise<Map<string, Unit>> {
    const items = await batchGet(this.db, this.table, ids.map(unitKey));
    return new Map(items.map(decoder('Unit')).map((u) => [u.id, u]));
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
    return items.map(decoder('Unit'));
  }

  /**
   * Writes cadres (create or replace by id), each with its change record, in
   * transactions of CADRES_PER_TRANSACTION. Each cadre is written only if it is still
   * as it was read (`previous`: its `updatedAt`, or null when new), so a concurrent
   * edit is never overwritten unrecorded; refused STALE if any was (nothing of that
   * transaction written; earlier ones stay, and a retry is idempotent).
   */
  async putCadres(writes: readonly { cadre: Cadre; previous: string | null; change: ChangeRecord }[]): Promise<Outcome<'STALE'>> {
    for (let start = 0; start < writes.length; start += CADRES_PER_TRANSACTION) {
      const items = writes.slice(start, start + CADRES_PER_TRANSACTION).flatMap(({ cadre, previous, change }) => [
        {
          Put: {
            TableName: this.table,
            Item: { ...cadreKey(cadre.id), ...cadreIndexes(cadre), entity: 'Cadre', ...cadre },
            ConditionExpression: previous === null ? 'attribute_not_exists(pk)' : 'updatedAt = :previous',
            ...(previous === null ? {} : { ExpressionAttributeValues: { ':previous': previous } }),
          },
        },
        { Put: { TableName: this.table, Item: changeItem(change) } },
      ]);
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      } catch (error) {
        if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return refused('STALE');
        throw error;
      }
    }
    return done();
  }

  /** Lets another organizer change a unit (and the cadres in it); refused NOT_FOUND when the unit does not exist. */
  addUnitEditor(unitId: string, userId: string): Promise<Outcome<'NOT_FOUND'>> {
    return addEditor(this.db, this.table, unitKey(unitId), userId);
  }

  changes(subjectId: string): Promise<ChangeRecord[]> {
    return listChanges(this.db, this.table, subjectId);
  }

  async getCadres(ids: readonly string[]): Promise<Map<string, Cadre>> {
    const items = await batchGet(this.db, this.table, ids.map(cadreKey));
    return new Map(items.map(decoder('Cadre')).map((c) => [c.id, c]));
  }

  /**
   * Cadres of a unit (or all), by id; with `search`, only those whose name contains it
   * or whose id is it. Names are matched anywhere (伟 finds 李伟), which no key order
   * serves, so the search filters the directory's cadre index: a Query of one
   * bounded partition, never a Scan of the table.
   */
  async listCadres(unitId: string | undefined, limit: number, start: Record<string, unknown> | undefined, search?: string): Promise<Page> {
    const byUnit = unitId !== undefined;
    const query = {
      TableName: this.table,
      IndexName: byUnit ? INDEX.gsi1 : INDEX.gsi2,
      KeyConditionExpression: byUnit ? 'gsi1pk = :p' : 'gsi2pk = :p',
      ExpressionAttributeValues: { ':p': byUnit ? cadresOf(unitId) : ALL_CADRES },
      ExclusiveStartKey: start,
    };
    if (!search) return queryPage(this.db, { ...query, Limit: limit });
    return queryFiltered(
      this.db,
      {
        ...query,
        FilterExpression: 'contains(#name, :q) OR id = :q',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':q': search },
      },
      limit,
    );
  }

  /**
   * Moves or renames a unit, guarded by the version it was read at (its `updatedAt`
   * or `createdAt`), with its change record; a new parent must exist. Refused STALE on a
   * lost race (or when the unit is gone), NO_PARENT when the parent does not exist.
   */
  async updateUnit(unit: Unit, previous: string, change: ChangeRecord): Promise<Outcome<'STALE' | 'NO_PARENT'>> {
    const items: Record<string, unknown>[] = [
      {
        Put: {
          TableName: this.table,
          Item: { ...unitKey(unit.id), ...unitIndexes(unit), entity: 'Unit', ...unit },
          ConditionExpression: 'attribute_exists(pk) AND (updatedAt = :previous OR (attribute_not_exists(updatedAt) AND createdAt = :previous))',
          ExpressionAttributeValues: { ':previous': previous },
        },
      },
      { Put: { TableName: this.table, Item: changeItem(change) } },
    ];
    if (unit.parentId) items.push({ ConditionCheck: { TableName: this.table, Key: unitKey(unit.parentId), ConditionExpression: 'attribute_exists(pk)' } });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.[2] === 'ConditionalCheckFailed') return refused('NO_PARENT');
      if (reasons?.[0] === 'ConditionalCheckFailed') return refused('STALE');
      throw error;
    }
  }
}
