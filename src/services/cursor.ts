import { InvalidInputError } from '../domain/errors.js';
import { startKeyAfter, type Item, type Page } from '../store/ops.js';
import * as z from 'zod/mini';

/**
 * Opaque pagination cursors: base64url JSON, validated on the way back in so a
 * tampered cursor is a clear BAD_USER_INPUT rather than a database error.
 */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor<T extends z.ZodMiniType>(schema: T, cursor: string, argument = 'after'): z.infer<T> {
  try {
    const result = z.safeParse(schema, JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (result.success) return result.data;
  } catch {
    // fall through: not base64 JSON
  }
  throw InvalidInputError.at(argument, 'not a valid cursor');
}

/** A DynamoDB LastEvaluatedKey: string attributes only in our tables. */
export const keyCursor = z.record(z.string().check(z.regex(/^(pk|sk|gsi\dpk|gsi\dsk)$/)), z.string().check(z.maxLength(1024)));


export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Builds a page from a query that asked for `first + 1` items: the extra item
 * only proves there is a next page. Each cursor is the item's own key.
 */
export function pageConnection<T>(page: Page, first: number, toNode: (item: Item) => T): Connection<T> {
  const edges = page.items.slice(0, first).map((item) => ({
    cursor: encodeCursor(startKeyAfter(item, page.index)),
    node: toNode(item),
  }));
  return { edges, hasNextPage: page.items.length > first, endCursor: edges.at(-1)?.cursor ?? null };
}
