import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Attribution, not a target: the AWS SDK clients the Lambda constructs at start-up,
 * bundled the same way (the SDK stays external and loads from node_modules, as the
 * runtime's copy would), so its share of the Lambda's import time is visible.
 */
const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION ?? 'local' }));

export const handler = async () => ({ statusCode: 200, body: String(typeof client.send) });
