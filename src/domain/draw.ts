import { createHash, randomBytes } from 'node:crypto';

/**
 * 抽签: a pitch order drawn from a seed, reproducible by anyone with the seed and
 * the entry ids (a few lines in any language, or a spreadsheet with SHA-256).
 * Entries are sorted by id first, so the order of the input never matters.
 * For i = n−1 down to 1, j = u mod (i + 1), where u is the first 6 bytes of
 * SHA-256("<seed>:<i>") read big-endian, and items i and j swap (Fisher–Yates).
 * With u < 2⁴⁸ and at most a few thousand entries the modulo bias is below 10⁻¹⁰.
 */
export const DRAW_ALGORITHM =
  'Fisher–Yates over the entry ids sorted ascending: for i = n−1 … 1, j = u mod (i + 1) with u = the first 6 bytes (big-endian) of SHA-256("<seed>:<i>"); swap items i and j.';

export function drawOrder<T extends string>(ids: readonly T[], seed: string): T[] {
  const order = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (let i = order.length - 1; i > 0; i--) {
    const digest = createHash('sha256').update(`${seed}:${i}`, 'utf8').digest();
    const j = digest.readUIntBE(0, 6) % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A fresh seed for a draw nobody chose: 16 random bytes as 32 hex digits. */
export function freshSeed(): string {
  return randomBytes(16).toString('hex');
}
