import { dec, mean, round2, type Big } from '../../domain/decimal.js';
import type { Decimal } from '../../domain/model.js';
import { spread, type ScoredSheet } from './normalization.js';

export interface JudgeStatistics {
  judgeId: string;
  sheetCount: number;
  mean: Decimal | null;
  /** Population standard deviation of the judge's sheet totals. */
  spread: Decimal | null;
  /** Mean of (sheet total − the panel's mean total for that entry). Positive: lenient. */
  meanDeviation: Decimal | null;
  /** Standard score of `meanDeviation` among the panel's judges. */
  deviationZ: Decimal | null;
  /** |deviationZ| > 2. */
  outlier: boolean;
}

/** Per-judge statistics over a round's current sheets, for spotting lenient, strict or erratic judges. */
export function judgeStatistics(judgeIds: readonly string[], sheets: readonly ScoredSheet[]): JudgeStatistics[] {
  const byEntry = new Map<string, Big[]>();
  for (const s of sheets) byEntry.set(s.entryId, [...(byEntry.get(s.entryId) ?? []), dec(s.total)]);
  const entryMean = new Map([...byEntry].map(([entryId, totals]) => [entryId, mean(totals)]));

  const base = judgeIds.map((judgeId) => {
    const own = sheets.filter((s) => s.judgeId === judgeId);
    if (own.length === 0) return { judgeId, sheetCount: 0, mean: null, spread: null, deviation: null };
    const totals = own.map((s) => dec(s.total));
    return {
      judgeId,
      sheetCount: own.length,
      mean: mean(totals),
      spread: spread(totals),
      deviation: mean(own.map((s) => dec(s.total).minus(entryMean.get(s.entryId)!))),
    };
  });

  const deviations = base.flatMap((b) => (b.deviation ? [b.deviation] : []));
  const deviationsMean = deviations.length > 0 ? mean(deviations) : dec(0);
  const deviationsSpread = spread(deviations);
  return base.map((b) => {
    const z = b.deviation && !deviationsSpread.eq(0) ? b.deviation.minus(deviationsMean).div(deviationsSpread) : b.deviation ? dec(0) : null;
    return {
      judgeId: b.judgeId,
      sheetCount: b.sheetCount,
      mean: b.mean ? round2(b.mean) : null,
      spread: b.spread ? round2(b.spread) : null,
      meanDeviation: b.deviation ? round2(b.deviation) : null,
      deviationZ: z ? round2(z) : null,
      outlier: z ? z.abs().gt(2) : false,
    };
  });
}
