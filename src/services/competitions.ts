import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { newId } from '../domain/ids.js';
import type { Competition, Round, Viewer } from '../domain/model.js';
import { DEFAULT_ALERT_RULE } from '../domain/progression.js';
import { DEFAULT_STANDINGS_RULE, STANDINGS_METHODS, type StandingsRule } from '../domain/standings.js';
import { fromNumber } from '../domain/decimal.js';
import type { Store } from '../store/index.js';
import { decode } from '../store/codecs.js';
import { RaceLost, retrying } from '../store/ops.js';
import type { Connection, Cursors } from './cursor.js';
import * as z from 'zod/mini';
import { count, externalId, finite, optionalText, pageSize, parseArgument, text } from './validation.js';

/** One transaction deletes the competition and its rounds: at most 99 of them. */
const MAX_ROUNDS_DELETED_AT_ONCE = 99;

const standingsRuleInput = z.object({
  method: z.enum(STANDINGS_METHODS),
  roundWeights: z.pipe(
    z.optional(z.nullable(z.array(z.object({ roundId: externalId, weight: finite.check(z.minimum(0), z.maximum(1000)) })).check(z.maxLength(50)))),
    z.transform((v) => v ?? []),
  ),
});

const alertRuleInput = z.object({ bottom: count(1, 1000), consecutive: count(1, 100) });
const createCompetitionInput = z.object({
  name: text(200),
  description: optionalText(2000),
  standingsRule: z.optional(z.nullable(standingsRuleInput)),
  alertRule: z.optional(z.nullable(alertRuleInput)),
});

const updateCompetitionInput = z.object({
  name: z.optional(z.nullable(text(200))),
  description: z.optional(optionalText(2000)),
  standingsRule: z.optional(z.nullable(standingsRuleInput)),
  alertRule: z.optional(z.nullable(alertRuleInput)),
});

function toRule(input: z.infer<typeof standingsRuleInput>, path: string): StandingsRule {
  const seen = new Set<string>();
  input.roundWeights.forEach((w, i) => {
    if (seen.has(w.roundId))
      throw InvalidInputError.at(`${path}.roundWeights.${i}.roundId`, 'DUPLICATE', `round ${w.roundId} is weighted twice`, { value: w.roundId });
    seen.add(w.roundId);
  });
  return { method: input.method, roundWeights: input.roundWeights.map((w) => ({ roundId: w.roundId, weight: fromNumber(w.weight) })) };
}

