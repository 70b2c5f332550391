import type { DataKeys } from './services/ratings/phoneSealer.js';
import { publicOperationsInFullPlugin } from './graphql/publicOperations.js';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { authenticate } from './auth/authenticate.js';
import type { TokenVerifier } from './auth/claims.js';
import { withSeatTokens } from './auth/seatTokens.js';
import type { ExportSink } from './exports/spill.js';
import type { GraphQLContext } from './graphql/context.js';
import { formatError } from './graphql/errors.js';
import { leaderboardCachePlugin } from './graphql/httpCache.js';
import { PARSE_OPTIONS, queryLimits } from './graphql/limits.js';
import { costExtensionPlugin, requestLogPlugin, type Logger } from './graphql/plugins.js';
import { buildResolvers, typeDefs } from './graphql/schema.js';
import { createServices, type Services } from './services/index.js';
import { createStore, type Dynamo, type TableNames } from './store/index.js';
import { CostMeter, runWithMeter } from './meter.js';

/** API Gateway accepts larger bodies; no legitimate GraphQL request here comes near this. */
export const MAX_REQUEST_BYTES = 1024 * 1024;

export interface HandlerOptions {
  dynamo: Dynamo;
  tables: TableNames;
  verifier: TokenVerifier;
  /** Outside production: `extensions.cost` on every response and introspection on. */
  development: boolean;
  logger: Logger;
  /** Secret (≥ 32 bytes) that signs pagination cursors; the same for every instance of a deployment. */
  cursorKey: string | Uint8Array;
  now?: () => Date;
  /** Where exports too large for a Lambda response are stored (S3 when deployed); without one they are answered inline. */
  exportSink?: ExportSink;
  /** The key that signs judge-seat tokens (see ServiceOptions.seatTokenKey). */
  seatTokenKey?: () => Promise<Uint8Array>;
  /** Data keys that seal raters' phone numbers (see ServiceOptions.phoneKeys). */
  phoneKeys?: DataKeys;
}

export type ApiHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** The services one deployment's handlers share. */
export function servicesFor(options: HandlerOptions): Services {
  return createServices(createStore(options.dynamo, options.tables), {
    cursorKey: options.cursorKey,
    ...(options.now ? { now: options.now } : {}),
    ...(options.seatTokenKey ? { seatTokenKey: options.seatTokenKey } : {}),
    ...(options.phoneKeys ? { phoneKeys: options.phoneKeys } : {}),
  });
}

/**
 * /graphql: Apollo Server behind the request-size guard, each request metered.
 * The GraphQL Lambda runs this alone (src/lambda.ts), so its bundle carries no
 * export code; src/handler.ts puts it beside the exports for the local server.
 */
export function createGraphqlHandler(options: HandlerOptions, services: Services = servicesFor(options)): ApiHandler {
  const limits = queryLimits();
  const server = new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers: buildResolvers(),
    introspection: options.development,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: PARSE_OPTIONS,
    formatError,
    // Any of these non-simple headers proves a request is not a cross-site form post;
    // BI tools sending GET with an API key need no extra preflight header.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization', 'x-api-key'] },
    plugins: [
      ...limits.plugins,
      leaderboardCachePlugin(),
      publicOperationsInFullPlugin(),
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

  // Seat tokens (judges who joined by code) are the API's own; every other token goes to the configured verifier.
  const verifier = withSeatTokens(options.verifier, (token) => services.seats.viewerOf(token));
  const lambdaHandler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event }): Promise<GraphQLContext> => {
      const { viewer, authError } = await authenticate(verifier, services.apiKeys, event.headers ?? {});
      return {
        viewer,
        authError,
        services,
        loaders: services.loadersFor(viewer),
        requestId: event.requestContext?.requestId ?? crypto.randomUUID(),
        // Behind CloudFront the client is the first address of X-Forwarded-For; API Gateway's source is the edge.
        clientAddress: (event.headers?.['x-forwarded-for'] ?? '').split(',')[0]?.trim() || event.requestContext?.http?.sourceIp || null,
      };
    },
  });

  return guarded(async (event, context) => asJsonError((await lambdaHandler(event, context, () => {})) as APIGatewayProxyStructuredResultV2));
}

/** Every handler: bodies over the limit refused before any work, and DynamoDB use metered per request. */
export function guarded(handler: ApiHandler): ApiHandler {
  return (event, context) => {
    if (bodyBytes(event) > MAX_REQUEST_BYTES) return Promise.resolve(badRequest(413, 'Request body larger than 1 MB'));
    return runWithMeter(new CostMeter(), () => handler(event, context));
  };
}

/**
 * Apollo answers requests it cannot parse (malformed JSON, wrong method or media
 * type) in plain text; clients get the same JSON error shape as everywhere else.
 */
function asJsonError(result: APIGatewayProxyStructuredResultV2): APIGatewayProxyStructuredResultV2 {
  if (result.statusCode === 304) return { ...result, body: '' };
  const contentType = String(result.headers?.['content-type'] ?? '');
  if ((result.statusCode ?? 200) < 400 || contentType.includes('json')) return result;
  return {
    ...badRequest(result.statusCode!, (result.body ?? 'Bad request').trim()),
    headers: { ...result.headers, 'content-type': 'application/json; charset=utf-8' },
  };
}

function bodyBytes(event: APIGatewayProxyEventV2): number {
  if (!event.body) return 0;
  return event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body);
}

function badRequest(statusCode: number, message: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }),
  };
}
