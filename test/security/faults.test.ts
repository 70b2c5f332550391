import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { DYNAMO_DEFAULTS, type InitializeMiddlewareEntry } from '../../src/store/client.js';
import { entryKey } from '../../src/store/keys.js';
import { createTestApi, type TestApi } from '../support/api.js';
import { ok, openRound, submit } from '../support/scenario.js';

/**
 * Faults injected inside the SDK's retry loop (the deserialize step runs once per
 * attempt), shaped as DynamoDB reports them. The plan says, per command, how many
 * of the next attempts fail and how.
 */
type Fault = 'throttle' | 'server' | 'timeout';
const plan = new Map<string, { fault: Fault; remaining: number }>();
const attempts = new Map<string, number>();

function faultError(fault: Fault): Error {
  const shapes = {
    throttle: { name: 'ThrottlingException', $fault: 'client', $metadata: { httpStatusCode: 400 } },
    server: { name: 'InternalServerError', $fault: 'server', $metadata: { httpStatusCode: 500 } },
    timeout: { name: 'TimeoutError', $fault: 'client', $metadata: {} },
  } as const;
  return Object.assign(new Error(`injected ${fault}`), shapes[fault]);
}

const injector: InitializeMiddlewareEntry = {
  middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
    const command = context.commandName ?? '';
    attempts.set(command, (attempts.get(command) ?? 0) + 1);
    const planned = plan.get(command);
    if (planned && planned.remaining > 0) {
      planned.remaining--;
      throw faultError(planned.fault);
    }
    return next(args);
  },
  options: { step: 'deserialize', name: 'faultInjector' },
};

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi({ middleware: [injector] });
});

function inject(command: string, fault: Fault, times: number) {
  plan.clear();
  attempts.clear();
  plan.set(command, { fault, remaining: times });
}

async function entryVersion(entryId: string) {
  const [roundId, keyPart] = [entryId.slice(0, entryId.indexOf('.')), entryId.slice(entryId.indexOf('.') + 1)];
  return (await api.dynamo.send(new GetCommand({ TableName: api.tables.competitions, Key: entryKey(roundId, keyPart), ConsistentRead: true }))).Item!.version;
}

const MARKS = [
  { criterion: 'vision', score: 10 },
  { criterion: 'results', score: 10 },
  { criterion: 'innovation', score: 10 },
  { criterion: 'delivery', score: 10 },
  { criterion: 'qa', score: 10 },
];

describe('injected DynamoDB faults', () => {
  it('retries a transient throttle, a 5xx and a timeout with backoff and succeeds, writing once', async () => {
    const s = await openRound(api, { entries: 1, judges: 1 });
    for (const fault of ['throttle', 'server', 'timeout'] as const) {
      inject('TransactWriteItemsCommand', fault, 2);
      const before = await entryVersion(s.entryIds[0]!);
      ok(await submit(api, s.judges[0]!.token, s.entryIds[0]!, MARKS));
      expect(attempts.get('TransactWriteItemsCommand')).toBe(3);
      expect(await entryVersion(s.entryIds[0]!)).toBe(before + 1);
    }
  });

  it('gives up after the bounded attempts with SERVICE_UNAVAILABLE and writes nothing', async () => {
    const s = await openRound(api, { entries: 1, judges: 1 });
    inject('TransactWriteItemsCommand', 'throttle', 100);
    const refused = await submit(api, s.judges[0]!.token, s.entryIds[0]!, MARKS);
    expect(refused.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(refused.errors?.[0]?.message).not.toMatch(/injected|Throttling/);
    expect(attempts.get('TransactWriteItemsCommand')).toBe(DYNAMO_DEFAULTS.maxAttempts);
    plan.clear();
    // Version 1 is the snapshot opening stored: no sheet was written.
    expect(await entryVersion(s.entryIds[0]!)).toBe(1);

    for (const [command, fault] of [
      ['BatchGetItemCommand', 'server'],
      ['QueryCommand', 'timeout'],
    ] as const) {
      inject(command, fault, 100);
      const read = await api.gql(`query($r: ID!) { leaderboard(roundId: $r) { totalCount } }`, { r: s.roundId }, s.viewer);
      expect(read.errors?.[0]?.extensions.code, command).toBe('SERVICE_UNAVAILABLE');
      expect(read.status).toBeLessThan(500);
    }
    plan.clear();
  });
});
