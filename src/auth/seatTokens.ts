import { createHash, hkdfSync } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Viewer } from '../domain/model.js';
import type { TokenVerifier } from './claims.js';

/**
 * Tokens of judge seats joined by code. They are signed by the API itself (HS256 with
 * a key kept in Secrets Manager when deployed, in the data directory locally), carry
 * the seat and round they act for, and are checked against the seat on every request
 * (revoked, re-issued or round closed: refused).
 */
export const SEAT_ISSUER = 'bixue-ganchao-seat';
const AUDIENCE = 'bixue-ganchao-api';
const ALGORITHM = 'HS256';
/** A seat token outlives no hall session: the seat check ends it at close anyway. */
export const SEAT_TOKEN_LIFETIME_SECONDS = 3 * 24 * 3600;

export interface SeatClaims {
  /** The seat's judge id (`seat-<id>`). */
  sub: string;
  name: string;
  roundId: string;
  seatId: string;
  /** A digest of the join code the token was issued under: a re-issued seat voids older tokens. */
  generation: string;
}

export interface SeatTokens {
  issue(claims: SeatClaims, now: Date): Promise<{ token: string; expiresAt: Date }>;
  /** The claims of a valid, unexpired seat token; UNAUTHENTICATED otherwise. */
  verify(token: string): Promise<SeatClaims>;
}

/** Whether a bearer token claims to be a seat token (unverified: only to route it to its verifier). */
export function isSeatToken(token: string): boolean {
  try {
    return decodeJwt(token).iss === SEAT_ISSUER;
  } catch {
    return false;
  }
}

export const generationOf = (joinCode: string) => createHash('sha256').update(`seat:${joinCode}`).digest('base64url').slice(0, 16);

/** A seat-token key derived from another deployment secret (tests, and a local run without its own key file). */
export function derivedSeatKey(secret: string | Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'bixue-ganchao', 'seat-tokens', 32));
}

export function createSeatTokens(loadKey: () => Promise<Uint8Array>, now: () => Date = () => new Date()): SeatTokens {
  let key: Promise<Uint8Array> | null = null;
  const keyOnce = () => {
    key ??= loadKey().catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
  return {
    async issue(claims, now) {
      const expiresAt = new Date(now.getTime() + SEAT_TOKEN_LIFETIME_SECONDS * 1000);
      const token = await new SignJWT({ name: claims.name, roundId: claims.roundId, seatId: claims.seatId, generation: claims.generation })
        .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(SEAT_ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(await keyOnce());
      return { token, expiresAt };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, await keyOnce(), {
          issuer: SEAT_ISSUER,
          audience: AUDIENCE,
          algorithms: [ALGORITHM],
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: SEAT_TOKEN_LIFETIME_SECONDS,
          currentDate: now(),
        });
        const { sub, name, roundId, seatId, generation } = payload as Partial<SeatClaims>;
        if (![sub, name, roundId, seatId, generation].every((v) => typeof v === 'string')) throw new Error('claims');
        return { sub: sub!, name: name!, roundId: roundId!, seatId: seatId!, generation: generation! };
      } catch {
        throw new UnauthenticatedError('The seat token is invalid or expired');
      }
    },
  };
}

/** A verifier that sends seat tokens to `seatViewer` and every other token to `verifier`. */
export function withSeatTokens(verifier: TokenVerifier, seatViewer: (token: string) => Promise<Viewer>): TokenVerifier {
  return { verify: (token) => (isSeatToken(token) ? seatViewer(token) : verifier.verify(token)) };
}
