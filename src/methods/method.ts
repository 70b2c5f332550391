/**
 * The interface every assessment method implements, and the ports it is given.
 * The core's use cases (rounds, lifecycle, results, leaderboards, exports) reach a
 * method only through this interface, looked up by the round's `method.kind` in the
 * registry (`registry.ts`).
 */
import type { MethodConfig, MethodKind } from '../domain/method.js';
import type { Round, Rubric } from '../domain/model.js';
import type { IndicatorSet } from './indicators/model.js';
import type { RoundScoring } from '../domain/roundScoring.js';
import type { StoredEntry } from '../store/entries.js';
import type { Store } from '../store/index.js';

/** A library of versioned things a round pins (rubrics, indicator sets). */
export interface Versions<T> {
  requireVersion(id: string, version: number, path: string): Promise<T>;
  requireLatest(id: string, path: string): Promise<T>;
}

/** What a method's configuration may refer to, resolved by the core's services. */
export interface MethodPorts {
  store: Store;
  rubrics: Versions<Rubric>;
  indicatorSets: Versions<IndicatorSet>;
}

/** A round's method, bound to the round's configuration. */
export interface BoundMethod {
  readonly scoring: RoundScoring;
  /**
   * The entries with their aggregate rebuilt from the stored evidence items alone
   * (sheets, values, ratings), not from the aggregate itself: what verification
   * recomputes and compares. `evidenceCount` is how many items were read.
   */
  rebuild(entries: readonly StoredEntry[]): Promise<{ entries: StoredEntry[]; evidenceCount: number }>;
  /** Whatever each entry must record as the round opens (the sheets expected of it, say); versions are the caller's. */
  prepareOpening(entries: readonly StoredEntry[]): Promise<StoredEntry[]>;
  /**
   * For a method whose evidence lands outside the entries (sharded counters), the
   * entries with that evidence folded in: before the results are finalised, and when an
   * organizer refreshes a live leaderboard. Absent: the entries are always current.
   */
  collect?(entries: readonly StoredEntry[]): Promise<StoredEntry[]>;
}

export interface AssessmentMethod {
  readonly kind: MethodKind;
  /** Whether judges score its rounds: such a round needs a panel of at least one before it opens. */
  readonly judged: boolean;
  /** The GraphQL object type, a member of the `RoundMethod` union, that shows the configuration. */
  readonly graphqlType: string;
  /**
   * The configuration of a new round from the per-kind fields of its input
   * (`RoundMethodInput`, or the legacy top-level fields); every problem is a
   * BAD_USER_INPUT issue under `path`.
   */
  configure(fields: Readonly<Record<string, unknown>>, path: string): Promise<MethodConfig>;
  /** A DRAFT round's configuration with the fields given changed. */
  reconfigure(round: Round, fields: Readonly<Record<string, unknown>>, path: string): Promise<MethodConfig>;
  /** The method's aggregate on a new entry, before any evidence. */
  emptyAggregate(): object;
  bind(round: Round): BoundMethod;
}

/** Builds a method from the ports it needs. */
export type MethodFactory = (ports: MethodPorts) => AssessmentMethod;
