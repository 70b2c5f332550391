import { DEFAULT_VISIBILITY, LEADERBOARD_VISIBILITIES } from '../domain/access.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { entryIdOf, entryKeyPart, newId, type Participant } from '../domain/ids.js';
import { assertStatus } from '../domain/lifecycle.js';
import type { Cadre, Round, ScoreSheet, Unit, UnitSnapshot } from '../domain/model.js';
import { METHOD_KINDS, type MethodKind } from '../domain/method.js';
import { compareRankValues } from '../domain/ranking.js';
import type { RoundScoring } from '../domain/roundScoring.js';
import type { Methods } from '../methods/registry.js';
import type { Store } from '../store/index.js';
import { RaceLost, isRaceLost, isTransientConflict, retrying } from '../store/ops.js';
import type { StoredEntry } from '../store/entries.js';
import type { EnrolmentService } from './enrolment.js';
import * as z from 'zod/mini';
import { count, externalId, optionalText, parseArgument, text } from './validation.js';
import { DEFAULT_LIVE_SETTINGS } from '../domain/hall.js';
import { liveSettingsFrom } from './hall/liveSettings.js';

export const MAX_ENTRIES_PER_CALL = 99;

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const visibility = optional(z.enum(LEADERBOARD_VISIBILITIES));
/** The method's own fields are checked by the method; here only that they form an object with a known kind. */
const methodInput = z.looseObject({ kind: z.enum(METHOD_KINDS) });
const createRoundInput = z.looseObject({
  competitionId: externalId,
  name: text(200),
  leaderboardVisibility: visibility,
  method: optional(methodInput),
  live: optional(z.looseObject({})),
});
const updateRoundInput = z.looseObject({ name: optional(text(200)), leaderboardVisibility: visibility, method: optional(methodInput) });

/**
 * The fields a method configures from, and where their errors point: `input.method`
 * when given there; otherwise the top level of the input, where a judged panel's
 * fields have always been (their absence means PANEL, so older calls keep working).
 */
function methodFields(input: Record<string, unknown>, method: { kind: MethodKind } | null | undefined) {
  if (!method) return { kind: 'PANEL' as const, fields: input, path: 'input' };
  return { kind: method.kind, fields: { ...input, ...(method as Record<string, unknown>) }, path: 'input.method' };
}

const entryInput = z.object({
  cadreId: optional(externalId),
  unitId: optional(externalId),
  title: text(200),
  order: count(1, 1_000_000),
  group: optionalText(50),
});
const entriesInput = z.array(entryInput).check(z.minLength(1), z.maxLength(MAX_ENTRIES_PER_CALL));

export interface AdvanceResult {
  advanced: StoredEntry[];
  /** Entries that qualified but were already enrolled in the target round. */
  alreadyEnrolled: StoredEntry[];
}

