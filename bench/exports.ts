import { getHeapStatistics } from 'node:v8';
import type { BenchEnvironment } from './environment.js';
import type { LeaderboardRound } from './leaderboard.js';
import { median } from './stats.js';

/** The stated bound: exporting a 10,000-entry leaderboard grows the server's heap by less than this. */
export const EXPORT_HEAP_BOUND_MB = 64;

export interface ExportResult {
  entries: number;
  rows: number;
  bytes: number;
  runs: number;
  p50Ms: number;
  /** Largest growth of the V8 heap above its level before the request, sampled every 2 ms, across runs. */
  peakHeapGrowthMb: number;
  boundMb: number;
}

/**
 * GET /export/rounds/{id}/leaderboard.csv of the largest round over HTTP, several
 * times, sampling this process's heap (the server runs in it) while the export is
 * produced page by page. Checks that every entry comes out once.
 */
export async function benchExport(env: BenchEnvironment, round: LeaderboardRound, runs = 5): Promise<ExportResult> {
  const token = await env.token('bench-export', ['viewer']);
  const url = `${env.origin}/export/rounds/${round.round.id}/leaderboard.csv`;
  const times: number[] = [];
  let peak = 0;
  let rows = 0;
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    globalThis.gc?.();
    const baseline = getHeapStatistics().used_heap_size;
    let runPeak = baseline;
    const sampler = setInterval(() => (runPeak = Math.max(runPeak, getHeapStatistics().used_heap_size)), 2);
    const started = performance.now();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await response.text();
    times.push(performance.now() - started);
    clearInterval(sampler);
    if (response.status !== 200) throw new Error(`export answered ${response.status}: ${body.slice(0, 300)}`);
    rows = body.trim().split('\n').length - 1;
    bytes = Buffer.byteLength(body);
    if (rows !== round.size) throw new Error(`export has ${rows} rows for ${round.size} entries`);
    peak = Math.max(peak, (runPeak - baseline) / 2 ** 20);
  }
  return { entries: round.size, rows, bytes, runs, p50Ms: median(times), peakHeapGrowthMb: peak, boundMb: EXPORT_HEAP_BOUND_MB };
}
