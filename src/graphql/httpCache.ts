import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { GraphQLContext } from './context.js';

export const NOT_MODIFIED = 'NOT_MODIFIED';

/**
 * Fields whose values can change after a round is published: the competition (its
 * name and description are editable; its version goes into the tag) and live
 * directory data (a unit's parent, a judge's unit). A document selecting the latter
 * is not cached at all.
 */
const MUTABLE_AFTER_PUBLISH = new Set(['parent', 'judges']);

/**
 * HTTP caching for published leaderboards. A published round never changes, so a
 * query whose only root field is `leaderboard` of a published round gets an ETag
 * (round version × document or persisted-query hash × variables × caller, and the
 * competition's version when it is selected) and Cache-Control; a request with a
 * matching If-None-Match is answered 304 after one or two reads, before anything executes.
 */
export function leaderboardCachePlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      let etag: string | null = null;
      return {
        async didResolveOperation({ document, operation, request, contextValue }) {
          const roundId = operation ? leaderboardRoundId(operation, request.variables ?? {}) : null;
          if (!roundId || !contextValue.viewer) return;
          const selected = selectedFieldNames(document);
          if ([...MUTABLE_AFTER_PUBLISH].some((name) => selected.has(name))) return;
          // A failed read is left for the resolver to meet and report; caching just steps aside.
          const round = await contextValue.loaders.round.load(roundId).catch(() => null);
          if (round?.status !== 'PUBLISHED') return;
          const competition = selected.has('competition') ? await contextValue.loaders.competition.load(round.competitionId).catch(() => null) : null;
          const persisted = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
          const documentTag = request.query ?? (typeof persisted === 'string' ? `sha256:${persisted}` : null);
          if (!documentTag || (selected.has('competition') && !competition)) return;
          etag = `"${createHash('sha256')
            .update(
              [
                round.id,
                round.version,
                round.resultsFinalizedAt,
                competition?.version ?? '-',
                documentTag,
                JSON.stringify(request.variables ?? {}),
                contextValue.viewer.id,
              ].join('\u0000'),
            )
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

/** Every field name the document selects, fragments included. */
function selectedFieldNames(document: DocumentNode): Set<string> {
  const names = new Set<string>();
  visit(document, {
    Field(node) {
      names.add(node.name.value);
    },
  });
  return names;
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
