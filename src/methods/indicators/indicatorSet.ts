import { canonical, dec, fromNumber, sum } from '../../domain/decimal.js';
import { isReservedKey } from '../../domain/dict.js';
import { InvalidInputError, issue, type FieldIssue } from '../../domain/errors.js';
import type { Decimal } from '../../domain/primitives.js';

/**
 * An indicator set (实绩比拼): sections, each worth a full mark, made of measured
 * indicators whose weights share out that mark. 双百分制 is two 100-point sections.
 * Longer than most modules because every method's parameters are checked here, each
 * problem reported with its path at once: one place for what a valid set is.
 */
export const INDICATOR_METHODS = ['EFFICACY', 'TARGET_RATIO', 'THRESHOLD', 'RANK_POINTS', 'PER_OCCURRENCE'] as const;
export const DIRECTIONS = ['HIGHER_BETTER', 'LOWER_BETTER'] as const;
/** What a ratio indicator scores when its denominator is zero (e.g. 0 cases raised, 0 solved). */
export const ZERO_DENOMINATOR_RULES = ['ZERO', 'FULL'] as const;

export type IndicatorMethod = (typeof INDICATOR_METHODS)[number];
export type Direction = (typeof DIRECTIONS)[number];
export type ZeroDenominatorRule = (typeof ZERO_DENOMINATOR_RULES)[number];

/** Keys become record keys and column names: a letter, then letters, digits or _, at most 40. */
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
const KEY_MAXIMUM = 40;

export interface Section {
  key: string;
  label: string;
  /** Points the section is worth, e.g. 100. */
  fullMark: Decimal;
  /** How much the section counts in the set's total; 1 unless given. */
  weight: Decimal;
}

export interface Indicator {
  key: string;
  label: string;
  /** Key of the section it belongs to. */
  section: string;
  unit: string | null;
  /** Points within its section; a section's indicator weights sum to its fullMark. */
  weight: Decimal;
  direction: Direction;
  method: IndicatorMethod;
  /** EFFICACY: the value that earns 100 (满意值). */
  satisfactory: Decimal | null;
  /** EFFICACY: the value that earns 60 (不允许值). */
  disallowed: Decimal | null;
  /** TARGET_RATIO, THRESHOLD: the target value. */
  target: Decimal | null;
  /** Highest score of a per-entry method; 100 when null (120 lets over-achievement count). */
  cap: Decimal | null;
  /** Lowest score of a per-entry method; 0 when null. */
  floor: Decimal | null;
  /** THRESHOLD: the score when the target is missed; 0 when null. */
  partial: Decimal | null;
  /** RANK_POINTS: points lost per rank. */
  step: Decimal | null;
  /** RANK_POINTS without step: the points of the last rank. */
  lowest: Decimal | null;
  /** PER_OCCURRENCE: points per occurrence, negative (e.g. −2 per incident). */
  pointsEach: Decimal | null;
  /** The measured value is numerator / denominator as a percentage. */
  ratio: boolean;
  zeroDenominator: ZeroDenominatorRule;
}

export interface IndicatorSet {
  sections: Section[];
  indicators: Indicator[];
  /** Σ section.weight × section.fullMark (200 for 双百分制). */
  fullMark: Decimal;
}

/** A section as it comes from the API: numbers as JS numbers. */
export interface SectionDraft {
  key: string;
  label: string;
  fullMark: number;
  weight?: number | null;
}

/** An indicator as it comes from the API: numbers as JS numbers, parameters optional. */
export interface IndicatorDraft {
  key: string;
  label: string;
  section: string;
  unit?: string | null;
  weight: number;
  /** Omitted: LOWER_BETTER for PER_OCCURRENCE (fewer incidents are better), else HIGHER_BETTER. */
  direction?: Direction | null;
  method: IndicatorMethod;
  satisfactory?: number | null;
  disallowed?: number | null;
  target?: number | null;
  cap?: number | null;
  floor?: number | null;
  partial?: number | null;
  step?: number | null;
  lowest?: number | null;
  pointsEach?: number | null;
  ratio?: boolean | null;
  /** Omitted: ZERO. */
  zeroDenominator?: ZeroDenominatorRule | null;
}

