/**
 * The pure fold of the INDICATORS method: an entry's verified values and approved
 * adjustments → its aggregate and result; and, at close, the round-wide rank points.
 */
import { dictOf, own } from '../../domain/dict.js';
import type { EntryResultFields } from '../../domain/method.js';
import type { Entry } from '../../domain/model.js';
import type { Decimal } from '../../domain/primitives.js';
import { measured, rankPoints, scoreForInput } from './formulas.js';
import type { Adjustment, CountedAdjustment, IndicatorsAggregate, IndicatorsConfig, IndicatorValue } from './model.js';
import { entryResult } from './result.js';

export type IndicatorsEntry<E extends Entry = Entry> = E & IndicatorsAggregate;

export function emptyIndicatorsAggregate(): IndicatorsAggregate {
  return {
    measured: {},
    scores: {},
    indicatorPoints: {},
    sectionScores: {},
    adjustments: [],
    bonus: '0',
    penalty: '0',
    vetoed: false,
    valueCount: 0,
  };
}

/** The entry read as an INDICATORS entry (the codec): an entry stored before any value gets the empty aggregate. */
export function indicatorsEntry<E extends Entry>(entry: E): IndicatorsEntry<E> {
  const stored = entry as E & Partial<IndicatorsAggregate>;
  const empty = emptyIndicatorsAggregate();
  return {
    ...entry,
    measured: dictOf(Object.entries(stored.measured ?? empty.measured)),
    scores: dictOf(Object.entries(stored.scores ?? empty.scores)),
    indicatorPoints: dictOf(Object.entries(stored.indicatorPoints ?? empty.indicatorPoints)),
    sectionScores: dictOf(Object.entries(stored.sectionScores ?? empty.sectionScores)),
    adjustments: stored.adjustments ?? empty.adjustments,
    bonus: stored.bonus ?? empty.bonus,
    penalty: stored.penalty ?? empty.penalty,
    vetoed: stored.vetoed ?? empty.vetoed,
    valueCount: stored.valueCount ?? empty.valueCount,
  };
}

const rankPointIndicators = (config: IndicatorsConfig) => config.indicatorSet.indicators.filter((i) => i.method === 'RANK_POINTS');

/**
 * An entry's aggregate from its evidence: the VERIFIED values count (an entered,
 * unverified value does not), the APPROVED adjustments count; rank points are those
 * given (after close) or none.
 */
export function foldEvidence(
  config: IndicatorsConfig,
  values: readonly IndicatorValue[],
  adjustments: readonly Adjustment[],
): Pick<IndicatorsAggregate, 'measured' | 'scores' | 'adjustments' | 'valueCount'> {
  const byKey = new Map(config.indicatorSet.indicators.map((i) => [i.key, i]));
  const counted = values.filter((v) => v.status === 'VERIFIED' && byKey.has(v.indicator));
  return {
    measured: dictOf(counted.map((v) => [v.indicator, measured(byKey.get(v.indicator)!, v)])),
    scores: dictOf(
      counted.filter((v) => byKey.get(v.indicator)!.method !== 'RANK_POINTS').map((v) => [v.indicator, scoreForInput(byKey.get(v.indicator)!, v)]),
    ),
    adjustments: adjustments
      .filter((a) => a.status === 'APPROVED')
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((a): CountedAdjustment => ({ id: a.id, kind: a.kind, points: a.points, reason: a.reason })),
    valueCount: counted.length,
  };
}

/** The result and the derived fields from the measures, scores and adjustments an aggregate holds. */
export function withResult<E extends Entry>(
  config: IndicatorsConfig,
  entry: E,
  evidence: Pick<IndicatorsAggregate, 'measured' | 'scores' | 'adjustments' | 'valueCount'>,
  rankScores: Readonly<Record<string, Decimal | null>> | null,
): IndicatorsEntry<E> {
  const set = config.indicatorSet;
  const caps = { bonusCap: config.bonusCap, penaltyCap: config.penaltyCap };
  const lines = evidence.adjustments.map((a) => ({ kind: a.kind, points: a.points }));
  const live = entryResult(set, withoutRankPoints(config, evidence.scores), lines, caps);
  const scores = rankScores ? dictOf([...Object.entries(evidence.scores), ...Object.entries(rankScores)]) : withoutRankPoints(config, evidence.scores);
  const official = rankScores ? entryResult(set, scores, lines, caps) : live;
  const result: EntryResultFields = { rawTotal: live.total, total: official.total };
  return {
    ...entry,
    measured: evidence.measured,
    scores,
    indicatorPoints: official.indicatorPoints,
    sectionScores: official.sectionScores,
    adjustments: evidence.adjustments,
    bonus: official.bonus,
    penalty: official.penalty,
    vetoed: official.vetoed,
    valueCount: evidence.valueCount,
    ...result,
  };
}

function withoutRankPoints(config: IndicatorsConfig, scores: Readonly<Record<string, Decimal | null>>): Record<string, Decimal | null> {
  const ranked = new Set(rankPointIndicators(config).map((i) => i.key));
  return dictOf(Object.entries(scores).filter(([key]) => !ranked.has(key)));
}

/** Rank points (排位赋分) of every RANK_POINTS indicator across the round's entries, per entry in order. */
export function roundRankPoints(config: IndicatorsConfig, entries: readonly IndicatorsAggregate[]): Record<string, Decimal | null>[] {
  const perEntry = entries.map(() => dictOf<Decimal | null>([]));
  for (const indicator of rankPointIndicators(config)) {
    const points = rankPoints(
      indicator,
      entries.map((e) => own(e.measured, indicator.key) ?? null),
    );
    points.forEach((p, i) => {
      perEntry[i]![indicator.key] = p;
    });
  }
  return perEntry;
}
