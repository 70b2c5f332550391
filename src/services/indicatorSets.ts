import { newId } from '../domain/ids.js';
import type { Viewer } from '../domain/model.js';
import { assertMayEdit } from '../domain/ownership.js';
import { buildIndicatorSet, DIRECTIONS, INDICATOR_METHODS, ZERO_DENOMINATOR_RULES } from '../methods/indicators/indicatorSet.js';
import type { IndicatorSet } from '../methods/indicators/model.js';
import { decoder } from '../store/codecs.js';
import type { Store } from '../store/index.js';
import { RaceLost, retrying } from '../store/ops.js';
import type { Connection, Cursors } from './cursor.js';
import { VersionLookup } from './versions.js';
import * as z from 'zod/mini';
import { finite, optionalText, pageSize, parseArgument, text } from './validation.js';

const key = z.string().check(z.maxLength(40));
const number = z.optional(z.nullable(finite));
const sectionInput = z.object({ key, label: text(100), fullMark: finite, weight: number });
const indicatorInput = z.object({
  key,
  label: text(200),
  section: key,
  unit: optionalText(20),
  weight: finite,
  direction: z.optional(z.nullable(z.enum(DIRECTIONS))),
  method: z.enum(INDICATOR_METHODS),
  satisfactory: number,
  disallowed: number,
  target: number,
  cap: number,
  floor: number,
  partial: number,
  step: number,
  lowest: number,
  pointsEach: number,
  ratio: z.optional(z.nullable(z.boolean())),
  zeroDenominator: z.optional(z.nullable(z.enum(ZERO_DENOMINATOR_RULES))),
});
const setInput = z.object({
  name: text(200),
  sections: z.array(sectionInput).check(z.minLength(1), z.maxLength(10)),
  indicators: z.array(indicatorInput).check(z.minLength(1), z.maxLength(100)),
});

/**
 * Indicator sets (指标体系), versioned like rubrics: `updateIndicatorSet` writes
 * version n + 1 and rounds keep the version they pinned. Anyone may use a set; its
 * creator changes it.
 */
export class IndicatorSetService {
  private readonly versions: VersionLookup<IndicatorSet>;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {
    this.versions = new VersionLookup(store.indicatorSets, 'IndicatorSet');
  }

  async createIndicatorSet(viewer: Viewer, input: unknown): Promise<IndicatorSet> {
    const parsed = parseArgument(setInput, input, 'input');
    const set: IndicatorSet = {
      id: newId('indicatorSet'),
      name: parsed.name,
      version: 1,
      ...buildIndicatorSet(parsed, 'input'),
      createdAt: this.now().toISOString(),
      ownerId: viewer.id,
      editors: [],
    };
    await this.store.indicatorSets.putVersion(set);
    return set;
  }

  /** The next version; concurrent updates each get their own version number. */
  async updateIndicatorSet(viewer: Viewer, id: string, input: unknown): Promise<IndicatorSet> {
    const parsed = parseArgument(setInput, input, 'input');
    const built = buildIndicatorSet(parsed, 'input');
    return retrying(
      async () => {
        const latest = await this.requireLatest(id, 'id');
        assertMayEdit(viewer, latest, `indicator set ${latest.name}`);
        const next: IndicatorSet = { ...latest, name: parsed.name, version: latest.version + 1, ...built, createdAt: this.now().toISOString() };
        if (!(await this.store.indicatorSets.putVersion(next)).ok) throw new RaceLost();
        return next;
      },
      (error) => error instanceof RaceLost,
    );
  }

  getIndicatorSet(id: string, version?: number | null): Promise<IndicatorSet | null> {
    return this.store.indicatorSets.get(id, version ?? undefined);
  }

  requireVersion(id: string, version: number, path: string): Promise<IndicatorSet> {
    return this.versions.requireVersion(id, version, path);
  }

  requireLatest(id: string, path: string): Promise<IndicatorSet> {
    return this.versions.requireLatest(id, path);
  }

  /** Sets at their latest version, newest first: one index query and one batch read. */
  async listIndicatorSets(args: { first?: number | null; after?: string | null }): Promise<Connection<IndicatorSet>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const page = await this.store.indicatorSets.listHeads(first + 1, this.cursors.startKey('indicatorSets', args.after));
    const heads = page.items.slice(0, first).map(decoder('IndicatorSetHead'));
    const latest = await this.store.indicatorSets.getVersions(heads.map((h) => ({ id: h.id, version: h.latestVersion })));
    return this.cursors.pageConnection('indicatorSets', page, first, (item) => latest.get(`${item.id}@${item.latestVersion}`)!);
  }
}
