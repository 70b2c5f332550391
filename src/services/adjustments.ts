import { ulid } from 'ulid';
import { fromNumber } from '../domain/decimal.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../domain/errors.js';
import { parseEntryId } from '../domain/ids.js';
import type { Viewer } from '../domain/model.js';
import type { Adjustment } from '../methods/indicators/model.js';
import { ADJUSTMENT_KINDS } from '../methods/indicators/model.js';
import type { Store } from '../store/index.js';
import * as z from 'zod/mini';
import type { EvidenceWriter } from './indicatorEvidence.js';
import { finite, optionalText, parseArgument, text } from './validation.js';

const adjustmentInput = z.object({
  kind: z.enum(ADJUSTMENT_KINDS),
  points: z.optional(z.nullable(finite)),
  reason: text(500),
  evidence: optionalText(2000),
});

/** Bonuses (加分), penalties (扣分) and vetoes (一票否决): proposed by one organizer, counted once another approves. */
export class AdjustmentService {
  constructor(
    private readonly store: Store,
    private readonly writer: EvidenceWriter,
    private readonly now: () => Date,
  ) {}

  /** Proposes a bonus, a penalty or a veto; it counts once another organizer approves it. */
  async addAdjustment(viewer: Viewer, entryId: string, input: unknown): Promise<Adjustment> {
    const parsed = parseArgument(adjustmentInput, input, 'input');
    const { roundId } = parseEntryId(entryId, 'entryId');
    if (parsed.kind !== 'VETO' && !(parsed.points !== undefined && parsed.points !== null && parsed.points > 0)) {
      throw InvalidInputError.at('input.points', 'NOT_POSITIVE', 'a bonus or penalty needs positive points');
    }
    const at = this.now().toISOString();
    const adjustment: Adjustment = {
      id: `${entryId}/adj/${ulid()}`,
      roundId,
      entryId,
      kind: parsed.kind,
      points: parsed.kind === 'VETO' ? '0' : fromNumber(parsed.points!),
      reason: parsed.reason,
      evidence: parsed.evidence,
      status: 'PENDING',
      proposedBy: viewer.id,
      proposedByName: viewer.name,
      proposedAt: at,
      approvedBy: null,
      approvedAt: null,
    };
    await this.writer.changeEntry(roundId, entryId, 'entryId', (_, evidence) => ({
      values: [],
      adjustments: [{ adjustment, expectedStatus: null }],
      all: evidence.values,
      allAdjustments: [...evidence.adjustments, adjustment],
    }));
    return adjustment;
  }

  /** Approves a proposed adjustment: by an organizer other than the one who proposed it. Approving twice is a no-op. */
  async approveAdjustment(viewer: Viewer, id: string): Promise<Adjustment> {
    const { entryId, roundId } = parseAdjustmentId(id, 'id');
    let approved: Adjustment | undefined;
    await this.writer.changeEntry(roundId, entryId, 'id', (_, evidence, at) => {
      const found = evidence.adjustments.find((a) => a.id === id);
      if (!found) throw new NotFoundError('Adjustment', id, 'id');
      if (found.status === 'APPROVED') {
        approved = found;
        return null;
      }
      if (found.proposedBy === viewer.id)
        throw new ForbiddenError('An adjustment is approved by an organizer other than the one who proposed it', 'MAKER_CHECKER');
      approved = { ...found, status: 'APPROVED', approvedBy: viewer.id, approvedByName: viewer.name, approvedAt: at };
      return {
        values: [],
        adjustments: [{ adjustment: approved, expectedStatus: 'PENDING' }],
        all: evidence.values,
        allAdjustments: evidence.adjustments.map((a) => (a.id === id ? approved! : a)),
      };
    });
    return approved!;
  }

  adjustments(roundId: string): Promise<Adjustment[]> {
    return this.store.indicatorEvidence.listAdjustments(roundId);
  }
}

/** `<entryId>/adj/<ULID>` → its entry and round. */
export function parseAdjustmentId(id: string, path: string): { entryId: string; roundId: string } {
  const marker = id.lastIndexOf('/adj/');
  if (marker < 0) throw InvalidInputError.at(path, 'BAD_ID', 'not an adjustment id');
  const entryId = id.slice(0, marker);
  return { entryId, roundId: parseEntryId(entryId, path).roundId };
}
