import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

/**
 * The header CloudFront adds to every request it forwards to the API (a custom origin
 * header, which replaces any value a viewer sends under the same name).
 */
export const ORIGIN_SECRET_HEADER = 'x-origin-verify';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * Refuses requests that did not come through the CloudFront distribution: the
 * execute-api URL stays reachable on the internet, and without this check anyone
 * could bypass the WAF and the edge's rate limits by calling it directly. The
 * comparison is constant-time over digests, so neither the value nor its length
 * leaks through timing.
 */
export function requireOriginSecret(secret: string, handler: Handler): Handler {
  const expected = digest(secret);
  return async (event, context) => {
    const presented = event.headers?.[ORIGIN_SECRET_HEADER];
    if (presented === undefined || !timingSafeEqual(digest(presented), expected)) return refused();
    // The secret is not for the code behind the guard (nor for its logs).
    const headers = { ...event.headers };
    delete headers[ORIGIN_SECRET_HEADER];
    return handler({ ...event, headers }, context);
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function refused(): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 403,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ errors: [{ message: 'Requests reach this API through its web origin', extensions: { code: 'FORBIDDEN', reason: 'ORIGIN' } }] }),
  };
}
