import { periodLabel } from '../indicators/round/period';
import type { Lang, Translate } from '../i18n';

/**
 * Words and numbers for indicator rounds (实绩比拼): the method of a round narrowed to
 * IndicatorsMethod, measures with their units, each scoring method's parameters and the
 * formula an entry's score came from, in the words a 考核办 clerk reads aloud.
 */

/** The IndicatorsMethod member of a selected `method`. */
export type IndicatorsOf<M> = Extract<M, { __typename: 'IndicatorsMethod' }>;

/** The round's indicator method as the document selected it, or null for any other method. */
export function indicatorsOf<M extends { __typename: string }>(round: { method: M }): IndicatorsOf<M> | null {
  return round.method.__typename === 'IndicatorsMethod' ? (round.method as IndicatorsOf<M>) : null;
}

/** What the formulas need of an indicator (the fields the documents select). */
export interface IndicatorDef {
  key: string;
  label: string;
  section: string;
  unit: string | null;
  weight: number;
  direction: 'HIGHER_BETTER' | 'LOWER_BETTER';
  method: 'EFFICACY' | 'TARGET_RATIO' | 'THRESHOLD' | 'RANK_POINTS' | 'PER_OCCURRENCE';
  satisfactory: number | null;
  disallowed: number | null;
  target: number | null;
  cap: number | null;
  floor: number | null;
  partial: number | null;
  step: number | null;
  lowest: number | null;
  pointsEach: number | null;
  ratio: boolean;
  zeroDenominator: 'ZERO' | 'FULL';
}

/** One indicator of an entry, as `indicatorAssessment` reports it. */
export interface LineFacts {
  measured: number | null;
  score: number | null;
  points: number | null;
  value: { value: number | null; numerator: number | null; denominator: number | null; status: 'ENTERED' | 'VERIFIED' } | null;
}

/** A figure as entered: no forced decimals, grouped thousands (1,129; 6.8; −2). */
export function figure(lang: Lang, value: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 4 }).format(value).replace('-', '−');
}

/** Two decimals, as scores and points are reported (58.73). */
export function two(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toFixed(2).replace('-', '−');
}

/** A figure with its unit: 6.8%, 2 起, 26 家. */
export function withUnit(lang: Lang, value: number, unit: string | null): string {
  const n = figure(lang, value);
  if (!unit) return n;
  return unit === '%' || unit === '‰' ? `${n}${unit}` : `${n} ${unit}`;
}

/** 实际值: the figure with its unit; a ratio as 分子/分母 = x%. */
export function measureText(t: Translate, lang: Lang, indicator: IndicatorDef, line: LineFacts): string {
  const value = line.value;
  if (!value) return t('results.ind.noValue');
  if (indicator.ratio) {
    if (value.numerator === null || value.denominator === null) return t('results.ind.noValue');
    const counts = `${figure(lang, value.numerator)}/${figure(lang, value.denominator)}`;
    if (value.denominator === 0) return t('results.ind.zeroDenominatorValue', { counts });
    return `${counts} = ${line.measured === null ? '—' : `${two(line.measured)}${indicator.unit ?? '%'}`}`;
  }
  return value.value === null ? t('results.ind.noValue') : withUnit(lang, value.value, indicator.unit);
}

/** The scoring method's name: 功效系数法, 完成率法, 达标赋分法, 排位赋分法, 扣分制 (计分制 when each occurrence adds). */
export function methodName(t: Translate, indicator: Pick<IndicatorDef, 'method' | 'pointsEach'>): string {
  if (indicator.method === 'PER_OCCURRENCE' && (indicator.pointsEach ?? 0) > 0) return t('results.ind.method.PER_OCCURRENCE_ADD');
  return t(`results.ind.method.${indicator.method}`);
}

