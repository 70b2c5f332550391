import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isExternalId } from '../domain/ids.js';
import { InvalidInputError } from '../domain/errors.js';

z.config(en());

/**
 * Parses an argument with a zod schema; on failure every issue becomes a
 * BAD_USER_INPUT field issue whose path starts at the argument's name.
 */
export function parseArgument<T extends z.ZodMiniType>(schema: T, value: unknown, argument: string): z.infer<T> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new InvalidInputError(
    result.error.issues.map((issue) => ({
      path: [argument, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max)))),
    z.transform((v) => (v ? v : null)),
  );
export const externalId = z.string().check(z.refine(isExternalId, 'letters, digits and _ . @ : - only, at most 128, and not a reserved word such as constructor'));
export const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
export const count = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const MAX_PAGE = 200;
export const pageSize = z.pipe(z.optional(z.nullable(count(1, MAX_PAGE))), z.transform((v) => v ?? 50));

