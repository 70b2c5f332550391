import { createHash, randomInt } from 'node:crypto';
import { monotonicFactory, ulid } from 'ulid';
import { ConflictError, InvalidInputError, NotFoundError, ServiceUnavailableError, issue, type FieldIssue } from '../../domain/errors.js';
import { beijingDate, type CalendarOverride } from '../../domain/workdays.js';
import { assertStatus } from '../../domain/lifecycle.js';
import type { Round, Viewer } from '../../domain/model.js';
import { openCase } from '../../methods/ratings/cases.js';
import { caseDeadlines } from '../../methods/ratings/deadlines.js';
import { emptyCounts, figuresOf, caseCountsOf, type CaseCounts, type RatingFigures } from '../../methods/ratings/figures.js';
import { RATING_SHARDS } from '../../methods/ratings/index.js';
import { isBad, levelsOf, RATING_LEVELS, type RatingLevel } from '../../methods/ratings/levels.js';
import { SERVICE_POINT_KINDS, caseOfRound, monthsOf, type Rating, type RatingCase, type ServicePoint } from '../../methods/ratings/model.js';
import { asRatingsRound, isRatings } from '../../methods/ratings/config.js';
import { maskPhone, normalizePhone } from '../../methods/ratings/privacy.js';
import type { Methods } from '../../methods/registry.js';
import type { Store } from '../../store/index.js';
import type { RatingGuards } from '../../store/ratings.js';
import * as z from 'zod/mini';
import { externalId, optionalText, parseArgument, text } from '../validation.js';
import { FORM_LIFETIME_SECONDS, type FormTokens, type RatingFormClaims } from './formTokens.js';
import type { PhoneSealer } from './phoneSealer.js';

/** Ratings one address may send in a minute: a hall's shared Wi-Fi, not a script. */
export const RATINGS_PER_ADDRESS_PER_MINUTE = 30;
/** Dedup and throttle records are kept this long, then dropped (DynamoDB TTL): abuse control needs no more. */
const GUARD_RETENTION_SECONDS = 2 * 24 * 3600;
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const pointsInput = z.object({
  unitId: externalId,
  competitionId: externalId,
  points: z.array(z.object({ name: text(60), kind: z.enum(SERVICE_POINT_KINDS) })).check(z.minLength(1), z.maxLength(50)),
});
const ratingInput = z.object({
  form: z.string().check(z.maxLength(4000)),
  level: z.enum(RATING_LEVELS),
  reasons: optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
  comment: optionalText(500),
  phone: optional(z.string().check(z.maxLength(64))),
  ref: optional(z.string().check(z.regex(/^[A-Za-z0-9_.:-]{4,120}$/, 'letters, digits and _ . : - only'))),
  device: optional(z.string().check(z.minLength(8), z.maxLength(200))),
});

const importInput = z
  .array(
    z.object({
      pointId: externalId,
      level: z.enum(RATING_LEVELS),
      reasons: optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(10))),
      comment: optionalText(500),
      phone: optional(z.string().check(z.maxLength(64))),
      ref: z.string().check(z.regex(/^[A-Za-z0-9_.:-]{1,120}$/, 'letters, digits and _ . : - only')),
      receivedAt: z.iso.datetime(),
    }),
  )
  .check(z.minLength(1), z.maxLength(500));

export interface RatingFormView {
  open: boolean;
  form: string | null;
  point: ServicePoint;
  unitName: string;
  round: Round | null;
}

/**
 * Citizens' ratings: service points and their QR codes, the rating itself (one
 * DynamoDB request), figures, and verification of the counters against the ratings.
 */
export class RatingService {
  constructor(
    private readonly store: Store,
    private readonly forms: FormTokens,
    private readonly phones: PhoneSealer,
    private readonly now: () => Date,
    private readonly methods: Methods,
  ) {}

  /** A sealed number in full (the case service records the reveal first). */
  openPhone(sealed: string): Promise<string> {
    return this.phones.open(sealed);
  }