export interface IndicatorSetDraft {
  sections: SectionDraft[];
  indicators: IndicatorDraft[];
}

/** Optional numeric parameters, in the order their issues are reported. */
const PARAMETERS = ['satisfactory', 'disallowed', 'target', 'cap', 'floor', 'partial', 'step', 'lowest', 'pointsEach'] as const;
type Parameter = (typeof PARAMETERS)[number];

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function oneOf<T extends string>(options: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (options as readonly string[]).includes(value);
}

function keyIssue(key: unknown, at: string, seen: Set<string>, what: string): FieldIssue | null {
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    return issue(at, 'BAD_ID', `a ${what} key is a letter, then letters, digits or _, at most ${KEY_MAXIMUM}`, { maximum: KEY_MAXIMUM });
  }
  if (isReservedKey(key)) return issue(at, 'RESERVED_WORD', `"${key}" is a reserved word and cannot be a ${what} key`, { value: key });
  if (seen.has(key)) return issue(at, 'DUPLICATE', `duplicate ${what} key "${key}"`, { value: key });
  seen.add(key);
  return null;
}

function labelIssue(label: unknown, at: string): FieldIssue | null {
  return typeof label === 'string' && label.trim() !== '' ? null : issue(at, 'TOO_SHORT', 'must not be empty', { minimum: 1 });
}

/**
 * Checks an indicator set and returns it in canonical decimal form with its full mark.
 * Reports every problem at once, each with its dotted 0-based path under `path`.
 */
