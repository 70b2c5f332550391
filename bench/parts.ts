/**
 * The parts of the benchmark, in the order they run. BENCH_PARTS=live,submit runs only
 * those (and what they need: overhead and export read the leaderboard rounds, so
 * selecting either loads them); unset or `all`, every part.
 */
export const PARTS = ['bundle', 'leaderboard', 'overhead', 'submit', 'live', 'export', 'close', 'ratings', 'indicators'] as const;

export type Part = (typeof PARTS)[number];

export function partsFromEnv(value = process.env.BENCH_PARTS): ReadonlySet<Part> {
  if (value === undefined || value.trim() === '' || value.trim() === 'all') return new Set(PARTS);
  const named = value
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = named.filter((p) => !(PARTS as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  return new Set(named as Part[]);
}