/** The method's parameters in words, e.g. 满意值 12%，不允许值 6%. */
export function methodParameters(t: Translate, lang: Lang, indicator: IndicatorDef): string {
  const u = (x: number | null) => (x === null ? '—' : withUnit(lang, x, indicator.unit));
  const lower = indicator.direction === 'LOWER_BETTER' ? t('results.ind.lowerBetter') : '';
  switch (indicator.method) {
    case 'EFFICACY':
      return t('results.ind.params.EFFICACY', { satisfactory: u(indicator.satisfactory), disallowed: u(indicator.disallowed) }) + lower;
    case 'TARGET_RATIO':
      return (
        t('results.ind.params.TARGET_RATIO', { target: u(indicator.target) }) +
        (indicator.cap !== null && indicator.cap !== 100 ? t('results.ind.params.cap', { cap: figure(lang, indicator.cap) }) : '') +
        lower
      );
    case 'THRESHOLD':
      return t('results.ind.params.THRESHOLD', { target: u(indicator.target), partial: figure(lang, indicator.partial ?? 0) }) + lower;
    case 'RANK_POINTS':
      return (
        (indicator.step !== null
          ? t('results.ind.params.rankStep', { step: figure(lang, indicator.step) })
          : t('results.ind.params.rankLowest', { lowest: figure(lang, indicator.lowest ?? 0) })) + lower
      );
    case 'PER_OCCURRENCE': {
      const each = indicator.pointsEach ?? 0;
      const per = indicator.unit ?? t('results.ind.occurrence');
      return each < 0
        ? t('results.ind.params.perDeduct', { per, points: figure(lang, -each) })
        : t('results.ind.params.perAdd', { per, points: figure(lang, each) });
    }
  }
}

/** The score the formula gives before the indicator's bounds ([floor ?? 0, cap ?? 100]), or null when it has none. */
function rawScore(indicator: IndicatorDef, x: number): number | null {
  const higher = indicator.direction === 'HIGHER_BETTER';
  switch (indicator.method) {
    case 'EFFICACY':
      if (indicator.satisfactory === null || indicator.disallowed === null || indicator.satisfactory === indicator.disallowed) return null;
      return 60 + (40 * (x - indicator.disallowed)) / (indicator.satisfactory - indicator.disallowed);
    case 'TARGET_RATIO':
      if (indicator.target === null) return null;
      if (higher) return (100 * x) / indicator.target;
      return x <= 0 ? (indicator.cap ?? 100) : (100 * indicator.target) / x;
    case 'PER_OCCURRENCE':
      return Math.min(100, Math.max(0, 100 + (indicator.pointsEach ?? 0) * x));
    default:
      return null;
  }
}

/** "…，高于上限，按 100 分计" when the bounds changed the formula's result; nothing otherwise. */
function bounded(t: Translate, raw: number, score: number): string {
  if (Math.abs(Math.round(raw * 10_000) / 10_000 - score) < 0.00005) return '';
  return raw > score ? t('results.ind.clampHigh', { score: two(score) }) : t('results.ind.clampLow', { score: two(score) });
}

/**
 * How the score came about, in words with the entry's own numbers, e.g.
 * 60 + 40 × (5.81 − 6) ÷ (12 − 6) = 58.73 (功效系数法). Null when there is nothing to show.
 */
