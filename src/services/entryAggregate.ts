import { dictOf } from '../domain/dict.js';
import type { Round } from '../domain/model.js';
import { scoreEntry } from '../domain/scoring.js';
import type { StoredEntry } from '../store/entries.js';

/** The entry with a new set of sheets and everything derived from them (optimistic version bumped). */
export function withSheets(entry: StoredEntry, round: Round, sheets: StoredEntry['sheets']): StoredEntry {
  // A sheet change drops finalised normalisation; closing again recomputes it for the whole round.
  const normalized = round.status === 'CLOSED' ? entry.normalized : null;
  return {
    ...entry,
    sheets,
    sheetCount: Object.keys(sheets).length,
    normalized,
    ...scoreEntry(round.rubric.criteria, round, sheets, normalized),
    version: entry.version + 1,
  };
}

export function withoutSheet(entry: StoredEntry, round: Round, judgeId: string): StoredEntry {
  return withSheets(entry, round, dictOf(Object.entries(entry.sheets).filter(([id]) => id !== judgeId)));
}