/** The organizer's side of rounds: setup, rule, enrolment, panels, lifecycle and advancement. */
export class RoundService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
    private readonly enrolment: EnrolmentService,
    private readonly now: () => Date,
  ) {}

  async createRound(input: unknown): Promise<Round> {
    const parsed = parseArgument(createRoundInput, input, 'input');
    const chosen = methodFields(parsed, parsed.method);
    const method = await this.methods.of(chosen.kind).configure(chosen.fields, chosen.path);
    const round: Round = {
      id: newId('round'),
      competitionId: parsed.competitionId,
      name: parsed.name,
      status: 'DRAFT',
      leaderboardVisibility: parsed.leaderboardVisibility ?? DEFAULT_VISIBILITY,
      method,
      resultsFinalizedAt: null,
      entryCount: 0,
      judgeCount: 0,
      version: 0,
      managersMarked: true,
      createdAt: this.now().toISOString(),
      ...(parsed.live ? { live: liveSettingsFrom(DEFAULT_LIVE_SETTINGS, parsed.live, 'input.live') } : {}),
    };
    const competition = (await this.store.competitions.getCompetitions([parsed.competitionId])).get(parsed.competitionId);
    if (!competition) throw new NotFoundError('Competition', parsed.competitionId, 'input.competitionId');
    const managers = new Set([competition.createdBy, ...(await this.store.competitions.listGrantees(competition.id))]);
    if (!(await this.store.rounds.createRound(round, [...managers])).ok) {
      throw new NotFoundError('Competition', parsed.competitionId, 'input.competitionId');
    }
    // A grant given meanwhile marks the rounds it finds after writing itself; this round
    // looks again after writing itself, so one of the two always sees the other.
    const late = (await this.store.competitions.listGrantees(competition.id)).filter((userId) => !managers.has(userId));
    for (const userId of late) await this.store.rounds.markManager([round.id], userId);
    return round;
  }

  /** Changes a DRAFT round's name, visibility or method configuration (its kind stays). */
  async updateRound(id: string, input: unknown): Promise<Round> {
    const parsed = parseArgument(updateRoundInput, input, 'input');
    return retrying(async () => {
      const round = await this.requireRound(id, true);
      assertStatus(round.status, ['DRAFT'], 'change the round’s settings');
      const chosen = methodFields(parsed, parsed.method);
      if (parsed.method && parsed.method.kind !== round.method.kind) {
        throw InvalidInputError.at('input.method.kind', 'NOT_ONE_OF', 'a round keeps the method it was created with', { options: [round.method.kind] });
      }
      const next: Round = {
        ...round,
        name: parsed.name ?? round.name,
        leaderboardVisibility: parsed.leaderboardVisibility ?? round.leaderboardVisibility,
        method: await this.methods.of(round.method.kind).reconfigure(round, chosen.fields, chosen.path),
        version: round.version + 1,
      };
      if (!(await this.store.rounds.updateRound(next)).ok) throw new RaceLost();
      return next;
    }, isRaceLost);
  }

  /** Who may see scores can change until publication (e.g. to LIVE for the big screen during the event). */
  async setLeaderboardVisibility(id: string, visibility: unknown): Promise<Round> {
    const value = parseArgument(z.enum(LEADERBOARD_VISIBILITIES), visibility, 'visibility');
    const updated = await this.store.rounds.setVisibility(id, value);
    if (updated.ok) return updated.value;
    const round = await this.requireRound(id, true);
    throw new ConflictError(`Cannot change a round that is ${round.status}`, 'ROUND_STATUS');
  }

  /** The round's entries as its readers see them (a DRAFT round's follow the directory). */
  async entries(round: Round): Promise<StoredEntry[]> {
    return this.enrolment.current(round, await this.store.entries.listEntries(round.id));
  }

  /** Ids of the rounds whose panel includes `userId`, newest first. */
  assignedRoundIds(userId: string): Promise<string[]> {
    return this.store.panels.listAssignedRoundIds(userId);
  }

  /** A competition's rounds in creation order (the archived ones, or the others). */
  ofCompetition(competitionId: string, archived = false): Promise<Round[]> {
    return this.store.rounds.listRounds(competitionId, archived);
  }

  /** One judge's current sheets in a round. */
  sheetsOf(roundId: string, judgeId: string): Promise<ScoreSheet[]> {
    return this.store.sheets.listSheetsOfJudge(roundId, judgeId);
  }

  async requireRound(id: string, consistent = false, field?: string): Promise<Round> {
    const round = await this.store.rounds.getRound(id, consistent);
    if (!round) throw new NotFoundError('Round', id, field);
    return round;
  }

  /** Enrols cadres or units; all or nothing. */
  async addEntries(roundId: string, input: unknown): Promise<StoredEntry[]> {
    const parsed = parseArgument(entriesInput, input, 'entries');
    const participants = parsed.map((e, i) => participantOf(e, i));
    const seen = new Set<string>();
    participants.forEach((p, i) => {
      const key = entryKeyPart(p);
      if (seen.has(key)) throw InvalidInputError.at(`entries.${i}.${p.kind}Id`, 'DUPLICATE', `${p.kind} ${p.id} is listed twice`, { value: p.id });
      seen.add(key);
    });
    const round = await this.requireRound(roundId, true);
    assertStatus(round.status, ['DRAFT'], 'enrol entries');
    const { cadres, units } = await this.loadParticipants(participants);
    const entries = parsed.map((e, i) => {
      const participant = participants[i]!;
      const cadre = participant.kind === 'cadre' ? cadres.get(participant.id) : undefined;
      if (participant.kind === 'cadre' && !cadre) throw new NotFoundError('Cadre', participant.id, `entries.${i}.cadreId`);
      const unit = units.get(cadre ? cadre.unitId : participant.id);
      if (!unit) throw new NotFoundError('Unit', cadre ? cadre.unitId : participant.id, `entries.${i}.unitId`);
      return this.newEntry(round, participant, { title: e.title, order: e.order, group: e.group }, cadre ?? null, unit);
    });
    await this.enrol(round, entries);
    return entries;
  }

  /**
   * Enrols the top `top` entries of a closed round (per group when `perGroup`) into a
   * DRAFT round of the same competition. Every entry tied at the cut-off advances;
   * entries already enrolled there are reported, not duplicated, so a retry is safe.
   */
  async advanceEntries(fromRoundId: string, toRoundId: string, top: number, perGroup: boolean): Promise<AdvanceResult> {
    parseArgument(count(1, 10_000), top, 'top');
    const [from, to] = await Promise.all([this.requireRound(fromRoundId, true, 'fromRoundId'), this.requireRound(toRoundId, true, 'toRoundId')]);
    assertStatus(from.status, ['CLOSED', 'PUBLISHED'], 'advance entries from a round that has not closed');
    assertStatus(to.status, ['DRAFT'], 'enrol entries');
    if (from.competitionId !== to.competitionId) throw InvalidInputError.at('toRoundId', 'NOT_IN_ROUND', 'both rounds must belong to the same competition');

    const entries = await this.store.entries.listEntries(fromRoundId, true);
    const groups = perGroup ? [...new Set(entries.map((e) => e.group))] : [undefined];
    const scoring = this.methods.forRound(from).scoring;
    const qualified = groups.flatMap((group) =>
      qualifiers(
        entries.filter((e) => group === undefined || e.group === group),
        scoring,
        top,
      ),
    );
    const existing = new Set((await this.store.entries.listEntries(toRoundId, true)).map((e) => e.keyPart));
    const alreadyEnrolled = qualified.filter((e) => existing.has(e.keyPart));
    const advanced = qualified
      .filter((e) => !existing.has(e.keyPart))
      .map((e, i) => {
        const participant: Participant = e.cadre ? { kind: 'cadre', id: e.cadre.id } : { kind: 'unit', id: e.unit!.id };
        return {
          ...this.newEntry(to, participant, { title: e.title, order: to.entryCount + i + 1, group: e.group }, null, null),
          cadre: e.cadre,
          unit: e.unit,
        };
      });
    for (let i = 0; i < advanced.length; i += MAX_ENTRIES_PER_CALL) {
      await this.enrol(to, advanced.slice(i, i + MAX_ENTRIES_PER_CALL));
    }
    return { advanced, alreadyEnrolled };
  }

  private async enrol(round: Round, entries: StoredEntry[]): Promise<void> {
    const scoring = this.methods.forRound(round).scoring;
    const outcome = await retrying(() => this.store.entries.addEntries(round, entries, (e) => scoring.rankValue(e)), isTransientConflict);
    if (outcome.ok) return;
    if (outcome.reason === 'ROUND_NOT_DRAFT') throw new ConflictError('Entries can only be added while the round is DRAFT', 'ROUND_STATUS');
    const taken = entries[outcome.index]!;
    throw new ConflictError(`${taken.keyPart} is already enrolled in this round`, 'ALREADY_ENROLLED');
  }

  /** A new entry of `round`, with its method's empty aggregate. */
  private newEntry(
    round: Round,
    participant: Participant,
    fields: { title: string; order: number; group: string | null },
    cadre: Cadre | null,
    unit: Unit | null,
  ): StoredEntry {
    return {
      ...this.methods.of(round.method.kind).emptyAggregate(),
      id: entryIdOf(round.id, participant),
      roundId: round.id,
      keyPart: entryKeyPart(participant),
      ...fields,
      cadre: cadre && { id: cadre.id, name: cadre.name, unitId: cadre.unitId, position: cadre.position, grade: cadre.grade, birthYear: cadre.birthYear },
      unit: unit && snapshotUnit(unit),
      rawTotal: null,
      total: null,
      version: 0,
    };
  }

  private async loadParticipants(participants: readonly Participant[]): Promise<{ cadres: Map<string, Cadre>; units: Map<string, Unit> }> {
    const cadres = await this.store.directory.getCadres(participants.filter((p) => p.kind === 'cadre').map((p) => p.id));
    const unitIds = new Set([...participants.filter((p) => p.kind === 'unit').map((p) => p.id), ...[...cadres.values()].map((c) => c.unitId)]);
    return { cadres, units: await this.store.directory.getUnits([...unitIds]) };
  }
}

