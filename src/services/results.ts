import { ulid } from 'ulid';
import { ConflictError, NotFoundError } from '../domain/errors.js';
import { judgeStatistics, type JudgeStatistics } from '../methods/panel/judgeStats.js';
import type { CadreSnapshot, Conflict, Decimal, Judge, Round, UnitSnapshot } from '../domain/model.js';
import type { Publication } from '../domain/publication.js';
import { RANK_START, compareRankValues, nextRank, rankAll, type RankState } from '../domain/ranking.js';
import type { RoundScoring } from '../domain/roundScoring.js';
import { panelEntry } from '../methods/panel/aggregate.js';
import { scoredSheets } from '../methods/panel/roundScoring.js';
import type { Methods } from '../methods/registry.js';
import { standingTotal, type RoundTotal } from '../domain/standings.js';
import { labelOrder } from '../domain/judges.js';
import type { Store } from '../store/index.js';
import { leaderboardKeyOf, type StoredEntry } from '../store/entries.js';
import type { PanelEntry } from '../methods/panel/aggregate.js';
import type { CompetitionService } from './competitions.js';
import type { Cursors } from './cursor.js';
import * as z from 'zod/mini';
import { count, pageSize, parseArgument } from './validation.js';

/** A lock older than this is presumed abandoned by a crashed request. */
const FINALIZING_LOCK_MS = 5 * 60_000;

export interface Mismatch {
  entryId: string;
  field: string;
  expected: string | null;
  actual: string | null;
}

export interface Verification {
  round: Round;
  checkedEntries: number;
  checkedSheets: number;
  mismatches: Mismatch[];
}

export type ProgressState = 'RECEIVED' | 'EXPECTED' | 'EXCUSED';

export interface Progress {
  judges: { judge: Judge; expected: number; received: number }[];
  /** `judgeStates` follows the order of `judges`. */
  entries: { entry: StoredEntry; expected: number; received: number; judgeStates: ProgressState[] }[];
  expected: number;
  received: number;
}

export interface StandingRow {
  rank: number | null;
  total: Decimal | null;
  participant: { cadre: CadreSnapshot | null; unit: UnitSnapshot | null };
  group: string | null;
  rounds: RoundTotal[];
}

const standingsCursor = z.object({ o: count(0, 10_000_000), r: z.nullable(count(1, 10_000_000)), t: z.nullable(z.string().check(z.maxLength(40))) });

/**
 * Everything computed from a round's sheets as a whole: the official results
 * stored at close, their verification, judge statistics, progress and standings.
 */
/** What publishing adds to the official results: who, the notice period, and why (override, revision). */
export type PublicationDraft = Omit<Publication, 'roundId' | 'number' | 'publishedAt' | 'results'>;

