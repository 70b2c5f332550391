import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context.js';

export const NOT_MODIFIED = 'NOT_MODIFIED';

/**
 * HTTP caching for published leaderboards. A published round never changes, so a
 * query whose only root field is `leaderboard` of a published round gets an ETag
 * (round version × document × variables × caller) and Cache-Control; a request
 * with a matching If-None-Match is answered 304 after one read (the round), before
 * anything executes.
 */
export function leaderboardCachePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let etag: string | null = null;
      return {
        async didResolveOperation({ operation, request, contextValue }) {
          const roundId = operation ? leaderboardRoundId(operation, request.variables ?? {}) : null;
          if (!roundId || !contextValue.viewer) return;
          // A failed read is left for the resolver to meet and report; caching just steps aside.
          const round = await contextValue.loaders.round.load(roundId).catch(() => null);
          if (round?.status !== 'PUBLISHED') return;
          etag = `"${createHash('sha256')
            .update([round.id, round.version, round.resultsFinalizedAt, request.query ?? request.extensions?.persistedQuery, JSON.stringify(request.variables ?? {}), contextValue.viewer.id].join('\u0000'))
            .digest('base64url')
            .slice(0, 32)}"`;
          const presented = request.http?.headers.get('if-none-match')?.split(/,\s*/) ?? [];
          if (presented.includes(etag)) {
            throw new GraphQLError('Not modified', { extensions: { code: NOT_MODIFIED, http: { status: 304, headers: cacheHeaders(etag) } } });
          }
        },
        async willSendResponse({ response }) {
          if (!etag || response.body.kind !== 'single' || response.body.singleResult.errors) return;
          for (const [name, value] of cacheHeaders(etag)) response.http.headers.set(name, value);
        },
      };
    },
  };
}

function cacheHeaders(etag: string): HeaderMap {
  return new HeaderMap([
    ['etag', etag],
    ['cache-control', 'private, max-age=86400'],
  ]);
}

/** The round id when the operation's only root field (besides __typename) is `leaderboard`. */
function leaderboardRoundId(operation: OperationDefinitionNode, variables: Record<string, unknown>): string | null {
  if (operation.operation !== 'query') return null;
  const roots = operation.selectionSet.selections.filter((s) => s.kind !== Kind.FIELD || s.name.value !== '__typename');
  const field = roots[0];
  if (roots.length !== 1 || field?.kind !== Kind.FIELD) return null;
  if (field.name.value !== 'leaderboard') return null;
  const arg = field.arguments?.find((a) => a.name.value === 'roundId')?.value;
  if (arg?.kind === Kind.STRING) return arg.value;
  if (arg?.kind === Kind.VARIABLE && typeof variables[arg.name.value] === 'string') return variables[arg.name.value] as string;
  return null;
}
