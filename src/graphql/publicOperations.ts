import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode } from 'graphql';
import type { GraphQLContext } from './context.js';

/**
 * The operations citizens call without signing in, one of each per rating. The CDK stack's
 * web ACL limits them per address by matching these names in the request (infra/edge.ts).
 */
export const PUBLIC_RATING_OPERATIONS = ['submitRating', 'ratingForm'] as const;

/**
 * Refuses a public rating operation sent as a bare persisted-query hash: such a request
 * carries no operation name the web ACL could match, so it would pass the stricter rate
 * limit. The query text must come with it (BI tools keep their persisted queries).
 */
export function publicOperationsInFullPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          if (request.query) return;
          if (!rootFields(document).some((name) => (PUBLIC_RATING_OPERATIONS as readonly string[]).includes(name))) return;
          throw new GraphQLError('Send the query text with this operation: persisted queries are not accepted for public ratings', {
            extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', http: { status: 400 } },
          });
        },
      };
    },
  };
}

function rootFields(document: DocumentNode): string[] {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? definition.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []))
      : [],
  );
}
