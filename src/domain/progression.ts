/**
 * 争先进位 and 红黑榜: how entries moved between two rounds, who makes the red and
 * black lists, and who has stayed at the bottom round after round. Pure rules over
 * ranks; every list takes the whole tie at its cut-off.
 */

/** When a participant is flagged unless the competition says otherwise: bottom 5, two rounds running. */
export const DEFAULT_ALERT_RULE = { bottom: 5, consecutive: 2 } as const;

/** An entry as these rules see it: its participant key, rank (null: unranked), and whether a veto put it last. */
export interface Placed {
  key: string;
  rank: number | null;
  vetoed: boolean;
}

/** Previous rank − rank: positive when the entry climbed; null when it is new or unranked in either round. */
export function rankChange(previous: number | null | undefined, current: number | null): number | null {
  if (previous === null || previous === undefined || current === null) return null;
  return previous - current;
}

/** The first `size` items in order, and every item tied with the last of them. */
export function withTiesAtCut<T>(ordered: readonly T[], size: number, tieKey: (item: T) => unknown): T[] {
  if (size <= 0) return [];
  const cut = ordered[size - 1];
  if (cut === undefined) return [...ordered];
  return ordered.filter((item, i) => i < size || tieKey(item) === tieKey(cut));
}

/** 红榜: the best `size` ranked entries (a vetoed entry never appears). */
export function redList<T extends Placed>(entries: readonly T[], size: number): T[] {
  const ranked = entries.filter((e) => e.rank !== null && !e.vetoed).sort((a, b) => a.rank! - b.rank!);
  return withTiesAtCut(ranked, size, (e) => e.rank);
}

/** 黑榜: vetoed entries first, then the worst ranked, `size` in all (ties at the cut included). */
export function blackList<T extends Placed>(entries: readonly T[], size: number): T[] {
  const vetoed = entries.filter((e) => e.vetoed);
  const ranked = entries.filter((e) => e.rank !== null && !e.vetoed).sort((a, b) => b.rank! - a.rank!);
  const ordered = [...vetoed, ...ranked];
  return withTiesAtCut(ordered, size, (e) => (e.vetoed ? `veto:${e.key}` : e.rank));
}

/** 进步最快: the entries that climbed most (a positive change only). */
export function mostImproved<T extends Placed & { change: number | null }>(entries: readonly T[], size: number): T[] {
  const climbed = entries.filter((e) => e.change !== null && e.change > 0).sort((a, b) => b.change! - a.change!);
  return withTiesAtCut(climbed, size, (e) => e.change);
}

/** The participant keys in the bottom `size` of one round: the black list's rule without its veto-first order. */
export function bottomKeys(entries: readonly Placed[], size: number): Set<string> {
  return new Set(blackList(entries, size).map((e) => e.key));
}

/**
 * Participants in the bottom `bottom` of each of the last `consecutive` rounds
 * (oldest first in `rounds`): those called in for a talk (约谈).
 */
export function persistentlyLow(rounds: readonly (readonly Placed[])[], bottom: number, consecutive: number): string[] {
  if (consecutive <= 0 || rounds.length < consecutive) return [];
  const recent = rounds.slice(rounds.length - consecutive).map((r) => bottomKeys(r, bottom));
  const [first, ...rest] = recent;
  return [...first!].filter((key) => rest.every((set) => set.has(key)));
}
