import type { Decimal, Round } from '../domain/model.js';
import { RANK_START, nextRank, rankValueKey, type RankState } from '../domain/ranking.js';
import type { Methods } from '../methods/registry.js';
import type { Store } from '../store/index.js';
import type { StoredEntry } from '../store/entries.js';
import type { Cursors } from './cursor.js';
import * as z from 'zod/mini';
import { count, pageSize, parseArgument } from './validation.js';

const leaderboardCursor = z.object({
  s: z.string().check(z.maxLength(400)),
  k: z.string().check(z.regex(/^[cu]~[A-Za-z0-9_.@:-]{1,128}$/)),
  p: count(1, 10_000_000),
  r: z.nullable(count(1, 10_000_000)),
  t: z.nullable(z.string().check(z.regex(/^\d{12}(#\d{12})*$/))),
});

export interface LeaderboardRow {
  rank: number | null;
  total: Decimal | null;
  sheetCount: number;
  entry: StoredEntry & { rank: number | null };
}

/** Ranked pages of a round (or one group): one index query each, ranks carried across pages in signed cursors. */
export class LeaderboardService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
    private readonly cursors: Cursors,
  ) {}

  /** One page of ranked rows (the round's, or one group's): one index query, plus the round read the caller shares. */
  async leaderboard(
    round: Round,
    args: { group?: string | null; first?: number | null; after?: string | null },
  ): Promise<{ rows: { cursor: string; node: LeaderboardRow }[]; hasNextPage: boolean }> {
    const first = parseArgument(pageSize, args.first, 'first');
    const group = args.group ?? null;
    const scope = `leaderboard:${round.id}:${group ?? ''}`;
    const cursor = args.after ? this.cursors.decode(scope, leaderboardCursor, args.after) : undefined;
    const page = await this.store.entries.leaderboardPage(round.id, group, first + 1, cursor && { keyPart: cursor.k, sortKey: cursor.s });
    let state: RankState = cursor ? { position: cursor.p, rank: cursor.r, tieKey: cursor.t } : RANK_START;
    const scoring = this.methods.forRound(round).scoring;
    const rows = page.slice(0, first).map(({ entry, sortKey }) => {
      const value = scoring.rankValue(entry);
      state = nextRank(state, value && rankValueKey(value));
      const node: LeaderboardRow = { rank: state.rank, total: entry.total, sheetCount: scoring.evidenceCount(entry), entry: { ...entry, rank: state.rank } };
      const next = { s: sortKey, k: entry.keyPart, p: state.position, r: state.rank, t: state.tieKey };
      return { cursor: this.cursors.encode(scope, next), node };
    });
    return { rows, hasNextPage: page.length > first };
  }

  /** Rank of one entry in its round: one more than the number of entries ranked strictly better. */
  async rankOf(entry: StoredEntry, round: Round): Promise<number | null> {
    const value = this.methods.forRound(round).scoring.rankValue(entry);
    if (!value) return null;
    return 1 + (await this.store.entries.countBetter(entry.roundId, null, value));
  }
}
