import type { CadreSnapshot, Criterion, Decimal, UnitSnapshot } from '../domain/model.js';
import type { LeaderboardRow } from '../services/scoring.js';
import type { StoredEntry } from '../store/rounds.js';

/** A cadre as resolvers receive it: from the directory, or from an entry's enrolment snapshot with its unit. */
export type CadreParent = CadreSnapshot & { unitSnapshot?: UnitSnapshot | null };

/** An entry, with its rank when the listing that produced it already knows it. */
export type EntryParent = StoredEntry & { rank?: number | null };

export interface LeaderboardConnectionParent {
  roundId: string;
  rows: { cursor: string; node: LeaderboardRow }[];
  hasNextPage: boolean;
}

export interface CriterionMeanParent {
  criterion: Criterion;
  mean: Decimal | null;
}
