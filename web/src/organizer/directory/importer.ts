import type { CadreInput } from '../../gql/graphql';
import { planKeyOf, type PlannedRow, type RosterField, type RosterPlan } from './roster';
import { guessKind, type PlannedUnits } from './units';

/**
 * Writes an approved roster plan: first the units it may create (parents first), then the
 * new and changed cadres in batches the API accepts. A batch the API refuses because of
 * some of its rows writes nothing, so those rows are reported — by spreadsheet row — and
 * the batch is sent again without them. Framework-free; the page passes the API calls.
 */

/** `upsertCadres` takes at most this many per call. */
export const CADRE_BATCH = 500;

/** A row the API blamed: `index` is its place in the batch that was sent (0-based). */
export interface Blame {
  index: number;
  field: RosterField | null;
  message: string;
}

export interface RowFailure {
  row: number;
  id: string;
  field: RosterField | null;
  message: string;
}

export interface ImportSummary {
  written: number;
  unchanged: number;
  createdUnits: number;
  failures: RowFailure[];
}

export interface ImportCalls {
  createUnit(input: { name: string; kind: ReturnType<typeof guessKind>; parentId: string }): Promise<{ id: string }>;
  upsertCadres(batch: CadreInput[]): Promise<void>;
  /**
   * The rows of a refused batch the error names (`extensions.issues[].path` such as
   * `input.3.birthYear`), worded with `rowOf(index)` as their spreadsheet row; empty when
   * the error is not about particular rows.
   */
  blame(error: unknown, rowOf: (index: number) => number | null): Blame[];
  /** The error in words, for one spreadsheet row it stopped ("第 5 行：…"). */
  describe(error: unknown, row: number): string;
  onProgress?(done: number, total: number): void;
  batchSize?: number;
}

export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toInput(row: PlannedRow, unitId: string): CadreInput {
  return {
    id: row.values.id,
    name: row.values.name,
    unitId,
    position: row.values.position || null,
    grade: row.values.grade || null,
    birthYear: row.birthYear,
  };
}

/** Creates the planned units; returns the new id, or the failure, per plan key (every depth). */
async function createUnits(newUnits: readonly PlannedUnits[], calls: ImportCalls): Promise<Map<string, { id: string } | { error: unknown }>> {
  const outcome = new Map<string, { id: string } | { error: unknown }>();
  const ordered = [...newUnits].sort((a, b) => a.names.length - b.names.length);
  for (const plan of ordered) {
    const key = planKeyOf(plan);
    if (outcome.has(key)) continue;
    const parent = plan.names.length === 1 ? { id: plan.parentId } : outcome.get(planKeyOf({ parentId: plan.parentId, names: plan.names.slice(0, -1) }));
    if (!parent || 'error' in parent) {
      outcome.set(key, parent ?? { error: new Error('parent unit not created') });
      continue;
    }
    const name = plan.names[plan.names.length - 1]!;
    try {
      outcome.set(key, await calls.createUnit({ name, kind: guessKind(name), parentId: parent.id }));
    } catch (error) {
      outcome.set(key, { error });
    }
  }
  return outcome;
}

export async function importRoster(plan: RosterPlan, calls: ImportCalls): Promise<ImportSummary> {
  const failures: RowFailure[] = [];
  const created = await createUnits(plan.newUnits, calls);
  const createdUnits = [...created.values()].filter((c) => 'id' in c).length;

  const pending: { row: PlannedRow; input: CadreInput }[] = [];
  for (const row of plan.rows) {
    if (row.status !== 'new' && row.status !== 'changed') continue;
    const unit = row.newUnit ? created.get(planKeyOf(row.newUnit)) : row.unitId ? { id: row.unitId } : undefined;
    if (!unit || 'error' in unit) {
      const error = unit?.error ?? new Error('unit not created');
      failures.push({ row: row.row, id: row.values.id, field: 'unit', message: calls.describe(error, row.row) });
      continue;
    }
    pending.push({ row, input: toInput(row, unit.id) });
  }

  let written = 0;
  let done = 0;
  const total = pending.length;
  calls.onProgress?.(0, total);
  for (const batch of batches(pending, calls.batchSize ?? CADRE_BATCH)) {
    let remaining = batch;
    while (remaining.length > 0) {
      try {
        await calls.upsertCadres(remaining.map((p) => p.input));
        written += remaining.length;
        break;
      } catch (error) {
        const current = remaining;
        const blamed = calls.blame(error, (i) => current[i]?.row.row ?? null).filter((b) => b.index >= 0 && b.index < current.length);
        if (blamed.length === 0) {
          failures.push(...current.map((p) => ({ row: p.row.row, id: p.input.id, field: null, message: calls.describe(error, p.row.row) })));
          break;
        }
        const dropped = new Set<number>();
        for (const b of blamed) {
          if (dropped.has(b.index)) continue;
          dropped.add(b.index);
          failures.push({ row: current[b.index]!.row.row, id: current[b.index]!.input.id, field: b.field, message: b.message });
        }
        remaining = current.filter((_, i) => !dropped.has(i));
      }
    }
    done += batch.length;
    calls.onProgress?.(done, total);
  }
  failures.sort((a, b) => a.row - b.row);
  const unchanged = plan.rows.filter((r) => r.status === 'unchanged').length;
  return { written, unchanged, createdUnits, failures };
}
