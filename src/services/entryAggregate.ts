import { dictOf } from '../domain/dict.js';
import type { Round } from '../domain/model.js';
import type { PanelEntry } from '../methods/panel/aggregate.js';
import type { PanelConfig } from '../methods/panel/config.js';
import { withAggregate } from '../methods/panel/roundScoring.js';
import type { StoredEntry } from '../store/entries.js';

/** A panel entry with a new set of sheets and everything derived from them (optimistic version bumped). */
export function withSheets(entry: PanelEntry<StoredEntry>, round: Round<PanelConfig>, sheets: PanelEntry['sheets']): PanelEntry<StoredEntry> {
  // A sheet change drops finalised normalisation; closing again recomputes it for the whole round.
  const normalized = round.status === 'CLOSED' ? entry.normalized : null;
  return { ...withAggregate(round.method, { ...entry, sheets }, normalized), version: entry.version + 1 };
}

export function withoutSheet(entry: PanelEntry<StoredEntry>, round: Round<PanelConfig>, judgeId: string): PanelEntry<StoredEntry> {
  return withSheets(entry, round, dictOf(Object.entries(entry.sheets).filter(([id]) => id !== judgeId)));
}
