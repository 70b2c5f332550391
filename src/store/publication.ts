import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarDay, Objection } from '../domain/publication.js';
import type { Dynamo } from './client.js';
import { decode, decoder } from './codecs.js';
import { OBJECTION_PREFIX, PUBLICATION_PREFIX, calendarDayKey, calendarYear, objectionKey, roundKey, roundPartition } from './keys.js';
import { batchGet, cancellationReasons, done, queryAll, queryPrefix, refused, type Outcome } from './ops.js';
import type { Publication } from '../domain/publication.js';

/** Publications of a round, objections to them, and the days organizers added to the working-day calendar. */
export class PublicationStore {
  constructor(
    private readonly db: Dynamo,
    private readonly table: string,
  ) {}

  async listPublications(roundId: string): Promise<Publication[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), PUBLICATION_PREFIX)).map(decoder('Publication'));
  }

  /** Files an objection and counts it open on the round, while the round is PUBLISHED and its notice period runs. */
  async fileObjection(objection: Objection): Promise<Outcome<'NOTICE_CLOSED'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: roundKey(objection.roundId),
                UpdateExpression: 'ADD openObjectionCount :one',
                ConditionExpression: '#status = :published AND noticeEndsAt > :now',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':one': 1, ':published': 'PUBLISHED', ':now': objection.filedAt },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { ...objectionKey(objection.roundId, objection.id), entity: 'Objection', ...objection },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('NOTICE_CLOSED');
      throw error;
    }
  }

  /** Answers an OPEN objection and counts it off the round's open objections, in one transaction. */
  async answerObjection(answered: Objection): Promise<Outcome<'ANSWERED'>> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...objectionKey(answered.roundId, answered.id), entity: 'Objection', ...answered },
                ConditionExpression: '#status = :open',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':open': 'OPEN' },
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: roundKey(answered.roundId),
                UpdateExpression: 'ADD openObjectionCount :minus',
                ExpressionAttributeValues: { ':minus': -1 },
              },
            },
          ],
        }),
      );
      return done();
    } catch (error) {
      if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return refused('ANSWERED');
      throw error;
    }
  }

  async getObjection(roundId: string, id: string): Promise<Objection | null> {
    const [item] = await batchGet(this.db, this.table, [objectionKey(roundId, id)], true);
    return item ? decode('Objection', item) : null;
  }

  async listObjections(roundId: string): Promise<Objection[]> {
    return (await queryPrefix(this.db, this.table, roundPartition(roundId), OBJECTION_PREFIX, true)).map(decoder('Objection'));
  }

  async putCalendarDays(days: readonly CalendarDay[]): Promise<void> {
    // Each day is its own record; setting it again replaces it (the latest word wins).
    await Promise.all(
      days.map((day) => this.db.send(new PutCommand({ TableName: this.table, Item: { ...calendarDayKey(day.date), entity: 'CalendarDay', ...day } }))),
    );
  }

  async listCalendarDays(years: readonly number[]): Promise<CalendarDay[]> {
    const lists = await Promise.all(
      [...new Set(years)].map((year) =>
        queryAll(this.db, { TableName: this.table, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': calendarYear(year) } }),
      ),
    );
    return lists.flat().map(decoder('CalendarDay'));
  }
}
