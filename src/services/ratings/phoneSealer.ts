import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals a rater's phone number for storage: envelope encryption, a fresh data key per
 * number (AES-256-GCM) wrapped by the deployment's key-encryption key. Handlers see the
 * masked number only; nothing here decrypts (the callback desk's reveal, audited, is a
 * separate step not built yet).
 */
export interface PhoneSealer {
  seal(phone: string): string;
}

export function createPhoneSealer(secret: string | Uint8Array): PhoneSealer {
  const keyEncryptionKey = Buffer.from(hkdfSync('sha256', secret, 'bixue-ganchao', 'phone-sealing', 32));
  const encrypt = (key: Buffer, plain: Buffer) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  };
  return {
    seal(phone) {
      const dataKey = randomBytes(32);
      return `v1.${encrypt(keyEncryptionKey, dataKey)}.${encrypt(dataKey, Buffer.from(phone, 'utf8'))}`;
    },
  };
}
