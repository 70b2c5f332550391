import { NotFoundError } from '../domain/errors.js';

/**
 * Finding a version of a versioned thing (a rubric, an indicator set) for a round to
 * pin: the one the organizer saw, or the latest; NOT_FOUND at `path` otherwise.
 */
export class VersionLookup<T> {
  constructor(
    private readonly store: { get(id: string, version?: number): Promise<T | null> },
    private readonly kind: string,
  ) {}

  async requireVersion(id: string, version: number, path: string): Promise<T> {
    const found = await this.store.get(id, version);
    if (!found) throw new NotFoundError(this.kind, `${id} version ${version}`, path);
    return found;
  }

  async requireLatest(id: string, path: string): Promise<T> {
    const found = await this.store.get(id);
    if (!found) throw new NotFoundError(this.kind, id, path);
    return found;
  }
}