export class ResultsService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
    private readonly competitions: CompetitionService,
    private readonly now: () => Date,
    private readonly cursors: Cursors,
  ) {}

  /**
   * Recomputes every entry of a CLOSED round from its stored aggregate with its
   * method's finalisation (z-scores, say) and stores the official totals with
   * batched writes, under the round's finalising lock; `publish`
   * moves the round to PUBLISHED in the same write that releases the lock.
   */
  async finalize(roundId: string, publication: PublicationDraft | null): Promise<Round> {
    const token = ulid();
    const now = this.now();
    const locked = await this.store.rounds.lockForFinalizing(
      roundId,
      'CLOSED',
      token,
      now.toISOString(),
      new Date(now.getTime() - FINALIZING_LOCK_MS).toISOString(),
    );
    if (!locked.ok) {
      const current = await this.store.rounds.getRound(roundId, true);
      if (!current) throw new NotFoundError('Round', roundId);
      if (current.status !== 'CLOSED') throw new ConflictError(`The round is ${current.status}; results are final once CLOSED`, 'ROUND_STATUS');
      throw new ConflictError('The round’s results are being computed by another request; retry shortly', 'ROUND_FINALIZING');
    }
    const method = this.methods.forRound(locked.value);
    const listed = await this.store.entries.listEntries(roundId, true);
    // Evidence kept outside the entries (rating counters) is folded in before the results are fixed.
    const entries = method.collect ? await method.collect(listed) : listed;
    const scoring = method.scoring;
    // Compared with the entries as stored: what collect folded in must be written too.
    const changed = officialResults(scoring, entries).filter((next, i) => !sameResult(scoring, next, listed[i]!));
    await this.store.entries.putEntries(changed, (e) => scoring.rankValue(e));
    const at = this.now().toISOString();
    const published = publication ? this.publicationOf(locked.value, officialResults(scoring, entries), scoring, publication, at) : null;
    const finalized = await this.store.rounds.unlockFinalized(roundId, token, at, published);
    if (!finalized.ok) throw new ConflictError('The finalising lock was lost; retry', 'ROUND_FINALIZING');
    return finalized.value;
  }

  /** The publication record: the official results as published, numbered after the round's earlier ones. */
  private publicationOf(round: Round, entries: readonly StoredEntry[], scoring: RoundScoring, draft: PublicationDraft, at: string): Publication {
    const ranks = rankAll(entries.map((e) => scoring.rankValue(e)));
    return {
      roundId: round.id,
      number: (round.publicationCount ?? 0) + 1,
      publishedAt: at,
      ...draft,
      results: entries.map((e, i) => ({ entryId: e.id, total: e.total, rank: ranks[i] ?? null })),
    };
  }

  /**
   * Recomputes every entry, rank and standing from the stored sheets with the
   * round's rule and reports each difference from what is stored.
   */
  async verifyRound(roundId: string): Promise<Verification> {
    const round = await this.store.rounds.getRound(roundId, true);
    if (!round) throw new NotFoundError('Round', roundId, 'roundId');
    const stored = await this.store.entries.listEntriesWithLeaderboardKeys(roundId);
    const entries = stored.map((s) => s.entry);
    const method = this.methods.forRound(round);
    const { scoring } = method;
    const mismatches: Mismatch[] = [];
    const record = (entryId: string, field: string, expected: unknown, actual: unknown) => {
      const e = expected === null || expected === undefined ? null : JSON.stringify(sortKeys(expected));
      const a = actual === null || actual === undefined ? null : JSON.stringify(sortKeys(actual));
      if (e !== a) mismatches.push({ entryId, field, expected: e, actual: a });
    };

    // Rebuild each aggregate from the evidence items alone, then apply the method as the round's status requires.
    const rebuilt = await method.rebuild(entries);
    const finalized = round.resultsFinalizedAt !== null && (round.status === 'CLOSED' || round.status === 'PUBLISHED');
    const expected = finalized ? officialResults(scoring, rebuilt.entries) : rebuilt.entries.map((entry) => scoring.rescore(entry));

    const fields = [...scoring.derivedFields, 'total', 'rawTotal'];
    expected.forEach((want, i) => {
      const have = entries[i]!;
      for (const field of fields)
        record(have.id, field, (want as unknown as Record<string, unknown>)[field], (have as unknown as Record<string, unknown>)[field]);
      // The stored leaderboard key is what orders and ranks the entry on every page.
      record(
        have.id,
        'leaderboardKey',
        leaderboardKeyOf(want, (e) => scoring.rankValue(e)),
        stored[i]!.leaderboardKey,
      );
    });
    const wantRanks = rankAll(expected.map((e) => scoring.rankValue(e)));
    const haveRanks = rankAll(entries.map((e) => scoring.rankValue(e)));
    for (const [i, want] of expected.entries()) record(want.id, 'rank', wantRanks[i], haveRanks[i]);
    return { round, checkedEntries: entries.length, checkedSheets: rebuilt.evidenceCount, mismatches };
  }

  async judgeStats(roundId: string): Promise<{ judge: Judge; stats: JudgeStatistics }[]> {
    const judges = await this.store.panels.listJudges(roundId);
    const entries = (await this.store.entries.listEntries(roundId)).map((e) => panelEntry(e));
    const stats = judgeStatistics(
      judges.map((j) => j.userId),
      scoredSheets(entries),
    );
    return judges.map((judge, i) => ({ judge, stats: stats[i]! })).sort((a, b) => labelOrder(a.judge) - labelOrder(b.judge));
  }

  /** Sheets expected (panel × entries, less conflicts of interest) against sheets received. */
  async roundProgress(roundId: string): Promise<Progress> {
    const [judges, stored, conflicts] = await Promise.all([
      this.store.panels.listJudges(roundId),
      this.store.entries.listEntries(roundId),
      this.store.sheets.listConflictsOfRound(roundId),
    ]);
    const entries = stored.map((e) => panelEntry(e));
    const conflicted = new Set(conflicts.map((c: Conflict) => `${c.entryId}|${c.judgeId}`));
    const expects = (judge: Judge, entry: PanelEntry<StoredEntry>) =>
      !conflicted.has(`${entry.id}|${judge.userId}`) && !(judge.unitId !== null && entry.unit?.id === judge.unitId);
    const received = (judge: Judge, entry: PanelEntry<StoredEntry>) => Object.hasOwn(entry.sheets, judge.userId);
    const perJudge = judges
      .map((judge) => ({ judge, expected: entries.filter((e) => expects(judge, e)).length, received: entries.filter((e) => received(judge, e)).length }))
      .sort((a, b) => labelOrder(a.judge) - labelOrder(b.judge));
    const state = (judge: Judge, entry: PanelEntry<StoredEntry>): ProgressState =>
      received(judge, entry) ? 'RECEIVED' : expects(judge, entry) ? 'EXPECTED' : 'EXCUSED';
    const perEntry = entries
      .map((entry) => ({
        entry,
        expected: judges.filter((j) => expects(j, entry)).length,
        received: entry.sheetCount,
        judgeStates: perJudge.map(({ judge }) => state(judge, entry)),
      }))
      .sort((a, b) => a.entry.order - b.entry.order);
    return {
      judges: perJudge,
      entries: perEntry,
      expected: perEntry.reduce((n, e) => n + e.expected, 0),
      received: perEntry.reduce((n, e) => n + e.received, 0),
    };
  }

  /**
   * Competition standings, one page: see `standingRows`. The cursor carries the
   * offset and the rank state, so ranks hold across pages.
   */
  async standings(
    competitionId: string,
    args: { group?: string | null; first?: number | null; after?: string | null },
    visible: (round: Round) => Promise<boolean> = async () => true,
  ) {
    const first = parseArgument(pageSize, args.first, 'first');
    const scope = `standings:${competitionId}:${args.group ?? ''}`;
    const cursor = args.after ? this.cursors.decode(scope, standingsCursor, args.after) : undefined;
    const { rows } = await this.standingRows(competitionId, args.group ?? null, visible);
    const offset = cursor?.o ?? 0;
    let state: RankState = cursor ? { position: cursor.o, rank: cursor.r, tieKey: cursor.t } : RANK_START;
    const edges = rows.slice(offset, offset + first).map((row) => {
      state = nextRank(state, row.total);
      const node: StandingRow = { ...row, rank: state.rank };
      return { cursor: this.cursors.encode(scope, { o: state.position, r: state.rank, t: state.tieKey }), node };
    });
    return { edges, hasNextPage: offset + first < rows.length, totalCount: rows.length };
  }

  /**
   * Every participant's standing: official totals across the CLOSED and PUBLISHED
   * rounds the caller may see (`visible`), combined by the competition's rule,
   * ranked highest first (ties in the latest pitch order). Computed on read: one
   * query per counted round.
   */
  async standingRows(competitionId: string, group: string | null, visible: (round: Round) => Promise<boolean> = async () => true) {
    const competition = await this.competitions.requireCompetition(competitionId, 'competitionId');
    const finished = (await this.store.rounds.listRounds(competitionId)).filter((r) => r.status === 'CLOSED' || r.status === 'PUBLISHED');
    const counted = await Promise.all(finished.map(visible));
    const rounds = finished.filter((_, i) => counted[i]);
    const entriesByRound = await Promise.all(rounds.map((r) => this.store.entries.listEntries(r.id)));
    const scorings = rounds.map((r) => this.methods.forRound(r).scoring);

    const participants = new Map<string, { latest: StoredEntry; totals: Map<string, Decimal | null> }>();
    entriesByRound.forEach((entries, r) => {
      for (const entry of entries) {
        const p = participants.get(entry.keyPart) ?? { latest: entry, totals: new Map() };
        p.latest = entry;
        p.totals.set(rounds[r]!.id, scorings[r]!.rankValue(entry) ? entry.total : null);
        participants.set(entry.keyPart, p);
      }
    });
    const unranked = [...participants.values()]
      .filter((p) => group === null || p.latest.group === group)
      .map((p) => {
        const roundTotals = rounds.map((r) => ({ roundId: r.id, total: p.totals.get(r.id) ?? null }));
        return {
          total: standingTotal(competition.standingsRule, roundTotals),
          participant: { cadre: p.latest.cadre, unit: p.latest.unit },
          group: p.latest.group,
          rounds: roundTotals.filter((t) => p.totals.has(t.roundId)),
          order: p.latest.order,
        };
      })
      .sort((a, b) => compareRankValues(asRankValue(a.total), asRankValue(b.total)) || a.order - b.order);
    const ranks = rankAll(unranked.map((r) => asRankValue(r.total)));
    const rows: StandingRow[] = unranked.map(({ order: _order, ...row }, i) => ({ ...row, rank: ranks[i] ?? null }));
    return { competition, rounds, rows };
  }
}

const asRankValue = (total: Decimal | null) => (total === null ? null : { total, tieBreakers: [] });

/** Every entry's official result by its round's method (finalised across the round), version bumped. */
function officialResults(scoring: RoundScoring, entries: readonly StoredEntry[]): StoredEntry[] {
  return scoring.finalize(entries).map((entry) => ({ ...entry, version: entry.version + 1 }));
}

function sameResult(scoring: RoundScoring, a: StoredEntry, b: StoredEntry): boolean {
  const fields = ['total', 'rawTotal', ...scoring.derivedFields];
  const record = (e: StoredEntry) => e as unknown as Record<string, unknown>;
  return fields.every((f) => JSON.stringify(sortKeys(record(a)[f] ?? null)) === JSON.stringify(sortKeys(record(b)[f] ?? null)));
}

function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(sortKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sortKeys(v)]),
  ) as T;
}
