import type { GraphQLArgument, GraphQLInputType } from 'graphql';
import { InvalidInputError } from '../domain/errors.js';

/** Longer than any id we make or accept (a sheet id is under 300); DynamoDB refuses long keys with an internal error. */
export const MAX_ID_LENGTH = 300;

/**
 * Refuses any `ID` in a root field's arguments — at any depth of an input object or
 * list — longer than MAX_ID_LENGTH, as BAD_USER_INPUT with its path. Reads the types
 * by shape rather than with graphql-js's `instanceof` helpers: the schema may come
 * from another copy of graphql-js than this module's (bundlers, test runners).
 */
export function assertIdLengths(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  for (const definition of definitions) checkValue(definition.type, args[definition.name], definition.name);
}

type AnyInputType = GraphQLInputType & { ofType?: AnyInputType; getFields?: () => Record<string, { type: AnyInputType }>; name?: string };

function checkValue(type: AnyInputType, value: unknown, path: string): void {
  if (value === null || value === undefined) return;
  if (type.ofType) {
    // Non-null (`T!`) or list (`[T]`).
    if (String(type).endsWith('!')) {
      checkValue(type.ofType, value, path);
      return;
    }
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) checkValue(type.ofType, item, `${path}.${i}`);
    }
    return;
  }
  if (type.getFields && typeof value === 'object') {
    for (const [name, field] of Object.entries(type.getFields())) {
      if (Object.hasOwn(value, name)) checkValue(field.type, (value as Record<string, unknown>)[name], `${path}.${name}`);
    }
    return;
  }
  if (type.name === 'ID' && typeof value === 'string' && value.length > MAX_ID_LENGTH) {
    throw InvalidInputError.at(path, 'BAD_ID', `an id has at most ${MAX_ID_LENGTH} characters`, { maximum: MAX_ID_LENGTH });
  }
}
