import type { Issue } from '../../api/errors';
import type { IndicatorDirection, IndicatorInput, IndicatorMethod, IndicatorSetInput, ZeroDenominatorRule } from '../../gql/graphql';
import { numberText, parseNumber, round2, type IndicatorSetRecord } from '../model';

/**
 * An indicator set as the editor holds it: text as typed, sections referred to by a local
 * id until saved, keys generated on save (s1, s2…, i1, i2…) and never shown unless asked.
 * Pure functions, no DOM and no words: the form words what they find.
 */

export const PARAMS = ['satisfactory', 'disallowed', 'target', 'cap', 'floor', 'partial', 'step', 'lowest', 'pointsEach'] as const;
export type Param = (typeof PARAMS)[number];

export type RankMode = 'step' | 'lowest';

export interface SectionDraft {
  /** Local identity while editing; indicators refer to it. */
  uid: string;
  /** Empty until saved, unless the organizer typed one under 高级. */
  key: string;
  label: string;
  fullMark: string;
  weight: string;
}

export interface IndicatorDraft {
  uid: string;
  key: string;
  label: string;
  /** The uid of its section. */
  section: string;
  unit: string;
  weight: string;
  direction: IndicatorDirection;
  method: IndicatorMethod;
  /** As typed; `pointsEach` is the deduction as a positive number (每次扣 2 分). */
  params: Record<Param, string>;
  rankMode: RankMode;
  ratio: boolean;
  zeroDenominator: ZeroDenominatorRule;
}

export interface SetDraft {
  name: string;
  sections: SectionDraft[];
  indicators: IndicatorDraft[];
}

/**
 * The parameters each method takes, as the form shows them: `main` always, `extra` only
 * under 高级 (or when they hold a value). RANK_POINTS takes `step` or `lowest` (rankMode).
 */
export const METHOD_PARAMS: Readonly<Record<IndicatorMethod, { main: readonly Param[]; extra: readonly Param[] }>> = {
  EFFICACY: { main: ['satisfactory', 'disallowed'], extra: ['cap', 'floor'] },
  TARGET_RATIO: { main: ['target', 'cap'], extra: ['floor'] },
  THRESHOLD: { main: ['target', 'partial'], extra: [] },
  RANK_POINTS: { main: [], extra: [] },
  PER_OCCURRENCE: { main: ['pointsEach'], extra: [] },
};

/** Parameters that are measures (shown with the indicator's unit), not points. */
export const MEASURE_PARAMS: ReadonlySet<Param> = new Set(['satisfactory', 'disallowed', 'target']);

let counter = 0;
export const uid = (prefix: string) => `${prefix}${++counter}`;

const blankParams = (): Record<Param, string> => Object.fromEntries(PARAMS.map((p) => [p, ''])) as Record<Param, string>;

export const blankSection = (label = '', fullMark = '100'): SectionDraft => ({ uid: uid('s'), key: '', label, fullMark, weight: '1' });

export const blankIndicator = (section: string): IndicatorDraft => ({
  uid: uid('i'),
  key: '',
  label: '',
  section,
  unit: '',
  weight: '',
  direction: 'HIGHER_BETTER',
  method: 'EFFICACY',
  params: blankParams(),
  rankMode: 'step',
  ratio: false,
  zeroDenominator: 'ZERO',
});

export function blankSet(): SetDraft {
  const first = blankSection();
  return { name: '', sections: [first], indicators: [blankIndicator(first.uid)] };
}

/** A saved set as a draft to revise (its next version). */
export function fromSet(set: IndicatorSetRecord): SetDraft {
  const sections = set.sections.map((s) => ({ uid: uid('s'), key: s.key, label: s.label, fullMark: numberText(s.fullMark), weight: numberText(s.weight) }));
  const byKey = new Map(sections.map((s) => [s.key, s.uid]));
  const indicators = set.indicators.map((i): IndicatorDraft => {
    const params = blankParams();
    for (const p of PARAMS) params[p] = numberText(i[p]);
    if (i.pointsEach !== null) params.pointsEach = numberText(Math.abs(i.pointsEach));
    return {
      uid: uid('i'),
      key: i.key,
      label: i.label,
      section: byKey.get(i.section) ?? sections[0]?.uid ?? '',
      unit: i.unit ?? '',
      weight: numberText(i.weight),
      direction: i.direction,
      method: i.method,
      params,
      rankMode: i.step === null && i.lowest !== null ? 'lowest' : 'step',
      ratio: i.ratio,
      zeroDenominator: i.zeroDenominator,
    };
  });
  return { name: set.name, sections, indicators: inSectionOrder(sections, indicators) };
}

/** Indicators grouped by section in the sections' order, keeping their order within a section. */
export function inSectionOrder(sections: readonly SectionDraft[], indicators: readonly IndicatorDraft[]): IndicatorDraft[] {
  const rank = new Map(sections.map((s, i) => [s.uid, i]));
  return indicators
    .map((indicator, i) => ({ indicator, i }))
    .sort((a, b) => (rank.get(a.indicator.section) ?? 1e9) - (rank.get(b.indicator.section) ?? 1e9) || a.i - b.i)
    .map(({ indicator }) => indicator);
}

