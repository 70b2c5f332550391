import { DRAW_ALGORITHM, drawOrder, freshSeed } from '../domain/draw.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Cadre, PitchDraw, Round, Unit, Viewer } from '../domain/model.js';
import type { RankValue } from '../domain/ranking.js';
import type { Methods } from '../methods/registry.js';
import type { Store } from '../store/index.js';
import type { EnrolmentOutcome } from '../store/enrolment.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../store/ops.js';
import type { StoredEntry } from '../store/entries.js';
import * as z from 'zod/mini';
import { count, parseArgument, text } from './validation.js';

const updateEntryInput = z.object({
  title: z.optional(z.nullable(text(200))),
  // `group: null` clears it; absent leaves it.
  group: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(50)))),
  order: z.optional(z.nullable(count(1, 1_000_000))),
});
const entryIdsInput = z.array(z.string()).check(z.minLength(1), z.maxLength(10_000));
const seedInput = z.optional(z.nullable(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))));

/**
 * Who pitches and in what order while a round is DRAFT: editing, removing and
 * reordering entries, drawing the order (抽签), and deleting the round. DRAFT
 * entries follow the directory (a fixed typo shows at once); opening the round
 * takes the snapshot that OPEN and later rounds keep.
 */
export class EnrolmentService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
    private readonly now: () => Date,
  ) {}

  async updateEntry(entryId: string, input: unknown): Promise<StoredEntry> {
    const parsed = parseArgument(updateEntryInput, input, 'input');
    const { roundId } = parseEntryId(entryId, 'id');
    return retrying(async () => {
      const { round, entries } = await this.draftRound(roundId, 'change entries');
      const entry = this.find(entries, entryId, 'id');
      const group = parsed.group === undefined ? entry.group : parsed.group || null;
      const next: StoredEntry = {
        ...entry,
        title: parsed.title ?? entry.title,
        group,
        order: parsed.order ?? entry.order,
        version: entry.version + 1,
      };
      this.settle(await this.store.enrolment.rewriteEntries(round, [next], this.ranker(round)));
      return next;
    }, isLostRaceOrConflict);
  }

  async removeEntry(entryId: string): Promise<Round> {
    const { roundId } = parseEntryId(entryId, 'id');
    return retrying(async () => {
      const { round, entries } = await this.draftRound(roundId, 'remove entries');
      const entry = this.find(entries, entryId, 'id');
      this.settle(await this.store.enrolment.removeEntry(round, entry));
      return { ...round, entryCount: round.entryCount - 1 };
    }, isLostRaceOrConflict);
  }

  /** The order of `entryIds` becomes the pitch order 1…n; the list must name every entry once. */
  async reorderEntries(roundId: string, entryIds: unknown): Promise<StoredEntry[]> {
    const ids = parseArgument(entryIdsInput, entryIds, 'entryIds');
    return retrying(async () => {
      const { round, entries } = await this.draftRound(roundId, 'reorder entries');
      const { all, moved } = this.inOrder(entries, ids);
      this.settle(await this.store.enrolment.rewriteEntries(round, moved, this.ranker(round)));
      return all;
    }, isLostRaceOrConflict);
  }

  /** 抽签: the order drawn from `seed` (fresh when omitted), stored with who drew and when. */
  async drawPitchOrder(viewer: Viewer, roundId: string, seed: unknown): Promise<PitchDraw> {
    const chosen = parseArgument(seedInput, seed, 'seed') ?? freshSeed();
    return retrying(async () => {
      const { round, entries } = await this.draftRound(roundId, 'draw the pitch order');
      if (entries.length === 0) throw new ConflictError('The round has no entries to draw', 'ROUND_INCOMPLETE');
      const order = drawOrder(
        entries.map((e) => e.id),
        chosen,
      );
      const draw: PitchDraw = { roundId, seed: chosen, algorithm: DRAW_ALGORITHM, drawnBy: viewer.id, drawnAt: this.now().toISOString(), order };
      this.settle(await this.store.enrolment.rewriteEntries(round, this.inOrder(entries, order).moved, this.ranker(round), draw));
      return draw;
    }, isLostRaceOrConflict);
  }

  async draws(roundId: string): Promise<PitchDraw[]> {
    return this.store.enrolment.listDraws(roundId);
  }

  /** Deletes a DRAFT round (it cannot hold sheets) with its entries, panel and draws. */
  async deleteRound(roundId: string): Promise<boolean> {
    const round = await this.store.rounds.getRound(roundId, true);
    if (!round) throw new NotFoundError('Round', roundId, 'id');
    assertStatus(round.status, ['DRAFT'], 'delete the round (archive it instead)');
    const [entries, conflicts] = await Promise.all([this.store.entries.listEntries(roundId, true), this.store.sheets.listConflictKeys(roundId)]);
    const deleted = await this.store.enrolment.deleteRound(
      round,
      entries.map((e) => e.id),
      conflicts,
    );
    if (!deleted.ok) {
      throw new ConflictError('The round opened meanwhile; archive it instead', 'ROUND_STATUS');
    }
    return true;
  }

  /**
   * Entries of a DRAFT round as the directory has them now (name, unit, position; a
   * title that was the old name follows it). Other rounds' entries are returned as stored.
   */
  async current(round: Round, entries: readonly StoredEntry[]): Promise<StoredEntry[]> {
    if (round.status !== 'DRAFT' || entries.length === 0) return [...entries];
    return this.snapshot(entries);
  }

  /** Refreshes every entry's snapshot from the directory, as opening the round stores it. */
  async snapshot(entries: readonly StoredEntry[]): Promise<StoredEntry[]> {
    const { cadres, units } = await this.directoryOf(entries);
    return entries.map((entry) => refreshed(entry, cadres, units));
  }

  private async directoryOf(entries: readonly StoredEntry[]): Promise<{ cadres: Map<string, Cadre>; units: Map<string, Unit> }> {
    const cadres = await this.store.directory.getCadres([...new Set(entries.flatMap((e) => (e.cadre ? [e.cadre.id] : [])))]);
    const unitIds = new Set([...entries.flatMap((e) => (e.unit ? [e.unit.id] : [])), ...[...cadres.values()].map((c) => c.unitId)]);
    return { cadres, units: await this.store.directory.getUnits([...unitIds]) };
  }

  private async draftRound(roundId: string, doing: string): Promise<{ round: Round; entries: StoredEntry[] }> {
    const [round, entries] = await Promise.all([this.store.rounds.getRound(roundId, true), this.store.entries.listEntries(roundId, true)]);
    if (!round) throw new NotFoundError('Round', roundId, 'roundId');
    assertStatus(round.status, ['DRAFT'], doing);
    return { round, entries };
  }

  private find(entries: readonly StoredEntry[], entryId: string, field: string): StoredEntry {
    const entry = entries.find((e) => e.id === entryId);
    if (!entry) throw new NotFoundError('Entry', entryId, field);
    return entry;
  }

  /** The entries in the order of `ids`, numbered 1…n; `moved` are those whose number changed (version bumped). */
  private inOrder(entries: readonly StoredEntry[], ids: readonly string[]): { all: StoredEntry[]; moved: StoredEntry[] } {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (!byId.has(id)) throw InvalidInputError.at(`entryIds.${i}`, 'NOT_IN_ROUND', `${id} is not an entry of this round`, { value: id });
      if (seen.has(id)) throw InvalidInputError.at(`entryIds.${i}`, 'DUPLICATE', `${id} is listed twice`, { value: id });
      seen.add(id);
    });
    if (seen.size !== entries.length) {
      throw InvalidInputError.at('entryIds', 'INCOMPLETE_ORDER', 'list every entry of the round exactly once', { missing: entries.length - seen.size });
    }
    const moved: StoredEntry[] = [];
    const all = ids.map((id, i) => {
      const entry = byId.get(id)!;
      if (entry.order === i + 1) return entry;
      const next = { ...entry, order: i + 1, version: entry.version + 1 };
      moved.push(next);
      return next;
    });
    return { all, moved };
  }

  /** How the round's method ranks an entry, for its leaderboard keys. */
  ranker(round: Round): (entry: StoredEntry) => RankValue | null {
    const scoring = this.methods.forRound(round).scoring;
    return (entry) => scoring.rankValue(entry);
  }

  private settle(outcome: EnrolmentOutcome): void {
    if (outcome.ok) return;
    if (outcome.reason === 'ROUND_NOT_DRAFT') throw new ConflictError('Entries change only while the round is DRAFT', 'ROUND_STATUS');
    throw new RaceLost();
  }
}

function refreshed(entry: StoredEntry, cadres: ReadonlyMap<string, Cadre>, units: ReadonlyMap<string, Unit>): StoredEntry {
  const cadre = entry.cadre ? cadres.get(entry.cadre.id) : undefined;
  const unit = units.get(cadre ? cadre.unitId : (entry.unit?.id ?? ''));
  if (!cadre && !unit) return entry;
  const title = cadre && entry.cadre && entry.title === entry.cadre.name ? cadre.name : entry.title;
  return {
    ...entry,
    title,
    cadre: cadre
      ? { id: cadre.id, name: cadre.name, unitId: cadre.unitId, position: cadre.position, grade: cadre.grade, birthYear: cadre.birthYear }
      : entry.cadre,
    unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind, parentId: unit.parentId } : entry.unit,
  };
}
