import { isAudience } from '../methods/panel/rule.js';
import { conflictOf } from '../domain/access.js';
import { ConflictError, InvalidInputError, NotFoundError, issue } from '../domain/errors.js';
import { byLabel } from '../domain/judges.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Judge, Round } from '../domain/model.js';
import { panelEntry } from '../methods/panel/aggregate.js';
import { asPanelRound, type PanelConfig } from '../methods/panel/config.js';
import type { Store } from '../store/index.js';
import { RaceLost, isLostRaceOrConflict, retrying } from '../store/ops.js';
import type { RoundService } from './rounds.js';
import * as z from 'zod/mini';
import { externalId, parseArgument, text } from './validation.js';

export const MAX_JUDGES_PER_CALL = 50;

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const judgeInput = z.object({ userId: externalId, name: text(100), unitId: optional(externalId), classKey: optional(z.string().check(z.maxLength(40))) });
const judgesInput = z.array(judgeInput).check(z.minLength(1), z.maxLength(MAX_JUDGES_PER_CALL));

/** A round's judging panel: seats with anonymous labels, and what each seat owes the entries. */
export class PanelService {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundService,
  ) {}

  /** The round's panel in label order (J1, J2, …). */
  async panel(roundId: string): Promise<Judge[]> {
    return byLabel(await this.store.panels.listJudges(roundId), (j) => j);
  }

  /** Adds judges to the panel (new labels J<n+1>…) or updates the names of judges already on it. */
  async assignJudges(roundId: string, input: unknown): Promise<Judge[]> {
    const parsed = parseArgument(judgesInput, input, 'judges');
    const dup = parsed.findIndex((j, i) => parsed.findIndex((k) => k.userId === j.userId) !== i);
    if (dup >= 0)
      throw InvalidInputError.at(`judges.${dup}.userId`, 'DUPLICATE', `judge ${parsed[dup]!.userId} is listed twice`, { value: parsed[dup]!.userId });
    await this.requireUnits(parsed, 'judges');

    return retrying(async () => {
      const round = asPanelRound(await this.rounds.requireRound(roundId, true));
      assertStatus(round.status, ['DRAFT', 'OPEN'], 'assign judges');
      this.assertClasses(round, parsed, 'judges');
      const existing = new Map((await this.store.panels.listJudges(roundId)).map((j) => [j.userId, j]));
      const joining = parsed.filter((j) => !existing.has(j.userId));
      if (joining.length > 0) this.assertPanelOpenToNewJudges(round);
      let next = round.judgeCount;
      const judges = parsed.map(
        (j): Judge => ({
          roundId,
          userId: j.userId,
          name: j.name,
          unitId: j.unitId ?? null,
          label: existing.get(j.userId)?.label ?? `J${++next}`,
          classKey: j.classKey ?? null,
        }),
      );
      const outcome = await this.store.panels.putJudges(
        roundId,
        round.judgeCount,
        judges.filter((j) => !existing.has(j.userId)),
        judges.filter((j) => existing.has(j.userId)),
      );
      if (!outcome.ok) throw new RaceLost();
      if (round.status === 'OPEN' && joining.length > 0)
        await this.expectFrom(
          roundId,
          judges.filter((j) => !existing.has(j.userId)),
        );
      return judges;
    }, isLostRaceOrConflict);
  }

  /** Every unit the judges (or seats) name exists; NOT_FOUND names the first that does not. */
  async requireUnits(judges: readonly { unitId?: string | null }[], path: string): Promise<void> {
    const units = await this.store.directory.getUnits([...new Set(judges.flatMap((j) => (j.unitId ? [j.unitId] : [])))]);
    const unknown = judges.findIndex((j) => j.unitId && !units.has(j.unitId));
    if (unknown >= 0) throw new NotFoundError('Unit', judges[unknown]!.unitId!, `${path}.${unknown}.unitId`);
  }

  /** With evaluator classes every judge names one of them; without, none may. */
  assertClasses(round: Round<PanelConfig>, judges: readonly { classKey?: string | null }[], path: string): void {
    // The audience votes with ballots; a judge belongs to a class of judges.
    const keys = (round.method.classes ?? []).filter((c) => !isAudience(c)).map((c) => c.key);
    const issues = judges.flatMap((j, i) => {
      if (keys.length > 0 && !j.classKey) return [issue(`${path}.${i}.classKey`, 'REQUIRED', "the round has evaluator classes: name the judge's class")];
      if (j.classKey && !keys.includes(j.classKey))
        return [issue(`${path}.${i}.classKey`, 'UNKNOWN_CLASS', `"${j.classKey}" is not a class of the round`, { value: j.classKey, options: keys })];
      return [];
    });
    if (issues.length > 0) throw new InvalidInputError(issues);
  }

  /** Ranks would jump in the hall if every entry suddenly expected one more sheet. */
  assertPanelOpenToNewJudges(round: Round<PanelConfig>): void {
    if (round.status === 'OPEN' && round.method.quorumMode === 'ALL_EXPECTED') {
      throw new ConflictError('The panel of a round that needs every expected sheet is fixed once it opens', 'PANEL_FIXED');
    }
  }

  /** Judges who joined an OPEN panel owe a sheet to every entry outside their own unit. */
  async expectFrom(roundId: string, joined: readonly Judge[]): Promise<void> {
    const entries = await this.store.entries.listEntries(roundId, true);
    for (const entry of entries.map((e) => panelEntry(e))) {
      const owed = joined.filter((j) => !conflictOf(j, entry.unit?.id ?? null, null)).length;
      if (owed > 0 && entry.expectedSheets !== undefined) await this.store.entries.addExpectedSheets(entry, owed);
    }
  }
}
