import { fromNumber } from '../domain/decimal.js';
import { groupBy } from '../domain/collections.js';
import { ForbiddenError, InvalidInputError, NotFoundError, issue, type FieldIssue } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import type { Round, Viewer } from '../domain/model.js';
import { asIndicatorsRound } from '../methods/indicators/config.js';
import type { IndicatorsConfig, IndicatorValue } from '../methods/indicators/model.js';
import { VALUE_STATUSES } from '../methods/indicators/model.js';
import type { Store } from '../store/index.js';
import * as z from 'zod/mini';
import type { EvidenceWriter } from './indicatorEvidence.js';
import { finite, optionalText, parseArgument } from './validation.js';

/** Values per call: an import of 50 units × 20 indicators goes in one call. */
export const MAX_VALUES_PER_CALL = 1000;

const valueInput = z.object({
  entryId: z.string().check(z.maxLength(300)),
  indicator: z.string().check(z.maxLength(40)),
  value: z.optional(z.nullable(finite)),
  numerator: z.optional(z.nullable(finite)),
  denominator: z.optional(z.nullable(finite)),
  evidence: optionalText(2000),
  note: optionalText(1000),
});
type ValueInput = z.infer<typeof valueInput>;
const valuesInput = z.array(valueInput).check(z.minLength(1), z.maxLength(MAX_VALUES_PER_CALL));
const requestId = z.optional(z.nullable(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits and _ . : - only, at most 100'))));
const idsInput = z.array(z.string().check(z.maxLength(400))).check(z.minLength(1), z.maxLength(MAX_VALUES_PER_CALL));
const statusInput = z.optional(z.nullable(z.enum(VALUE_STATUSES)));

/**
 * Measured results (实绩比拼): organizers enter each entry's indicator values and
 * another organizer verifies them (maker-checker); only verified values count.
 */
export class IndicatorValueService {
  constructor(
    private readonly store: Store,
    private readonly writer: EvidenceWriter,
  ) {}

  /**
   * Enters or changes values (status ENTERED; a changed value that was verified needs
   * verifying again). A value given again unchanged is left as it is; a call replayed
   * with the same client request id writes nothing at all, even where someone has
   * changed a value since. All or nothing per entry.
   */
  async submitValues(viewer: Viewer, found: Round, input: unknown, clientRequestId: unknown): Promise<IndicatorValue[]> {
    const parsed = parseArgument(valuesInput, input, 'values');
    const requestIdValue = parseArgument(requestId, clientRequestId, 'clientRequestId') ?? null;
    // The configuration is fixed once the round leaves DRAFT; the status is checked again in each transaction.
    const round = asIndicatorsRound(found);
    const roundId = round.id;
    this.checkValues(round.method, roundId, parsed);
    const results = new Map<number, IndicatorValue>();
    for (const [entryId, items] of groupByEntry(parsed)) {
      await this.writer.changeEntry(roundId, entryId, 'values', (_, evidence, at) => {
        const current = new Map(evidence.values.map((v) => [v.indicator, v]));
        // A replay of a request that already wrote this entry returns the values as they are now and writes nothing,
        // so a retried import never undoes a correction made since.
        if (requestIdValue && evidence.requests.has(requestIdValue)) {
          for (const { item, index } of items) results.set(index, current.get(item.indicator)!);
          return null;
        }
        const changed: IndicatorValue[] = [];
        for (const { item, index } of items) {
          const before = current.get(item.indicator);
          const next = enteredValue(before, roundId, entryId, item, viewer, at, requestIdValue);
          if (next === before) {
            results.set(index, before!);
            continue;
          }
          current.set(item.indicator, next);
          changed.push(next);
          results.set(index, next);
        }
        if (changed.length === 0) return null;
        return { values: changed, adjustments: [], all: [...current.values()], allAdjustments: evidence.adjustments, clientRequestId: requestIdValue };
      });
    }
    return parsed.map((_, i) => results.get(i)!);
  }

  /** Marks values VERIFIED; each must have been entered by someone else (maker-checker). Verifying twice is a no-op. */
  async verifyValues(viewer: Viewer, round: Round, input: unknown): Promise<IndicatorValue[]> {
    const ids = parseArgument(idsInput, input, 'ids');
    const roundId = asIndicatorsRound(round).id;
    const parsedIds = ids.map((id, i) => parseValueId(id, roundId, `ids.${i}`));
    const results = new Map<number, IndicatorValue>();
    const byEntry = groupBy(
      parsedIds.map((p, index) => ({ ...p, index })),
      (p) => p.entryId,
    );
    for (const [entryId, items] of byEntry) {
      await this.writer.changeEntry(roundId, entryId, 'ids', (_, evidence, at) => {
        const current = new Map(evidence.values.map((v) => [v.indicator, v]));
        const changed: IndicatorValue[] = [];
        for (const { indicator, index } of items) {
          const value = current.get(indicator);
          if (!value) throw new NotFoundError('IndicatorValue', ids[index]!, `ids.${index}`);
          if (value.status === 'VERIFIED') {
            results.set(index, value);
            continue;
          }
          if (value.enteredBy === viewer.id) {
            throw new ForbiddenError('A value is verified by an organizer other than the one who entered it', 'MAKER_CHECKER');
          }
          const verified: IndicatorValue = {
            ...value,
            status: 'VERIFIED',
            verifiedBy: viewer.id,
            verifiedByName: viewer.name,
            verifiedAt: at,
            version: value.version + 1,
          };
          current.set(indicator, verified);
          changed.push(verified);
          results.set(index, verified);
        }
        if (changed.length === 0) return null;
        return { values: changed, adjustments: [], all: [...current.values()], allAdjustments: evidence.adjustments };
      });
    }
    return parsedIds.map((_, i) => results.get(i)!);
  }

  /** A round's values, in entry order (the verification queue when `status` is ENTERED). */
  async values(roundId: string, status: unknown): Promise<IndicatorValue[]> {
    const wanted = parseArgument(statusInput, status, 'status');
    const values = await this.store.indicatorEvidence.listValues(roundId);
    return wanted ? values.filter((v) => v.status === wanted) : values;
  }

  /** Every problem of the values at once: entries of this round, indicators of its set, the numbers each indicator needs. */
  private checkValues(config: IndicatorsConfig, roundId: string, values: readonly ValueInput[]): void {
    const indicators = new Map(config.indicatorSet.indicators.map((i) => [i.key, i]));
    const issues: FieldIssue[] = [];
    const seen = new Set<string>();
    values.forEach((v, i) => {
      const at = `values.${i}`;
      let entryRound: string | null = null;
      try {
        entryRound = parseEntryId(v.entryId, `${at}.entryId`).roundId;
      } catch (error) {
        if (error instanceof InvalidInputError) issues.push(...error.issues);
        else throw error;
      }
      if (entryRound !== null && entryRound !== roundId)
        issues.push(issue(`${at}.entryId`, 'NOT_IN_ROUND', 'the entry belongs to another round', { value: v.entryId }));
      const indicator = indicators.get(v.indicator);
      if (!indicator) {
        issues.push(issue(`${at}.indicator`, 'UNKNOWN_INDICATOR', `"${v.indicator}" is not an indicator of the round's set`, { value: v.indicator }));
        return;
      }
      const key = `${v.entryId}\u0000${v.indicator}`;
      if (seen.has(key)) issues.push(issue(`${at}.indicator`, 'DUPLICATE', 'the same entry and indicator twice', { value: v.indicator }));
      seen.add(key);
      const has = (n: number | null | undefined): n is number => n !== undefined && n !== null;
      if (indicator.ratio) {
        if (!has(v.numerator)) issues.push(issue(`${at}.numerator`, 'REQUIRED', 'a ratio indicator takes a numerator'));
        else if (v.numerator < 0) issues.push(issue(`${at}.numerator`, 'TOO_SMALL', 'must not be negative', { minimum: 0 }));
        if (!has(v.denominator)) issues.push(issue(`${at}.denominator`, 'REQUIRED', 'a ratio indicator takes a denominator'));
        else if (v.denominator < 0) issues.push(issue(`${at}.denominator`, 'TOO_SMALL', 'must not be negative', { minimum: 0 }));
      } else if (!has(v.value)) {
        issues.push(issue(`${at}.value`, 'REQUIRED', 'the indicator takes a value'));
      } else if (indicator.method === 'PER_OCCURRENCE' && (v.value < 0 || !Number.isInteger(v.value))) {
        issues.push(issue(`${at}.value`, 'NOT_INTEGER', 'a count of occurrences is a whole number, not negative'));
      }
    });
    if (issues.length > 0) throw new InvalidInputError(issues);
  }
}

function groupByEntry(values: readonly ValueInput[]): Map<string, { item: ValueInput; index: number }[]> {
  return groupBy(
    values.map((item, index) => ({ item, index })),
    ({ item }) => item.entryId,
  );
}

/** The value as entered: `before` itself when nothing changed (so nothing is written), else a new ENTERED version. */
function enteredValue(
  before: IndicatorValue | undefined,
  roundId: string,
  entryId: string,
  input: ValueInput,
  who: Viewer,
  at: string,
  clientRequestId: string | null,
): IndicatorValue {
  const decimal = (n: number | null | undefined) => (n === undefined || n === null ? null : fromNumber(n));
  const fields = {
    value: decimal(input.value),
    numerator: decimal(input.numerator),
    denominator: decimal(input.denominator),
    evidence: input.evidence,
    note: input.note,
  };
  if (
    before &&
    before.value === fields.value &&
    before.numerator === fields.numerator &&
    before.denominator === fields.denominator &&
    before.evidence === fields.evidence &&
    before.note === fields.note
  ) {
    return before;
  }
  return {
    id: `${entryId}/${input.indicator}`,
    roundId,
    entryId,
    indicator: input.indicator,
    ...fields,
    status: 'ENTERED',
    enteredBy: who.id,
    enteredByName: who.name,
    enteredAt: at,
    verifiedBy: null,
    verifiedByName: null,
    verifiedAt: null,
    version: (before?.version ?? 0) + 1,
    clientRequestId,
  };
}

/** `<entryId>/<indicator>` → its parts, checked to be of `roundId`. */
export function parseValueId(id: string, roundId: string, path: string): { entryId: string; indicator: string } {
  const slash = id.lastIndexOf('/');
  const entryId = id.slice(0, slash);
  if (slash < 0 || parseEntryId(entryId, path).roundId !== roundId)
    throw InvalidInputError.at(path, 'NOT_IN_ROUND', 'not a value of this round', { value: id });
  return { entryId, indicator: id.slice(slash + 1) };
}
