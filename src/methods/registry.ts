/**
 * Every assessment method, by kind. Adding a method is one folder under
 * `src/methods/` and one line here; the `satisfies` clause makes a kind without a
 * method a compile error.
 */
import type { MethodConfig, MethodKind } from '../domain/method.js';
import type { Round } from '../domain/model.js';
import type { AssessmentMethod, BoundMethod, MethodFactory, MethodPorts } from './method.js';
import { indicatorsMethod } from './indicators/index.js';
import { panelMethod } from './panel/index.js';
import { ratingsMethod } from './ratings/index.js';

export const METHODS = {
  PANEL: panelMethod,
  INDICATORS: indicatorsMethod,
  PUBLIC_RATING: ratingsMethod,
} as const satisfies Record<MethodKind, MethodFactory>;

/** The methods, built once over the services' ports. */
export interface Methods {
  of(kind: MethodKind): AssessmentMethod;
  /** The round's method bound to its configuration. */
  forRound(round: Round): BoundMethod;
  /** The GraphQL type that shows a configuration. */
  graphqlTypeOf(config: MethodConfig): string;
}

export function createMethods(ports: MethodPorts, factories: Readonly<Record<MethodKind, MethodFactory>> = METHODS): Methods {
  const built = new Map((Object.entries(factories) as [MethodKind, MethodFactory][]).map(([kind, factory]) => [kind, factory(ports)]));
  const of = (kind: MethodKind) => {
    const method = built.get(kind);
    if (!method) throw new Error(`No assessment method ${kind}`);
    return method;
  };
  // Field resolvers ask once per entry for the same round object: bind it once.
  const bound = new WeakMap<Round, BoundMethod>();
  return {
    of,
    forRound(round) {
      const found = bound.get(round);
      if (found) return found;
      const method = of(round.method.kind).bind(round);
      bound.set(round, method);
      return method;
    },
    graphqlTypeOf: (config) => of(config.kind).graphqlType,
  };
}
