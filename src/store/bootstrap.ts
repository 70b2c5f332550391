import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
  type CreateTableCommandInput,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { TABLES, TABLE_NAMES, keyAttributes, type TableDefinition, type TableNames } from './tables.js';

/** CreateTable input for a definition: on-demand, every index projecting all attributes. */
export function createTableInput(def: TableDefinition, name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes(def).map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: def.partitionKey, KeyType: 'HASH' },
      { AttributeName: def.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes:
      def.indexes.length === 0
        ? undefined
        : def.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          })),
  };
}

/** Creates whichever tables are missing (local runtime and tests; AWS uses CDK). Returns the names it created. */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<string[]> {
  const created: string[] = [];
  for (const table of TABLE_NAMES) {
    const name = names[table];
    if (await exists(client, name)) continue;
    await client.send(new CreateTableCommand(createTableInput(TABLES[table], name)));
    await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
    created.push(name);
  }
  return created;
}

async function exists(client: DynamoDBClient, name: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: name }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
