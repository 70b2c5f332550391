import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import type { Judge, Round, ScoreSheet } from '../domain/model.js';
import type { Dynamo } from './client.js';
import {
  HISTORY_PREFIX,
  SHEET_PREFIX,
  entryKey,
  entryPartition,
  historyKey,
  judgeKey,
  leaderboardSortKey,
  requestKey,
  roundKey,
  sheetKey,
  sheetsOfJudge,
} from './keys.js';
import { batchGet, cancellationReasons, queryAll, recordOf, type Item } from './ops.js';
import type { StoredEntry } from './rounds.js';
import { INDEX } from './tables.js';

/** What a replayed submission returns: the stored first result, and a fingerprint of its input. */
export interface RequestRecord {
  fingerprint: string;
  sheet: ScoreSheet;
}

/** Everything a submission decides on, read in one consistent batch. */
export interface SubmissionState {
  round: Round | null;
  entry: StoredEntry | null;
  judge: Judge | null;
  sheet: ScoreSheet | null;
  request: RequestRecord | null;
}

export interface SubmissionWrite {
  sheet: ScoreSheet;
  keyPart: string;
  fingerprint: string;
  /** The entry as it must be after the write; its `version` is the one expected before, plus one. */
  entry: StoredEntry;
}

export type CommitOutcome =
  | { ok: true }
  | { ok: false; reason: 'ROUND_NOT_OPEN' | 'NOT_ON_PANEL' | 'ENTRY_CHANGED' | 'REPLAYED' | 'BUSY' };

/** Score sheets: the current sheet per judge and entry, every version, and request receipts. */
export class SheetStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async loadSubmissionState(args: {
    roundId: string;
    entryId: string;
    keyPart: string;
    judgeId: string;
    clientRequestId: string;
  }): Promise<SubmissionState> {
    const keys = {
      round: roundKey(args.roundId),
      entry: entryKey(args.roundId, args.keyPart),
      judge: judgeKey(args.roundId, args.judgeId),
      sheet: sheetKey(args.entryId, args.judgeId),
      request: requestKey(args.entryId, args.judgeId, args.clientRequestId),
    };
    const items = await batchGet(this.db, this.table, Object.values(keys), true);
    const find = <T>(key: { pk: string; sk: string }): T | null => {
      const item = items.find((i) => i.pk === key.pk && i.sk === key.sk);
      return item ? recordOf<T>(item) : null;
    };
    return {
      round: find<Round>(keys.round),
      entry: find<StoredEntry>(keys.entry),
      judge: find<Judge>(keys.judge),
      sheet: find<ScoreSheet>(keys.sheet),
      request: find<RequestRecord>(keys.request),
    };
  }

  /**
   * One transaction: the round is still OPEN, the judge is still on the panel, the
   * entry's aggregate has not moved since it was read (optimistic concurrency), and
   * this request id has not been used; then the sheet, its history version, the
   * receipt and the new aggregate are written together or not at all.
   */
  async commitSubmission(write: SubmissionWrite): Promise<CommitOutcome> {
    const { sheet, entry } = write;
    const items = [
      {
        ConditionCheck: {
          TableName: this.table,
          Key: roundKey(sheet.roundId),
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'OPEN' },
        },
      },
      {
        ConditionCheck: { TableName: this.table, Key: judgeKey(sheet.roundId, sheet.judgeId), ConditionExpression: 'attribute_exists(pk)' },
      },
      {
        Update: {
          TableName: this.table,
          Key: entryKey(entry.roundId, entry.keyPart),
          UpdateExpression: 'SET sheetTotals = :totals, #total = :total, sheetCount = :count, version = :next, gsi1sk = :rankKey',
          ConditionExpression: 'version = :expected',
          ExpressionAttributeNames: { '#total': 'total' },
          ExpressionAttributeValues: {
            ':totals': entry.sheetTotals,
            ':total': entry.total,
            ':count': entry.sheetCount,
            ':next': entry.version,
            ':expected': entry.version - 1,
            ':rankKey': leaderboardSortKey(entry.total, entry.order, entry.keyPart),
          },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...sheetKey(sheet.entryId, sheet.judgeId),
            gsi1pk: sheetsOfJudge(sheet.roundId, sheet.judgeId),
            gsi1sk: write.keyPart,
            entity: 'Sheet',
            ...sheet,
          },
        },
      },
      { Put: { TableName: this.table, Item: { ...historyKey(sheet.entryId, ulid()), entity: 'SheetVersion', ...sheet } } },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...requestKey(sheet.entryId, sheet.judgeId, sheet.clientRequestId),
            entity: 'Request',
            fingerprint: write.fingerprint,
            sheet,
          } satisfies Item,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      return { ok: true };
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      const [round, judge, aggregate, , , request] = reasons;
      if (round === 'ConditionalCheckFailed') return { ok: false, reason: 'ROUND_NOT_OPEN' };
      if (judge === 'ConditionalCheckFailed') return { ok: false, reason: 'NOT_ON_PANEL' };
      if (request === 'ConditionalCheckFailed') return { ok: false, reason: 'REPLAYED' };
      if (aggregate === 'ConditionalCheckFailed') return { ok: false, reason: 'ENTRY_CHANGED' };
      if (reasons.includes('TransactionConflict')) return { ok: false, reason: 'BUSY' };
      throw error;
    }
  }

  async getRequest(entryId: string, judgeId: string, clientRequestId: string): Promise<RequestRecord | null> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.table, Key: requestKey(entryId, judgeId, clientRequestId), ConsistentRead: true }),
    );
    return out.Item ? recordOf<RequestRecord>(out.Item) : null;
  }

  /** Current sheets of one entry, one per judge. */
  async listSheets(entryId: string): Promise<ScoreSheet[]> {
    return this.listByPrefix(entryId, SHEET_PREFIX);
  }

  /** Every version ever submitted for one entry, oldest first. */
  async listHistory(entryId: string): Promise<ScoreSheet[]> {
    return this.listByPrefix(entryId, HISTORY_PREFIX);
  }

  /** The judge's current sheets in one round. */
  async listSheetsOfJudge(roundId: string, judgeId: string): Promise<ScoreSheet[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': sheetsOfJudge(roundId, judgeId) },
    });
    return items.map((i) => recordOf<ScoreSheet>(i));
  }

  private async listByPrefix(entryId: string, prefix: string): Promise<ScoreSheet[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': entryPartition(entryId), ':prefix': prefix },
    });
    return items.map((i) => recordOf<ScoreSheet>(i));
  }
}
