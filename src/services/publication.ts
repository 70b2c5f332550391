import { ulid } from 'ulid';
import { ConflictError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { liveSettingsOf } from '../domain/hall.js';
import { assertTransition } from '../domain/lifecycle.js';
import type { Round, Viewer } from '../domain/model.js';
import { isFinal, noticeOpen, publicationChanges, type CalendarDay, type Objection, type Publication, type PublicationChange } from '../domain/publication.js';
import { MAX_WORKING_DAYS, beijingDate, isCalendarDate, workingDayDeadline } from '../domain/workdays.js';
import type { Store } from '../store/index.js';
import type { SignOffService } from './hall/signOffs.js';
import type { LifecycleService } from './lifecycle.js';
import type { RoundService } from './rounds.js';
import * as z from 'zod/mini';
import { count, optionalText, parseArgument, text } from './validation.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const publishInput = z.object({ noticeWorkingDays: optional(count(1, 60)), overrideReason: optionalText(500) });
const objectionInput = z.object({
  roundId: z.string().check(z.maxLength(100)),
  entryId: z.string().check(z.maxLength(300)),
  name: text(50),
  contact: text(100),
  grounds: text(2000),
});
const answerInput = z.object({ outcome: z.enum(['UPHELD', 'REJECTED']), response: text(2000) });
const calendarInput = z
  .array(
    z.object({
      date: z.string().check(z.refine(isCalendarDate, { message: 'a date as YYYY-MM-DD', params: { code: 'BAD_FORMAT', format: 'date' } })),
      workday: z.boolean(),
      name: text(40),
    }),
  )
  .check(z.minLength(1), z.maxLength(100));
const deadlineInput = z.object({ from: z.iso.datetime({ offset: true }), workingDays: count(1, MAX_WORKING_DAYS) });

/** A publication as shown: its differences from the one before. */
export interface PublicationView extends Publication {
  changes: PublicationChange[];
}

/**
 * Publication with a notice period (公示) counted in Chinese working days, objections
 * filed during it and answered by organizers, and re-publication after an upheld one.
 */
export class PublicationService {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundService,
    private readonly lifecycle: LifecycleService,
    private readonly signOffs: SignOffService,
    private readonly now: () => Date,
  ) {}

  /** CLOSED → PUBLISHED with an optional notice period; a round requiring sign-off needs every judge's, or a reason. */
  async publish(viewer: Viewer, id: string, input: unknown): Promise<Round> {
    const parsed = parseArgument(publishInput, input, 'input');
    const round = await this.rounds.requireRound(id, true, 'id');
    assertTransition('publish', round.status);
    const unsigned = liveSettingsOf(round).requireSignOff ? await this.signOffs.unsigned(id) : [];
    if (unsigned.length > 0 && !parsed.overrideReason) {
      throw new ConflictError(`${unsigned.map((j) => j.label).join(', ')} have not signed off their sheets`, 'SIGN_OFF_MISSING');
    }
    const now = this.now();
    const noticeEndsAt = parsed.noticeWorkingDays ? (await this.deadline(now, parsed.noticeWorkingDays)).toISOString() : null;
    const revision = round.revisingFor ? await this.store.publication.getObjection(id, round.revisingFor) : null;
    return this.lifecycle.publishRound(id, {
      publishedBy: viewer.id,
      noticeWorkingDays: parsed.noticeWorkingDays ?? null,
      noticeEndsAt,
      overrideReason: unsigned.length > 0 ? parsed.overrideReason : null,
      revisionReason: revision ? `异议成立：${revision.response ?? revision.grounds}` : null,
    });
  }

  /** Files an objection while the notice period runs (anyone; a signed-in caller is recorded). */
  async fileObjection(viewer: Viewer | null, input: unknown): Promise<Objection> {
    const parsed = parseArgument(objectionInput, input, 'input');
    const round = await this.rounds.requireRound(parsed.roundId, true, 'input.roundId');
    const [entry] = parsed.entryId.startsWith(`${round.id}.`)
      ? await this.store.entries.getEntries([{ roundId: round.id, keyPart: parsed.entryId.slice(round.id.length + 1) }])
      : [];
    if (!entry) throw new NotFoundError('Entry', parsed.entryId, 'input.entryId');
    if (!noticeOpen(round, this.now())) throw new ConflictError('Objections are accepted only during the notice period', 'NOTICE_CLOSED');
    const objection: Objection = {
      id: `${round.id}~${ulid()}`,
      roundId: round.id,
      entryId: entry.id,
      name: parsed.name,
      contact: parsed.contact,
      grounds: parsed.grounds,
      filedBy: viewer?.kind === 'user' ? viewer.id : null,
      filedAt: this.now().toISOString(),
      status: 'OPEN',
      response: null,
      answeredBy: null,
      answeredAt: null,
    };
    const outcome = await this.store.publication.fileObjection({ ...objection, id: objectionKeyPart(objection.id) });
    if (!outcome.ok) throw new ConflictError('Objections are accepted only during the notice period', 'NOTICE_CLOSED');
    return objection;
  }

  async answerObjection(viewer: Viewer, id: string, input: unknown): Promise<Objection> {
    const parsed = parseArgument(answerInput, input, 'input');
    const objection = await this.requireObjection(id);
    if (objection.status !== 'OPEN') throw new ConflictError('The objection has already been answered', 'OBJECTION_ANSWERED');
    const answered: Objection = {
      ...objection,
      status: parsed.outcome,
      response: parsed.response,
      answeredBy: viewer.id,
      answeredAt: this.now().toISOString(),
    };
    const outcome = await this.store.publication.answerObjection({ ...answered, id: objectionKeyPart(answered.id) });
    if (!outcome.ok) throw new ConflictError('The objection has already been answered', 'OBJECTION_ANSWERED');
    return answered;
  }

  /** Takes a published round back to CLOSED after an upheld objection, to correct and publish it again. */
  async revise(roundId: string, objectionId: string): Promise<Round> {
    const objection = await this.requireObjection(objectionId, 'objectionId');
    if (objection.roundId !== roundId) throw new NotFoundError('Objection', objectionId, 'objectionId');
    if (objection.status !== 'UPHELD') throw new ConflictError('Only an upheld objection reopens a published round', 'OBJECTION_NOT_UPHELD');
    const outcome = await this.store.rounds.reopenForRevision(roundId, objectionKeyPart(objectionId), this.now().toISOString());
    if (!outcome.ok) {
      throw outcome.reason === 'ROUND_STATUS'
        ? new ConflictError('Only a published round can be revised', 'ROUND_STATUS')
        : new ConflictError('Only an upheld objection reopens a published round', 'OBJECTION_NOT_UPHELD');
    }
    return outcome.value;
  }

  async objections(roundId: string): Promise<Objection[]> {
    return (await this.store.publication.listObjections(roundId)).map((o) => ({ ...o, id: `${roundId}~${o.id}` }));
  }

  /** Every publication with its changes from the one before, first first. */
  async publications(roundId: string): Promise<PublicationView[]> {
    const list = await this.store.publication.listPublications(roundId);
    return list.map((p, i) => ({ ...p, changes: i === 0 ? [] : publicationChanges(list[i - 1]!.results, p.results) }));
  }

  isFinal(round: Round): boolean {
    return isFinal(round, this.now());
  }

  noticeOpen(round: Round): boolean {
    return noticeOpen(round, this.now());
  }

  async calendarDays(year: number): Promise<CalendarDay[]> {
    return (await this.store.publication.listCalendarDays([year])).sort((a, b) => a.date.localeCompare(b.date));
  }

  async setCalendarDays(viewer: Viewer, input: unknown): Promise<CalendarDay[]> {
    const days = parseArgument(calendarInput, input, 'days');
    const dup = days.findIndex((d, i) => days.findIndex((e) => e.date === d.date) !== i);
    if (dup >= 0) throw InvalidInputError.at(`days.${dup}.date`, 'DUPLICATE', `${days[dup]!.date} is listed twice`, { value: days[dup]!.date });
    const at = this.now().toISOString();
    const records = days.map((d) => ({ ...d, addedBy: viewer.id, addedAt: at }));
    await this.store.publication.putCalendarDays(records);
    return records;
  }

  /** The end of N Chinese working days after `from`, with the days organizers added. */
  async deadline(from: Date, workingDays: number): Promise<Date> {
    const year = Number(beijingDate(from).slice(0, 4));
    // A notice period of up to 60 working days ends within the next calendar year.
    const overrides = await this.store.publication.listCalendarDays(workingDays > 60 ? [year, year + 1, year + 2] : [year, year + 1]);
    return workingDayDeadline(from, workingDays, overrides);
  }

  async previewDeadline(input: unknown): Promise<{ from: string; workingDays: number; endsAt: string }> {
    const parsed = parseArgument(deadlineInput, input, 'input');
    const endsAt = await this.deadline(new Date(parsed.from), parsed.workingDays);
    return { from: new Date(parsed.from).toISOString(), workingDays: parsed.workingDays, endsAt: endsAt.toISOString() };
  }

  private async requireObjection(id: string, field = 'id'): Promise<Objection> {
    const at = id.lastIndexOf('~');
    const found = at > 0 ? await this.store.publication.getObjection(id.slice(0, at), id.slice(at + 1)) : null;
    if (!found) throw new NotFoundError('Objection', id, field);
    return { ...found, id: `${found.roundId}~${found.id}` };
  }
}

/** Objections are stored under their round; their public id is `<roundId>~<ulid>`. */
const objectionKeyPart = (id: string) => id.slice(id.lastIndexOf('~') + 1);
