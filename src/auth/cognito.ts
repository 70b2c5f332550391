import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { Jwks } from 'aws-jwt-verify/jwk';
import { UnauthenticatedError } from '../domain/errors.js';
import { viewerFromCognitoClaims, type TokenVerifier } from './claims.js';

export interface CognitoSettings {
  userPoolId: string;
  clientId: string;
  /** Preloaded keys (tests, or a cold start that already has them); otherwise fetched from Cognito once and cached. */
  jwks?: Jwks;
}

/**
 * Verifies Cognito ID or access tokens of one user pool and app client: signature
 * (RS256 from the pool's JWKS), issuer, audience/client id, token use, expiry.
 * Roles come from the user's `cognito:groups`.
 */
export function createCognitoVerifier(settings: CognitoSettings): TokenVerifier {
  const verifier = CognitoJwtVerifier.create({ userPoolId: settings.userPoolId, clientId: settings.clientId, tokenUse: null });
  if (settings.jwks) verifier.cacheJwks(settings.jwks);
  return {
    async verify(token) {
      let payload: unknown;
      try {
        payload = await verifier.verify(token);
      } catch {
        throw new UnauthenticatedError('The token is invalid or expired');
      }
      return viewerFromCognitoClaims(payload);
    },
  };
}
