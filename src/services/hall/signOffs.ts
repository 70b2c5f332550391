import { createHash } from 'node:crypto';
import { ConflictError, ForbiddenError } from '../../domain/errors.js';
import type { SignOff } from '../../domain/hall.js';
import { byLabel } from '../../domain/judges.js';
import type { Judge, ScoreSheet, Viewer } from '../../domain/model.js';
import type { Store } from '../../store/index.js';

/** A sign-off as shown: the judge, and whether it still covers the judge's sheets as they are. */
export interface SignOffView extends SignOff {
  judge: Judge;
  valid: boolean;
}

/**
 * Judges' sign-offs (评委签字确认): a judge confirms all their sheets of a round, and
 * the hash of those sheets is kept; a later change by the judge makes the hash differ,
 * which voids the sign-off until they sign again.
 */
export class SignOffService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async signOff(viewer: Viewer, roundId: string): Promise<SignOffView> {
    const [judge] = await this.store.panels.getJudges([{ roundId, userId: viewer.id }]);
    if (!judge) throw new ForbiddenError('You are not on the judging panel of this round', 'NOT_ON_PANEL');
    const sheets = await this.store.sheets.listSheetsOfJudge(roundId, viewer.id);
    const signOff: SignOff = { roundId, judgeId: viewer.id, at: this.now().toISOString(), sheetsHash: sheetsHashOf(sheets) };
    const outcome = await this.store.seats.signOff(signOff);
    if (!outcome.ok) throw new ConflictError('Sheets are signed off while the round is open or closed', 'ROUND_STATUS');
    return { ...signOff, judge, valid: true };
  }

  /** Every judge's sign-off in label order, valid or void; judges who never signed are absent. */
  async signOffs(roundId: string): Promise<SignOffView[]> {
    const [judges, signOffs] = await Promise.all([this.store.panels.listJudges(roundId), this.store.seats.listSignOffs(roundId)]);
    const sheets =
      signOffs.length > 0
        ? await this.store.sheets.listSheetsOfRound(
            roundId,
            judges.map((j) => j.userId),
          )
        : [];
    const byJudge = new Map(judges.map((j) => [j.userId, j]));
    const views = signOffs.flatMap((s) => {
      const judge = byJudge.get(s.judgeId);
      if (!judge) return [];
      const current = sheetsHashOf(sheets.filter((sheet) => sheet.judgeId === s.judgeId));
      return [{ ...s, judge, valid: current === s.sheetsHash }];
    });
    return byLabel(views, (v) => v.judge);
  }

  /** The judges of the panel without a valid sign-off. */
  async unsigned(roundId: string): Promise<Judge[]> {
    const [judges, views] = await Promise.all([this.store.panels.listJudges(roundId), this.signOffs(roundId)]);
    const signed = new Set(views.filter((v) => v.valid).map((v) => v.judge.userId));
    return byLabel(
      judges.filter((j) => !signed.has(j.userId)),
      (j) => j,
    );
  }
}

/** SHA-256 over the judge's current sheets — entry, version and total, in entry order — base64url. */
export function sheetsHashOf(sheets: readonly ScoreSheet[]): string {
  const lines = [...sheets].sort((a, b) => (a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0)).map((s) => `${s.entryId}|${s.version}|${s.total}`);
  return createHash('sha256').update(lines.join('\n')).digest('base64url');
}
