import { ConflictError } from '../domain/errors.js';
import { assertTransition } from '../domain/lifecycle.js';
import type { Round } from '../domain/model.js';
import type { Methods } from '../methods/registry.js';
import type { Store } from '../store/index.js';
import { RaceLost, isLostRaceOrConflict, isTransientConflict, retrying } from '../store/ops.js';
import type { EnrolmentService } from './enrolment.js';
import type { PublicationDraft, ResultsService } from './results.js';
import type { RoundService } from './rounds.js';

/** A round's life: DRAFT → OPEN (the snapshot taken), OPEN → CLOSED, CLOSED → PUBLISHED (the official results stored). */
export class LifecycleService {
  constructor(
    private readonly store: Store,
    private readonly methods: Methods,
    private readonly rounds: RoundService,
    private readonly enrolment: EnrolmentService,
    private readonly results: ResultsService,
    private readonly now: () => Date,
  ) {}

  /**
   * DRAFT → OPEN. First every entry takes its snapshot of the directory and what its
   * method records at opening (for a panel, the sheets expected of it: the panel less
   * the judges excused by 回避), each under the version it was read at; then the
   * status moves, on condition that the panel and the enrolment are still the ones
   * counted. A change in between retries.
   */
  async openRound(id: string): Promise<Round> {
    const opened = await retrying(async () => {
      const round = await this.rounds.requireRound(id, true);
      assertTransition('open', round.status);
      const minimums = { entries: 1, judges: this.methods.of(round.method.kind).judged ? 1 : 0 };
      if (round.entryCount < minimums.entries || round.judgeCount < minimums.judges) {
        throw new ConflictError('A round needs at least one entry (and one judge, when judges score it) before it opens', 'ROUND_INCOMPLETE');
      }
      const [entries, judges] = await Promise.all([this.store.entries.listEntries(id, true), this.store.panels.listJudges(id)]);
      const snapshots = await this.enrolment.snapshot(entries);
      const prepared = (await this.methods.forRound(round).prepareOpening(snapshots)).map((entry) => ({ ...entry, version: entry.version + 1 }));
      const written = await this.store.enrolment.rewriteEntries(round, prepared, this.enrolment.ranker(round));
      if (!written.ok) {
        if (written.reason === 'ROUND_NOT_DRAFT') return this.raceLostTransition(id);
        throw new RaceLost();
      }
      const result = await this.store.rounds.transition(id, 'DRAFT', 'OPEN', this.now().toISOString(), minimums, {
        entryCount: entries.length,
        judgeCount: judges.length,
      });
      if (!result.ok) throw new RaceLost();
      return result.value;
    }, isLostRaceOrConflict);
    return opened;
  }

  /** OPEN → CLOSED: no sheet is accepted afterwards; then the official results are computed and stored. */
  async closeRound(id: string): Promise<Round> {
    const round = await this.rounds.requireRound(id, true);
    assertTransition('close', round.status);
    const closed = await retrying(() => this.store.rounds.transition(id, 'OPEN', 'CLOSED', this.now().toISOString(), null), isTransientConflict);
    if (!closed.ok) return this.raceLostTransition(id);
    return this.results.finalize(id, null);
  }

  /**
   * CLOSED → PUBLISHED, storing the official results afresh and the publication (with
   * its notice period) in the same step; afterwards only an upheld objection reopens it.
   */
  async publishRound(id: string, publication: PublicationDraft): Promise<Round> {
    const round = await this.rounds.requireRound(id, true);
    assertTransition('publish', round.status);
    return this.results.finalize(id, publication);
  }

  private async raceLostTransition(id: string): Promise<never> {
    const current = await this.rounds.requireRound(id, true);
    throw new ConflictError(`The round changed concurrently and is now ${current.status}`, 'ROUND_STATUS');
  }
}