  async createPoints(viewer: Viewer, input: unknown): Promise<ServicePoint[]> {
    const parsed = parseArgument(pointsInput, input, 'input');
    const units = await this.store.directory.getUnits([parsed.unitId]);
    if (!units.has(parsed.unitId)) throw new NotFoundError('Unit', parsed.unitId, 'input.unitId');
    const at = this.now().toISOString();
    // Monotonic ids within the call: the points list back in the order they were given.
    const nextId = monotonicFactory();
    const points = parsed.points.map(
      (p): ServicePoint => ({
        id: nextId(),
        name: p.name,
        kind: p.kind,
        unitId: parsed.unitId,
        competitionId: parsed.competitionId,
        code: newCode(),
        rotatedAt: null,
        createdAt: at,
        createdBy: viewer.id,
      }),
    );
    const outcome = await this.store.ratings.createPoints(points);
    if (!outcome.ok) throw new ConflictError('A code was issued twice at once; retry', 'CONCURRENT_EDIT');
    return points;
  }

  clock(): Date {
    return this.now();
  }

  /** A single-use reference for a point's counter system (一次一评). */
  ref(pointId: string, serial: string): string {
    return this.forms.signRef(pointId, serial);
  }

  /** Folds the counters into the round's entries now, so the live leaderboard shows the ratings so far. */
  async refresh(round: Round): Promise<Round> {
    asRatingsRound(round);
    // Once closed, the results are final: closing folded the ratings in, and a revision goes through its own path.
    assertStatus(round.status, ['OPEN'], 'refresh the ranking');
    const method = this.methods.forRound(round);
    const entries = await this.store.entries.listEntries(round.id, true);
    const collected = method.collect ? await method.collect(entries) : entries;
    await this.store.entries.putEntries(
      collected.map((e) => ({ ...e, version: e.version + 1 })),
      (e) => method.scoring.rankValue(e),
    );
    return round;
  }

