/**
 * A throw-away assessment method, to show what a new one costs: this folder and one
 * registry line. "Fastest": each unit's handling time for a task was measured
 * beforehand (the configuration carries it, in hours); the fastest unit gets 100
 * points, each following rank 10 fewer (ties share), computed across the round at
 * close. Its evidence is the configuration itself, so it needs no store of its own.
 */
import { InvalidInputError } from '../../../src/domain/errors.js';
import type { MethodConfig } from '../../../src/domain/method.js';
import type { Entry, Round } from '../../../src/domain/model.js';
import type { RoundScoring } from '../../../src/domain/roundScoring.js';
import type { AssessmentMethod, MethodFactory } from '../../../src/methods/method.js';

export interface FastestConfig extends MethodConfig {
  readonly kind: 'INDICATORS';
  /** Hours per unit id. */
  hours: Record<string, number>;
}

/** What the method keeps on each entry: the hours measured, once the round opens. */
interface FastestAggregate {
  hours: number | null;
}

const hoursOf = (entry: Entry) => (entry as Entry & Partial<FastestAggregate>).hours ?? null;
const configOf = (round: Round) => round.method as FastestConfig;

function fastestScoring(): RoundScoring {
  return {
    rankValue: (entry) => (entry.total === null ? null : { total: entry.total, tieBreakers: [] }),
    vetoed: () => false,
    evidenceCount: (entry) => (hoursOf(entry) === null ? 0 : 1),
    rescore: (entry) => entry,
    finalize(entries) {
      const measured = entries.map(hoursOf).filter((h): h is number => h !== null);
      return entries.map((entry) => {
        const hours = hoursOf(entry);
        if (hours === null) return { ...entry, rawTotal: null, total: null };
        const faster = measured.filter((h) => h < hours).length;
        const points = String(Math.max(0, 100 - 10 * faster));
        return { ...entry, rawTotal: points, total: points };
      });
    },
    derivedFields: ['hours'],
    breakdownColumns: () => [{ key: 'hours', header: { en: 'hours', 'zh-CN': '办理时长（小时）' } }],
    breakdown: (entry) => ({ hours: hoursOf(entry) === null ? null : String(hoursOf(entry)) }),
  };
}

export const fastestMethod: MethodFactory = (): AssessmentMethod => ({
  kind: 'INDICATORS',
  judged: false,
  graphqlType: 'FastestMethod',
  async configure(fields, path) {
    const hours = fields.hours;
    if (typeof hours !== 'object' || hours === null) throw InvalidInputError.at(`${path}.hours`, 'REQUIRED', 'give the hours measured per unit');
    return { kind: 'INDICATORS', hours: { ...(hours as Record<string, number>) } } satisfies FastestConfig;
  },
  async reconfigure(round) {
    return round.method;
  },
  emptyAggregate: (): FastestAggregate => ({ hours: null }),
  bind(round) {
    const { hours } = configOf(round);
    const measuredFor = <E extends Entry>(entry: E): E => ({ ...entry, hours: entry.unit ? (hours[entry.unit.id] ?? null) : null });
    return {
      scoring: fastestScoring(),
      rebuild: async (entries) => ({ entries: entries.map(measuredFor), evidenceCount: entries.filter((e) => e.unit && e.unit.id in hours).length }),
      prepareOpening: async (entries) => entries.map(measuredFor),
    };
  },
});