/** The parameters an indicator sends: those of its method, RANK_POINTS the one its mode names. */
export function usedParams(indicator: Pick<IndicatorDraft, 'method' | 'rankMode'>, advanced: boolean): Param[] {
  if (indicator.method === 'RANK_POINTS') return [indicator.rankMode];
  const { main, extra } = METHOD_PARAMS[indicator.method];
  return advanced ? [...main, ...extra] : [...main];
}

/** Extra parameters that hold a value are sent (and shown) even without 高级, so nothing typed is lost silently. */
export function shownParams(indicator: IndicatorDraft, advanced: boolean): Param[] {
  const used = usedParams(indicator, advanced);
  if (indicator.method === 'RANK_POINTS') return used;
  const filled = METHOD_PARAMS[indicator.method].extra.filter((p) => !used.includes(p) && indicator.params[p].trim() !== '');
  return [...used, ...filled];
}

/** The first free `prefix`1, 2, … for drafts saved without a key; earlier versions' keys stay reserved. */
function withKeys<T extends { key: string }>(items: readonly T[], prefix: string, reserved: readonly string[]): T[] {
  const used = new Set([...reserved, ...items.map((i) => i.key.trim()).filter(Boolean)]);
  let n = 0;
  return items.map((item) => {
    if (item.key.trim()) return { ...item, key: item.key.trim() };
    do n++;
    while (used.has(`${prefix}${n}`));
    used.add(`${prefix}${n}`);
    return { ...item, key: `${prefix}${n}` };
  });
}

/** Σ of a section's indicator points, or null when one of them is not a number yet. */
export function sectionSum(section: SectionDraft, indicators: readonly IndicatorDraft[]): { sum: number | null; terms: string[] } {
  const mine = indicators.filter((i) => i.section === section.uid);
  const values = mine.map((i) => parseNumber(i.weight));
  if (values.some((v) => typeof v !== 'number')) return { sum: null, terms: mine.map((i) => i.weight.trim() || '?') };
  return { sum: round2((values as number[]).reduce((a, b) => a + b, 0)), terms: (values as number[]).map(numberText) };
}

/** Σ section full mark × weight, or null while one is not a number. */
export function setTotal(sections: readonly SectionDraft[]): number | null {
  let total = 0;
  for (const s of sections) {
    const full = parseNumber(s.fullMark);
    const weight = s.weight.trim() === '' ? 1 : parseNumber(s.weight);
    if (typeof full !== 'number' || typeof weight !== 'number') return null;
    total += full * weight;
  }
  return round2(total);
}

/**
 * The API's input, or the problems that keep it from being sent — as issues with the
 * paths the API itself would use (`input.indicators.2.satisfactory`), so they read
 * exactly as the API's own refusals do. Only what cannot be sent is checked here
 * (numbers that are not numbers, required numbers left empty); everything else is the
 * API's to judge.
 */
export function toInput(
  draft: SetDraft,
  advanced: boolean,
  reserved: { sections: readonly string[]; indicators: readonly string[] },
): { input: IndicatorSetInput } | { issues: Issue[] } {
  const issues: Issue[] = [];
  const number = (text: string, path: string, required: boolean): number | null => {
    const n = parseNumber(text);
    if (n === 'bad') issues.push({ path, code: 'WRONG_TYPE', params: { expected: 'number' } });
    else if (n === null && required) issues.push({ path, code: 'REQUIRED' });
    return typeof n === 'number' ? n : null;
  };
  const sections = withKeys(draft.sections, 's', reserved.sections);
  const keyOf = new Map(sections.map((s) => [s.uid, s.key]));
  const sectionInputs = sections.map((s, i) => ({
    key: s.key,
    label: s.label.trim(),
    fullMark: number(s.fullMark, `input.sections.${i}.fullMark`, true) ?? 0,
    weight: number(s.weight, `input.sections.${i}.weight`, false),
  }));
  const ordered = withKeys(inSectionOrder(draft.sections, draft.indicators), 'i', reserved.indicators);
  const indicatorInputs = ordered.map((d, i): IndicatorInput => {
    const at = `input.indicators.${i}`;
    const input: IndicatorInput = {
      key: d.key,
      label: d.label.trim(),
      section: keyOf.get(d.section) ?? '',
      unit: d.unit.trim() || null,
      weight: number(d.weight, `${at}.weight`, true) ?? 0,
      direction: d.method === 'PER_OCCURRENCE' ? 'LOWER_BETTER' : d.direction,
      method: d.method,
      ratio: d.ratio,
      zeroDenominator: d.ratio ? d.zeroDenominator : null,
    };
    for (const p of shownParams(d, advanced)) {
      const n = number(d.params[p], `${at}.${p}`, false);
      if (p === 'pointsEach' && n === 0) issues.push({ path: `${at}.${p}`, code: 'NOT_POSITIVE' });
      // Deductions are typed as positive points (每次扣 2 分); the API takes them negative.
      input[p] = n === null ? null : p === 'pointsEach' ? -Math.abs(n) : n;
    }
    return input;
  });
  if (issues.length) return { issues };
  return { input: { name: draft.name.trim(), sections: sectionInputs, indicators: indicatorInputs } };
}
