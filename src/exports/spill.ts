import { randomUUID } from 'node:crypto';

/**
 * Where an export goes when it is too large to answer inline. A synchronous Lambda
 * response is capped at 6 MB (the whole JSON result, so the body's escaping counts), and
 * API Gateway passes nothing larger; such an export is stored and the client is sent a
 * short-lived link to it instead.
 */
export interface ExportSink {
  /** Exports whose Lambda response would be larger than this are stored instead of answered inline. */
  readonly inlineLimitBytes: number;
  /** Stores one finished export and returns a URL that serves it for a few minutes. */
  store(file: ExportFile): Promise<string>;
}

export interface ExportFile {
  /** The download's file name, e.g. `sheets-round_01.csv`. */
  fileName: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * Bodies whose JSON encoding (what Lambda actually returns) stays below this are answered
 * inline: well under the 6 MB cap, leaving room for headers and the result envelope.
 */
export const INLINE_LIMIT_BYTES = 4 * 1024 * 1024;

/** Long enough to start a download from a BI tool or a browser; short enough that a leaked link soon dies. */
export const LINK_LIFETIME_SECONDS = 300;

export function exceedsInlineLimit(body: string | Buffer, limit: number): boolean {
  // A binary body travels base64-encoded: four characters per three bytes.
  if (Buffer.isBuffer(body)) return Math.ceil(body.length / 3) * 4 > limit;
  // Cheap bound first: JSON escaping at most sextuples a character (\uXXXX), UTF-8 takes up to 3 bytes each.
  if (body.length * 3 < limit / 6) return false;
  return Buffer.byteLength(JSON.stringify(body)) > limit;
}

export interface S3ExportSinkOptions {
  bucket: string;
  region: string;
  linkLifetimeSeconds?: number;
}

/**
 * Writes exports to an S3 bucket (encrypted, with a short lifecycle, see infra/api.ts) and
 * answers with a presigned GET URL. The SDK modules are imported on the first large export
 * only, so they cost nothing at cold start.
 */
export function s3ExportSink(options: S3ExportSinkOptions): ExportSink {
  let ready: Promise<(file: ExportFile) => Promise<string>> | undefined;
  const connect = async () => {
    const [{ S3Client, PutObjectCommand, GetObjectCommand }, { getSignedUrl }] = await Promise.all([
      import('@aws-sdk/client-s3'),
      import('@aws-sdk/s3-request-presigner'),
    ]);
    const client = new S3Client({ region: options.region, maxAttempts: 3 });
    return async (file: ExportFile) => {
      const key = objectKey(file.fileName);
      const disposition = `attachment; filename="${file.fileName}"`;
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: key,
          Body: file.body,
          ContentType: file.contentType,
          ContentDisposition: disposition,
          ServerSideEncryption: 'AES256',
        }),
      );
      return getSignedUrl(client, new GetObjectCommand({ Bucket: options.bucket, Key: key, ResponseCacheControl: 'private, no-store' }), {
        expiresIn: options.linkLifetimeSeconds ?? LINK_LIFETIME_SECONDS,
      });
    };
  };
  return {
    inlineLimitBytes: INLINE_LIMIT_BYTES,
    async store(file) {
      ready ??= connect().catch((error: unknown) => {
        ready = undefined;
        throw error;
      });
      return (await ready)(file);
    },
  };
}

/** Unguessable and dated, so an operator can tell what a stray object was; the lifecycle rule removes them all. */
export function objectKey(fileName: string, now = new Date()): string {
  return `exports/${now.toISOString().slice(0, 10)}/${randomUUID()}/${fileName}`;
}
