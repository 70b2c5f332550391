import { canonical, dec, mean, roundHalfUp, type Big } from '../../domain/decimal.js';
import type { Decimal } from '../../domain/primitives.js';
import { dictOf, type Dict } from '../../domain/dict.js';

/** Normalised sheet totals are kept to four decimals; entry totals are then rounded to two. */
const STORED_PLACES = 4;

export interface ScoredSheet {
  entryId: string;
  judgeId: string;
  total: Decimal;
}

/** Population standard deviation. */
export function spread(values: readonly Big[]): Big {
  if (values.length === 0) return dec(0);
  const m = mean(values);
  return mean(values.map((v) => v.minus(m).pow(2))).sqrt();
}

/**
 * Z-score normalisation across a round: each judge's sheet totals are standardised
 * over the entries that judge scored (z = (x − μ_judge) / σ_judge), then mapped back
 * onto the panel's overall mean and spread (x' = M + z · S). A lenient and a strict
 * judge then weigh the same; a judge whose totals do not vary (σ = 0, e.g. one sheet)
 * contributes the panel mean. Results are clamped to the rubric's range [0, maxTotal]
 * so a normalised total is always a total the rubric could give.
 * Returns entryId → judgeId → normalised total.
 */
export function zscoreNormalize(sheets: readonly ScoredSheet[], maxTotal: Decimal): Map<string, Dict<Decimal>> {
  const all = sheets.map((s) => dec(s.total));
  const result = new Map<string, Dict<Decimal>>();
  if (all.length === 0) return result;
  const panelMean = mean(all);
  const panelSpread = spread(all);

  const byJudge = new Map<string, ScoredSheet[]>();
  for (const sheet of sheets) byJudge.set(sheet.judgeId, [...(byJudge.get(sheet.judgeId) ?? []), sheet]);
  for (const [judgeId, own] of byJudge) {
    const values = own.map((s) => dec(s.total));
    const judgeMean = mean(values);
    const judgeSpread = spread(values);
    for (const sheet of own) {
      const z = judgeSpread.eq(0) ? dec(0) : dec(sheet.total).minus(judgeMean).div(judgeSpread);
      const normalized = clamp(roundHalfUp(panelMean.plus(z.times(panelSpread)), STORED_PLACES), dec(0), dec(maxTotal));
      const forEntry = result.get(sheet.entryId) ?? dictOf<Decimal>([]);
      forEntry[judgeId] = canonical(normalized);
      result.set(sheet.entryId, forEntry);
    }
  }
  return result;
}

function clamp(value: Big, low: Big, high: Big): Big {
  return value.lt(low) ? low : value.gt(high) ? high : value;
}
