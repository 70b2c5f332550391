import { blackList, mostImproved, persistentlyLow, rankChange, redList, type Placed } from '../domain/progression.js';
import { rankAll } from '../domain/ranking.js';
import type { Round } from '../domain/model.js';
import type { Methods } from '../methods/registry.js';
import type { StoredEntry } from '../store/entries.js';
import type { Store } from '../store/index.js';

/** An entry with its rank in its round, and how it moved since the previous round. */
export interface Placing extends Placed {
  entry: StoredEntry;
  previousRank: number | null;
  change: number | null;
}

export interface Boards {
  red: Placing[];
  black: Placing[];
  mostImproved: Placing[];
}

export interface AlertRule {
  /** How far from the bottom counts as "at the bottom". */
  bottom: number;
  /** For how many finished rounds running. */
  consecutive: number;
}

export interface Alert {
  /** The participant's entry in the latest of those rounds. */
  entry: StoredEntry;
  rounds: Round[];
}

const finished = (round: Round) => round.status === 'CLOSED' || round.status === 'PUBLISHED';

/**
 * 争先进位 across a competition's rounds, whatever their method: each entry's rank
 * against the previous finished round of the same kind (the same unit or cadre),
 * the red and black lists and the most improved, and the participants at the bottom
 * round after round. Two queries per round looked at.
 */
export class ProgressionService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
  ) {}

  /** Every entry of the round with its rank, and its rank in the previous round. */
  async placings(round: Round): Promise<Placing[]> {
    const [current, previous] = await Promise.all([this.ranked(round), this.previousRound(round).then((r) => (r ? this.ranked(r) : []))]);
    const before = new Map(previous.map((p) => [p.key, p.rank]));
    return current.map((p) => ({ ...p, previousRank: before.get(p.key) ?? null, change: rankChange(before.get(p.key), p.rank) }));
  }

  /** The previous rank of each participant (by entry key part), for `Entry.previousRank`. */
  async previousRanks(round: Round): Promise<Map<string, number | null>> {
    const previous = await this.previousRound(round);
    if (!previous) return new Map();
    return new Map((await this.ranked(previous)).map((p) => [p.key, p.rank]));
  }

  /** 红榜, 黑榜 and 进步最快 of a round, sized by the round's method (`boards`; 10, 5 and 5 unless set). */
  async boards(round: Round, sizes: { red: number; black: number; mostImproved: number }): Promise<Boards> {
    const placings = await this.placings(round);
    return {
      red: redList(placings, sizes.red),
      black: blackList(placings, sizes.black),
      mostImproved: mostImproved(placings, sizes.mostImproved),
    };
  }

  /** Participants in the bottom `rule.bottom` of each of the competition's last `rule.consecutive` finished rounds. */
  async alerts(competitionId: string, rule: AlertRule, visible: (round: Round) => Promise<boolean>): Promise<Alert[]> {
    const all = (await this.store.rounds.listRounds(competitionId)).filter(finished);
    const shown = await Promise.all(all.map(visible));
    const rounds = all.filter((_, i) => shown[i]).slice(-Math.max(1, rule.consecutive));
    const ranked = await Promise.all(rounds.map((r) => this.ranked(r)));
    const keys = persistentlyLow(ranked, rule.bottom, rule.consecutive);
    const latest = new Map((ranked.at(-1) ?? []).map((p) => [p.key, p.entry]));
    return keys.flatMap((key) => (latest.has(key) ? [{ entry: latest.get(key)!, rounds }] : []));
  }

  /** The latest finished round of the same competition and method created before `round`. */
  private async previousRound(round: Round): Promise<Round | null> {
    const rounds = await this.store.rounds.listRounds(round.competitionId);
    // Round ids are ULIDs: their order is creation order.
    const earlier = rounds.filter((r) => r.id < round.id && finished(r) && r.method.kind === round.method.kind);
    return earlier.at(-1) ?? null;
  }

  private async ranked(round: Round): Promise<(Placed & { entry: StoredEntry })[]> {
    const entries = await this.store.entries.listEntries(round.id);
    const scoring = this.methods.forRound(round).scoring;
    const ranks = rankAll(entries.map((e) => scoring.rankValue(e)));
    return entries.map((entry, i) => ({ key: entry.keyPart, rank: ranks[i] ?? null, vetoed: scoring.vetoed(entry), entry }));
  }
}
