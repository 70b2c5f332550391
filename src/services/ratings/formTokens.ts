import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { RatingScale } from '../../methods/ratings/levels.js';

/**
 * What the rating page was shown, signed by the API: the code it was opened with, the
 * point's unit, the campaign round and its rules. A rating carries it back, so the
 * write needs no read to know where it counts and what it may say (one request).
 */
export interface RatingFormClaims {
  code: string;
  pointId: string;
  unitId: string;
  roundId: string;
  scale: RatingScale;
  reasons: string[];
  callbackWorkingDays: number;
  rectificationWorkingDays: number;
  /** Seconds since the epoch. */
  expiresAt: number;
}

/** A form stays valid this long: time for a citizen to fill it in, not to hoard it. */
export const FORM_LIFETIME_SECONDS = 2 * 3600;

export interface FormTokens {
  sign(claims: RatingFormClaims): string;
  /** The claims of an authentic, unexpired form; null otherwise. */
  open(token: string, now: Date): RatingFormClaims | null;
  /** A single-use reference a counter's system prints with a service (一次一评), bound to one point. */
  signRef(pointId: string, serial: string): string;
  refValid(ref: string, pointId: string): boolean;
  /** An address as abuse control keeps it: a keyed hash that changes every day, never the address. */
  addressHash(address: string, day: string): string;
}

export function createFormTokens(secret: string | Uint8Array): FormTokens {
  const key = Buffer.from(hkdfSync('sha256', secret, 'bixue-ganchao', 'rating-forms', 32));
  const mac = (text: string) => createHmac('sha256', key).update(text).digest('base64url');
  const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
  return {
    sign(claims) {
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${body}.${mac(`form:${body}`)}`;
    },
    open(token, now) {
      const [body, signature, extra] = token.split('.');
      if (!body || !signature || extra !== undefined || !equal(signature, mac(`form:${body}`))) return null;
      try {
        const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as RatingFormClaims;
        return claims.expiresAt * 1000 > now.getTime() ? claims : null;
      } catch {
        return null;
      }
    },
    signRef(pointId, serial) {
      return `${serial}.${mac(`ref:${pointId}:${serial}`).slice(0, 16)}`;
    },
    refValid(ref, pointId) {
      const dot = ref.lastIndexOf('.');
      return dot > 0 && equal(ref.slice(dot + 1), mac(`ref:${pointId}:${ref.slice(0, dot)}`).slice(0, 16));
    },
    addressHash(address, day) {
      return mac(`addr:${day}:${address}`).slice(0, 22);
    },
  };
}
