import { dictOf } from '../../domain/dict.js';
import type { Entry } from '../../domain/model.js';
import type { Decimal } from '../../domain/primitives.js';
import { NO_BALLOTS, type ClassShare, type JudgeSheet, type Tally } from './scoring.js';

/**
 * What a panel keeps on each entry beside the method-neutral fields: the current
 * sheet per judge (everything the result needs, guarded by the entry's version) and
 * what is derived from them. Stored as top-level attributes of the entry item.
 */
export interface PanelAggregate {
  /** Current sheet per judge id. */
  sheets: Record<string, JudgeSheet>;
  sheetCount: number;
  /** Normalised sheet totals per judge, set when a ZSCORE round's results are finalised. */
  normalized: Record<string, Decimal> | null;
  /** Per-criterion value over the kept marks, two decimals. */
  criterionValues: Record<string, Decimal>;
  /**
   * Sheets expected from the panel: its judges less those excused (same unit, or a
   * conflict recorded). Fixed when the round opens and lowered by each new conflict;
   * absent before the round opens (then the panel's size is meant).
   */
  expectedSheets?: number;
  /** Each evaluator class's result (empty without classes). */
  classResults: ClassShare[];
  /** Points off the total for running over time, set when the pitch ends ("0" when none). */
  overtimeDeduction: Decimal;
  /** Points added by the organizers (附加分, e.g. an award), with why ("0" and null when none). */
  bonus: Decimal;
  bonusReason: string | null;
  /** The audience's ballots as last tallied from their counters (an AUDIENCE class), else none. */
  audience: Tally;
}

/** An entry of a panel round, with its aggregate. */
export type PanelEntry<E extends Entry = Entry> = E & PanelAggregate;

export function emptyPanelAggregate(): PanelAggregate {
  return {
    sheets: {},
    sheetCount: 0,
    normalized: null,
    criterionValues: {},
    classResults: [],
    overtimeDeduction: '0',
    bonus: '0',
    bonusReason: null,
    audience: NO_BALLOTS,
  };
}

/**
 * The entry read as a panel entry: the codec for the aggregate's attributes, which
 * gives an entry stored before any sheet its empty aggregate and keeps user-keyed
 * records prototype-free.
 */
export function panelEntry<E extends Entry>(entry: E): PanelEntry<E> {
  const stored = entry as E & Partial<PanelAggregate>;
  return {
    ...entry,
    sheets: dictOf(Object.entries(stored.sheets ?? {})),
    sheetCount: stored.sheetCount ?? 0,
    normalized: stored.normalized ? dictOf(Object.entries(stored.normalized)) : null,
    criterionValues: dictOf(Object.entries(stored.criterionValues ?? {})),
    classResults: stored.classResults ?? [],
    overtimeDeduction: stored.overtimeDeduction ?? '0',
    bonus: stored.bonus ?? '0',
    bonusReason: stored.bonusReason ?? null,
    audience: stored.audience ?? NO_BALLOTS,
    ...(stored.expectedSheets === undefined ? {} : { expectedSheets: stored.expectedSheets }),
  };
}