/** The entries ranked within `top`, ties at the cut-off included, best first. */
function qualifiers(entries: readonly StoredEntry[], scoring: RoundScoring, top: number): StoredEntry[] {
  const ranked = entries
    .map((entry) => ({ entry, value: scoring.rankValue(entry) }))
    .filter((r) => r.value !== null)
    .sort((a, b) => compareRankValues(a.value, b.value) || a.entry.order - b.entry.order);
  const cutoff = ranked[top - 1];
  return ranked.filter((r, i) => i < top || (cutoff && compareRankValues(r.value, cutoff.value) === 0)).map((r) => r.entry);
}

function participantOf(entry: { cadreId?: string | null; unitId?: string | null }, index: number): Participant {
  if (entry.cadreId && entry.unitId)
    throw InvalidInputError.at(`entries.${index}`, 'ONE_OF_REQUIRED', 'give either cadreId or unitId, not both', { options: ['cadreId', 'unitId'] });
  if (entry.cadreId) return { kind: 'cadre', id: entry.cadreId };
  if (entry.unitId) return { kind: 'unit', id: entry.unitId };
  throw InvalidInputError.at(`entries.${index}`, 'ONE_OF_REQUIRED', 'give cadreId or unitId', { options: ['cadreId', 'unitId'] });
}

function snapshotUnit(u: Unit): UnitSnapshot {
  return { id: u.id, name: u.name, kind: u.kind, parentId: u.parentId };
}
