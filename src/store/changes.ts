import { ulid } from 'ulid';
import type { ChangeRecord } from '../domain/ownership.js';
import type { Dynamo } from './client.js';
import { changeKey, changesOf } from './keys.js';
import { queryAll, type Item } from './ops.js';
import { decoder } from './codecs.js';

/** The item that records one change, written in the same transaction as the change itself. */
export function changeItem(record: ChangeRecord): Item {
  return { ...changeKey(record.subjectId, record.at, ulid()), entity: 'Change', ...record };
}

/** Every recorded change of one subject, oldest first. */
export async function listChanges(db: Dynamo, table: string, subjectId: string): Promise<ChangeRecord[]> {
  const items = await queryAll(db, { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': changesOf(subjectId) } });
  return items.map(decoder('Change'));
}
