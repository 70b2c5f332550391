import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Competition, Round } from '../domain/model.js';
import type { Dynamo } from './client.js';
import { ALL_COMPETITIONS, ARCHIVED_COMPETITIONS, competitionIndexes, competitionKey, grantKey, roundKey } from './keys.js';
import { batchGet, cancellationReasons, done, isConditionFailure, queryPage, queryPrefix, refused, type Outcome, type Page } from './ops.js';
import { decoder, decode } from './codecs.js';
import { INDEX } from './tables.js';
/** Competitions and the grants that let other organizers manage them. */
export class CompetitionStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async createCompetition(competition: Competition): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...competitionKey(competition.id), ...competitionIndexes(competition), entity: 'Competition', ...competition },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /** Replaces a competition's editable fields, guarded by its version. Refused STALE on a lost race. */
  async updateCompetition(competition: Competition): Promise<Outcome<'STALE'>> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...competitionKey(competition.id), ...competitionIndexes(competition), entity: 'Competition', ...competition },
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': competition.version - 1 },
        }),
      );
      return done();
    } catch (error) {
      if (isConditionFailure(error)) return refused('STALE');
      throw error;
    }
  }

  /** Lets another organizer manage a competition. Idempotent. */
  async putGrant(grant: { competitionId: string; userId: string; grantedBy: string; grantedAt: string }): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...grantKey(grant.competitionId, grant.userId), entity: 'Grant', ...grant } }));
  }

  /** Competitions and whether `userId` holds a grant on each, in one batch read. */
  async getCompetitionsWithGrants(ids: readonly string[], userId: string): Promise<{ competitions: Map<string, Competition>; grants: Set<string> }> {
    const items = await batchGet(
      this.db,
      this.table,
      ids.flatMap((id) => [competitionKey(id), grantKey(id, userId)]),
    );
    const competitions = new Map<string, Competition>();
    const grants = new Set<string>();
    for (const item of items) {
      if (item.entity === 'Grant') grants.add(item.competitionId as string);
      else competitions.set(item.id as string, decode('Competition', item));
    }
    return { competitions, grants };
  }

  /** Who holds a grant on a competition. */
  async listGrantees(id: string): Promise<string[]> {
    return (await queryPrefix(this.db, this.table, competitionKey(id).pk, 'GRANT#')).map((i) => String(i.userId));
  }

  async getCompetitions(ids: readonly string[]): Promise<Map<string, Competition>> {
    const items = await batchGet(this.db, this.table, ids.map(competitionKey));
    return new Map(items.map(decoder('Competition')).map((c) => [c.id, c]));
  }

  /** Newest first; the archived ones form a list of their own. */
  async listCompetitions(limit: number, start: Record<string, unknown> | undefined, archived = false): Promise<Page> {
    return queryPage(this.db, {
      TableName: this.table,
      IndexName: INDEX.gsi1,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': archived ? ARCHIVED_COMPETITIONS : ALL_COMPETITIONS },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: start,
    });
  }

  /**
   * Deletes a competition, its grants and its rounds' items, on condition that every
   * round is still DRAFT (so no sheet exists). Refused NOT_FOUND when the competition is
   * gone, ROUND_NOT_DRAFT when a round is not DRAFT (or gone); nothing deleted then.
   */
  async deleteCompetition(id: string, rounds: readonly Round[]): Promise<Outcome<'NOT_FOUND' | 'ROUND_NOT_DRAFT'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: this.table, Key: competitionKey(id), ConditionExpression: 'attribute_exists(pk)' } },
            ...rounds.map((r) => ({
              Delete: {
                TableName: this.table,
                Key: roundKey(r.id),
                ConditionExpression: '#status = :draft',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':draft': 'DRAFT' },
              },
            })),
          ],
        }),
      );
      return done();
    } catch (error) {
      const reasons = cancellationReasons(error);
      if (reasons?.[0] === 'ConditionalCheckFailed') return refused('NOT_FOUND');
      if (reasons?.includes('ConditionalCheckFailed')) return refused('ROUND_NOT_DRAFT');
      throw error;
    }
  }

  /** Grants of a competition (for deleting it). */
  async listGrantKeys(id: string): Promise<{ pk: string; sk: string }[]> {
    const items = await queryPrefix(this.db, this.table, competitionKey(id).pk, 'GRANT#');
    return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
  }
}
