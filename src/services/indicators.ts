import { ulid } from 'ulid';
import { canonical, dec, fromNumber, sum } from '../domain/decimal.js';
import { groupBy } from '../domain/collections.js';
import { own } from '../domain/dict.js';
import type { Decimal } from '../domain/primitives.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError, issue, type FieldIssue } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import type { Round, Viewer } from '../domain/model.js';
import { asIndicatorsRound } from '../methods/indicators/config.js';
import { foldEvidence, indicatorsEntry, withResult } from '../methods/indicators/fold.js';
import { measured } from '../methods/indicators/formulas.js';
import type { Adjustment, Indicator, IndicatorsConfig, IndicatorValue, Section } from '../methods/indicators/model.js';
import { ADJUSTMENT_KINDS, VALUE_STATUSES } from '../methods/indicators/model.js';
import { indicatorsScoring } from '../methods/indicators/roundScoring.js';
import type { StoredEntry } from '../store/entries.js';
import type { Store } from '../store/index.js';
import { INDICATORS_AGGREGATE_ATTRIBUTES } from '../store/indicators.js';
import { RaceLost, isTransientConflict, retrying } from '../store/ops.js';
import * as z from 'zod/mini';
import { finite, optionalText, parseArgument, text } from './validation.js';

/** One indicator of an entry's assessment. */
export interface IndicatorLine {
  indicator: Indicator;
  value: IndicatorValue | null;
  measured: Decimal | null;
  score: Decimal | null;
  points: Decimal | null;
}

export interface SectionScoreParent {
  section: Section;
  score: Decimal;
}

/** An entry's indicator assessment, with aggregates only when the caller may see scores. */
export interface IndicatorAssessment {
  entry: StoredEntry;
  rank: number | null;
  total: Decimal | null;
  base: Decimal | null;
  bonus: Decimal;
  penalty: Decimal;
  vetoed: boolean;
  sections: SectionScoreParent[];
  indicators: IndicatorLine[];
  adjustments: Adjustment[];
}

/** Values per call: an import of 50 units × 20 indicators goes in two calls. */
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
const adjustmentInput = z.object({
  kind: z.enum(ADJUSTMENT_KINDS),
  points: z.optional(z.nullable(finite)),
  reason: text(500),
  evidence: optionalText(2000),
});
const statusInput = z.optional(z.nullable(z.enum(VALUE_STATUSES)));

const lost = (error: unknown) => error instanceof RaceLost || isTransientConflict(error);

/**
 * Measured results (实绩比拼): organizers enter each entry's indicator values, another
 * organizer verifies them (maker-checker), and bonuses, penalties and vetoes are
 * proposed and approved the same way. Each change to an entry's evidence is one
 * transaction with the entry's new aggregate, while the round is OPEN.
 */
