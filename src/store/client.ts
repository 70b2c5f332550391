import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InitializeMiddleware, MetadataBearer } from '@smithy/types';
import { currentMeter, type ConsumedCapacityLike } from './meter.js';

export type Dynamo = DynamoDBDocumentClient;

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

export function createDynamo(config: DynamoDBClientConfig): Dynamo {
  const client = new DynamoDBClient(config);
  client.middlewareStack.add(meteringMiddleware, { step: 'initialize', name: 'costMeter', priority: 'high' });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
