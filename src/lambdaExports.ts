import { createExportApiHandler } from './handler.js';
import type { ApiHandler } from './graphqlHandler.js';
import { behindEdge, lambdaOptions } from './lambdaRuntime.js';

/**
 * AWS Lambda entry point for GET/HEAD /export/*: CSV, JSON Lines and XLSX. A function
 * of its own so that the spreadsheet library stays out of the GraphQL function's bundle.
 */
export const handler: ApiHandler = behindEdge(createExportApiHandler(lambdaOptions));
