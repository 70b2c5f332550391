import type { Rubric } from '../domain/model.js';
import type { ChangeRecord } from '../domain/ownership.js';
import { changeItem, listChanges } from './changes.js';
import type { Dynamo } from './client.js';
import { ALL_RUBRICS, RUBRIC_PREFIX, rubricHeadKey } from './keys.js';
import { addEditor, type Outcome } from './ops.js';
import { VersionedStore } from './versions.js';

/** The head of a rubric: which version is the latest, for listings. */
export type { RubricHead } from './codecs.js';

/**
 * Rubrics: each version is its own immutable item; a head item names the latest for
 * listings and carries the grants; every version written is recorded as a change.
 */
export class RubricStore extends VersionedStore<Rubric, 'Rubric', 'RubricHead'> {
  constructor(
    private readonly database: Dynamo,
    private readonly tableName: string,
  ) {
    super(database, tableName, { entity: 'Rubric', headEntity: 'RubricHead', prefix: RUBRIC_PREFIX, listing: ALL_RUBRICS });
  }

  /** Writes version n, moves the head and records the change, in one transaction; refused STALE when version n exists. */
  putRubric(rubric: Rubric, change: ChangeRecord): Promise<Outcome<'STALE'>> {
    return this.putVersion(rubric, [changeItem(change)]);
  }

  /** Lets another organizer revise the rubric; refused NOT_FOUND when it does not exist. */
  addEditor(id: string, userId: string): Promise<Outcome<'NOT_FOUND'>> {
    return addEditor(this.database, this.tableName, rubricHeadKey(id), userId);
  }

  changes(subjectId: string): Promise<ChangeRecord[]> {
    return listChanges(this.database, this.tableName, subjectId);
  }
}
