import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the DynamoDB requests and capacity one GraphQL operation consumes.
 * The meter rides on AsyncLocalStorage so that the shared SDK client can find the
 * meter of whichever request is running without threading it through every call.
 */
export class CostMeter {
  dynamodbRequests = 0;
  readCapacityUnits = 0;
  writeCapacityUnits = 0;
  readonly operations: string[] = [];

  record(operation: string, consumed: readonly ConsumedCapacityLike[]): void {
    this.dynamodbRequests += 1;
    this.operations.push(operation);
    for (const c of consumed) {
      // Transactions and batches report per table; capacity is read or write by operation.
      const read = c.ReadCapacityUnits ?? (isWrite(operation) ? 0 : (c.CapacityUnits ?? 0));
      const write = c.WriteCapacityUnits ?? (isWrite(operation) ? (c.CapacityUnits ?? 0) : 0);
      this.readCapacityUnits += read;
      this.writeCapacityUnits += write;
    }
  }

  snapshot(): { dynamodbRequests: number; readCapacityUnits: number; writeCapacityUnits: number; requestsByOperation: Record<string, number> } {
    const requestsByOperation: Record<string, number> = {};
    for (const operation of this.operations) {
      const name = operation.replace(/Command$/, '');
      requestsByOperation[name] = (requestsByOperation[name] ?? 0) + 1;
    }
    return {
      dynamodbRequests: this.dynamodbRequests,
      readCapacityUnits: round(this.readCapacityUnits),
      writeCapacityUnits: round(this.writeCapacityUnits),
      requestsByOperation,
    };
  }
}

export interface ConsumedCapacityLike {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand']);
const isWrite = (operation: string) => WRITES.has(operation);
const round = (n: number) => Math.round(n * 100) / 100;

const storage = new AsyncLocalStorage<CostMeter>();

export function runWithMeter<T>(meter: CostMeter, fn: () => T): T {
  return storage.run(meter, fn);
}

export function currentMeter(): CostMeter | undefined {
  return storage.getStore();
}
