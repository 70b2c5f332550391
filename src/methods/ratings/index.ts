/**
 * The PUBLIC_RATING method (西宁评议, 政务服务"好差评"): citizens rate service points by
 * QR code; a unit's entry counts the ratings of every code its points carried while in
 * it, within the round's period. Ratings land in write-sharded counters (store/ratings.ts)
 * in one request each; `collect` folds the counters into the entries (live refresh, and
 * at close), `rebuild` recounts from the stored ratings themselves (verification).
 */
import { InvalidInputError, issue } from '../../domain/errors.js';
import * as z from 'zod/mini';
import { count, parseArgument, text } from '../../services/validation.js';
import { PERIOD } from '../indicators/config.js';
import type { AssessmentMethod, MethodFactory, MethodPorts } from '../method.js';
import { RATING_SCALES } from './levels.js';
import { RANK_BYS, monthsOf, type RatingsConfig } from './model.js';
import { emptyCounts } from './figures.js';
import { emptyRatingsAggregate, ratingsEntry, ratingsScoring, withRatingsResult } from './roundScoring.js';
import { asRatingsRound } from './config.js';
import type { StoredEntry } from '../../store/entries.js';

/** Counter shards per code and month: enough that one busy hall spreads its writes. */
export const RATING_SHARDS = 16;

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const ratingFields = z.object({
  period: optional(z.string().check(z.regex(PERIOD, 'a year, half, quarter or month: 2026, 2026-H1, 2026-Q2, 2026-05'))),
  scale: optional(z.enum(RATING_SCALES)),
  reasons: optional(z.array(text(40)).check(z.maxLength(30))),
  minRatings: optional(count(0, 1_000_000)),
  rankBy: optional(z.enum(RANK_BYS)),
  callbackWorkingDays: optional(count(1, 60)),
  rectificationWorkingDays: optional(count(1, 120)),
});

const pick = (fields: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(Object.keys(ratingFields.shape).flatMap((key) => (Object.hasOwn(fields, key) ? [[key, fields[key]]] : [])));

export const DEFAULT_REASONS = ['服务态度差', '办事效率低', '业务不熟练', '多次跑腿', '未一次性告知', '环境设施差'];

function configOf(parsed: z.infer<typeof ratingFields>, base: RatingsConfig | null, path: string): RatingsConfig {
  const config: RatingsConfig = {
    kind: 'PUBLIC_RATING',
    period: parsed.period ?? base?.period ?? '',
    scale: parsed.scale ?? base?.scale ?? 'TWO_LEVEL',
    reasons: parsed.reasons ?? base?.reasons ?? DEFAULT_REASONS,
    minRatings: parsed.minRatings ?? base?.minRatings ?? 30,
    rankBy: parsed.rankBy ?? base?.rankBy ?? 'WILSON',
    callbackWorkingDays: parsed.callbackWorkingDays ?? base?.callbackWorkingDays ?? 1,
    rectificationWorkingDays: parsed.rectificationWorkingDays ?? base?.rectificationWorkingDays ?? 5,
  };
  const issues = [
    ...(config.period ? [] : [issue(`${path}.period`, 'REQUIRED', 'name the period rated, e.g. 2026-05')]),
    ...(config.reasons.length > 0 ? [] : [issue(`${path}.reasons`, 'TOO_FEW', 'a 差评 needs reasons to choose from', { minimum: 1 })]),
    ...(config.rectificationWorkingDays >= config.callbackWorkingDays
      ? []
      : [issue(`${path}.rectificationWorkingDays`, 'TOO_SMALL', 'closing cannot be due before the callback', { minimum: config.callbackWorkingDays })]),
  ];
  if (issues.length > 0) throw new InvalidInputError(issues);
  return config;
}

export const ratingsMethod: MethodFactory = (ports: MethodPorts): AssessmentMethod => ({
  kind: 'PUBLIC_RATING',
  judged: false,
  graphqlType: 'RatingsMethod',

  async configure(fields, path) {
    return configOf(parseArgument(ratingFields, pick(fields), path), null, path);
  },

  async reconfigure(round, fields, path) {
    return configOf(parseArgument(ratingFields, pick(fields), path), asRatingsRound(round).method, path);
  },

  emptyAggregate: emptyRatingsAggregate,

  bind(round) {
    const { method: config } = asRatingsRound(round);
    const months = monthsOf(config.period);
    const unitOf = (entry: StoredEntry) => entry.unit?.id ?? null;
    return {
      scoring: ratingsScoring(config),

      /** Folds each unit's counters into its entry: what the leaderboard ranks on. */
      async collect(entries) {
        const at = new Date().toISOString();
        return Promise.all(
          entries.map(async (entry) => {
            const unitId = unitOf(entry);
            const codes = unitId ? (await ports.store.ratings.codesOfUnit(unitId, round.competitionId)).map((c) => c.code) : [];
            const { counts, removed } = await ports.store.ratings.counts(codes, months, RATING_SHARDS);
            return withRatingsResult({ ...ratingsEntry(entry), counts, removed, collectedAt: at });
          }),
        );
      },

      /** Recounts every unit from its stored ratings (not the counters): what verifyRound compares. */
      async rebuild(entries) {
        let evidenceCount = 0;
        const rebuilt = await Promise.all(
          entries.map(async (entry) => {
            const unitId = unitOf(entry);
            const codes = unitId ? await ports.store.ratings.codesOfUnit(unitId, round.competitionId) : [];
            const ratings = (await Promise.all(codes.flatMap((c) => months.map((m) => ports.store.ratings.listRatings(c.code, m))))).flat();
            evidenceCount += ratings.length;
            const counts = emptyCounts();
            for (const r of ratings) if (r.counted) counts[r.level] += 1;
            return withRatingsResult({ ...ratingsEntry(entry), counts, removed: ratings.filter((r) => !r.counted).length });
          }),
        );
        return { entries: rebuilt, evidenceCount };
      },

      prepareOpening: async (entries) => [...entries],
    };
  },
});
