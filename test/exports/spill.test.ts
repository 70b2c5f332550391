import { S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createDevVerifier } from '../../src/auth/devIssuer.js';
import { exceedsInlineLimit, INLINE_LIMIT_BYTES, objectKey, s3ExportSink, type ExportFile, type ExportSink } from '../../src/exports/spill.js';
import { createApiHandler, type ApiHandler } from '../../src/handler.js';
import { lambdaContext } from '../../src/local/http.js';
import { apiGatewayEvent, createTestApi, type TestApi } from '../support/api.js';
import { FIVE_CRITERIA, ok, openRound, submit, type Scenario } from '../support/scenario.js';

/** Keeps what it is given and answers with a fake link; the limit is set so that a test round exceeds it. */
class MemorySink implements ExportSink {
  readonly stored: ExportFile[] = [];
  inlineLimitBytes = 0;
  async store(file: ExportFile) {
    this.stored.push(file);
    return `https://exports.example.org/${this.stored.length}/${file.fileName}?X-Amz-Signature=abc`;
  }
}

describe('exceedsInlineLimit', () => {
  it('measures the JSON-encoded body, escaping included', () => {
    expect(INLINE_LIMIT_BYTES).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(exceedsInlineLimit('a'.repeat(98), 100)).toBe(false);
    expect(exceedsInlineLimit('a'.repeat(99), 100)).toBe(true);
    // Quotes and newlines double in JSON; 中 is three bytes of UTF-8.
    expect(exceedsInlineLimit('"'.repeat(50), 100)).toBe(true);
    expect(exceedsInlineLimit('中'.repeat(32), 100)).toBe(false);
    expect(exceedsInlineLimit('中'.repeat(33), 100)).toBe(true);
  });
});

describe('s3ExportSink', () => {
  it('puts the file under an unguessable dated key and answers with a GET link that expires in five minutes', async () => {
    const sent: any[] = [];
    const send = vi.spyOn(S3Client.prototype, 'send').mockImplementation(async (command: any) => {
      sent.push(command.input);
      return {};
    });
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIAEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret');
    try {
      const sink = s3ExportSink({ bucket: 'bxgc-exports-test', region: 'ap-east-1' });
      const url = new URL(await sink.store({ fileName: 'sheets-r1.csv', contentType: 'text/csv; charset=utf-8', body: 'a,b\n' }));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({
        Bucket: 'bxgc-exports-test',
        Body: 'a,b\n',
        ContentType: 'text/csv; charset=utf-8',
        ContentDisposition: 'attachment; filename="sheets-r1.csv"',
        ServerSideEncryption: 'AES256',
      });
      expect(sent[0].Key).toMatch(/^exports\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/sheets-r1\.csv$/);
      expect(url.hostname).toBe('bxgc-exports-test.s3.ap-east-1.amazonaws.com');
      expect(url.pathname).toBe(`/${sent[0].Key}`);
      expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
      expect(url.searchParams.get('response-cache-control')).toBe('private, no-store');
    } finally {
      send.mockRestore();
      vi.unstubAllEnvs();
    }
  });

  it('names objects so that two exports never collide', () => {
    const day = new Date('2026-05-01T08:00:00Z');
    expect(objectKey('a.csv', day)).not.toBe(objectKey('a.csv', day));
    expect(objectKey('a.csv', day).startsWith('exports/2026-05-01/')).toBe(true);
  });
});

describe('an export too large to answer inline', () => {
  let api: TestApi;
  let s: Scenario;
  let sink: MemorySink;
  let handler: ApiHandler;

  beforeAll(async () => {
    api = await createTestApi();
    s = await openRound(api, { entries: 3, judges: 2 });
    for (const entryId of s.entryIds) {
      for (const judge of s.judges)
        ok(
          await submit(
            api,
            judge.token,
            entryId,
            FIVE_CRITERIA.map((c) => ({ criterion: c.key, score: c.maxScore })),
          ),
        );
    }
    ok(await api.gql(`mutation($id: ID!) { closeRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    ok(await api.gql(`mutation($id: ID!) { publishRound(id: $id) { id } }`, { id: s.roundId }, s.organizer));
    sink = new MemorySink();
    handler = createApiHandler({
      dynamo: api.dynamo,
      tables: api.tables,
      verifier: createDevVerifier(api.keys.publicJwk),
      development: true,
      logger: { info: () => {}, error: (message, fields) => console.error(message, fields) },
      cursorKey: 'k'.repeat(48),
      exportSink: sink,
    });
  });

  function exportEvent(path: string, method: 'GET' | 'HEAD' = 'GET') {
    const event = apiGatewayEvent({ method: 'GET', headers: { authorization: `Bearer ${s.organizer}` } });
    return { ...event, rawPath: path, requestContext: { ...event.requestContext, http: { ...event.requestContext.http, method, path } } };
  }
  const get = (path: string, method: 'GET' | 'HEAD' = 'GET') => handler(exportEvent(path, method), lambdaContext());
  /** What Lambda would return for the body: its JSON encoding. */
  const encodedSize = (body: string | undefined) => Buffer.byteLength(JSON.stringify(body ?? ''));
  const sheetsPath = () => `/export/rounds/${s.roundId}/sheets.csv`;
  const standingsPath = () => `/export/competitions/${s.competitionId}/standings.json`;

  it('is stored and answered with 303 to a link nobody caches, with the same content an inline answer would have', async () => {
    // Without a sink (locally) the same export is answered inline.
    const inline = await api.handler(exportEvent(sheetsPath()), lambdaContext());
    const small = await api.handler(exportEvent(standingsPath()), lambdaContext());
    expect([inline.statusCode, small.statusCode]).toEqual([200, 200]);
    expect(encodedSize(small.body)).toBeLessThan(encodedSize(inline.body));
    sink.inlineLimitBytes = encodedSize(inline.body) - 1;

    const result = await get(sheetsPath());
    expect(result.statusCode).toBe(303);
    expect(result.headers).toEqual({ location: expect.stringMatching(/^https:\/\/exports\.example\.org\/\d+\/sheets-.+\.csv\?/), 'cache-control': 'no-store' });
    expect(result.body).toBe('');
    const file = sink.stored.at(-1)!;
    expect(file).toEqual({ fileName: `sheets-${s.roundId}.csv`, contentType: 'text/csv; charset=utf-8', body: inline.body });
  });

  it('keeps small exports and HEAD requests inline', async () => {
    const before = sink.stored.length;
    const head = await get(sheetsPath(), 'HEAD');
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    const small = await get(standingsPath());
    expect(small.statusCode).toBe(200);
    expect(encodedSize(small.body)).toBeLessThanOrEqual(sink.inlineLimitBytes);
    expect(sink.stored.length).toBe(before);
  });
});
