import type { Judge } from './model.js';

/** Where a judge sits in label order (J1, J2, … J10); an unknown judge comes last. */
export function labelOrder(judge: Pick<Judge, 'label'> | undefined): number {
  return judge ? Number(judge.label.slice(1)) : Number.MAX_SAFE_INTEGER;
}

/** Judges (or rows naming one) in label order: how panels, protocols and exports list them. */
export function byLabel<T>(rows: readonly T[], judgeOf: (row: T) => Pick<Judge, 'label'> | undefined): T[] {
  return [...rows].sort((a, b) => labelOrder(judgeOf(a)) - labelOrder(judgeOf(b)));
}
