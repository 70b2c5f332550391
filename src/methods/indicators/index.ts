/**
 * The INDICATORS method (实绩比拼, 双百分制, 争先进位): units or cadres ranked on
 * measured indicators with standard formulas, from values one organizer enters and
 * another verifies, with approved bonuses, penalties and vetoes. Its evidence store is
 * `store/indicators.ts`; its use cases are `services/indicatorValues.ts`, `adjustments.ts` and
 * `indicatorAssessment.ts`, which change evidence only through `indicatorEvidence.ts`.
 */
import { groupBy } from '../../domain/collections.js';
import { fromNumber } from '../../domain/decimal.js';
import { InvalidInputError, issue } from '../../domain/errors.js';
import * as z from 'zod/mini';
import { count, externalId, finite, parseArgument } from '../../services/validation.js';
import type { AssessmentMethod, MethodFactory, MethodPorts } from '../method.js';
import { asIndicatorsRound, DEFAULT_BOARDS, PERIOD } from './config.js';
import { emptyIndicatorsAggregate, foldEvidence, indicatorsEntry, withResult } from './fold.js';
import type { IndicatorsConfig } from './model.js';
import { indicatorsScoring } from './roundScoring.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const cap = optional(finite.check(z.minimum(0)));
const boards = z.object({ red: optional(count(0, 1000)), black: optional(count(0, 1000)), mostImproved: optional(count(0, 1000)) });
/** The INDICATORS fields of RoundMethodInput. */
const indicatorFields = z.object({
  indicatorSetId: optional(externalId),
  indicatorSetVersion: optional(count(1, 1_000_000)),
  period: optional(z.string().check(z.regex(PERIOD, 'a year, half, quarter or month: 2026, 2026-H1, 2026-Q2, 2026-05'))),
  bonusCap: cap,
  penaltyCap: cap,
  boards: optional(boards),
});

const pick = (fields: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(Object.keys(indicatorFields.shape).flatMap((key) => (Object.hasOwn(fields, key) ? [[key, fields[key]]] : [])));
const decimalOrNull = (n: number | null | undefined) => (n === undefined || n === null ? null : fromNumber(n));

export const indicatorsMethod: MethodFactory = (ports: MethodPorts): AssessmentMethod => ({
  kind: 'INDICATORS',
  judged: false,
  graphqlType: 'IndicatorsMethod',

  async configure(fields, path) {
    const parsed = parseArgument(indicatorFields, pick(fields), path);
    const issues = [
      ...(parsed.indicatorSetId ? [] : [issue(`${path}.indicatorSetId`, 'REQUIRED', 'an indicator assessment needs an indicator set')]),
      ...(parsed.period ? [] : [issue(`${path}.period`, 'REQUIRED', 'name the period assessed, e.g. 2026-Q2')]),
    ];
    if (issues.length > 0) throw new InvalidInputError(issues);
    const set = parsed.indicatorSetVersion
      ? await ports.indicatorSets.requireVersion(parsed.indicatorSetId!, parsed.indicatorSetVersion, `${path}.indicatorSetVersion`)
      : await ports.indicatorSets.requireLatest(parsed.indicatorSetId!, `${path}.indicatorSetId`);
    return {
      kind: 'INDICATORS',
      indicatorSet: set,
      period: parsed.period!,
      bonusCap: decimalOrNull(parsed.bonusCap),
      penaltyCap: decimalOrNull(parsed.penaltyCap),
      boards: { ...DEFAULT_BOARDS, ...withoutNulls(parsed.boards ?? {}) },
    } satisfies IndicatorsConfig;
  },

  async reconfigure(round, fields, path) {
    const current = asIndicatorsRound(round).method;
    const parsed = parseArgument(indicatorFields, pick(fields), path);
    const set = parsed.indicatorSetId
      ? await (parsed.indicatorSetVersion
          ? ports.indicatorSets.requireVersion(parsed.indicatorSetId, parsed.indicatorSetVersion, `${path}.indicatorSetVersion`)
          : ports.indicatorSets.requireLatest(parsed.indicatorSetId, `${path}.indicatorSetId`))
      : current.indicatorSet;
    return {
      kind: 'INDICATORS',
      indicatorSet: set,
      period: parsed.period ?? current.period,
      bonusCap: parsed.bonusCap === undefined ? current.bonusCap : decimalOrNull(parsed.bonusCap),
      penaltyCap: parsed.penaltyCap === undefined ? current.penaltyCap : decimalOrNull(parsed.penaltyCap),
      boards: { ...current.boards, ...withoutNulls(parsed.boards ?? {}) },
    } satisfies IndicatorsConfig;
  },

  emptyAggregate: emptyIndicatorsAggregate,

  bind(round) {
    const { method: config } = asIndicatorsRound(round);
    return {
      scoring: indicatorsScoring(config),
      async rebuild(entries) {
        const [values, adjustments] = await Promise.all([
          ports.store.indicatorEvidence.listValues(round.id),
          ports.store.indicatorEvidence.listAdjustments(round.id),
        ]);
        const valuesOf = groupBy(values, (v) => v.entryId);
        const adjustmentsOf = groupBy(adjustments, (a) => a.entryId);
        const rebuilt = entries.map((entry) =>
          withResult(config, indicatorsEntry(entry), foldEvidence(config, valuesOf.get(entry.id) ?? [], adjustmentsOf.get(entry.id) ?? []), null),
        );
        return { entries: rebuilt, evidenceCount: values.filter((v) => v.status === 'VERIFIED').length };
      },
      prepareOpening: async (entries) => [...entries],
    };
  },
});

function withoutNulls<T extends Record<string, unknown>>(record: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null && v !== undefined)) as never;
}
