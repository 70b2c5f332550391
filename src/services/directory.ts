import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { assertMayEdit, mayEdit, type ChangeRecord } from '../domain/ownership.js';
import { newId } from '../domain/ids.js';
import { UNIT_KINDS, type Cadre, type Unit, type Viewer } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { decode } from '../store/codecs.js';
import type { Connection, Cursors } from './cursor.js';
import * as z from 'zod/mini';
import { count, externalId, optionalText, pageSize, parseArgument, text } from './validation.js';

export const MAX_CADRES_PER_CALL = 500;

const searchText = z.pipe(
  z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(100)))),
  z.transform((v) => v || null),
);

const createUnitInput = z.object({
  name: text(100),
  kind: z.pipe(
    z.optional(z.nullable(z.enum(UNIT_KINDS))),
    z.transform((k) => k ?? 'OTHER'),
  ),
  parentId: z.optional(z.nullable(externalId)),
});

const updateUnitInput = z.object({
  name: z.optional(z.nullable(text(100))),
  kind: z.optional(z.nullable(z.enum(UNIT_KINDS))),
  // null moves the unit to the top; absent leaves it where it is.
  parentId: z.optional(z.nullable(externalId)),
});

/** How far up the tree a move is checked for cycles; deeper trees are refused. */
const MAX_DEPTH = 20;

const cadreInput = z.object({
  id: externalId,
  name: text(100),
  unitId: externalId,
  position: optionalText(100),
  grade: optionalText(50),
  birthYear: z.optional(z.nullable(count(1900, 2100))),
});
const cadresInput = z.array(cadreInput).check(z.minLength(1), z.maxLength(MAX_CADRES_PER_CALL));

