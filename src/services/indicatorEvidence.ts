import { ConflictError, NotFoundError } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import { asIndicatorsRound } from '../methods/indicators/config.js';
import { foldEvidence, withResult } from '../methods/indicators/fold.js';
import type { Adjustment, IndicatorsConfig, IndicatorValue } from '../methods/indicators/model.js';
import { indicatorsScoring } from '../methods/indicators/roundScoring.js';
import type { StoredEntry } from '../store/entries.js';
import type { Store } from '../store/index.js';
import { INDICATORS_AGGREGATE_ATTRIBUTES } from '../store/indicators.js';
import { RaceLost, isTransientConflict, retrying } from '../store/ops.js';

/** What a change to one entry's evidence writes: the items it changes, and all the evidence the aggregate is folded from. */
export interface EvidenceDecision {
  values: IndicatorValue[];
  adjustments: { adjustment: Adjustment; expectedStatus: Adjustment['status'] | null }[];
  all: IndicatorValue[];
  allAdjustments: Adjustment[];
  /** Receipts the change under this client request id (values), so a replay writes nothing. */
  clientRequestId?: string | null;
}

const lost = (error: unknown) => error instanceof RaceLost || isTransientConflict(error);

/**
 * The one way an indicator round's evidence changes: per entry, read everything,
 * decide, fold the aggregate anew and write both in one transaction, while the
 * round is OPEN; a concurrent change to the entry starts it over.
 */
export class EvidenceWriter {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * Reads one entry's evidence, lets `change` decide what to write (null: nothing),
   * recomputes the entry's aggregate from all of it and writes both in one
   * transaction; a concurrent change to the entry starts it over.
   */
  async changeEntry(
    roundId: string,
    entryId: string,
    field: string,
    change: (
      config: IndicatorsConfig,
      evidence: { values: IndicatorValue[]; adjustments: Adjustment[]; requests: ReadonlySet<string> },
      at: string,
    ) => EvidenceDecision | null,
  ): Promise<void> {
    const { keyPart } = parseEntryId(entryId, field);
    await retrying(async () => {
      const evidence = await this.store.indicatorEvidence.loadEntryEvidence(roundId, keyPart, entryId);
      if (!evidence.round) throw new NotFoundError('Round', roundId, 'roundId');
      if (!evidence.entry) throw new NotFoundError('Entry', entryId, field);
      const round = asIndicatorsRound(evidence.round);
      if (round.status !== 'OPEN') throw new ConflictError(`Values and adjustments change only while the round is OPEN; it is ${round.status}`, 'ROUND_STATUS');
      const decided = change(round.method, evidence, this.now().toISOString());
      if (!decided) return;
      const entry: StoredEntry = {
        ...withResult(round.method, evidence.entry, foldEvidence(round.method, decided.all, decided.allAdjustments), null),
        version: evidence.entry.version + 1,
      };
      const scoring = indicatorsScoring(round.method);
      const outcome = await this.store.indicatorEvidence.commit({
        round,
        entry,
        rank: (e) => scoring.rankValue(e),
        attributes: INDICATORS_AGGREGATE_ATTRIBUTES,
        values: decided.values,
        adjustments: decided.adjustments,
        clientRequestId: decided.clientRequestId ?? null,
      });
      if (outcome.ok) return;
      if (outcome.reason === 'ROUND_NOT_OPEN') throw new ConflictError('The round is no longer OPEN', 'ROUND_STATUS');
      throw new RaceLost();
    }, lost);
  }
}
