import type { AppError } from '../domain/errors.js';
import type { Viewer } from '../domain/model.js';
import type { Services } from '../services/index.js';
import type { Loaders } from '../services/loaders.js';

export interface GraphQLContext {
  /** The authenticated caller, or null (then `authError` says why, if a credential was sent). */
  viewer: Viewer | null;
  authError: AppError | null;
  services: Services;
  loaders: Loaders;
  requestId: string;
  /** The caller's network address, for abuse control only (hashed with a daily key, never stored). */
  clientAddress: string | null;
}
