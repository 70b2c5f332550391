import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import { AddEntriesDocument, type EntryInput } from '../../gql/graphql';

/** Entries per addEntries call (the API takes at most 99). */
export const ENTRY_BATCH = 99;

/**
 * Enrols what a picker chose in batches of ENTRY_BATCH, with progress, the count added
 * and the error if one batch failed. `enrol` resolves to the items not added, so the
 * picker keeps only those selected and a retry does not repeat a batch that went in.
 */
export function useBatchEnrolment(roundId: string, onAdded: () => void) {
  const [adding, setAdding] = useState<{ done: number; total: number } | null>(null);
  const [addError, setAddError] = useState<unknown>(null);
  const [added, setAdded] = useState<number | null>(null);

  const enrol = async <T>(chosen: readonly T[], entryOf: (item: T, index: number) => EntryInput): Promise<T[]> => {
    const entries = chosen.map(entryOf);
    setAddError(null);
    setAdded(null);
    setAdding({ done: 0, total: entries.length });
    let done = 0;
    try {
      for (let start = 0; start < entries.length; start += ENTRY_BATCH) {
        done += (await request(AddEntriesDocument, { roundId, entries: entries.slice(start, start + ENTRY_BATCH) })).addEntries.length;
        setAdding({ done, total: entries.length });
      }
      return [];
    } catch (error) {
      setAddError(error instanceof ApiError ? error : String(error));
      return chosen.slice(done);
    } finally {
      setAdding(null);
      setAdded(done);
      if (done) onAdded();
    }
  };

  return { adding, addError, added, enrol };
}
