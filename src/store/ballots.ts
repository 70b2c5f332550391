import { createHash, randomInt } from 'node:crypto';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dec, sum } from '../domain/decimal.js';
import type { Decimal } from '../domain/primitives.js';
import type { Tally } from '../methods/panel/scoring.js';
import type { Dynamo } from './client.js';
import { aggregateUpdate, type Ranker, type StoredEntry } from './entries.js';
import { BALLOT_SHARDS, ballotKey, ballotTallyKey, ballotVoteKey, ballotVotesOf, entryKey, roundKey, votesForEntry } from './keys.js';
import { batchGet, batchPut, cancellationReasons, done, isConditionFailure, queryAll, refused, type Item, type Outcome } from './ops.js';
import { INDEX } from './tables.js';

/** One attendee's ballot of a round: whoever holds its code votes with it. */
export interface Ballot {
  roundId: string;
  code: string;
  createdAt: string;
  createdBy: string;
}

/** One ballot's vote for one entry. */
export interface BallotVote {
  roundId: string;
  code: string;
  entryId: string;
  score: Decimal;
  at: string;
}

export type CastOutcome = Outcome<'UNKNOWN_BALLOT' | 'ALREADY_VOTED' | 'NOT_PITCHED' | 'ROUND_NOT_OPEN'>;

/**
 * Audience ballots: the ballots of a round, each vote under its one-per-entry
 * condition, and per-entry tallies (Σ score, count) spread over shards that votes ADD to.
 */
export class BallotStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async putBallots(ballots: readonly Ballot[]): Promise<void> {
    await batchPut(
      this.db,
      this.table,
      ballots.map((b) => ({ ...ballotKey(b.roundId, b.code), entity: 'Ballot', ...b })),
    );
  }

  async getBallot(roundId: string, code: string): Promise<Ballot | null> {
    const [item] = await batchGet(this.db, this.table, [ballotKey(roundId, code)]);
    return item ? { roundId, code, createdAt: String(item.createdAt), createdBy: String(item.createdBy) } : null;
  }

  /** The ballot's votes so far (its voting page shows them). */
  async votesOf(roundId: string, code: string): Promise<BallotVote[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': ballotVotesOf(roundId, code) },
    });
    return items.map(voteOf);
  }

  /** Every vote for an entry, from the stored votes alone (what verification recounts). */
  async votesForEntry(entryId: string): Promise<BallotVote[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': votesForEntry(entryId) },
    });
    return items.map(voteOf);
  }

  /**
   * One vote, in one request: the vote under its one-per-ballot-and-entry condition, an
   * ADD of score and count to one shard of the entry's tally, and checks that the ballot
   * exists, the entry has been on stage and the round is open. Nothing is read first.
   */
  async cast(vote: BallotVote, entry: { roundId: string; keyPart: string }, shard = randomInt(BALLOT_SHARDS)): Promise<CastOutcome> {
    const items = [
      {
        ConditionCheck: {
          TableName: this.table,
          Key: ballotKey(vote.roundId, vote.code),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: {
            ...ballotVoteKey(vote.roundId, vote.code, vote.entryId),
            gsi1pk: votesForEntry(vote.entryId),
            gsi1sk: vote.code,
            entity: 'BallotVote',
            ...vote,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        ConditionCheck: {
          TableName: this.table,
          Key: entryKey(entry.roundId, entry.keyPart),
          ConditionExpression: 'attribute_exists(stagedAt)',
        },
      },
      {
        ConditionCheck: {
          TableName: this.table,
          Key: roundKey(vote.roundId),
          ConditionExpression: '#status = :open',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':open': 'OPEN' },
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: ballotTallyKey(vote.entryId, shard),
          UpdateExpression: 'ADD #sum :score, #count :one SET entity = :entity',
          ExpressionAttributeNames: { '#sum': 'sum', '#count': 'count' },
          ExpressionAttributeValues: { ':score': Number(vote.score), ':one': 1, ':entity': 'BallotTally' },
        },
      },
    ];
    try {
      // The token makes the SDK's retry of a timed-out attempt land once, not refuse itself as its own duplicate.
      const token = createHash('sha256')
        .update(JSON.stringify([vote.roundId, vote.code, vote.entryId, vote.score, vote.at]))
        .digest('base64url')
        .slice(0, 36);
      await this.db.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      if (reasons[0] === 'ConditionalCheckFailed') return refused('UNKNOWN_BALLOT');
      if (reasons[1] === 'ConditionalCheckFailed') return refused('ALREADY_VOTED');
      if (reasons[2] === 'ConditionalCheckFailed') return refused('NOT_PITCHED');
      if (reasons[3] === 'ConditionalCheckFailed') return refused('ROUND_NOT_OPEN');
      throw error;
    }
  }

  /** The entry's result with its tally folded in, under the version it was read at. */
  async foldTally(entry: StoredEntry, rank: Ranker, attributes: readonly string[]): Promise<Outcome<'STALE'>> {
    try {
      await this.db.send(new UpdateCommand(aggregateUpdate(this.table, entry, rank, attributes).Update));
      return done();
    } catch (error) {
      if (isConditionFailure(error)) return refused('STALE');
      throw error;
    }
  }

  /** Each entry's tally: its shards added up (one BatchGetItem per 100 shards). */
  async tallies(entryIds: readonly string[]): Promise<Map<string, Tally>> {
    const keys = entryIds.flatMap((id) => Array.from({ length: BALLOT_SHARDS }, (_, n) => ballotTallyKey(id, n)));
    const items = keys.length > 0 ? await batchGet(this.db, this.table, keys, true) : [];
    const byEntry = new Map<string, Item[]>();
    for (const item of items) {
      const entryId = String(item.pk).slice('BTALLY#'.length, String(item.pk).lastIndexOf('#'));
      byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), item]);
    }
    return new Map(entryIds.map((id) => [id, tallyOf(byEntry.get(id) ?? [])]));
  }
}

function tallyOf(shards: readonly Item[]): Tally {
  return {
    sum: sum(shards.map((s) => dec(String(s.sum ?? 0)))).toFixed(),
    count: shards.reduce((n, s) => n + Number(s.count ?? 0), 0),
  };
}

function voteOf(item: Item): BallotVote {
  return { roundId: String(item.roundId), code: String(item.code), entryId: String(item.entryId), score: String(item.score), at: String(item.at) };
}
