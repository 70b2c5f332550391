import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { derivedSeatKey } from './seatTokens.js';

/**
 * The seat-token key from Secrets Manager, read once per Lambda instance on first
 * use (a join or a seat token's first check), not at cold start.
 */
export function secretSeatKey(secretArn: string, region: string): () => Promise<Uint8Array> {
  return async () => {
    const client = new SecretsManagerClient({ region });
    try {
      const out = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
      if (!out.SecretString || out.SecretString.length < 32) throw new Error('The seat token secret is missing or shorter than 32 characters');
      return derivedSeatKey(out.SecretString);
    } finally {
      client.destroy();
    }
  };
}
