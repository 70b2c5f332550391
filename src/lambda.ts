import { createGraphqlHandler, type ApiHandler } from './graphqlHandler.js';
import { behindEdge, lambdaOptions } from './lambdaRuntime.js';

/** AWS Lambda entry point: API Gateway HTTP API (payload 2.0) → GraphQL. */
export const handler: ApiHandler = behindEdge(createGraphqlHandler(lambdaOptions));
