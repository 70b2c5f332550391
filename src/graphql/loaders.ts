import DataLoader from 'dataloader';
import { parseEntryId } from '../domain/ids.js';
import type { Competition, Round, ScoreSheet, Unit } from '../domain/model.js';
import type { Store } from '../store/index.js';
import type { StoredEntry } from '../store/rounds.js';

/**
 * Per-request batching and caching of reads by id: a page that mentions the same
 * round or unit fifty times reads it once, in one BatchGetItem.
 */
export function createLoaders(store: Store, viewerId: string | null) {
  const byIds = <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? null);
    });

  return {
    unit: byIds<Unit>((ids) => store.directory.getUnits(ids)),
    cadre: byIds((ids) => store.directory.getCadres(ids)),
    competition: byIds<Competition>((ids) => store.competitions.getCompetitions(ids)),
    round: byIds<Round>((ids) => store.competitions.getRounds(ids)),
    entry: new DataLoader<string, StoredEntry | null>(async (ids) => {
      const keys = ids.map((id) => parseEntryId(id, 'entryId'));
      const entries = new Map((await store.rounds.getEntries(keys)).map((e) => [e.id, e]));
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
