import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { emptyHall, type HallState } from '../domain/hall.js';
import type { Amendment, Conflict, Judge, Round, RoundStatus, ScoreSheet, SheetEvent } from '../domain/model.js';
import type { Dynamo } from './client.js';
import {
  AMENDMENT_PREFIX,
  HISTORY_PREFIX,
  type ItemKey,
  amendmentKey,
  SHEET_PREFIX,
  conflictKey,
  entryKey,
  entryPartition,
  hallKey,
  historyKey,
  judgeKey,
  requestKey,
  roundKey,
  roundPartition,
  sheetKey,
  sheetsOfJudge,
} from './keys.js';
import { batchGet, cancellationItems, cancellationReasons, done, queryAll, queryPrefix, refused, type Item, type Outcome } from './ops.js';
import { decoder, decode, type EntityName, type RequestRecord } from './codecs.js';
import { aggregateUpdate, type Ranker, type StoredEntry } from './entries.js';
import { liveShardBump } from './hall.js';
import { INDEX } from './tables.js';

export type { RequestRecord } from './codecs.js';

/** Everything a submission decides on, read in one consistent batch. */
export interface SubmissionState {
  round: Round | null;
  entry: StoredEntry | null;
  judge: Judge | null;
  sheet: ScoreSheet | null;
  conflict: Conflict | null;
  request: RequestRecord | null;
  /** The round's live hall (stage), for its scoring gate. */
  hall: HallState;
}

/**
 * STALE: only the entry (or the caller's own sheet) moved, and here is what they are
 * now (undefined: that one did not move; a null sheet: it is gone).
 */
export type CommitOutcome = Outcome<
  'ROUND_NOT_OPEN' | 'NOT_ON_PANEL' | 'CONFLICT_OF_INTEREST' | 'RACE' | 'STALE',
  undefined,
  { STALE: { entry: StoredEntry | undefined; sheet: ScoreSheet | null | undefined } }
>;

export type RemovalOutcome = Outcome<'ROUND_LOCKED' | 'NOT_ON_PANEL' | 'RACE'>;

const conflictsOf = (roundId: string) => `CONFLICTS#${roundId}`;

/** What a judged panel keeps on each entry and rewrites with every sheet change (`PanelAggregate` and the result). */
const AGGREGATE_ATTRIBUTES = ['sheets', 'sheetCount', 'rawTotal', 'total', 'criterionValues', 'normalized', 'expectedSheets', 'classResults'] as const;

