import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * Query limits against abusive documents, from graphql-armor. The figures leave
 * room for the heaviest legitimate queries (a judge's assignments with entries,
 * sheets and marks; a leaderboard page of 200 rows) and little beyond.
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxCost: 20_000,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3_000,
} as const;

export function queryLimits() {
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true },
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // Token counting is graphql-js's own parser option (see `parseOptions`), so a syntax
    // error stays GRAPHQL_PARSE_FAILED instead of armor's re-parse reporting it as validation.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}

/** graphql-js parse options: the parser itself stops after `maxTokens` tokens. */
export const PARSE_OPTIONS = { maxTokens: QUERY_LIMITS.maxTokens } as const;