export class IndicatorValueService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * Enters or changes values (status ENTERED; a changed value that was verified needs
   * verifying again). A value given again unchanged is left as it is, so a retried
   * call — same client request id or not — writes nothing twice. All or nothing per entry.
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
      await this.changeEntry(roundId, entryId, 'values', (_, evidence, at) => {
        const current = new Map(evidence.values.map((v) => [v.indicator, v]));
        const changed: IndicatorValue[] = [];
        for (const { item, index } of items) {
          const before = current.get(item.indicator);
          const next = enteredValue(before, roundId, entryId, item, viewer.id, at, requestIdValue);
          if (next === before) {
            results.set(index, before!);
            continue;
          }
          current.set(item.indicator, next);
          changed.push(next);
          results.set(index, next);
        }
        if (changed.length === 0) return null;
        return { values: changed, adjustments: [], all: [...current.values()], allAdjustments: evidence.adjustments };
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
      await this.changeEntry(roundId, entryId, 'ids', (_, evidence, at) => {
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
          const verified: IndicatorValue = { ...value, status: 'VERIFIED', verifiedBy: viewer.id, verifiedAt: at, version: value.version + 1 };
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

  /** Proposes a bonus, a penalty or a veto; it counts once another organizer approves it. */
  async addAdjustment(viewer: Viewer, entryId: string, input: unknown): Promise<Adjustment> {
    const parsed = parseArgument(adjustmentInput, input, 'input');
    const { roundId } = parseEntryId(entryId, 'entryId');
    if (parsed.kind !== 'VETO' && !(parsed.points !== undefined && parsed.points !== null && parsed.points > 0)) {
      throw InvalidInputError.at('input.points', 'NOT_POSITIVE', 'a bonus or penalty needs positive points');
    }
    const at = this.now().toISOString();
    const adjustment: Adjustment = {
      id: `${entryId}/adj/${ulid()}`,
      roundId,
      entryId,
      kind: parsed.kind,
      points: parsed.kind === 'VETO' ? '0' : fromNumber(parsed.points!),
      reason: parsed.reason,
      evidence: parsed.evidence,
      status: 'PENDING',
      proposedBy: viewer.id,
      proposedAt: at,
      approvedBy: null,
      approvedAt: null,
    };
    await this.changeEntry(roundId, entryId, 'entryId', (_, evidence) => ({
      values: [],
      adjustments: [{ adjustment, expectedStatus: null }],
      all: evidence.values,
      allAdjustments: [...evidence.adjustments, adjustment],
    }));
    return adjustment;
  }

  /** Approves a proposed adjustment: by an organizer other than the one who proposed it. Approving twice is a no-op. */
  async approveAdjustment(viewer: Viewer, id: string): Promise<Adjustment> {
    const { entryId, roundId } = parseAdjustmentId(id, 'id');
    let approved: Adjustment | undefined;
    await this.changeEntry(roundId, entryId, 'id', (_, evidence, at) => {
      const found = evidence.adjustments.find((a) => a.id === id);
      if (!found) throw new NotFoundError('Adjustment', id, 'id');
      if (found.status === 'APPROVED') {
        approved = found;
        return null;
      }
      if (found.proposedBy === viewer.id)
        throw new ForbiddenError('An adjustment is approved by an organizer other than the one who proposed it', 'MAKER_CHECKER');
      approved = { ...found, status: 'APPROVED', approvedBy: viewer.id, approvedAt: at };
      return {
        values: [],
        adjustments: [{ adjustment: approved, expectedStatus: 'PENDING' }],
        all: evidence.values,
        allAdjustments: evidence.adjustments.map((a) => (a.id === id ? approved! : a)),
      };
    });
    return approved!;
  }

  /** A round's values, in entry order (the verification queue when `status` is ENTERED). */
  async values(roundId: string, status: unknown): Promise<IndicatorValue[]> {
    const wanted = parseArgument(statusInput, status, 'status');
    const values = await this.store.indicatorEvidence.listValues(roundId);
    return wanted ? values.filter((v) => v.status === wanted) : values;
  }

  /** The measure x a value gives its indicator (a ratio's percentage; null: not measurable). */
  measuredOf(indicator: Indicator, value: IndicatorValue): Decimal | null {
    return measured(indicator, value);
  }

  /** The 0–100 score an entry's aggregate holds for an indicator (RANK_POINTS: after close). */
  scoreOf(entry: StoredEntry, indicator: string): Decimal | null {
    return own(indicatorsEntry(entry).scores, indicator) ?? null;
  }

  adjustments(roundId: string): Promise<Adjustment[]> {
    return this.store.indicatorEvidence.listAdjustments(roundId);
  }

  /**
   * One entry's assessment: every indicator's verified value, measure, score and
   * points, the sections, the adjustments and the total. Without `show.scores` only
   * what was measured is shown; organizers (`show.managing`) also see what is pending.
   */
  async assessment(round: Round, entry: StoredEntry, rank: number | null, show: { scores: boolean; managing: boolean }): Promise<IndicatorAssessment> {
    const { method } = asIndicatorsRound(round);
    const evidence = await this.store.indicatorEvidence.loadEntryEvidence(round.id, entry.keyPart, entry.id);
    const counted = indicatorsEntry(entry);
    const verified = new Map(evidence.values.filter((v) => show.managing || v.status === 'VERIFIED').map((v) => [v.indicator, v]));
    const hidden = !show.scores;
    const sections = method.indicatorSet.sections.map((section) => ({ section, score: own(counted.sectionScores, section.key) ?? '0' }));
    return {
      entry,
      rank: hidden ? null : rank,
      total: hidden ? null : entry.total,
      base: hidden || entry.total === null ? null : canonical(sum(sections.map((s) => dec(s.score).times(s.section.weight)))),
      bonus: hidden ? '0' : counted.bonus,
      penalty: hidden ? '0' : counted.penalty,
      vetoed: !hidden && counted.vetoed,
      sections: hidden ? [] : sections,
      indicators: method.indicatorSet.indicators.map((indicator) => ({
        indicator,
        // Values and measures give the totals away: shown when scores are (organizers always).
        value: hidden && !show.managing ? null : (verified.get(indicator.key) ?? null),
        measured: hidden && !show.managing ? null : (own(counted.measured, indicator.key) ?? null),
        score: hidden ? null : (own(counted.scores, indicator.key) ?? null),
        points: hidden ? null : (own(counted.indicatorPoints, indicator.key) ?? null),
      })),
      adjustments: evidence.adjustments.filter((a) => show.managing || (!hidden && a.status === 'APPROVED')),
    };
  }

  /**
   * Reads one entry's evidence, lets `change` decide what to write (null: nothing),
   * recomputes the entry's aggregate from all of it and writes both in one
   * transaction; a concurrent change to the entry starts it over.
   */
  private async changeEntry(
    roundId: string,
    entryId: string,
    field: string,
    change: (
      config: IndicatorsConfig,
      evidence: { values: IndicatorValue[]; adjustments: Adjustment[] },
      at: string,
    ) => {
      values: IndicatorValue[];
      adjustments: { adjustment: Adjustment; expectedStatus: Adjustment['status'] | null }[];
      all: IndicatorValue[];
      allAdjustments: Adjustment[];
    } | null,
  ): Promise<void> {
    const { keyPart } = parseEntryId(entryId, field);
    await retrying(async () => {
      const evidence = await this.store.indicatorEvidence.loadEntryEvidence(roundId, keyPart, entryId);
      if (!evidence.round) throw new NotFoundError('Round', roundId, 'roundId');
      if (!evidence.entry) throw new NotFoundError('Entry', entryId, field);
      const round = asIndicatorsRound(evidence.round);
      if (round.status !== 'OPEN') throw new ConflictError(`Values and adjustments change only while the round is OPEN; it is ${round.status}`, 'ROUND_STATUS');
      const decided = change(round.method, evidence, this.now().toISOString());
      if (!decided) return;
      const entry: StoredEntry = {
        ...withResult(round.method, evidence.entry, foldEvidence(round.method, decided.all, decided.allAdjustments), null),
        version: evidence.entry.version + 1,
      };
      const scoring = indicatorsScoring(round.method);
      const outcome = await this.store.indicatorEvidence.commit({
        round,
        entry,
        rank: (e) => scoring.rankValue(e),
        attributes: INDICATORS_AGGREGATE_ATTRIBUTES,
        values: decided.values,
        adjustments: decided.adjustments,
      });
      if (outcome.ok) return;
      if (outcome.reason === 'ROUND_NOT_OPEN') throw new ConflictError('The round is no longer OPEN', 'ROUND_STATUS');
      throw new RaceLost();
    }, lost);
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
  userId: string,
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
    enteredBy: userId,
    enteredAt: at,
    verifiedBy: null,
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

/** `<entryId>/adj/<ULID>` → its entry and round. */
export function parseAdjustmentId(id: string, path: string): { entryId: string; roundId: string } {
  const marker = id.lastIndexOf('/adj/');
  if (marker < 0) throw InvalidInputError.at(path, 'BAD_ID', 'not an adjustment id');
  const entryId = id.slice(0, marker);
  return { entryId, roundId: parseEntryId(entryId, path).roundId };
}