/** Score sheets: the current sheet per judge and entry, every event, receipts and conflicts of interest. */
export class SheetStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async loadSubmissionState(args: { roundId: string; entryId: string; keyPart: string; judgeId: string; clientRequestId?: string }): Promise<SubmissionState> {
    const keys = {
      round: roundKey(args.roundId),
      entry: entryKey(args.roundId, args.keyPart),
      judge: judgeKey(args.roundId, args.judgeId),
      sheet: sheetKey(args.entryId, args.judgeId),
      conflict: conflictKey(args.entryId, args.judgeId),
      hall: hallKey(args.roundId),
      ...(args.clientRequestId ? { request: requestKey(args.entryId, args.judgeId, args.clientRequestId) } : {}),
    };
    const items = await batchGet(this.db, this.table, Object.values(keys), true);
    const find = <K extends EntityName>(entity: K, key: { pk: string; sk: string } | undefined) => {
      const item = key && items.find((i) => i.pk === key.pk && i.sk === key.sk);
      return item ? decode(entity, item) : null;
    };
    return {
      round: find('Round', keys.round),
      entry: find('Entry', keys.entry),
      judge: find('Judge', keys.judge),
      sheet: find('Sheet', keys.sheet),
      conflict: find('Conflict', keys.conflict),
      request: find('Request', keys.request),
      hall: find('Hall', keys.hall) ?? emptyHall(args.roundId),
    };
  }

  /**
   * One transaction: the round is still OPEN, the judge is still on the panel and
   * has no conflict with the entry, the entry's aggregate has not moved since it
   * was read (optimistic concurrency), and this request id is unused; then the
   * sheet, its history event, the receipt and the new aggregate are written
   * together or not at all.
   */
  async commitSubmission(write: {
    sheet: ScoreSheet;
    fingerprint: string;
    entry: StoredEntry;
    round: Round;
    rank: Ranker;
    /** ON_STAGE gate: the entry must still be the one on stage when the sheet lands. */
    requireOnStage: boolean;
  }): Promise<CommitOutcome> {
    const { sheet, entry, round } = write;
    const event: SheetEvent = { action: 'SUBMITTED', sheet, actorId: sheet.judgeId, reason: null, at: sheet.submittedAt };
    const items = [
      this.roundIs(round.id, ['OPEN']),
      { ConditionCheck: { TableName: this.table, Key: judgeKey(round.id, sheet.judgeId), ConditionExpression: 'attribute_exists(pk)' } },
      { ConditionCheck: { TableName: this.table, Key: conflictKey(sheet.entryId, sheet.judgeId), ConditionExpression: 'attribute_not_exists(pk)' } },
      aggregateUpdate(this.table, entry, write.rank, AGGREGATE_ATTRIBUTES),
      {
        Put: {
          TableName: this.table,
          Item: this.sheetItem(sheet, entry.keyPart),
          // The caller's own sheet moves only under the caller; a concurrent version must not be overwritten.
          ConditionExpression: 'attribute_not_exists(pk) OR version = :previous',
          ExpressionAttributeValues: { ':previous': sheet.version - 1 },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      },
      { Put: { TableName: this.table, Item: this.eventItem(event) } },
      {
        Put: {
          TableName: this.table,
          Item: { ...requestKey(sheet.entryId, sheet.judgeId, sheet.clientRequestId), entity: 'Request', fingerprint: write.fingerprint, sheet },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      // The big screen's live sequence moves with every sheet, on the judge's shard.
      liveShardBump(this.table, round.id, sheet.judgeId),
      ...(write.requireOnStage
        ? [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: hallKey(round.id),
                ConditionExpression: 'stage.entryId = :entry',
                ExpressionAttributeValues: { ':entry': sheet.entryId },
              },
            },
          ]
        : []),
    ];
    const failure = await this.transactOrExplain(items);
    if (!failure) return done();
    const [roundCheck, judge, conflict, aggregate, ownSheet, , receipt] = failure.reasons;
    if (roundCheck === 'ConditionalCheckFailed') return refused('ROUND_NOT_OPEN');
    if (judge === 'ConditionalCheckFailed') return refused('NOT_ON_PANEL');
    if (conflict === 'ConditionalCheckFailed') return refused('CONFLICT_OF_INTEREST');
    const otherFailures = failure.reasons.filter((r, i) => r !== 'None' && i !== 3 && i !== 4);
    if (receipt === 'None' && otherFailures.length === 0 && (aggregate === 'ConditionalCheckFailed' || ownSheet === 'ConditionalCheckFailed')) {
      const [entryItem, sheetItem] = [failure.items[3], failure.items[4]];
      return refused('STALE', {
        entry: aggregate === 'ConditionalCheckFailed' && entryItem ? decode('Entry', entryItem) : undefined,
        sheet: ownSheet === 'ConditionalCheckFailed' ? (sheetItem ? decode('Sheet', sheetItem) : null) : undefined,
      });
    }
    return refused('RACE');
  }

  /**
   * Takes a judge's sheet out of an entry's aggregate — a void, or a conflict of
   * interest recorded after the judge had scored — in one transaction with its
   * audit event (and the conflict, if any). Also records a conflict with no sheet to remove.
   * The round must still be in one of `statuses`; an `amendment` (a change to a closed
   * round) is stored and counted on the round item in the same transaction.
   */
  async commitRemoval(change: {
    round: Round;
    entryId: string;
    judgeId: string;
    removed: { sheet: ScoreSheet; event: SheetEvent } | null;
    /** The entry after the change (version bumped), written under the version it was read at. */
    entry: StoredEntry;
    conflict: Conflict | null;
    statuses: readonly RoundStatus[];
    amendment: Amendment | null;
    rank: Ranker;
  }): Promise<RemovalOutcome> {
    const { round, removed, conflict, amendment } = change;
    const items: Record<string, unknown>[] = [
      amendment ? this.amendRound(round.id, change.statuses, amendment) : this.roundIs(round.id, change.statuses, true),
    ];
    if (amendment) items.push({ Put: { TableName: this.table, Item: { ...amendmentKey(round.id, ulid()), entity: 'Amendment', ...amendment } } });
    if (conflict) {
      items.push({ ConditionCheck: { TableName: this.table, Key: judgeKey(round.id, change.judgeId), ConditionExpression: 'attribute_exists(pk)' } });
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...conflictKey(change.entryId, change.judgeId),
            gsi1pk: conflictsOf(round.id),
            gsi1sk: `${change.entryId}#${change.judgeId}`,
            entity: 'Conflict',
            ...conflict,
          },
        },
      });
    }
    if (removed) {
      items.push(
        {
          Delete: {
            TableName: this.table,
            Key: sheetKey(change.entryId, change.judgeId),
            ConditionExpression: 'version = :v',
            ExpressionAttributeValues: { ':v': removed.sheet.version },
          },
        },
        { Put: { TableName: this.table, Item: this.eventItem(removed.event) } },
      );
    }
    // Always: a conflict changes what the entry expects, and the version guard orders it against opening and submissions.
    items.push(aggregateUpdate(this.table, change.entry, change.rank, AGGREGATE_ATTRIBUTES));
    const reasons = await this.transact(items);
    if (!reasons) return done();
    if (reasons[0] === 'ConditionalCheckFailed') return refused('ROUND_LOCKED');
    // The panel check follows the round guard (and the amendment's own item).
    const panelCheck = amendment ? 2 : 1;
    if (conflict && reasons[panelCheck] === 'ConditionalCheckFailed') return refused('NOT_ON_PANEL');
    return refused('RACE');
  }

  /** Table keys of a round's conflicts (for deleting a DRAFT round). */
  async listConflictKeys(roundId: string): Promise<ItemKey[]> {
    return (await this.listConflictsOfRound(roundId)).map((c) => conflictKey(c.entryId, c.judgeId));
  }

  /** Changes made to a closed round's results, oldest first. */
  async listAmendments(roundId: string): Promise<Amendment[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), AMENDMENT_PREFIX)).map(decoder('Amendment'));
  }

  /** Current sheets of one entry, one per judge. */
  async listSheets(entryId: string): Promise<ScoreSheet[]> {
    return (await this.listByPrefix(entryId, SHEET_PREFIX)).map(decoder('Sheet'));
  }

  /** Every submission and void for one entry, oldest first. */
  async listEvents(entryId: string): Promise<SheetEvent[]> {
    return (await this.listByPrefix(entryId, HISTORY_PREFIX)).map(decoder('SheetEvent'));
  }

  async listConflictsOfRound(roundId: string): Promise<Conflict[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': conflictsOf(roundId) },
    });
    return items.map(decoder('Conflict'));
  }

  /** The judge's current sheets in one round. */
  async listSheetsOfJudge(roundId: string, judgeId: string): Promise<ScoreSheet[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': sheetsOfJudge(roundId, judgeId) },
    });
    return items.map(decoder('Sheet'));
  }

  /** A round's current sheets: one query per panel judge on the judge-sheets index. */
  async listSheetsOfRound(roundId: string, judgeIds: readonly string[]): Promise<ScoreSheet[]> {
    return (await Promise.all(judgeIds.map((j) => this.listSheetsOfJudge(roundId, j)))).flat();
  }

  private sheetItem(sheet: ScoreSheet, keyPart: string): Item {
    return { ...sheetKey(sheet.entryId, sheet.judgeId), gsi1pk: sheetsOfJudge(sheet.roundId, sheet.judgeId), gsi1sk: keyPart, entity: 'Sheet', ...sheet };
  }

  private eventItem(event: SheetEvent): Item {
    return { ...historyKey(event.sheet.entryId, ulid()), entity: 'SheetEvent', ...event };
  }

  /** Guard: the round is in one of `statuses` (and, for changes to results, not being finalised). */
  private roundIs(roundId: string, statuses: readonly string[], notFinalizing = false) {
    const names = statuses.map((_, i) => `:s${i}`);
    return {
      ConditionCheck: {
        TableName: this.table,
        Key: roundKey(roundId),
        ConditionExpression: `#status IN (${names.join(', ')})${notFinalizing ? ' AND attribute_not_exists(finalizing)' : ''}`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(statuses.map((s, i) => [names[i]!, s])),
      },
    };
  }

  /** Like roundIs (not finalising), and counts the amendment on the round item: one item, so one action. */
  private amendRound(roundId: string, statuses: readonly string[], amendment: Amendment) {
    const guard = this.roundIs(roundId, statuses, true).ConditionCheck;
    return {
      Update: {
        ...guard,
        UpdateExpression: 'ADD amendmentCount :one SET amendedAt = :at',
        ExpressionAttributeValues: { ...guard.ExpressionAttributeValues, ':one': 1, ':at': amendment.at },
      },
    };
  }

  /** Runs a transaction; null on success, else why each item failed (TransactionConflict included). */
  private async transact(items: readonly Record<string, unknown>[]): Promise<string[] | null> {
    return (await this.transactOrExplain(items))?.reasons ?? null;
  }

  /** Like transact, with the items failed conditions returned. */
  private async transactOrExplain(items: readonly Record<string, unknown>[]): Promise<{ reasons: string[]; items: (Item | undefined)[] } | null> {
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items as never }));
      return null;
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      return { reasons, items: cancellationItems(error) };
    }
  }

  private listByPrefix(entryId: string, prefix: string): Promise<Item[]> {
    return queryPrefix(this.db, this.table, entryPartition(entryId), prefix);
  }
}
