import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function parseInstant(value: unknown): string {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError('DateTime must be an ISO-8601 UTC instant such as 2026-11-24T08:30:00Z');
  }
  return new Date(value).toISOString();
}

export const DateTime = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseInstant,
  parseLiteral: (ast) => parseInstant(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Decimal strings (exact in storage) become GraphQL Floats only at the edge. */
export const toFloat = (value: string | null | undefined) => (value === null || value === undefined ? null : Number(value));

/** A service page as a Relay connection. */
export const toConnection = <T>(page: { edges: T[]; hasNextPage: boolean; endCursor: string | null }) => ({
  edges: page.edges,
  pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
});
