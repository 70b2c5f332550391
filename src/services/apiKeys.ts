import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ulid } from 'ulid';
import { InvalidInputError, NotFoundError, UnauthenticatedError } from '../domain/errors.js';
import type { ApiKey, Viewer } from '../domain/model.js';
import type { Store } from '../store/index.js';
import * as z from 'zod/mini';
import { parseArgument, text } from './validation.js';

const scope = z.array(z.string().check(z.regex(/^comp_[0-9A-HJKMNP-TV-Z]{26}$/, 'not a competition id'))).check(z.minLength(1), z.maxLength(50));

/** `bxgc.<key id>.<secret>`: the id finds the record in one read; only a hash of the whole is stored. */
const SECRET = /^bxgc\.(apikey_[0-9A-HJKMNP-TV-Z]{26})\.([A-Za-z0-9_-]{43})$/;
/** Recording last use at most once a minute keeps a busy BI tool from costing a write per request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ApiKeyWithSecret {
  key: ApiKey;
  secret: string;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Read-only keys for BI tools: created and revoked by organizers, sent as `x-api-key`. */
export class ApiKeyService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** `expiresAt` arrives as a validated DateTime (or null: no expiry). */
  async create(viewer: Viewer, name: unknown, expiresAt: string | null | undefined, competitionIds?: readonly string[] | null): Promise<ApiKeyWithSecret> {
    const parsed = {
      name: parseArgument(text(100), name, 'name'),
      expiresAt: expiresAt ?? null,
      competitionIds: competitionIds ? parseArgument(scope, competitionIds, 'competitionIds') : null,
    };
    if (parsed.competitionIds) {
      const found = await this.store.competitions.getCompetitions(parsed.competitionIds);
      const missing = parsed.competitionIds.findIndex((id) => !found.has(id));
      if (missing >= 0) throw new NotFoundError('Competition', parsed.competitionIds[missing]!, `competitionIds.${missing}`);
    }
    if (parsed.expiresAt && Date.parse(parsed.expiresAt) <= this.now().getTime()) {
      throw InvalidInputError.at('expiresAt', 'NOT_IN_FUTURE', 'must be in the future');
    }
    const id = `apikey_${ulid()}`;
    const secret = `bxgc.${id}.${randomBytes(32).toString('base64url')}`;
    const key: ApiKey = {
      id,
      name: parsed.name,
      secretHash: hash(secret),
      createdBy: viewer.id,
      createdAt: this.now().toISOString(),
      expiresAt: parsed.expiresAt ?? null,
      revokedAt: null,
      lastUsedAt: null,
      competitionIds: parsed.competitionIds ? [...new Set(parsed.competitionIds)] : null,
    };
    await this.store.apiKeys.create(key);
    return { key, secret };
  }

  /** Only the key's creator may revoke it; anyone else's key is NOT_FOUND, as if it did not exist. */
  async revoke(viewer: Viewer, id: string): Promise<boolean> {
    if (!(await this.store.apiKeys.revoke(id, viewer.id, this.now().toISOString())).ok) throw new NotFoundError('ApiKey', id, 'id');
    return true;
  }

  /** The caller's own keys, newest first. */
  async list(viewer: Viewer): Promise<ApiKey[]> {
    return (await this.store.apiKeys.list(viewer.id)).reverse();
  }

  /** The caller an API key stands for (viewer rights), or UNAUTHENTICATED for an unknown, revoked or expired key. */
  async authenticate(secret: string): Promise<Viewer> {
    const match = SECRET.exec(secret.trim());
    const key = match ? await this.store.apiKeys.get(match[1]!) : null;
    const now = this.now();
    if (!key || !sameHash(key.secretHash, hash(secret.trim()))) throw new UnauthenticatedError('The API key is not valid');
    if (key.revokedAt) throw new UnauthenticatedError('The API key has been revoked');
    if (key.expiresAt && Date.parse(key.expiresAt) <= now.getTime()) throw new UnauthenticatedError('The API key has expired');
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) > TOUCH_INTERVAL_MS) {
      // Best effort: a failure to record use must not fail the read it accompanies.
      await this.store.apiKeys.touch(key.id, now.toISOString()).catch(() => undefined);
    }
    return { id: `apikey:${key.id}`, name: key.name, roles: ['viewer'], kind: 'apiKey', ...(key.competitionIds ? { competitionIds: key.competitionIds } : {}) };
  }
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
