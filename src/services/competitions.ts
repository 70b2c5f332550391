import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { entryIdOf, entryKeyPart, newId, type Participant } from '../domain/ids.js';
import { assertStatus, assertTransition, type RoundAction } from '../domain/lifecycle.js';
import type { Cadre, Competition, Judge, Round, Unit, UnitSnapshot, Viewer } from '../domain/model.js';
import type { Store } from '../store/index.js';
import { RaceLost, isTransientConflict, recordOf, retrying } from '../store/ops.js';
import type { StoredEntry } from '../store/rounds.js';
import { decodeCursor, keyCursor, pageConnection, type Connection } from './cursor.js';
import type { RubricService } from './rubrics.js';
import { count, externalId, optionalText, pageSize, parseArgument, text, z } from './validation.js';

export const MAX_ENTRIES_PER_CALL = 99;
export const MAX_JUDGES_PER_CALL = 50;
export const MAX_TRIM = 10;

const createCompetitionInput = z.object({ name: text(200), description: optionalText(2000) });

const trimCount = z.pipe(z.optional(z.nullable(count(0, MAX_TRIM))), z.transform((v) => v ?? 0));
const createRoundInput = z.object({
  competitionId: externalId,
  name: text(200),
  rubricId: externalId,
  trimHighest: trimCount,
  trimLowest: trimCount,
});

const entryInput = z.object({
  cadreId: z.optional(z.nullable(externalId)),
  unitId: z.optional(z.nullable(externalId)),
  title: text(200),
  order: count(1, 1_000_000),
  group: optionalText(50),
});
const entriesInput = z.array(entryInput).check(z.minLength(1), z.maxLength(MAX_ENTRIES_PER_CALL));

const judgeInput = z.object({ userId: externalId, name: text(100), unitId: z.optional(z.nullable(externalId)) });
const judgesInput = z.array(judgeInput).check(z.minLength(1), z.maxLength(MAX_JUDGES_PER_CALL));

/** Competitions and the organizer's side of rounds: setup, enrolment, panels and the status lifecycle. */
export class CompetitionService {
  constructor(
    private readonly store: Store,
    private readonly rubrics: RubricService,
    private readonly now: () => Date,
  ) {}

  async createCompetition(viewer: Viewer, input: unknown): Promise<Competition> {
    const parsed = parseArgument(createCompetitionInput, input, 'input');
    const competition: Competition = {
      id: newId('competition'),
      name: parsed.name,
      description: parsed.description,
      createdBy: viewer.id,
      createdAt: this.now().toISOString(),
    };
    await this.store.competitions.createCompetition(competition);
    return competition;
  }