  async points(unitId: string): Promise<ServicePoint[]> {
    return (await this.store.ratings.listPoints(unitId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async requirePoint(id: string, field = 'id'): Promise<ServicePoint> {
    const point = await this.store.ratings.getPoint(id);
    if (!point) throw new NotFoundError('ServicePoint', id, field);
    return point;
  }

  /** A new code: the old QR code is refused from now on (a clear page, not a silent count). */
  async rotate(id: string): Promise<ServicePoint> {
    return this.recode(await this.requirePoint(id), null);
  }

  /** Moves a point to another unit under a new code; the ratings it had stay with the unit they were given to. */
  async move(id: string, unitId: string): Promise<ServicePoint> {
    const units = await this.store.directory.getUnits([unitId]);
    if (!units.has(unitId)) throw new NotFoundError('Unit', unitId, 'unitId');
    return this.recode(await this.requirePoint(id), unitId);
  }

  private async recode(point: ServicePoint, unitId: string | null): Promise<ServicePoint> {
    const next: ServicePoint = { ...point, unitId: unitId ?? point.unitId, code: newCode(), rotatedAt: this.now().toISOString() };
    // A form issued before the change may be used for two hours more: this month's shards, and next month's.
    const month = beijingDate(this.now()).slice(0, 7);
    const nextMonth = beijingDate(new Date(this.now().getTime() + 2 * 3600_000)).slice(0, 7);
    const outcome = await this.store.ratings.replaceCode(point, next, [...new Set([month, nextMonth])], RATING_SHARDS);
    if (!outcome.ok) throw new ConflictError('The point changed meanwhile; reload and retry', 'CONCURRENT_EDIT');
    return next;
  }

  /** What the rating page shows for a code, with the signed form a rating must carry back. */
  async form(code: string): Promise<RatingFormView> {
    const record = await this.store.ratings.getCode(code.trim().toUpperCase());
    if (!record) throw new NotFoundError('RatingCode', code, 'code');
    if (!record.active) throw new ConflictError('This QR code has been replaced; please scan the new one at the counter', 'CODE_ROTATED');
    const point = await this.requirePoint(record.pointId, 'code');
    const [units, round] = await Promise.all([this.store.directory.getUnits([record.unitId]), this.openRoundOf(point)]);
    const unitName = units.get(record.unitId)?.name ?? '';
    if (!round) return { open: false, form: null, point, unitName, round: null };
    const config = asRatingsRound(round).method;
    const claims: RatingFormClaims = {
      code: record.code,
      pointId: point.id,
      unitId: record.unitId,
      roundId: round.id,
      scale: config.scale,
      reasons: config.reasons,
      callbackWorkingDays: config.callbackWorkingDays,
      rectificationWorkingDays: config.rectificationWorkingDays,
      expiresAt: Math.floor(this.now().getTime() / 1000) + FORM_LIFETIME_SECONDS,
    };
    return { open: true, form: this.forms.sign(claims), point, unitName, round };
  }

  /** The OPEN ratings round of the point's campaign whose period covers this month. */
  private async openRoundOf(point: ServicePoint): Promise<Round | null> {
    const month = beijingDate(this.now()).slice(0, 7);
    const rounds = await this.store.rounds.listRounds(point.competitionId);
    return rounds.find((r) => r.status === 'OPEN' && isRatings(r.method) && monthsOf(r.method.period).includes(month)) ?? null;
  }

  /**
   * A citizen's rating: checked against the signed form (scale, reasons), guarded by
   * its ref or device and its sender's address, written in one transaction.
   */
  async submit(input: unknown, address: string | null): Promise<{ rating: Rating; caseOpened: boolean }> {
    const parsed = parseArgument(ratingInput, input, 'input');
    const now = this.now();
    const claims = this.forms.open(parsed.form, now);
    if (!claims) throw new ConflictError('The rating page has expired; please scan the code again', 'FORM_EXPIRED');
    const issues: FieldIssue[] = [];
    const allowed = levelsOf(claims.scale);
    if (!allowed.includes(parsed.level)) issues.push(issue('input.level', 'NOT_ONE_OF', `this campaign rates ${allowed.join(' or ')}`, { options: allowed }));
    const reasons = parsed.reasons ?? [];
    if (isBad(parsed.level) && reasons.length === 0) issues.push(issue('input.reasons', 'REQUIRED', 'a 差评 needs at least one reason'));
    reasons.forEach((r, i) => {
      if (!claims.reasons.includes(r))
        issues.push(issue(`input.reasons.${i}`, 'NOT_ONE_OF', `"${r}" is not one of the campaign's reasons`, { options: claims.reasons }));
    });
    const phone = parsed.phone ? normalizePhone(parsed.phone) : null;
    if (parsed.phone && !phone) issues.push(issue('input.phone', 'BAD_FORMAT', 'a mainland mobile number, 11 digits', { format: 'phone' }));
    if (parsed.ref && !this.forms.refValid(parsed.ref, claims.pointId))
      issues.push(issue('input.ref', 'BAD_FORMAT', 'not a reference issued for this point', { format: 'ref' }));
    if (issues.length > 0) throw new InvalidInputError(issues);

    const day = beijingDate(now);
    const rating: Rating = {
      id: `${claims.roundId}~${ulid()}`,
      code: claims.code,
      pointId: claims.pointId,
      unitId: claims.unitId,
      month: day.slice(0, 7),
      level: parsed.level,
      reasons: isBad(parsed.level) ? reasons : [],
      comment: parsed.comment,
      phoneMasked: phone ? maskPhone(phone) : null,
      phoneSealed: phone ? await this.phones.seal(phone) : null,
      ref: parsed.ref ?? null,
      receivedAt: now.toISOString(),
      source: 'QR',
      counted: true,
    };
    const addressHash = address ? this.forms.addressHash(address, day) : null;
    const who = parsed.device ? `d:${digest(parsed.device)}` : addressHash ? `a:${addressHash}` : `r:${rating.id}`;
    const guards: RatingGuards = {
      dedup: parsed.ref ? `ref:${claims.pointId}:${parsed.ref}` : `day:${claims.code}:${who}:${day}`,
      throttle: addressHash ? { addressHash, minute: now.toISOString().slice(0, 16), limit: RATINGS_PER_ADDRESS_PER_MINUTE } : null,
      expiresAt: Math.floor(now.getTime() / 1000) + GUARD_RETENTION_SECONDS,
    };
    const opened = isBad(rating.level) ? await this.caseOf(rating, claims, now) : null;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.store.ratings.rate(rating, guards, randomInt(RATING_SHARDS), opened, attempt);
      if (outcome.ok) return { rating, caseOpened: opened !== null };
      if (outcome.reason === 'CODE_RETIRED') throw new ConflictError('This QR code has been replaced; please scan the new one at the counter', 'CODE_ROTATED');
      if (outcome.reason === 'DUPLICATE') throw new ConflictError('This service has already been rated (一次一评)', 'ALREADY_RATED');
      if (outcome.reason === 'THROTTLED') throw new ConflictError('Too many ratings from this network just now; try again in a minute', 'RATE_LIMITED');
      // Another rating met this one on its shard: another shard, after a moment's jitter.
      if (attempt >= 12) throw new ServiceUnavailableError('Too many ratings at once; retry shortly');
      await new Promise((resolve) => setTimeout(resolve, randomInt(5, 20 + attempt * 20)));
    }
  }

  private async caseOf(
    rating: Rating,
    rule: Pick<RatingFormClaims, 'callbackWorkingDays' | 'rectificationWorkingDays'>,
    receivedAt: Date,
  ): Promise<RatingCase> {
    const deadlines = caseDeadlines(receivedAt, rule, await this.calendar(receivedAt));
    return { id: rating.id, rating, steps: [], accountability: [], version: 1, ...openCase(receivedAt, deadlines) };
  }

  private cachedCalendar: { at: number; days: CalendarOverride[] } | null = null;

  /** Organizers' calendar days, read at most every ten minutes per instance (they change a few times a year). */
  async calendar(at: Date): Promise<CalendarOverride[]> {
    const nowMs = this.now().getTime();
    if (this.cachedCalendar && nowMs - this.cachedCalendar.at < 10 * 60_000) return this.cachedCalendar.days;
    const year = Number(beijingDate(at).slice(0, 4));
    const days = await this.store.publication.listCalendarDays([year, year + 1]);
    this.cachedCalendar = { at: nowMs, days };
    return days;
  }

  /**
   * Ratings collected elsewhere (the national 好差评 platform, a counter's pad) with their
   * own time: each one request like any rating, deduplicated by its ref; the cases of
   * 差评 get their deadlines from when the rating was received.
   */
  async importRatings(round: Round, input: unknown): Promise<{ imported: number; duplicates: string[] }> {
    const config = asRatingsRound(round).method;
    const parsed = parseArgument(importInput, input, 'ratings');
    const points = await this.store.ratings.getPoints([...new Set(parsed.map((r) => r.pointId))]);
    const issues: FieldIssue[] = [];
    const allowed = levelsOf(config.scale);
    parsed.forEach((r, i) => {
      if (!points.has(r.pointId)) issues.push(issue(`ratings.${i}.pointId`, 'NOT_IN_ROUND', `no service point ${r.pointId}`, { value: r.pointId }));
      if (!allowed.includes(r.level))
        issues.push(issue(`ratings.${i}.level`, 'NOT_ONE_OF', `this campaign rates ${allowed.join(' or ')}`, { options: allowed }));
      if (r.phone && !normalizePhone(r.phone))
        issues.push(issue(`ratings.${i}.phone`, 'BAD_FORMAT', 'a mainland mobile number, 11 digits', { format: 'phone' }));
      if (!monthsOf(config.period).includes(beijingDate(new Date(r.receivedAt)).slice(0, 7)))
        issues.push(issue(`ratings.${i}.receivedAt`, 'NOT_IN_ROUND', `not within the round's period ${config.period}`, { value: r.receivedAt }));
    });
    if (issues.length > 0) throw new InvalidInputError(issues);
    let imported = 0;
    const duplicates: string[] = [];
    for (const r of parsed) {
      const point = points.get(r.pointId)!;
      const receivedAt = new Date(r.receivedAt);
      const phone = r.phone ? normalizePhone(r.phone) : null;
      const rating: Rating = {
        id: `${round.id}~${ulid()}`,
        code: point.code,
        pointId: point.id,
        unitId: point.unitId,
        month: beijingDate(receivedAt).slice(0, 7),
        level: r.level,
        reasons: isBad(r.level) ? (r.reasons ?? []) : [],
        comment: r.comment,
        phoneMasked: phone ? maskPhone(phone) : null,
        phoneSealed: phone ? await this.phones.seal(phone) : null,
        ref: r.ref,
        receivedAt: receivedAt.toISOString(),
        source: 'IMPORT',
        counted: true,
      };
      const guards: RatingGuards = { dedup: `ref:${point.id}:${r.ref}`, throttle: null, expiresAt: Math.floor(this.now().getTime() / 1000) + 400 * 24 * 3600 };
      const opened = isBad(r.level) ? await this.caseOf(rating, config, receivedAt) : null;
      const outcome = await this.store.ratings.rate(rating, guards, randomInt(RATING_SHARDS), opened);
      if (outcome.ok) imported += 1;
      else if (outcome.reason === 'DUPLICATE') duplicates.push(r.ref);
      else throw new ConflictError('A point changed during the import; the ratings before it were imported: import again', 'CONCURRENT_EDIT');
    }
    return { imported, duplicates };
  }

  /** A unit's (or one of its points') figures in a round: counters, and the rates its cases give. */
  async figures(round: Round, unitId: string, pointId: string | null): Promise<RatingFigures & { removed: number; cases: CaseCounts }> {
    const config = asRatingsRound(round).method;
    const months = monthsOf(config.period);
    const codes = (await this.store.ratings.codesOfUnit(unitId, round.competitionId)).filter((c) => !pointId || c.pointId === pointId).map((c) => c.code);
    const { counts, removed } = await this.store.ratings.counts(codes, months, RATING_SHARDS);
    const cases = (await this.store.ratings.listCases(months, unitId)).filter((c) => caseOfRound(c, round.id) && (!pointId || c.rating.pointId === pointId));
    const caseCounts = caseCountsOf(cases);
    return { ...figuresOf(counts, caseCounts), removed, cases: caseCounts };
  }

  /** Recounts the stored ratings of every unit of the round and compares them with the counters. */
  async verify(round: Round): Promise<{ ok: boolean; counted: number; stored: number }> {
    const config = asRatingsRound(round).method;
    const months = monthsOf(config.period);
    const entries = await this.store.entries.listEntries(round.id);
    let counted = 0;
    let stored = 0;
    for (const entry of entries) {
      const unitId = entry.unit?.id;
      if (!unitId) continue;
      const codes = await this.store.ratings.codesOfUnit(unitId, round.competitionId);
      const { counts } = await this.store.ratings.counts(
        codes.map((c) => c.code),
        months,
        RATING_SHARDS,
      );
      counted += Object.values(counts).reduce((a, b) => a + b, 0);
      const ratings = (await Promise.all(codes.flatMap((c) => months.map((m) => this.store.ratings.listRatings(c.code, m))))).flat();
      stored += ratings.filter((r) => r.counted).length;
    }
    return { ok: counted === stored, counted, stored };
  }
}

export const emptyFigures = () => figuresOf(emptyCounts());

function newCode(): string {
  return Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

export type { RatingLevel };
