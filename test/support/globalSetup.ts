import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { TestProject } from 'vitest/node';
import { LOCAL_AWS, startDynamoLocal, type LocalDynamo } from '../../src/local/dynamoLocal.js';
import { ensureTables } from '../../src/store/bootstrap.js';
import { tableNamesFor } from '../../src/store/tables.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tablePrefix: string;
  }
}

/** One in-memory DynamoDB Local for the whole run, with the project's tables created once. */
let dynamo: LocalDynamo | undefined;

export async function setup(project: TestProject): Promise<void> {
  dynamo = await startDynamoLocal();
  const tablePrefix = 'test';
  const admin = new DynamoDBClient({ ...LOCAL_AWS, endpoint: dynamo.endpoint });
  await ensureTables(admin, tableNamesFor(tablePrefix));
  admin.destroy();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tablePrefix', tablePrefix);
}

export async function teardown(): Promise<void> {
  await dynamo?.stop();
}