  async listCompetitions(args: { first?: number | null; after?: string | null }): Promise<Connection<Competition>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const start = args.after ? decodeCursor(keyCursor, args.after) : undefined;
    const page = await this.store.competitions.listCompetitions(first + 1, start);
    return pageConnection(page, first, (item) => recordOf<Competition>(item));
  }

  async createRound(input: unknown): Promise<Round> {
    const parsed = parseArgument(createRoundInput, input, 'input');
    const rubric = await this.rubrics.requireLatest(parsed.rubricId, 'input.rubricId');
    const round: Round = {
      id: newId('round'),
      competitionId: parsed.competitionId,
      name: parsed.name,
      status: 'DRAFT',
      rubric,
      trimHighest: parsed.trimHighest,
      trimLowest: parsed.trimLowest,
      entryCount: 0,
      judgeCount: 0,
      version: 0,
      createdAt: this.now().toISOString(),
    };
    if (!(await this.store.competitions.createRound(round))) {
      throw new NotFoundError('Competition', parsed.competitionId, 'input.competitionId');
    }
    return round;
  }

  async requireRound(id: string, consistent = false): Promise<Round> {
    const round = await this.store.competitions.getRound(id, consistent);
    if (!round) throw new NotFoundError('Round', id);
    return round;
  }

  async transition(id: string, action: RoundAction): Promise<Round> {
    const round = await this.requireRound(id, true);
    const to = assertTransition(action, round.status);
    const opening = action === 'open';
    if (opening && (round.entryCount === 0 || round.judgeCount === 0)) {
      throw new ConflictError('A round needs at least one entry and one judge before it opens', 'ROUND_INCOMPLETE');
    }
    const updated = await retrying(
      () => this.store.competitions.transition(id, round.status, to, this.now().toISOString(), opening),
      isTransientConflict,
    );
    if (updated) return updated;
    const current = await this.requireRound(id, true);
    throw new ConflictError(`The round changed concurrently and is now ${current.status}`, 'ROUND_STATUS');
  }

  /** Enrols cadres or units; all or nothing. */
  async addEntries(roundId: string, input: unknown): Promise<StoredEntry[]> {
    const parsed = parseArgument(entriesInput, input, 'entries');
    const participants = parsed.map((e, i) => participantOf(e, i));
    const seen = new Map<string, number>();
    participants.forEach((p, i) => {
      const key = entryKeyPart(p);
      if (seen.has(key)) throw InvalidInputError.at(`entries.${i}.${p.kind}Id`, `${p.kind} ${p.id} is listed twice`);
      seen.set(key, i);
    });

    const round = await this.requireRound(roundId, true);
    assertStatus(round.status, ['DRAFT'], 'enrol entries');
    const { cadres, units } = await this.loadParticipants(participants);

    const entries = parsed.map((e, i): StoredEntry => {
      const participant = participants[i]!;
      const cadre = participant.kind === 'cadre' ? cadres.get(participant.id) : undefined;
      const unitId = cadre ? cadre.unitId : participant.id;
      const unit = units.get(unitId);
      if (participant.kind === 'cadre' && !cadre) throw new NotFoundError('Cadre', participant.id, `entries.${i}.cadreId`);
      if (!unit) throw new NotFoundError('Unit', unitId, `entries.${i}.unitId`);
      return {
        id: entryIdOf(roundId, participant),
        roundId,
        keyPart: entryKeyPart(participant),
        title: e.title,
        order: e.order,
        group: e.group,
        cadre: cadre ? snapshotCadre(cadre) : null,
        unit: snapshotUnit(unit),
        sheetTotals: {},
        total: null,
        sheetCount: 0,
        version: 0,
      };
    });

    const outcome = await retrying(() => this.store.rounds.addEntries(roundId, entries), isTransientConflict);
    if (outcome.ok) return entries;
    if (outcome.reason === 'ROUND_NOT_DRAFT') throw new ConflictError('Entries can only be added while the round is DRAFT', 'ROUND_STATUS');
    const taken = participants[outcome.index]!;
    throw new ConflictError(`${taken.kind} ${taken.id} is already enrolled in this round`, 'ALREADY_ENROLLED');
  }

  /** Adds judges to the panel (new labels J<n+1>…) or updates the names of judges already on it. */
  async assignJudges(roundId: string, input: unknown): Promise<Judge[]> {
    const parsed = parseArgument(judgesInput, input, 'judges');
    const dup = parsed.findIndex((j, i) => parsed.findIndex((k) => k.userId === j.userId) !== i);
    if (dup >= 0) throw InvalidInputError.at(`judges.${dup}.userId`, `judge ${parsed[dup]!.userId} is listed twice`);
    const unitIds = [...new Set(parsed.flatMap((j) => (j.unitId ? [j.unitId] : [])))];
    const units = await this.store.directory.getUnits(unitIds);
    const unknown = parsed.findIndex((j) => j.unitId && !units.has(j.unitId));
    if (unknown >= 0) throw new NotFoundError('Unit', parsed[unknown]!.unitId!, `judges.${unknown}.unitId`);

    return retrying(
      async () => {
        const round = await this.requireRound(roundId, true);
        assertStatus(round.status, ['DRAFT', 'OPEN'], 'assign judges');
        const existing = new Map((await this.store.rounds.listJudges(roundId)).map((j) => [j.userId, j]));
        let next = round.judgeCount;
        const judges = parsed.map((j): Judge => ({
          roundId,
          userId: j.userId,
          name: j.name,
          unitId: j.unitId ?? null,
          label: existing.get(j.userId)?.label ?? `J${++next}`,
        }));
        const added = judges.filter((j) => !existing.has(j.userId));
        const updated = judges.filter((j) => existing.has(j.userId));
        const outcome = await this.store.rounds.putJudges(roundId, round.judgeCount, added, updated);
        if (!outcome.ok) throw new RaceLost();
        return judges;
      },
      (error) => error instanceof RaceLost || isTransientConflict(error),
    );
  }

  private async loadParticipants(participants: readonly Participant[]): Promise<{ cadres: Map<string, Cadre>; units: Map<string, Unit> }> {
    const cadreIds = participants.filter((p) => p.kind === 'cadre').map((p) => p.id);
    const cadres = await this.store.directory.getCadres(cadreIds);
    const unitIds = new Set([
      ...participants.filter((p) => p.kind === 'unit').map((p) => p.id),
      ...[...cadres.values()].map((c) => c.unitId),
    ]);
    const units = await this.store.directory.getUnits([...unitIds]);
    return { cadres, units };
  }
}

function participantOf(entry: { cadreId?: string | null; unitId?: string | null }, index: number): Participant {
  if (entry.cadreId && entry.unitId) throw InvalidInputError.at(`entries.${index}`, 'give either cadreId or unitId, not both');
  if (entry.cadreId) return { kind: 'cadre', id: entry.cadreId };
  if (entry.unitId) return { kind: 'unit', id: entry.unitId };
  throw InvalidInputError.at(`entries.${index}`, 'give cadreId or unitId');
}

function snapshotCadre(c: Cadre) {
  return { id: c.id, name: c.name, unitId: c.unitId, position: c.position, grade: c.grade, birthYear: c.birthYear };
}

function snapshotUnit(u: Unit): UnitSnapshot {
  return { id: u.id, name: u.name, kind: u.kind, parentId: u.parentId };
}
