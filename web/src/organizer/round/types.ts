import type { PanelOf } from '../../api/method';
import type { ConsoleCompetitionsQuery, RoundConsoleQuery, RoundDrawsQuery, RoundRejectedSheetsQuery } from '../../gql/graphql';

/** A competition as the console's side list shows it, archived rounds merged in when asked for. */
export type CompetitionSummary = ConsoleCompetitionsQuery['competitions']['edges'][number]['node'];
export type RoundSummary = CompetitionSummary['rounds'][number];

export type ConsoleRound = NonNullable<RoundConsoleQuery['round']>;
export type ConsoleEntry = ConsoleRound['entries'][number];
/** The round's judged-panel configuration (rubric and rule), read through `panelOf`. */
export type ConsolePanel = PanelOf<ConsoleRound['method']>;
export type RubricCriterion = ConsolePanel['rubric']['criteria'][number];
export type PitchDrawRecord = NonNullable<RoundDrawsQuery['round']>['draws'][number];
export type RejectedSheetRecord = NonNullable<RoundRejectedSheetsQuery['round']>['rejectedSheets'][number];

/** Who pitches: the cadre's name, else the unit's, else the title. */
export function entrantName(entry: { title: string; cadre?: { name: string } | null; unit?: { name: string } | null }): string {
  return entry.cadre?.name ?? entry.unit?.name ?? entry.title;
}

export const roundPath = (roundId: string) => `/organizer/rounds/${encodeURIComponent(roundId)}`;
