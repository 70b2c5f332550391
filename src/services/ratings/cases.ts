import { ConflictError, NotFoundError } from '../../domain/errors.js';
import type { Round, Viewer } from '../../domain/model.js';
import { transition, type CaseAction } from '../../methods/ratings/cases.js';
import { isDueSoon, isOverdue } from '../../methods/ratings/deadlines.js';
import { caseOfRound, monthsOf, type RatingCase } from '../../methods/ratings/model.js';
import { asRatingsRound } from '../../methods/ratings/config.js';
import type { Store } from '../../store/index.js';
import { RaceLost, isRaceLost, retrying } from '../../store/ops.js';
import * as z from 'zod/mini';
import { externalId, optionalText, parseArgument, text } from '../validation.js';
import type { RatingService } from './ratings.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const filterInput = z.object({
  status: optional(z.string().check(z.maxLength(30))),
  unitId: optional(externalId),
  overdue: optional(z.boolean()),
  dueSoon: optional(z.boolean()),
});
const noteInput = text(1000);
const evidenceInput = optionalText(2000);
const accountabilityInput = z.object({ person: text(50), measure: text(200), decidedBy: text(100) });
const purposeInput = text(200);

/** What an organizer may do to a case, as the API names it. */
export type CaseStepInput =
  | { type: 'CALL_BACK' }
  | { type: 'VERIFY'; substantiated: boolean }
  | { type: 'RECTIFY' }
  | { type: 'CLOSE' }
  | { type: 'APPEAL' }
  | { type: 'DECIDE_APPEAL'; upheld: boolean };

/**
 * The follow-up of every 差评 (回访 → 核实 → 整改 → 办结, an appeal on the side): each
 * step checked by the case's state machine, recorded with who, when, a note and the
 * evidence, under the case's version; an upheld appeal takes the rating out of the figures.
 */
export class RatingCaseService {
  constructor(
    private readonly store: Store,
    private readonly ratings: RatingService,
    private readonly now: () => Date,
  ) {}

  async cases(round: Round, input: unknown): Promise<RatingCase[]> {
    const filter = parseArgument(filterInput, input ?? {}, 'filter');
    const months = monthsOf(asRatingsRound(round).method.period);
    const now = this.now();
    const calendar = await this.ratings.calendar(now);
    const all = (await this.store.ratings.listCases(months, filter.unitId ?? null)).filter((c) => caseOfRound(c, round.id));
    return all
      .filter((c) => !filter.status || c.status === filter.status)
      .filter((c) => filter.overdue === undefined || filter.overdue === null || isOverdue(c, now) === filter.overdue)
      .filter((c) => filter.dueSoon === undefined || filter.dueSoon === null || isDueSoon(c, now, calendar) === filter.dueSoon)
      .sort((a, b) => a.callbackDueAt.localeCompare(b.callbackDueAt) || a.id.localeCompare(b.id));
  }

  async requireCase(id: string): Promise<RatingCase> {
    const found = await this.store.ratings.getCase(id);
    if (!found) throw new NotFoundError('RatingCase', id, 'caseId');
    return found;
  }

  /** `noteArgument` names the note as the operation does (`note`, an appeal's `grounds`, a decision's `reason`), so an issue points at that field. */
  async step(viewer: Viewer, caseId: string, action: CaseStepInput, input: { note: unknown; evidence?: unknown }, noteArgument = 'note'): Promise<RatingCase> {
    const parsed = { note: parseArgument(noteInput, input.note, noteArgument), evidence: parseArgument(evidenceInput, input.evidence, 'evidence') ?? null };
    return retrying(
      async () => {
        const current = await this.requireCase(caseId);
        const at = this.now();
        const state = transition(current, { ...action, at } as CaseAction);
        const next: RatingCase = {
          ...current,
          ...state,
          steps: [...current.steps, { status: state.status, note: parsed.note, evidence: parsed.evidence, by: viewer.id, at: at.toISOString() }],
          version: current.version + 1,
        };
        const removes = action.type === 'DECIDE_APPEAL' && action.upheld;
        const outcome = removes
          ? await this.store.ratings.removeFromFigures({ ...next, rating: { ...next.rating, counted: false } })
          : await this.store.ratings.putCase(next);
        if (!outcome.ok) throw new RaceLost();
        return removes ? { ...next, rating: { ...next.rating, counted: false } } : next;
      },
      isRaceLost,
      { attempts: 3, busy: 'Someone else is working on this case; reload it' },
    );
  }

  async recordAccountability(viewer: Viewer, caseId: string, input: unknown): Promise<RatingCase> {
    const parsed = parseArgument(accountabilityInput, input, 'input');
    return retrying(
      async () => {
        const current = await this.requireCase(caseId);
        if (current.status === 'UPHELD')
          throw new ConflictError('An upheld appeal cleared this rating: there is no one to hold to account', 'CASE_STEP_OUT_OF_ORDER');
        const next: RatingCase = {
          ...current,
          accountability: [...current.accountability, { ...parsed, recordedBy: viewer.id, at: this.now().toISOString() }],
          version: current.version + 1,
        };
        if (!(await this.store.ratings.putCase(next)).ok) throw new RaceLost();
        return next;
      },
      isRaceLost,
      { attempts: 3, busy: 'Someone else is working on this case; reload it' },
    );
  }

  /**
   * The rater's full number for the callback desk to dial: recorded on the case (who,
   * when, why) before it is unsealed, so no one reads a number without leaving a trace.
   */
  async revealPhone(viewer: Viewer, caseId: string, purpose: unknown): Promise<{ phone: string; at: string }> {
    const why = parseArgument(purposeInput, purpose, 'purpose');
    return retrying(
      async () => {
        const current = await this.requireCase(caseId);
        const sealed = current.rating.phoneSealed;
        if (!sealed) throw new NotFoundError('Phone', caseId, 'caseId');
        const at = this.now().toISOString();
        const next: RatingCase = {
          ...current,
          phoneReveals: [...(current.phoneReveals ?? []), { by: viewer.id, at, purpose: why }],
          version: current.version + 1,
        };
        if (!(await this.store.ratings.putCase(next)).ok) throw new RaceLost();
        return { phone: await this.ratings.openPhone(sealed), at };
      },
      isRaceLost,
      { attempts: 3, busy: 'Someone else is working on this case; reload it' },
    );
  }
}