/** Competitions: creation, listing and the rule that turns their rounds into standings. */
export class CompetitionService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {}

  async createCompetition(viewer: Viewer, input: unknown): Promise<Competition> {
    const parsed = parseArgument(createCompetitionInput, input, 'input');
    const competition: Competition = {
      id: newId('competition'),
      name: parsed.name,
      description: parsed.description,
      standingsRule: parsed.standingsRule ? toRule(parsed.standingsRule, 'input.standingsRule') : DEFAULT_STANDINGS_RULE,
      alertRule: parsed.alertRule ?? { ...DEFAULT_ALERT_RULE },
      createdBy: viewer.id,
      createdAt: this.now().toISOString(),
      version: 0,
    };
    await this.store.competitions.createCompetition(competition);
    return competition;
  }

  /** Changes name, description or standings rule; the standings rule may name rounds created since. */
  async updateCompetition(id: string, input: unknown): Promise<Competition> {
    const parsed = parseArgument(updateCompetitionInput, input, 'input');
    return retrying(async () => {
      const current = await this.requireCompetition(id);
      const next: Competition = {
        ...current,
        name: parsed.name ?? current.name,
        description: parsed.description === undefined ? current.description : parsed.description,
        standingsRule: parsed.standingsRule ? toRule(parsed.standingsRule, 'input.standingsRule') : current.standingsRule,
        alertRule: parsed.alertRule ?? current.alertRule,
        version: current.version + 1,
      };
      if (!(await this.store.competitions.updateCompetition({ ...next })).ok) throw new RaceLost();
      return next;
    });
  }

  async grantOrganizer(viewer: Viewer, competitionId: string, userId: unknown): Promise<Competition> {
    const user = parseArgument(externalId, userId, 'userId');
    const competition = await this.requireCompetition(competitionId, 'competitionId');
    await this.store.competitions.putGrant({ competitionId, userId: user, grantedBy: viewer.id, grantedAt: this.now().toISOString() });
    // After the grant: a round created meanwhile reads the grant when it marks its managers.
    await this.store.rounds.markManager(
      (await this.allRounds(competitionId)).map((r) => r.id),
      user,
    );
    return competition;
  }

  /** Everyone who manages a competition: its creator and those granted. */
  async managersOf(competition: Competition): Promise<string[]> {
    return [...new Set([competition.createdBy, ...(await this.store.competitions.listGrantees(competition.id))])];
  }

  async requireCompetition(id: string, field?: string): Promise<Competition> {
    const found = (await this.store.competitions.getCompetitions([id])).get(id);
    if (!found) throw new NotFoundError('Competition', id, field);
    return found;
  }

  async listCompetitions(args: { first?: number | null; after?: string | null; archived?: boolean | null }): Promise<Connection<Competition>> {
    const first = parseArgument(pageSize, args.first, 'first');
    const scope = args.archived ? 'competitions:archived' : 'competitions';
    const start = this.cursors.startKey(scope, args.after);
    const page = await this.store.competitions.listCompetitions(first + 1, start, Boolean(args.archived));
    return this.cursors.pageConnection(scope, page, first, (item) => decode('Competition', item));
  }

  /** Every round of a competition, archived ones included. */
  async allRounds(competitionId: string): Promise<Round[]> {
    const [shown, archived] = await Promise.all([this.store.rounds.listRounds(competitionId), this.store.rounds.listRounds(competitionId, true)]);
    return [...shown, ...archived];
  }

  /** Hides a competition from the list (or shows it again); it stays readable by id for audit. */
  async archiveCompetition(id: string, archived: boolean): Promise<Competition> {
    return retrying(async () => {
      const current = await this.requireCompetition(id, 'id');
      const next: Competition = { ...current, archivedAt: archived ? (current.archivedAt ?? this.now().toISOString()) : null, version: current.version + 1 };
      if (!(await this.store.competitions.updateCompetition(next)).ok) throw new RaceLost();
      return next;
    });
  }

  async archiveRound(round: Round, archived: boolean): Promise<Round> {
    const updated = await this.store.rounds.setRoundArchived(round, archived ? (round.archivedAt ?? this.now().toISOString()) : null);
    if (!updated.ok) throw new NotFoundError('Round', round.id, 'id');
    return updated.value;
  }

  /**
   * Deletes a competition none of whose rounds went beyond DRAFT (so it holds no sheet),
   * with its rounds, entries and grants; otherwise CONFLICT HAS_RESULTS (archive it instead).
   */
  async deleteCompetition(id: string): Promise<boolean> {
    await this.requireCompetition(id, 'id');
    const rounds = await this.allRounds(id);
    const refuse = () => new ConflictError('A competition with rounds beyond DRAFT cannot be deleted; archive it instead', 'HAS_RESULTS');
    if (rounds.some((r) => r.status !== 'DRAFT') || rounds.length > MAX_ROUNDS_DELETED_AT_ONCE) throw refuse();
    const remains = await Promise.all(
      rounds.map(async (r) => ({
        round: r,
        entries: await this.store.entries.listEntries(r.id, true),
        conflicts: await this.store.sheets.listConflictKeys(r.id),
      })),
    );
    const grants = await this.store.competitions.listGrantKeys(id);
    if (!(await this.store.competitions.deleteCompetition(id, rounds)).ok) throw refuse();
    for (const { round, entries, conflicts } of remains) {
      await this.store.enrolment.deleteRemains(
        round.id,
        entries.map((e) => e.id),
        conflicts,
      );
    }
    await this.store.enrolment.batchDelete(grants);
    return true;
  }
}
