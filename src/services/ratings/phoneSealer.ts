import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals a rater's phone number for storage: envelope encryption. The number is encrypted
 * with a data key (AES-256-GCM); the data key is stored beside it wrapped by the
 * deployment's key-encryption key — a KMS key in AWS, a key derived from the local signing
 * secret on one machine. Handlers see the masked number; `open` serves the audited reveal
 * the callback desk uses to dial.
 */
export interface PhoneSealer {
  seal(phone: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** Where data keys come from and how a stored (wrapped) one is unwrapped. */
export interface DataKeys {
  /** The format tag of the keys it wraps (`v1` local, `v2` KMS), so `open` can tell which unwraps. */
  readonly version: string;
  current(): Promise<{ plain: Buffer; wrapped: string }>;
  unwrap(wrapped: string): Promise<Buffer>;
}

export function createPhoneSealer(keys: DataKeys, fallback: readonly DataKeys[] = []): PhoneSealer {
  const byVersion = new Map([keys, ...fallback].map((k) => [k.version, k]));
  return {
    async seal(phone) {
      const key = await keys.current();
      return `${keys.version}.${key.wrapped}.${encrypt(key.plain, Buffer.from(phone, 'utf8'))}`;
    },
    async open(sealed) {
      const [version = '', wrapped = '', body = ''] = sealed.split('.');
      const source = byVersion.get(version);
      if (!source) throw new Error(`No key source for sealed phones of version ${version}`);
      return decrypt(await source.unwrap(wrapped), body).toString('utf8');
    },
  };
}

/**
 * Local data keys: a fresh one per number, wrapped with a key derived from the local
 * secret. In AWS the KMS key (src/crypto/kmsDataKeys.ts) takes this place; numbers sealed
 * locally stay readable locally.
 */
export function derivedDataKeys(secret: string | Uint8Array): DataKeys {
  const keyEncryptionKey = Buffer.from(hkdfSync('sha256', secret, 'bixue-ganchao', 'phone-sealing', 32));
  return {
    version: 'v1',
    async current() {
      const plain = randomBytes(32);
      return { plain, wrapped: encrypt(keyEncryptionKey, plain) };
    },
    async unwrap(wrapped) {
      return decrypt(keyEncryptionKey, wrapped);
    },
  };
}

function encrypt(key: Buffer, plain: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

function decrypt(key: Buffer, sealed: string): Buffer {
  const raw = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
}