export class DirectoryService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {}

  /** A unit under a parent the caller may change (or at the top); the caller owns it. */
  async createUnit(viewer: Viewer, input: unknown): Promise<Unit> {
    const parsed = parseArgument(createUnitInput, input, 'input');
    if (parsed.parentId) {
      const parent = (await this.store.directory.getUnits([parsed.parentId])).get(parsed.parentId);
      if (!parent) throw new NotFoundError('Unit', parsed.parentId, 'input.parentId');
      assertMayEdit(viewer, parent, `unit ${parent.name}`);
    }
    const at = this.now().toISOString();
    const unit: Unit = {
      id: newId('unit'),
      name: parsed.name,
      kind: parsed.kind,
      parentId: parsed.parentId ?? null,
      createdAt: at,
      ownerId: viewer.id,
      editors: [],
    };
    const change: ChangeRecord = { subjectKind: 'UNIT', subjectId: unit.id, actorId: viewer.id, at, before: null, after: unit };
    if (!(await this.store.directory.createUnit(unit, change)).ok) {
      throw new NotFoundError('Unit', unit.parentId!, 'input.parentId');
    }
    return unit;
  }

  /**
   * Renames a unit, changes its kind or moves it under another unit the caller may
   * change (never under itself or one of its own sub-units); the change is recorded.
   */
  async updateUnit(viewer: Viewer, id: string, input: unknown): Promise<Unit> {
    const parsed = parseArgument(updateUnitInput, input, 'input');
    const unit = (await this.store.directory.getUnits([id])).get(id);
    if (!unit) throw new NotFoundError('Unit', id, 'id');
    assertMayEdit(viewer, unit, `unit ${unit.name}`);
    const parentId = parsed.parentId === undefined ? unit.parentId : parsed.parentId;
    if (parentId && parentId !== unit.parentId) await this.assertMayMoveUnder(viewer, unit, parentId);
    const at = this.now().toISOString();
    const next: Unit = { ...unit, name: parsed.name ?? unit.name, kind: parsed.kind ?? unit.kind, parentId, updatedAt: at };
    const change: ChangeRecord = { subjectKind: 'UNIT', subjectId: id, actorId: viewer.id, at, before: unit, after: next };
    const outcome = await this.store.directory.updateUnit(next, unit.updatedAt ?? unit.createdAt, change);
    if (!outcome.ok && outcome.reason === 'NO_PARENT') throw new NotFoundError('Unit', parentId!, 'input.parentId');
    if (!outcome.ok && outcome.reason === 'STALE')
      throw new ConflictError('Someone else changed this unit at the same time; load it again and retry', 'CONCURRENT_EDIT');
    return next;
  }

  /** The new parent exists, may be changed by the caller, and is not the unit or below it. */
  private async assertMayMoveUnder(viewer: Viewer, unit: Unit, parentId: string): Promise<void> {
    let cursor: string | null = parentId;
    for (let depth = 0; cursor; depth++) {
      if (cursor === unit.id || depth >= MAX_DEPTH) {
        throw InvalidInputError.at('input.parentId', 'UNIT_CYCLE', 'a unit cannot move under itself or one of its own sub-units');
      }
      const ancestor = (await this.store.directory.getUnits([cursor])).get(cursor);
      if (!ancestor) throw new NotFoundError('Unit', cursor, 'input.parentId');
      if (depth === 0) assertMayEdit(viewer, ancestor, `unit ${ancestor.name}`);
      cursor = ancestor.parentId;
    }
  }

  /** The unit's owner (or an organizer they granted) lets another organizer change it and its cadres. */
  async grantUnitEditor(viewer: Viewer, unitId: string, userId: unknown): Promise<Unit> {
    const user = parseArgument(externalId, userId, 'userId');
    const unit = (await this.store.directory.getUnits([unitId])).get(unitId);
    if (!unit) throw new NotFoundError('Unit', unitId, 'subjectId');
    assertMayEdit(viewer, unit, `unit ${unit.name}`);
    if (!(await this.store.directory.addUnitEditor(unitId, user)).ok) throw new NotFoundError('Unit', unitId, 'subjectId');
    return { ...unit, editors: [...new Set([...(unit.editors ?? []), user])] };
  }

  changes(subjectId: string): Promise<ChangeRecord[]> {
    return this.store.directory.changes(subjectId);
  }

  async listUnits(parentId: string | null | undefined): Promise<Unit[]> {
    return this.store.directory.listUnits(parentId ?? undefined);
  }

  /**
   * Creates or replaces cadres by id; every referenced unit must exist, else nothing
   * is written. A cadre may be changed by its owner or whoever may change its unit,
   * and placed only in a unit the caller may change; every change is recorded.
   */
  async upsertCadres(viewer: Viewer, input: unknown): Promise<Cadre[]> {
    const parsed = parseArgument(cadresInput, input, 'input');
    const firstIndex = new Map<string, number>();
    parsed.forEach((c, i) => {
      if (firstIndex.has(c.id)) throw InvalidInputError.at(`input.${i}.id`, 'DUPLICATE', `cadre ${c.id} appears twice`, { value: c.id });
      firstIndex.set(c.id, i);
    });
    const existing = await this.store.directory.getCadres(parsed.map((c) => c.id));
    const unitIds = new Set([...parsed.map((c) => c.unitId), ...[...existing.values()].map((c) => c.unitId)]);
    const units = await this.store.directory.getUnits([...unitIds]);
    const missing = parsed.findIndex((c) => !units.has(c.unitId));
    if (missing >= 0) throw new NotFoundError('Unit', parsed[missing]!.unitId, `input.${missing}.unitId`);
    parsed.forEach((c, i) => {
      const before = existing.get(c.id);
      const currentUnit = before && units.get(before.unitId);
      // A cadre follows its unit's grants as well as its own.
      if (before && !(currentUnit && mayEdit(viewer, currentUnit))) assertMayEdit(viewer, before, `Row ${i + 1}: cadre ${c.id}`);
      assertMayEdit(viewer, units.get(c.unitId)!, `Row ${i + 1}: unit ${units.get(c.unitId)!.name}`);
    });

    const updatedAt = this.now().toISOString();
    const writes = parsed.map((c) => {
      const before = existing.get(c.id) ?? null;
      const cadre: Cadre = {
        id: c.id,
        name: c.name,
        unitId: c.unitId,
        position: c.position,
        grade: c.grade,
        birthYear: c.birthYear ?? null,
        updatedAt,
        ownerId: before ? (before.ownerId ?? viewer.id) : viewer.id,
        editors: before?.editors ?? [],
      };
      const change: ChangeRecord = { subjectKind: 'CADRE', subjectId: c.id, actorId: viewer.id, at: updatedAt, before, after: cadre };
      return { cadre, previous: before?.updatedAt ?? null, change };
    });
    if (!(await this.store.directory.putCadres(writes)).ok) {
      throw new ConflictError('Someone else changed some of these cadres at the same time; load them again and retry', 'CONCURRENT_EDIT');
    }
    return writes.map((w) => w.cadre);
  }

  async listCadres(args: { unitId?: string | null; search?: string | null; first?: number | null; after?: string | null }): Promise<Connection<Cadre>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const search = parseArgument(searchText, args.search, 'search');
    const scope = `cadres:${args.unitId ?? ''}:${search ?? ''}`;
    const page = await this.store.directory.listCadres(args.unitId ?? undefined, first + 1, this.cursors.startKey(scope, args.after), search ?? undefined);
    return this.cursors.pageConnection(scope, page, first, (item) => decode('Cadre', item));
  }
}
