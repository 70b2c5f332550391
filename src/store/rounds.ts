import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { LiveSettings } from '../domain/hall.js';
import type { Judge, Round, RoundStatus } from '../domain/model.js';
import type { Publication } from '../domain/publication.js';
import type { Dynamo } from './client.js';
import { competitionKey, judgeKey, managerKey, objectionKey, publicationKey, roundIndexes, roundKey, roundsOf } from './keys.js';
import { batchGet, batchPut, cancellationReasons, done, isConditionFailure, queryAll, refused, type Outcome } from './ops.js';
import { decoder, decode } from './codecs.js';
import { INDEX } from './tables.js';
/**
 * Round items: each round's status, rule, counters and finalising lock, its place in
 * its competition's list, and the marks naming the organizers who manage it.
 */
export class RoundStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  /**
   * Rounds, whether `userId` sits on each panel and (for organizers) whether they
   * manage each round's competition: one batch read.
   */
  async getRoundsWithSeats(
    ids: readonly string[],
    userId: string | null,
    withManagers = false,
  ): Promise<{ rounds: Map<string, Round>; seats: Map<string, Judge>; managed: Set<string> }> {
    const keys = ids.flatMap((id) => [roundKey(id), ...(userId ? [judgeKey(id, userId)] : []), ...(userId && withManagers ? [managerKey(id, userId)] : [])]);
    const items = await batchGet(this.db, this.table, keys);
    const rounds = new Map<string, Round>();
    const seats = new Map<string, Judge>();
    const managed = new Set<string>();
    for (const item of items) {
      if (item.entity === 'Judge') seats.set(item.roundId as string, decode('Judge', item));
      else if (item.entity === 'Manager') managed.add(item.roundId as string);
      else rounds.set(item.id as string, decode('Round', item));
    }
    return { rounds, seats, managed };
  }

  /** Marks `userId` as an organizer on each round (a grant reaching the competition's rounds). Idempotent. */
  async markManager(roundIds: readonly string[], userId: string): Promise<void> {
    await batchPut(
      this.db,
      this.table,
      roundIds.map((roundId) => managerItem(roundId, userId)),
    );
  }

  /** Changes who may see the round's scores, until it is published; done with the round as it now is. */
  async setVisibility(id: string, visibility: string): Promise<Outcome<'PUBLISHED_OR_MISSING', Round>> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: roundKey(id),
          UpdateExpression: 'SET leaderboardVisibility = :v, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND #status <> :published',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':v': visibility, ':one': 1, ':published': 'PUBLISHED' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Round', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('PUBLISHED_OR_MISSING');
      throw error;
    }
  }

  /** Creates a round with its manager marks; refused NO_COMPETITION when the competition does not exist (nothing written). */
  async createRound(round: Round, managers: readonly string[]): Promise<Outcome<'NO_COMPETITION'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.table,
                Key: competitionKey(round.competitionId),
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...roundKey(round.id), ...roundIndexes(round), entity: 'Round', ...round },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            ...managers.map((userId) => ({ Put: { TableName: this.table, Item: managerItem(round.id, userId) } })),
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('NO_COMPETITION');
      throw error;
    }
  }

  /** Replaces a DRAFT round's settings, guarded by its version. Refused STALE when it changed or left DRAFT. */
  async updateRound(round: Round): Promise<Outcome<'STALE'>> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...roundKey(round.id), ...roundIndexes(round), entity: 'Round', ...round },
          ConditionExpression: 'version = :expected AND #status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expected': round.version - 1, ':draft': 'DRAFT' },
        }),
      );
      return done();
    } catch (error) {
      if (isConditionFailure(error)) return refused('STALE');
      throw error;
    }
  }

  /**
   * Takes the round's finalising lock (status `status`, no live lock). While held,
   * nothing else may change results. A lock older than `staleBefore` is presumed
   * abandoned by a crashed request and may be taken over. Done with the locked round;
   * refused NOT_LOCKABLE when it is missing, not in `status`, or held by a live lock.
   */
  async lockForFinalizing(id: string, status: RoundStatus, token: string, now: string, staleBefore: string): Promise<Outcome<'NOT_LOCKABLE', Round>> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: roundKey(id),
          UpdateExpression: 'SET finalizing = :token, finalizingAt = :now',
          ConditionExpression: '#status = :status AND (attribute_not_exists(finalizing) OR finalizingAt < :stale)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':token': token, ':now': now, ':status': status, ':stale': staleBefore },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Round', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('NOT_LOCKABLE');
      throw error;
    }
  }

  /**
   * Releases the lock and stamps the results as final. With a `publication`, moves
   * CLOSED → PUBLISHED in the same transaction, storing the publication (its results as
   * published, its notice period) as its own item. Refused LOCK_LOST when `token` no
   * longer holds the lock.
   */
  async unlockFinalized(id: string, token: string, at: string, publication: Publication | null): Promise<Outcome<'LOCK_LOST', Round>> {
    const publish = publication !== null;
    const update = {
      TableName: this.table,
      Key: roundKey(id),
      UpdateExpression: `REMOVE finalizing, finalizingAt${publish ? ', revisingFor' : ''} SET resultsFinalizedAt = :at, version = version + :one${
        publish ? ', #status = :published, publishedAt = :at, noticeEndsAt = :notice, publicationCount = :number' : ''
      }`,
      ConditionExpression: 'finalizing = :token',
      ExpressionAttributeNames: publish ? { '#status': 'status' } : undefined,
      ExpressionAttributeValues: {
        ':token': token,
        ':at': at,
        ':one': 1,
        ...(publish ? { ':published': 'PUBLISHED', ':notice': publication.noticeEndsAt, ':number': publication.number } : {}),
      },
    };
    try {
      if (!publish) {
        const out = await this.db.send(new UpdateCommand({ ...update, ReturnValues: 'ALL_NEW' }));
        return done(decode('Round', out.Attributes ?? {}));
      }
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: update },
            {
              Put: {
                TableName: this.table,
                Item: { ...publicationKey(id, publication.number), entity: 'Publication', ...publication },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      const round = await this.getRound(id, true);
      return done(round!);
    } catch (error) {
      if (isConditionFailure(error) || cancellationReasons(error)) return refused('LOCK_LOST');
      throw error;
    }
  }

  /** How the round is run live; only while DRAFT or OPEN. */
  async setLiveSettings(id: string, live: LiveSettings): Promise<Outcome<'ROUND_STATUS', Round>> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: roundKey(id),
          UpdateExpression: 'SET live = :live, version = version + :one',
          ConditionExpression: '#status IN (:draft, :open)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':live': live, ':one': 1, ':draft': 'DRAFT', ':open': 'OPEN' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Round', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('ROUND_STATUS');
      throw error;
    }
  }

  /**
   * PUBLISHED → CLOSED to correct the results after an upheld objection: on condition
   * that the objection is still UPHELD and the round published. The publication stays.
   */
  async reopenForRevision(id: string, objectionId: string, at: string): Promise<Outcome<'ROUND_STATUS' | 'NOT_UPHELD', Round>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: roundKey(id),
                UpdateExpression: 'SET #status = :closed, revisingFor = :objection, revisedAt = :at, version = version + :one',
                ConditionExpression: '#status = :published',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':closed': 'CLOSED', ':published': 'PUBLISHED', ':objection': objectionId, ':at': at, ':one': 1 },
              },
            },
            {
              ConditionCheck: {
                TableName: this.table,
                Key: objectionKey(id, objectionId),
                ConditionExpression: '#status = :upheld',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':upheld': 'UPHELD' },
              },
            },
          ],
        }),
      );
      return done((await this.getRound(id, true))!);
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (!reasons) throw error;
      return refused(reasons[0] === 'ConditionalCheckFailed' ? 'ROUND_STATUS' : 'NOT_UPHELD');
    }
  }

  async getRound(id: string, consistent = false): Promise<Round | null> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: roundKey(id), ConsistentRead: consistent }));
    return out.Item ? decode('Round', out.Item) : null;
  }

  /** Rounds of a competition in creation order (the archived ones, or the others). */
  async listRounds(competitionId: string, archived = false): Promise<Round[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': roundsOf(competitionId, archived) },
    });
    return items.map(decoder('Round'));
  }

  /** Hides a round from its competition's list (or shows it again); it stays readable by id. Refused NOT_FOUND when it is gone. */
  async setRoundArchived(round: Round, archivedAt: string | null): Promise<Outcome<'NOT_FOUND', Round>> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: roundKey(round.id),
          UpdateExpression: 'SET archivedAt = :at, gsi1pk = :list, version = version + :one',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':at': archivedAt, ':list': roundIndexes({ ...round, archivedAt }).gsi1pk, ':one': 1 },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Round', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('NOT_FOUND');
      throw error;
    }
  }

  /**
   * Moves a round from one status to the next in a single conditional write.
   * `minimums` adds the opening rule (at least that many entries and judges).
   * Done with the updated round; refused ROUND_CHANGED when it was no longer in `from`
   * (or missing, or its counts fell short of `minimums` or differ from `counted`).
   */
  async transition(
    id: string,
    from: RoundStatus,
    to: RoundStatus,
    at: string,
    minimums: { entries: number; judges: number } | null,
    /** Counts the caller prepared the move for (opening: the entries' snapshots); another count fails it. */
    counted?: { entryCount: number; judgeCount: number },
  ): Promise<Outcome<'ROUND_CHANGED', Round>> {
    const guard =
      (minimums ? ' AND entryCount >= :minEntries AND judgeCount >= :minJudges' : '') + (counted ? ' AND entryCount = :entries AND judgeCount = :judges' : '');
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: roundKey(id),
          UpdateExpression: 'SET #status = :to, version = version + :one, #stamp = :at',
          ConditionExpression: `#status = :from${guard}`,
          ExpressionAttributeNames: { '#status': 'status', '#stamp': `${to.toLowerCase()}At` },
          ExpressionAttributeValues: {
            ':from': from,
            ':to': to,
            ':one': 1,
            ':at': at,
            ...(minimums ? { ':minEntries': minimums.entries, ':minJudges': minimums.judges } : {}),
            ...(counted ? { ':entries': counted.entryCount, ':judges': counted.judgeCount } : {}),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return done(decode('Round', out.Attributes ?? {}));
    } catch (error) {
      if (isConditionFailure(error)) return refused('ROUND_CHANGED');
      throw error;
    }
  }
}

function managerItem(roundId: string, userId: string) {
  return { ...managerKey(roundId, userId), entity: 'Manager', roundId, userId };
}