export function formulaInWords(t: Translate, lang: Lang, indicator: IndicatorDef, line: LineFacts): string | null {
  const f = (x: number) => figure(lang, x);
  const { value, score } = line;
  if (!value) return t('results.ind.formula.missing');
  if (value.status === 'ENTERED' && score === null) return t('results.ind.formula.unverified');
  if (indicator.ratio && value.denominator === 0) {
    return t(indicator.zeroDenominator === 'FULL' ? 'results.ind.formula.zeroFull' : 'results.ind.formula.zeroZero', { score: two(score) });
  }
  const x = line.measured;
  if (indicator.method === 'RANK_POINTS') {
    if (score === null) return t('results.ind.formula.rankLater');
    if (indicator.step !== null && indicator.step > 0) {
      if (score <= 0) return t('results.ind.formula.rankZero', { step: f(indicator.step) });
      const place = Math.round((100 - score) / indicator.step) + 1;
      return t('results.ind.formula.rankStep', { place, step: f(indicator.step), score: two(score) });
    }
    return t('results.ind.formula.rankLowest', { lowest: f(indicator.lowest ?? 0), score: two(score) });
  }
  if (x === null || score === null) return null;
  const higher = indicator.direction === 'HIGHER_BETTER';
  switch (indicator.method) {
    case 'EFFICACY': {
      const raw = rawScore(indicator, x);
      if (raw === null) return null;
      return `60 + 40 × (${f(x)} − ${f(indicator.disallowed!)}) ÷ (${f(indicator.satisfactory!)} − ${f(indicator.disallowed!)}) = ${two(raw)}${bounded(t, raw, score)}`;
    }
    case 'TARGET_RATIO': {
      const raw = rawScore(indicator, x);
      if (raw === null) return null;
      if (!higher && x <= 0) return t('results.ind.formula.lowerZero', { score: two(score) });
      const sum = higher ? `100 × ${f(x)} ÷ ${f(indicator.target!)}` : `100 × ${f(indicator.target!)} ÷ ${f(x)}`;
      return `${sum} = ${two(raw)}${bounded(t, raw, score)}`;
    }
    case 'THRESHOLD': {
      const target = indicator.target ?? 0;
      const met = higher ? x >= target : x <= target;
      const sign = met ? (higher ? '≥' : '≤') : higher ? '<' : '>';
      return t(met ? 'results.ind.formula.met' : 'results.ind.formula.notMet', {
        x: withUnit(lang, x, indicator.unit),
        sign,
        target: withUnit(lang, target, indicator.unit),
        score: two(score),
      });
    }
    case 'PER_OCCURRENCE': {
      const each = indicator.pointsEach ?? 0;
      const raw = 100 + each * x;
      const sum = each < 0 ? `100 − ${f(-each)} × ${f(x)}` : `100 + ${f(each)} × ${f(x)}`;
      return `${sum} = ${two(raw)}${bounded(t, raw, score)}`;
    }
  }
  return null;
}

/** 折算分 in numbers: weight × score ÷ 100 = points. */
export function pointsInWords(indicator: Pick<IndicatorDef, 'weight'>, line: Pick<LineFacts, 'score' | 'points'>): string | null {
  if (line.score === null || line.points === null) return null;
  return `${indicator.weight} × ${two(line.score)} ÷ 100 = ${two(line.points)}`;
}

/** The facts of an indicator round's rule, as the round's method carries them. */
export interface IndicatorRuleFacts {
  period: string;
  bonusCap: number | null;
  penaltyCap: number | null;
  indicatorSet: { name: string; version: number; fullMark: number; sections: { label: string; fullMark: number; weight: number }[] };
}

/**
 * The rule in one sentence, e.g. 按《乡镇实绩考核（双百分制）》第 1 版考核 2026-Q2：经济发展 100 分、
 * 党建与作风 100 分，满分 200 分；加分最多 5 分，扣分最多 10 分；一票否决的单位不参加排名，列于最后；总分保留两位小数。
 */
export function indicatorRuleInWords(t: Translate, lang: Lang, method: IndicatorRuleFacts): string {
  const set = method.indicatorSet;
  const sections = set.sections
    .map((s) =>
      s.weight === 1
        ? t('results.ind.rule.section', { label: s.label, points: figure(lang, s.fullMark) })
        : t('results.ind.rule.sectionWeighted', { label: s.label, points: figure(lang, s.fullMark), weight: figure(lang, s.weight) }),
    )
    .join(t('results.rule.list'));
  const caps = [
    method.bonusCap !== null ? t('results.ind.rule.bonusCap', { n: figure(lang, method.bonusCap) }) : null,
    method.penaltyCap !== null ? t('results.ind.rule.penaltyCap', { n: figure(lang, method.penaltyCap) }) : null,
  ].filter((part): part is string => part !== null);
  return t('results.ind.rule.sentence', {
    set: set.name,
    version: set.version,
    period: periodLabel(t, method.period),
    sections,
    full: figure(lang, set.fullMark),
    caps: caps.length ? `${caps.join(t('results.ind.rule.comma'))}${t('results.rule.separator')}` : '',
  });
}
