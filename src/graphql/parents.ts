import type { JudgeStatistics } from '../methods/panel/judgeStats.js';
import type { Owned } from '../domain/ownership.js';
import type { Amendment, CadreSnapshot, Criterion, Decimal, Judge, RejectedSheet, SheetEvent, UnitSnapshot } from '../domain/model.js';
import type { Progress, StandingRow } from '../services/results.js';
import type { LeaderboardRow } from '../services/leaderboard.js';
import type { StoredEntry } from '../store/entries.js';
import type { Stage } from '../domain/hall.js';
import type { PanelClass } from '../methods/panel/rule.js';
import type { Tally } from '../methods/panel/scoring.js';
import type { RatingFigures } from '../methods/ratings/figures.js';
import type { Round } from '../domain/model.js';

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

export interface StandingsConnectionParent {
  edges: { cursor: string; node: StandingRow }[];
  hasNextPage: boolean;
  totalCount: number;
}

export type ParticipantParent = StandingRow['participant'];

export interface SheetEventParent {
  event: SheetEvent;
  judge: Judge | undefined;
}

/** A unit: from the directory (with its owner), or an entry's enrolment snapshot (without). */
export type UnitParent = UnitSnapshot & Owned;

export interface RejectedSheetParent {
  rejected: RejectedSheet;
  judge: Judge | undefined;
}

export interface AmendmentParent {
  amendment: Amendment;
  judge: Judge | undefined;
}

export interface JudgeStatsParent {
  judge: Judge;
  stats: JudgeStatistics;
}

export type JudgeProgressParent = Progress['judges'][number];
export type EntryProgressParent = Progress['entries'][number];

/** The stage as the hall item keeps it. */
export type StageParent = Stage & { roundId: string };

/** A class's result on an entry, with the class's configuration. */
export interface ClassResultParent {
  config: PanelClass;
  result: string | null;
  sheetCount: number;
}

export interface NoticeBoardParent {
  round: Round;
  open: boolean;
}

/** A unit's rating figures, with the ratings an upheld appeal removed. */
export type RatingFiguresParent = RatingFigures & { removed: number };

/** An entry as a ballot's voting page shows it, with that ballot's score. */
export interface BallotEntryParent {
  entry: StoredEntry;
  myScore: Decimal | null;
}

/** An entry's ballots as the counters add them up. */
export interface BallotTallyParent {
  entry: StoredEntry;
  tally: Tally;
}
