/**
 * Dollars per million operations from what was measured: DynamoDB capacity units
 * reported per request, and the handler's own duration as Lambda's billed time.
 */

/** AWS list prices (us-east-1, on-demand) the estimate uses. */
export const PRICES = {
  dynamodbPerMillionWriteRequestUnits: 0.625,
  dynamodbPerMillionReadRequestUnits: 0.125,
  apiGatewayHttpApiPerMillionRequests: 1.0,
  lambdaArm64PerMillionRequests: 0.2,
  lambdaArm64PerGbSecond: 0.0000133334,
  lambdaMemoryMb: 1024,
} as const;

export const ASSUMPTIONS = [
  'Prices: AWS us-east-1 list prices, on-demand, no free tier, no volume tiers beyond the first.',
  'DynamoDB: request units as DynamoDB Local reports them in ConsumedCapacity (item sizes as stored here); on-demand bills 1 write unit per KB written (2 in a transaction) and 1 read unit per 4 KB read strongly consistent (0.5 eventually consistent, 2 in a transaction).',
  'DynamoDB: transactions cancelled by a lost optimistic race report no consumed capacity here, and DynamoDB Local was seen to report half the write units for some committed submission transactions under contention, so contended submission costs are a lower bound.',
  'API Gateway: HTTP API, one request per GraphQL operation, first 300 million per month ($1.00 per million), requests ≤ 512 KB.',
  'Lambda: arm64, 1024 MB, one invocation per request, warm; billed duration = the handler time measured on this machine against DynamoDB Local, rounded up to 1 ms per invocation — a proxy: AWS network latency to DynamoDB and the arm64 CPU differ.',
  'Not included: data transfer, CloudWatch logs and metrics, DynamoDB storage, backups and streams, cold starts, Cognito.',
] as const;

export interface CostInput {
  readUnits: number;
  writeUnits: number;
  /** Mean billed Lambda duration per request, in ms. */
  billedMs: number;
}

export interface CostPerMillion {
  dynamodb: number;
  apiGateway: number;
  lambdaRequests: number;
  lambdaDuration: number;
  total: number;
}

export function costPerMillion(input: CostInput): CostPerMillion {
  const dynamodb = input.writeUnits * PRICES.dynamodbPerMillionWriteRequestUnits + input.readUnits * PRICES.dynamodbPerMillionReadRequestUnits;
  const apiGateway = PRICES.apiGatewayHttpApiPerMillionRequests;
  const lambdaRequests = PRICES.lambdaArm64PerMillionRequests;
  const gbSeconds = (input.billedMs / 1000) * (PRICES.lambdaMemoryMb / 1024) * 1_000_000;
  const lambdaDuration = gbSeconds * PRICES.lambdaArm64PerGbSecond;
  return { dynamodb, apiGateway, lambdaRequests, lambdaDuration, total: dynamodb + apiGateway + lambdaRequests + lambdaDuration };
}
