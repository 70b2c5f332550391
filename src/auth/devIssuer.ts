import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Role } from '../domain/model.js';
import { viewerFromClaims, type TokenVerifier } from './claims.js';

/**
 * The local token issuer: an ES256 key pair kept in the data directory, so that
 * tokens printed by `npm run token` keep working across restarts of `npm start`.
 */
export const DEV_ISSUER = 'bixue-ganchao-local';
export const DEV_AUDIENCE = 'bixue-ganchao-api';
const ALGORITHM = 'ES256';
const KEY_FILE = 'dev-signing-key.json';
/** The longest a local token may live (the issuer's default); a token claiming more is refused. */
export const MAX_TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;
const CLOCK_TOLERANCE_SECONDS = 60;

export interface DevKeyPair {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function loadOrCreateDevKey(dataDir: string): Promise<DevKeyPair> {
  const path = join(dataDir, KEY_FILE);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as DevKeyPair;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = await generateDevKey();
  await mkdir(dataDir, { recursive: true });
  // `wx`: if another process created the key meanwhile, keep theirs.
  await writeFile(path, JSON.stringify(pair), { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  return JSON.parse(await readFile(path, 'utf8')) as DevKeyPair;
}

export async function generateDevKey(): Promise<DevKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return { privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) };
}

export interface TokenRequest {
  sub: string;
  name: string;
  roles: readonly Role[];
  /** Lifetime, e.g. `12h`; default 7 days so a demo survives an event. */
  expiresIn?: string;
}

export async function issueDevToken(privateJwk: JWK, request: TokenRequest): Promise<string> {
  const key = await importJWK(privateJwk, ALGORITHM);
  return new SignJWT({ name: request.name, roles: [...request.roles] })
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '7d')
    .sign(key);
}

export function createDevVerifier(publicJwk: JWK): TokenVerifier {
  const keyPromise = importJWK(publicJwk, ALGORITHM);
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await keyPromise, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: [ALGORITHM],
          // A token without an expiry, issued in the future or older than the longest
          // lifetime is refused, and so is one that claims a longer life than that.
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS,
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        });
        if (payload.exp! - payload.iat! > MAX_TOKEN_LIFETIME_SECONDS) throw new UnauthenticatedError('The token claims a longer lifetime than allowed');
        return viewerFromClaims(payload);
      } catch (error) {
        if (error instanceof UnauthenticatedError) throw error;
        throw new UnauthenticatedError('The token is invalid or expired');
      }
    },
  };
}
