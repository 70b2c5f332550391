import { NotFoundError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Rubric, Viewer } from '../domain/model.js';
import { assertMayEdit, type ChangeRecord } from '../domain/ownership.js';
import { buildCriteria, MAX_CRITERIA } from '../domain/rubric.js';
import type { Store } from '../store/index.js';
import { decoder } from '../store/codecs.js';
import { RaceLost, retrying } from '../store/ops.js';
import type { Connection, Cursors } from './cursor.js';
import { VersionLookup } from './versions.js';
import * as z from 'zod/mini';
import { externalId, finite, optionalText, pageSize, parseArgument, text } from './validation.js';

const criterionInput = z.object({
  key: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a letter, then letters, digits or _, at most 40')),
  label: text(100),
  description: optionalText(1000),
  maxScore: finite,
  weight: z.pipe(
    z.optional(z.nullable(finite)),
    z.transform((v) => v ?? 1),
  ),
  step: z.pipe(
    z.optional(z.nullable(finite)),
    z.transform((v) => v ?? 0.5),
  ),
});

const createRubricInput = z.object({
  name: text(100),
  criteria: z.array(criterionInput).check(z.minLength(1), z.maxLength(MAX_CRITERIA)),
});

export class RubricService {
  private readonly versions: VersionLookup<Rubric>;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {
    this.versions = new VersionLookup(store.rubrics, 'Rubric');
  }

  async createRubric(viewer: Viewer, input: unknown): Promise<Rubric> {
    const parsed = parseArgument(createRubricInput, input, 'input');
    const { criteria, maxTotal } = buildCriteria(parsed.criteria, 'input.criteria');
    const rubric: Rubric = {
      id: newId('rubric'),
      name: parsed.name,
      version: 1,
      criteria,
      maxTotal,
      createdAt: this.now().toISOString(),
      ownerId: viewer.id,
      editors: [],
    };
    await this.store.rubrics.putRubric(rubric, this.changeOf(viewer, null, rubric));
    return rubric;
  }

  /** The rubric's owner (or an organizer they granted) lets another organizer revise it. */
  async grantEditor(viewer: Viewer, id: string, userId: unknown): Promise<Rubric> {
    const user = parseArgument(externalId, userId, 'userId');
    const latest = await this.requireLatest(id, 'subjectId');
    const head = await this.store.rubrics.getHead(id);
    assertMayEdit(viewer, head ?? latest, `rubric ${latest.name}`);
    if (!(await this.store.rubrics.addEditor(id, user)).ok) throw new NotFoundError('Rubric', id, 'subjectId');
    return latest;
  }

  changes(subjectId: string): Promise<ChangeRecord[]> {
    return this.store.rubrics.changes(subjectId);
  }

  private changeOf(viewer: Viewer, before: Rubric | null, after: Rubric): ChangeRecord {
    return { subjectKind: 'RUBRIC', subjectId: after.id, actorId: viewer.id, at: after.createdAt, before, after };
  }

  /** Rubrics at their latest version, newest first: one index query and one batch read. */
  async listRubrics(args: { first?: number | null; after?: string | null }): Promise<Connection<Rubric>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const page = await this.store.rubrics.listHeads(first + 1, this.cursors.startKey('rubrics', args.after));
    const heads = page.items.slice(0, first).map(decoder('RubricHead'));
    const latest = await this.store.rubrics.getVersions(heads.map((h) => ({ id: h.id, version: h.latestVersion })));
    return this.cursors.pageConnection('rubrics', page, first, (item) => latest.get(`${item.id}@${item.latestVersion}`)!);
  }

  /** Creates the next version; rounds keep the version they pinned. Concurrent updates each get their own version. */
  async updateRubric(viewer: Viewer, id: string, input: unknown): Promise<Rubric> {
    const parsed = parseArgument(createRubricInput, input, 'input');
    const { criteria, maxTotal } = buildCriteria(parsed.criteria, 'input.criteria');
    return retrying(async () => {
      const [latest, head] = await Promise.all([this.requireLatest(id, 'id'), this.store.rubrics.getHead(id)]);
      // The head carries the grants; versions carry the owner, so rounds' pinned copies say whose rubric it was.
      const owner = { ownerId: head?.ownerId ?? latest.ownerId ?? null, editors: head?.editors ?? [] };
      assertMayEdit(viewer, owner, `rubric ${latest.name}`);
      const rubric: Rubric = { ...latest, ...owner, name: parsed.name, version: latest.version + 1, criteria, maxTotal, createdAt: this.now().toISOString() };
      if (!(await this.store.rubrics.putRubric(rubric, this.changeOf(viewer, latest, rubric))).ok) throw new RaceLost();
      return rubric;
    });
  }

  async getRubric(id: string, version?: number | null): Promise<Rubric | null> {
    return this.store.rubrics.get(id, version ?? undefined);
  }

  requireVersion(id: string, version: number, path: string): Promise<Rubric> {
    return this.versions.requireVersion(id, version, path);
  }

  requireLatest(id: string, path: string): Promise<Rubric> {
    return this.versions.requireLatest(id, path);
  }
}
