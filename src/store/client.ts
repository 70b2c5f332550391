import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InitializeMiddleware, MetadataBearer } from '@smithy/types';
import { currentMeter, type ConsumedCapacityLike } from '../meter.js';

export type Dynamo = DynamoDBDocumentClient;

/** A middleware to add to the client's stack (tests use this to inject faults). */
export interface InitializeMiddlewareEntry {
  middleware: unknown;
  options: { step: 'initialize' | 'serialize' | 'build' | 'finalizeRequest' | 'deserialize'; name: string; priority?: 'high' | 'normal' | 'low' };
}

const REPORTS_CAPACITY = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
  'TransactGetItemsCommand',
  'TransactWriteItemsCommand',
]);

/** Asks DynamoDB for consumed capacity and books each request on the current request's meter. */
// biome-ignore lint/suspicious/noExplicitAny: the middleware sees every command's input type.
const meteringMiddleware: InitializeMiddleware<any, MetadataBearer> = (next, context) => async (args) => {
  const operation = context.commandName ?? 'unknown';
  const input = args.input as { ReturnConsumedCapacity?: string };
  if (REPORTS_CAPACITY.has(operation) && input.ReturnConsumedCapacity === undefined) {
    input.ReturnConsumedCapacity = 'TOTAL';
  }
  try {
    const result = await next(args);
    const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacityLike | ConsumedCapacityLike[] }).ConsumedCapacity;
    currentMeter()?.record(operation, consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed]);
    return result;
  } catch (error) {
    currentMeter()?.record(operation, []);
    throw error;
  }
};

/**
 * Throttling, 5xx and timeouts are retried by the SDK's standard strategy
 * (exponential backoff with full jitter) up to `maxAttempts`; past that the error
 * surfaces and the API answers SERVICE_UNAVAILABLE. Timeouts keep a stuck
 * connection from eating the Lambda's whole budget: DynamoDB answers in
 * milliseconds, so a second without a response means a lost connection, and a
 * fresh attempt is the faster way out. The whole budget (DYNAMO_WORST_CASE_MS)
 * must fit inside the function's timeout; infra/settings.ts refuses one that is shorter.
 */
export const DYNAMO_DEFAULTS = {
  maxAttempts: 3,
  requestHandler: { connectionTimeout: 500, requestTimeout: 1_000 },
} satisfies DynamoDBClientConfig;

/**
 * The standard strategy's back-off ceiling before retry i (0-based): the throttling base
 * (1 s, larger than the 50 ms base for other errors) doubled per retry. Full jitter draws
 * below it.
 */
const THROTTLING_BACKOFF_BASE_MS = 1_000;

/** The longest one DynamoDB call can take: every attempt times out and every back-off is at its ceiling. */
export function worstCaseMs(defaults: { maxAttempts: number; requestHandler: { connectionTimeout: number; requestTimeout: number } }): number {
  const perAttempt = defaults.requestHandler.connectionTimeout + defaults.requestHandler.requestTimeout;
  let backoff = 0;
  for (let retry = 0; retry < defaults.maxAttempts - 1; retry++) backoff += THROTTLING_BACKOFF_BASE_MS * 2 ** retry;
  return defaults.maxAttempts * perAttempt + backoff;
}

export const DYNAMO_WORST_CASE_MS = worstCaseMs(DYNAMO_DEFAULTS);

export function createDynamo(config: DynamoDBClientConfig, extraMiddleware: readonly InitializeMiddlewareEntry[] = []): Dynamo {
  const client = new DynamoDBClient({ ...DYNAMO_DEFAULTS, ...config });
  for (const entry of extraMiddleware) client.middlewareStack.add(entry.middleware as never, entry.options as never);
  client.middlewareStack.add(meteringMiddleware, { step: 'initialize', name: 'costMeter', priority: 'high' });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
