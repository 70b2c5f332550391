import { InvalidInputError } from '../domain/errors.js';
import type { MethodKind } from '../domain/method.js';
import type { AssessmentMethod, MethodFactory } from './method.js';

/**
 * A kind the contract already names (so clients can prepare for it) but that is not
 * built yet: choosing it is refused with METHOD_NOT_AVAILABLE and nothing is written.
 * No stored round can have it, so reading one is a corrupt item.
 */
export function announced(kind: MethodKind, graphqlType: string): MethodFactory {
  const refuse = (path: string) => InvalidInputError.at(`${path}.kind`, 'METHOD_NOT_AVAILABLE', `the ${kind} method is not available yet`, { value: kind });
  const corrupt = () => new Error(`A stored round names the unavailable method ${kind}`);
  return (): AssessmentMethod => ({
    kind,
    judged: false,
    graphqlType,
    configure: async (_, path) => {
      throw refuse(path);
    },
    reconfigure: async (_, __, path) => {
      throw refuse(path);
    },
    emptyAggregate: () => ({}),
    bind: () => {
      throw corrupt();
    },
  });
}
