import { fromNumber } from '../domain/decimal.js';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { isExternalId } from '../domain/ids.js';
import { InvalidInputError, ISSUE_CODES, type FieldIssue, type IssueCode, type IssueParams } from '../domain/errors.js';

z.config(en());

/**
 * Parses an argument with a zod schema; on failure every issue becomes a
 * BAD_USER_INPUT field issue whose path starts at the argument's name.
 */
export function parseArgument<T extends z.ZodMiniType>(schema: T, value: unknown, argument: string): z.infer<T> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  throw new InvalidInputError(result.error.issues.map((issue) => fieldIssue(argument, issue)));
}

type ZodIssue = z.core.$ZodIssue;

/** A zod issue as one of our issue codes, with the parameters a client needs to word it. */
function fieldIssue(argument: string, issue: ZodIssue): FieldIssue {
  const path = [argument, ...issue.path.map(String)].join('.');
  const { code, params } = codeOf(issue);
  return params ? { path, code, params, message: issue.message } : { path, code, message: issue.message };
}

function codeOf(issue: ZodIssue): { code: IssueCode; params?: IssueParams } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return { code: 'REQUIRED' };
      if (issue.expected === 'int') return { code: 'NOT_INTEGER' };
      return { code: 'WRONG_TYPE', params: { expected: issue.expected } };
    case 'too_small':
      return { code: sizeCode(issue.origin, 'TOO_SHORT', 'TOO_SMALL', 'TOO_FEW'), params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: sizeCode(issue.origin, 'TOO_LONG', 'TOO_BIG', 'TOO_MANY'), params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'NOT_ONE_OF', params: { options: issue.values.map(String) } };
    case 'invalid_format':
      return { code: 'BAD_FORMAT', params: { format: issue.format } };
    case 'not_multiple_of':
      return { code: 'NOT_MULTIPLE_OF_STEP', params: { step: String(issue.divisor) } };
    case 'custom': {
      // Our refinements name their code in `params.code`.
      const code = issue.params?.code;
      return { code: isIssueCode(code) ? code : 'BAD_FORMAT' };
    }
    default:
      return { code: 'BAD_FORMAT' };
  }
}

function sizeCode(origin: string, text: IssueCode, number: IssueCode, list: IssueCode): IssueCode {
  if (origin === 'string') return text;
  if (origin === 'array' || origin === 'set') return list;
  return number;
}

const isIssueCode = (value: unknown): value is IssueCode => typeof value === 'string' && (ISSUE_CODES as readonly string[]).includes(value);

export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(max)))),
    z.transform((v) => (v ? v : null)),
  );
export const externalId = z.string().check(
  z.refine(isExternalId, {
    message: 'letters, digits and _ . @ : - only, at most 128, and not a reserved word such as constructor',
    params: { code: 'BAD_ID' },
  }),
);
export const finite = z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number', params: { code: 'NOT_FINITE' } }));
export const count = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

export const MAX_PAGE = 200;
export const pageSize = z.pipe(
  z.optional(z.nullable(count(1, MAX_PAGE))),
  z.transform((v) => v ?? 50),
);

/** A key chosen by organizers (an evaluator class): letters, digits, _ or -, never a reserved word. */
export const classKey = z.string().check(
  z.refine((value) => /^[A-Za-z0-9_-]{1,40}$/.test(value), { message: 'letters, digits, _ or - only, at most 40', params: { code: 'BAD_ID' } }),
  z.refine(isExternalId, { message: 'not a reserved word such as constructor', params: { code: 'RESERVED_WORD' } }),
);

/** A number sent as a GraphQL Float, kept as a canonical decimal string from here on. */
export const decimalText = z.pipe(
  z.number().check(z.refine(Number.isFinite, { message: 'must be a finite number', params: { code: 'NOT_FINITE' } })),
  z.transform((value) => fromNumber(value)),
);
