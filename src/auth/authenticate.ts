import { AppError, UnauthenticatedError } from '../domain/errors.js';
import type { Viewer } from '../domain/model.js';
import type { TokenVerifier } from './claims.js';

export interface ApiKeyAuthenticator {
  authenticate(secret: string): Promise<Viewer>;
}

export interface Authentication {
  viewer: Viewer | null;
  /** Why a credential that was sent was refused (no credential at all is not an error until a field needs one). */
  authError: AppError | null;
}

/** A bearer token (people) or an `x-api-key` (BI tools), from API Gateway's lower-cased headers. */
export async function authenticate(
  verifier: TokenVerifier,
  apiKeys: ApiKeyAuthenticator,
  headers: Record<string, string | undefined>,
): Promise<Authentication> {
  const authorization = headers.authorization;
  const apiKey = headers['x-api-key'];
  try {
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!match) throw new UnauthenticatedError('Authorization must be "Bearer <token>"');
      return { viewer: await verifier.verify(match[1]!), authError: null };
    }
    if (apiKey) return { viewer: await apiKeys.authenticate(apiKey), authError: null };
    return { viewer: null, authError: null };
  } catch (error) {
    if (error instanceof AppError) return { viewer: null, authError: error };
    throw error;
  }
}
