import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
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

/**
 * Creates whichever tables are missing and adds indexes a newer definition has
 * gained (local runtime and tests; AWS uses CDK). Returns what it changed.
 */
export async function ensureTables(client: DynamoDBClient, names: TableNames): Promise<string[]> {
  const changes: string[] = [];
  for (const table of TABLE_NAMES) {
    const name = names[table];
    const definition = TABLES[table];
    const existing = await describe(client, name);
    if (!existing) {
      await client.send(new CreateTableCommand(createTableInput(definition, name)));
      await waitUntilTableExists({ client, maxWaitTime: 60 }, { TableName: name });
      changes.push(`created ${name}`);
      continue;
    }
    const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const wanted = createTableInput(definition, name);
    // DynamoDB adds one index per UpdateTable call.
    for (const index of wanted.GlobalSecondaryIndexes ?? []) {
      if (present.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: wanted.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } }],
        }),
      );
      await waitUntilIndexActive(client, name, index.IndexName!);
      changes.push(`added ${index.IndexName} to ${name}`);
    }
  }
  return changes;
}

async function describe(client: DynamoDBClient, name: string) {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilIndexActive(client: DynamoDBClient, table: string, index: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const status = (await describe(client, table))?.GlobalSecondaryIndexes?.find((g) => g.IndexName === index)?.IndexStatus;
    if (status === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`index ${index} on ${table} did not become active`);
}