export function buildIndicatorSet(draft: IndicatorSetDraft, path = 'input'): IndicatorSet {
  const issues: FieldIssue[] = [];
  const push = (found: FieldIssue | null) => {
    if (found) issues.push(found);
  };

  if (draft.sections.length === 0) issues.push(issue(`${path}.sections`, 'TOO_FEW', 'a set needs at least one section', { minimum: 1 }));
  if (draft.indicators.length === 0) issues.push(issue(`${path}.indicators`, 'TOO_FEW', 'a set needs at least one indicator', { minimum: 1 }));

  const sectionKeys = new Set<string>();
  // Index of the section each key first names, so the weight check reports at the right path.
  const sectionIndex = new Map<string, number>();
  const sections: Section[] = [];
  const validFullMark: boolean[] = [];
  draft.sections.forEach((s, i) => {
    const at = `${path}.sections.${i}`;
    const keyProblem = keyIssue(s.key, `${at}.key`, sectionKeys, 'section');
    push(keyProblem);
    if (!keyProblem) sectionIndex.set(s.key, i);
    push(labelIssue(s.label, `${at}.label`));
    const fullMarkOk = isPositive(s.fullMark);
    if (!fullMarkOk) issues.push(issue(`${at}.fullMark`, 'NOT_POSITIVE', 'must be a positive number'));
    const weightOk = s.weight == null || isPositive(s.weight);
    if (!weightOk) issues.push(issue(`${at}.weight`, 'NOT_POSITIVE', 'must be a positive number'));
    validFullMark.push(fullMarkOk);
    if (fullMarkOk && weightOk) {
      sections.push({ key: s.key, label: s.label.trim(), fullMark: fromNumber(s.fullMark), weight: s.weight == null ? '1' : fromNumber(s.weight) });
    }
  });

  const indicatorKeys = new Set<string>();
  const indicators: Indicator[] = [];
  // Per section key, the valid weights of its indicators; null once one is invalid (the sum is then unknown).
  const weightsOf = new Map<string, string[] | null>();
  draft.indicators.forEach((d, i) => {
    const at = `${path}.indicators.${i}`;
    push(keyIssue(d.key, `${at}.key`, indicatorKeys, 'indicator'));
    push(labelIssue(d.label, `${at}.label`));
    const knownSection = typeof d.section === 'string' && sectionIndex.has(d.section);
    if (!knownSection) issues.push(issue(`${at}.section`, 'UNKNOWN_CRITERION', `"${d.section}" is not a section of the set`, { criterion: String(d.section) }));

    const weightOk = isPositive(d.weight);
    if (!weightOk) issues.push(issue(`${at}.weight`, 'NOT_POSITIVE', 'must be a positive number'));
    if (knownSection) {
      const sofar = weightsOf.get(d.section);
      weightsOf.set(d.section, sofar === null || !weightOk ? null : [...(sofar ?? []), fromNumber(d.weight)]);
    }

    const methodOk = oneOf(INDICATOR_METHODS, d.method);
    if (!methodOk) issues.push(issue(`${at}.method`, 'NOT_ONE_OF', 'not an indicator method', { options: INDICATOR_METHODS }));
    const direction = d.direction ?? (d.method === 'PER_OCCURRENCE' ? 'LOWER_BETTER' : 'HIGHER_BETTER');
    const directionOk = oneOf(DIRECTIONS, direction);
    if (!directionOk) issues.push(issue(`${at}.direction`, 'NOT_ONE_OF', 'not a direction', { options: DIRECTIONS }));
    else if (d.method === 'PER_OCCURRENCE' && direction !== 'LOWER_BETTER') {
      // Each occurrence deducts points, so more occurrences can only score less.
      issues.push(issue(`${at}.direction`, 'NOT_ONE_OF', 'a count of occurrences is better lower', { options: ['LOWER_BETTER'] }));
    }
    const zeroDenominator = d.zeroDenominator ?? 'ZERO';
    if (!oneOf(ZERO_DENOMINATOR_RULES, zeroDenominator))
      issues.push(issue(`${at}.zeroDenominator`, 'NOT_ONE_OF', 'not a zero-denominator rule', { options: ZERO_DENOMINATOR_RULES }));

    // Each parameter in canonical form; undefined when it was given but is not a finite number.
    const given: Partial<Record<Parameter, Decimal | null>> = {};
    for (const name of PARAMETERS) {
      const value = d[name];
      if (value == null) given[name] = null;
      else if (typeof value === 'number' && Number.isFinite(value)) given[name] = fromNumber(value);
      else issues.push(issue(`${at}.${name}`, 'NOT_FINITE', 'must be a finite number'));
    }
    const method = d.method;
    const need = (name: Parameter): boolean => {
      if (given[name] !== null) return given[name] !== undefined;
      issues.push(issue(`${at}.${name}`, 'MISSING_PARAMETER', `${method} needs ${name}`, { parameter: name, method }));
      return false;
    };

    if (method === 'EFFICACY') {
      const hasSatisfactory = need('satisfactory');
      const hasDisallowed = need('disallowed');
      if (hasSatisfactory && hasDisallowed && directionOk) {
        const satisfactory = dec(given.satisfactory!);
        const disallowed = given.disallowed!;
        if (satisfactory.eq(disallowed)) {
          issues.push(issue(`${at}.satisfactory`, 'EQUAL_BOUNDS', 'satisfactory and disallowed values must differ', { value: disallowed }));
        } else if (direction === 'HIGHER_BETTER' && satisfactory.lt(disallowed)) {
          // The one formula 60 + 40 (x − d) / (s − d) rises with x only when s > d.
          issues.push(
            issue(`${at}.satisfactory`, 'TOO_SMALL', 'higher is better: the satisfactory value must be above the disallowed one', { minimum: disallowed }),
          );
        } else if (direction === 'LOWER_BETTER' && satisfactory.gt(disallowed)) {
          issues.push(
            issue(`${at}.satisfactory`, 'TOO_BIG', 'lower is better: the satisfactory value must be below the disallowed one', { maximum: disallowed }),
          );
        }
      }
    } else if (method === 'TARGET_RATIO') {
      if (need('target') && !dec(given.target!).gt(0)) issues.push(issue(`${at}.target`, 'NOT_POSITIVE', 'a completion rate needs a positive target'));
    } else if (method === 'THRESHOLD') {
      need('target');
      const partial = given.partial;
      if (partial != null && dec(partial).lt(0)) issues.push(issue(`${at}.partial`, 'TOO_SMALL', 'must lie in [0, 100]', { minimum: 0 }));
      if (partial != null && dec(partial).gt(100)) issues.push(issue(`${at}.partial`, 'TOO_BIG', 'must lie in [0, 100]', { maximum: 100 }));
    } else if (method === 'RANK_POINTS') {
      if (given.step === null && given.lowest === null) {
        issues.push(issue(at, 'ONE_OF_REQUIRED', 'rank points need step or lowest', { options: ['step', 'lowest'] }));
      }
      if (given.step != null && !dec(given.step).gt(0)) issues.push(issue(`${at}.step`, 'NOT_POSITIVE', 'must be a positive number'));
      const lowest = given.lowest;
      if (lowest != null && dec(lowest).lt(0)) issues.push(issue(`${at}.lowest`, 'TOO_SMALL', 'must lie in [0, 100]', { minimum: 0 }));
      if (lowest != null && dec(lowest).gt(100)) issues.push(issue(`${at}.lowest`, 'TOO_BIG', 'must lie in [0, 100]', { maximum: 100 }));
    } else if (method === 'PER_OCCURRENCE') {
      // A zero or positive amount would leave every entry at 100 (the score is capped there).
      if (need('pointsEach') && !dec(given.pointsEach!).lt(0))
        issues.push(issue(`${at}.pointsEach`, 'TOO_BIG', 'points per occurrence are deducted: must be negative', { maximum: 0 }));
    }

    const { cap, floor } = given;
    if (cap != null && !dec(cap).gt(0)) issues.push(issue(`${at}.cap`, 'NOT_POSITIVE', 'must be a positive number'));
    if (floor != null && dec(floor).lt(0)) issues.push(issue(`${at}.floor`, 'TOO_SMALL', 'a score is never negative', { minimum: 0 }));
    else if (floor != null && (cap === null || (cap !== undefined && dec(cap).gt(0))) && dec(floor).gt(cap ?? 100)) {
      // An empty [floor, cap] would leave the clamp undefined.
      issues.push(issue(`${at}.floor`, 'TOO_BIG', 'must not be above the cap', { maximum: cap ?? '100' }));
    }

    if (issues.length === 0) {
      indicators.push({
        key: d.key,
        label: d.label.trim(),
        section: d.section,
        unit: d.unit?.trim() || null,
        weight: fromNumber(d.weight),
        direction,
        method,
        satisfactory: given.satisfactory ?? null,
        disallowed: given.disallowed ?? null,
        target: given.target ?? null,
        cap: given.cap ?? null,
        floor: given.floor ?? null,
        partial: given.partial ?? null,
        step: given.step ?? null,
        lowest: given.lowest ?? null,
        pointsEach: given.pointsEach ?? null,
        ratio: d.ratio === true,
        zeroDenominator,
      });
    }
  });

  // A section's indicators share out exactly its full mark, so a perfect entry scores the full mark.
  for (const [key, i] of sectionIndex) {
    // A section no indicator names sums to 0 and is reported: it could never score.
    const weights = weightsOf.has(key) ? weightsOf.get(key)! : [];
    const s = draft.sections[i]!;
    if (weights === null || !validFullMark[i]) continue;
    const actual = sum(weights.map((w) => dec(w)));
    if (!actual.eq(s.fullMark)) {
      issues.push(
        issue(
          `${path}.sections.${i}.fullMark`,
          'WEIGHTS_DO_NOT_SUM',
          `the weights of the section's indicators sum to ${canonical(actual)}, not ${s.fullMark}`,
          {
            expected: fromNumber(s.fullMark),
            actual: canonical(actual),
          },
        ),
      );
    }
  }

  if (issues.length > 0) throw new InvalidInputError(issues);
  return { sections, indicators, fullMark: canonical(sum(sections.map((s) => dec(s.fullMark).times(s.weight)))) };
}
