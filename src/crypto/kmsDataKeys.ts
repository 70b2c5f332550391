import { DecryptCommand, GenerateDataKeyCommand, KMSClient } from '@aws-sdk/client-kms';
import type { DataKeys } from '../services/ratings/phoneSealer.js';

/** How long one data key seals numbers before the next is asked for: KMS is called once per period, not per rating. */
const DATA_KEY_LIFETIME_MS = 5 * 60_000;
/** Unwrapped data keys kept for reveals (each covers up to a period of one instance's ratings). */
const UNWRAPPED_CACHE = 256;
/** Binds each data key to its purpose: KMS refuses to unwrap it for anything else. */
const ENCRYPTION_CONTEXT = { purpose: 'rating-phone' };

/**
 * Data keys from a KMS key (the CDK stack's PhoneKey): GenerateDataKey once per
 * DATA_KEY_LIFETIME_MS per Lambda instance, the wrapped copy stored with every number it
 * seals, Decrypt only when the callback desk reveals a number. The rating path itself stays
 * one DynamoDB request; KMS is asked at most once per instance and period.
 */
export function kmsDataKeys(keyId: string, region: string, now: () => number = Date.now): DataKeys {
  const client = new KMSClient({ region });
  let cached: { plain: Buffer; wrapped: string; until: number } | null = null;
  let pending: Promise<{ plain: Buffer; wrapped: string; until: number }> | null = null;
  const unwrapped = new Map<string, Buffer>();
  return {
    version: 'v2',
    async current() {
      if (cached && cached.until > now()) return cached;
      pending ??= client
        .send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: ENCRYPTION_CONTEXT }))
        .then((out) => {
          if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS returned no data key');
          cached = { plain: Buffer.from(out.Plaintext), wrapped: Buffer.from(out.CiphertextBlob).toString('base64url'), until: now() + DATA_KEY_LIFETIME_MS };
          return cached;
        })
        .finally(() => {
          pending = null;
        });
      return pending;
    },
    async unwrap(wrapped) {
      const known = unwrapped.get(wrapped);
      if (known) return known;
      const out = await client.send(
        new DecryptCommand({ KeyId: keyId, CiphertextBlob: Buffer.from(wrapped, 'base64url'), EncryptionContext: ENCRYPTION_CONTEXT }),
      );
      if (!out.Plaintext) throw new Error('KMS returned no plaintext');
      const plain = Buffer.from(out.Plaintext);
      if (unwrapped.size >= UNWRAPPED_CACHE) unwrapped.delete(unwrapped.keys().next().value!);
      unwrapped.set(wrapped, plain);
      return plain;
    },
  };
}
