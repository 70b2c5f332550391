import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidInputError } from '../domain/errors.js';
import { startKeyAfter, type Item, type Page } from '../store/ops.js';
import * as z from 'zod/mini';

/** Bytes of HMAC-SHA256 kept in a cursor: forging one means guessing 128 bits. */
const MAC_BYTES = 16;
/** No cursor we make comes near this; a longer one is refused before any work. */
const MAX_CURSOR_LENGTH = 2048;

/**
 * Opaque pagination cursors: base64url JSON and an HMAC over it and the listing it
 * belongs to (its scope, e.g. `leaderboard:<roundId>:<group>`). Cursors carry
 * ranks and positions, so an unsigned one would let a caller make the API state
 * false ranks; a cursor from another listing, edited or malformed, is BAD_USER_INPUT.
 */
export class Cursors {
  private readonly key: Buffer;

  constructor(secret: string | Uint8Array) {
    this.key = Buffer.from(secret);
    if (this.key.length < 32) throw new Error('The cursor signing key needs at least 32 bytes');
  }

  encode(scope: string, value: unknown): string {
    const body = Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
    return `${body}.${this.mac(scope, body).toString('base64url')}`;
  }

  decode<T extends z.ZodMiniType>(scope: string, schema: T, cursor: string, argument = 'after'): z.infer<T> {
    const dot = cursor.lastIndexOf('.');
    if (cursor.length <= MAX_CURSOR_LENGTH && dot > 0) {
      const body = cursor.slice(0, dot);
      const presented = Buffer.from(cursor.slice(dot + 1), 'base64url');
      const expected = this.mac(scope, body);
      if (presented.length === expected.length && timingSafeEqual(presented, expected)) {
        try {
          const result = z.safeParse(schema, JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
          if (result.success) return result.data;
        } catch {
          // fall through: signed by us, so this cannot happen short of a key clash
        }
      }
    }
    throw InvalidInputError.at(argument, 'BAD_CURSOR', 'not a valid cursor for this listing');
  }

  /**
   * Builds a page from a query that asked for `first + 1` items: the extra item
   * only proves there is a next page. Each cursor is the item's own key.
   */
  pageConnection<T>(scope: string, page: Page, first: number, toNode: (item: Item) => T): Connection<T> {
    const edges = page.items.slice(0, first).map((item) => ({
      cursor: this.encode(scope, startKeyAfter(item, page.index)),
      node: toNode(item),
    }));
    return { edges, hasNextPage: page.items.length > first, endCursor: edges.at(-1)?.cursor ?? null };
  }

  /** The start key a key cursor carries, or undefined without one. */
  startKey(scope: string, after: string | null | undefined): Record<string, string> | undefined {
    return after ? this.decode(scope, keyCursor, after) : undefined;
  }

  private mac(scope: string, body: string): Buffer {
    return createHmac('sha256', this.key).update(scope).update('\u0000').update(body).digest().subarray(0, MAC_BYTES);
  }
}

/** A DynamoDB LastEvaluatedKey: string attributes only in our tables. */
export const keyCursor = z.record(z.string().check(z.regex(/^(pk|sk|gsi\dpk|gsi\dsk)$/)), z.string().check(z.maxLength(1024)));

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}
