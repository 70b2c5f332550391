import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import { UNIT_KINDS, type Cadre, type Unit } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { recordOf } from '../store/ops.js';
import type { Connection, Cursors } from './cursor.js';
import * as z from 'zod/mini';
import { count, externalId, optionalText, pageSize, parseArgument, text } from './validation.js';

export const MAX_CADRES_PER_CALL = 500;

const createUnitInput = z.object({
  name: text(100),
  kind: z.pipe(z.optional(z.nullable(z.enum(UNIT_KINDS))), z.transform((k) => k ?? 'OTHER')),
  parentId: z.optional(z.nullable(externalId)),
});

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

  async createUnit(input: unknown): Promise<Unit> {
    const parsed = parseArgument(createUnitInput, input, 'input');
    const unit: Unit = {
      id: newId('unit'),
      name: parsed.name,
      kind: parsed.kind,
      parentId: parsed.parentId ?? null,
      createdAt: this.now().toISOString(),
    };
    if (!(await this.store.directory.createUnit(unit))) {
      throw new NotFoundError('Unit', unit.parentId!, 'input.parentId');
    }
    return unit;
  }

  async listUnits(parentId: string | null | undefined): Promise<Unit[]> {
    return this.store.directory.listUnits(parentId ?? undefined);
  }

  /** Creates or replaces cadres by id; every referenced unit must exist, else nothing is written. */
  async upsertCadres(input: unknown): Promise<Cadre[]> {
    const parsed = parseArgument(cadresInput, input, 'input');
    const firstIndex = new Map<string, number>();
    parsed.forEach((c, i) => {
      if (firstIndex.has(c.id)) throw InvalidInputError.at(`input.${i}.id`, `cadre ${c.id} appears twice`);
      firstIndex.set(c.id, i);
    });
    const units = await this.store.directory.getUnits([...new Set(parsed.map((c) => c.unitId))]);
    const missing = parsed.findIndex((c) => !units.has(c.unitId));
    if (missing >= 0) throw new NotFoundError('Unit', parsed[missing]!.unitId, `input.${missing}.unitId`);

    const updatedAt = this.now().toISOString();
    const cadres: Cadre[] = parsed.map((c) => ({
      id: c.id,
      name: c.name,
      unitId: c.unitId,
      position: c.position,
      grade: c.grade,
      birthYear: c.birthYear ?? null,
      updatedAt,
    }));
    await this.store.directory.putCadres(cadres);
    return cadres;
  }

  async listCadres(args: { unitId?: string | null; first?: number | null; after?: string | null }): Promise<Connection<Cadre>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const scope = `cadres:${args.unitId ?? ''}`;
    const page = await this.store.directory.listCadres(args.unitId ?? undefined, first + 1, this.cursors.startKey(scope, args.after));
    return this.cursors.pageConnection(scope, page, first, (item) => recordOf<Cadre>(item));
  }
}
