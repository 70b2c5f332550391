import DataLoader from 'dataloader';
import { parseEntryId } from '../domain/ids.js';
import { manages } from '../domain/access.js';
import type { HallState } from '../domain/hall.js';
import type { Competition, Conflict, Judge, Round, ScoreSheet, Unit, Viewer } from '../domain/model.js';
import type { Store } from '../store/index.js';
import type { StoredEntry } from '../store/entries.js';
import type { ProgressionService } from './progression.js';

/**
 * Per-request batching and caching of reads by id: a page that mentions the same
 * round or unit fifty times reads it once, in one BatchGetItem.
 */
export function createLoaders(store: Store, viewer: Viewer | null, progression: ProgressionService) {
  const viewerId = viewer?.id ?? null;
  const byIds = <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? null);
    });

  const competition = byIds<Competition>((ids) => store.competitions.getCompetitions(ids));
  const isOrganizer = viewer?.kind === 'user' && viewer.roles.includes('organizer');
  const seat = new DataLoader<string, Judge | null>(async (roundIds) => {
    if (!viewerId) return roundIds.map(() => null);
    const seats = await store.panels.getJudges(roundIds.map((roundId) => ({ roundId, userId: viewerId })));
    return roundIds.map((id) => seats.find((j) => j.roundId === id) ?? null);
  });
  /** Whether the caller manages (created, or was granted) each competition: one read, and none for non-organizers. */
  const managesLoader = new DataLoader<string, boolean>(async (competitionIds) => {
    if (!viewer || !isOrganizer) return competitionIds.map(() => false);
    const { competitions, grants } = await store.competitions.getCompetitionsWithGrants(competitionIds, viewer.id);
    for (const [id, found] of competitions) competition.prime(id, found);
    return competitionIds.map((id) => {
      const found = competitions.get(id);
      return !!found && manages(viewer, found, grants.has(id));
    });
  });

  return {
    competition,
    manages: managesLoader,
    /** The caller's seat on each round's panel, or null (primed by the round loader). */
    seat,
    /** Conflicts of interest recorded for the caller in a round, by entry id. */
    myConflicts: new DataLoader<string, Map<string, Conflict>>(async (roundIds) =>
      Promise.all(
        roundIds.map(async (roundId) => {
          const conflicts = viewerId ? (await store.sheets.listConflictsOfRound(roundId)).filter((c) => c.judgeId === viewerId) : [];
          return new Map(conflicts.map((c) => [c.entryId, c]));
        }),
      ),
    ),
    /**
     * Rounds, read together with the caller's seat on each panel and, for organizers,
     * their manager mark, so that access checks cost nothing more. Rounds older than
     * the marks leave `manages` to read the competition.
     */
    round: new DataLoader<string, Round | null>(async (ids) => {
      const { rounds, seats, managed } = await store.rounds.getRoundsWithSeats(ids, viewerId, isOrganizer);
      for (const id of ids) seat.prime(id, seats.get(id) ?? null);
      for (const round of rounds.values()) {
        if (isOrganizer && round.managersMarked) managesLoader.prime(round.competitionId, managed.has(round.id));
      }
      return ids.map((id) => rounds.get(id) ?? null);
    }),
    /** Each participant's rank in the round before, by entry key part (争先进位): two queries per round. */
    previousRanks: new DataLoader<Round, Map<string, number | null>, string>((rounds) => Promise.all(rounds.map((r) => progression.previousRanks(r))), {
      cacheKeyFn: (round) => round.id,
    }),
    /** A round's live hall (stage, last reveal): read once per request, however many entries ask whether they may be scored. */
    hall: new DataLoader<string, HallState>((roundIds) => Promise.all(roundIds.map((id) => store.hall.getHall(id, false)))),
    unit: byIds<Unit>((ids) => store.directory.getUnits(ids)),
    cadre: byIds((ids) => store.directory.getCadres(ids)),
    entry: new DataLoader<string, StoredEntry | null>(async (ids) => {
      const keys = ids.map((id) => parseEntryId(id, 'entryId'));
      const entries = new Map((await store.entries.getEntries(keys)).map((e) => [e.id, e]));
      return ids.map((id) => entries.get(id) ?? null);
    }),
    /** The caller's current sheets in a round, by entry id. */
    mySheets: new DataLoader<string, Map<string, ScoreSheet>>(async (roundIds) =>
      Promise.all(
        roundIds.map(async (roundId) => {
          const sheets = viewerId ? await store.sheets.listSheetsOfJudge(roundId, viewerId) : [];
          return new Map(sheets.map((s) => [s.entryId, s]));
        }),
      ),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
