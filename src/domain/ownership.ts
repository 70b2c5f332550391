import { ForbiddenError } from './errors.js';

/**
 * Shared directory data and rubrics belong to whoever created them, plus the
 * organizers they grant (like competitions). Everyone may read and use them (enrol
 * a cadre, pin a rubric); only those may change them — otherwise a rival organizer
 * could rename another's cadres, move one to another unit so that the same-unit
 * 回避 check no longer fires, or reweight a rubric that the next round pins.
 */
export interface Owned {
  /** The creator; absent on items made before ownership was recorded (any organizer may change those). */
  ownerId?: string | null;
  /** Organizers the owner granted. */
  editors?: readonly string[] | null;
}

/** The caller as far as ownership cares (a Viewer). */
export interface Editor {
  readonly id: string;
  readonly kind: string;
  readonly roles: readonly string[];
}

export function mayEdit(viewer: Editor, item: Owned): boolean {
  if (viewer.kind !== 'user' || !viewer.roles.includes('organizer')) return false;
  return !item.ownerId || item.ownerId === viewer.id || (item.editors ?? []).includes(viewer.id);
}

/** Refuses a change to something another organizer owns (and has not granted the caller). */
export function assertMayEdit(viewer: Editor, item: Owned, what: string): void {
  if (!mayEdit(viewer, item)) throw new ForbiddenError(`${what} belongs to another organizer; ask its owner to grant you editing`, 'NOT_YOUR_DIRECTORY');
}

/** Kinds of things whose every change is recorded: who, when, before and after. */
export type ChangeSubject = 'UNIT' | 'CADRE' | 'RUBRIC';

export interface ChangeRecord {
  subjectKind: ChangeSubject;
  subjectId: string;
  actorId: string;
  at: string;
  /** The record before the change (null when created) and after it. */
  before: unknown;
  after: unknown;
}
