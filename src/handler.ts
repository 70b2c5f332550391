import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { TokenVerifier } from './auth/claims.js';
import { AppError, UnauthenticatedError } from './domain/errors.js';
import type { GraphQLContext } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { createLoaders } from './graphql/loaders.js';
import { costExtensionPlugin, requestLogPlugin, type Logger } from './graphql/plugins.js';
import { buildResolvers, typeDefs } from './graphql/schema.js';
import { createServices } from './services/index.js';
import { createStore, type Dynamo, type TableNames } from './store/index.js';
import { CostMeter, runWithMeter } from './store/meter.js';

export interface HandlerOptions {
  dynamo: Dynamo;
  tables: TableNames;
  verifier: TokenVerifier;
  /** Outside production: `extensions.cost` on every response and introspection on. */
  development: boolean;
  logger: Logger;
  now?: () => Date;
}

export type GraphQLHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The one composition root. The Lambda entry point and the local server both
 * call this, so they run the same code for every request.
 */
export function createGraphQLHandler(options: HandlerOptions): GraphQLHandler {
  const services = createServices(createStore(options.dynamo, options.tables), options.now);
  const server = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: buildResolvers(),
    introspection: options.development,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    formatError,
    plugins: [
      requestLogPlugin(options.logger),
      ...(options.development ? [costExtensionPlugin()] : []),
      // No Apollo Studio reporting or tracing, and no HTML landing page: this is a JSON API.
      // Disabling them explicitly also keeps their code out of the request path.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });

  const lambdaHandler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event }): Promise<GraphQLContext> => {
      const { viewer, authError } = await authenticate(options.verifier, event.headers?.authorization);
      return {
        viewer,
        authError,
        services,
        loaders: createLoaders(services.store, viewer?.id ?? null),
        requestId: event.requestContext?.requestId ?? crypto.randomUUID(),
      };
    },
  });

  return (event, context) =>
    runWithMeter(new CostMeter(), async () => (await lambdaHandler(event, context, () => {})) as APIGatewayProxyStructuredResultV2);
}

async function authenticate(verifier: TokenVerifier, header: string | undefined) {
  if (!header) return { viewer: null, authError: null };
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match) return { viewer: null, authError: new UnauthenticatedError('Authorization must be "Bearer <token>"') };
  try {
    return { viewer: await verifier.verify(match[1]!), authError: null };
  } catch (error) {
    if (error instanceof AppError) return { viewer: null, authError: error };
    throw error;
  }
}
