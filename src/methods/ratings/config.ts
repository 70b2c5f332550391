import { ConflictError } from '../../domain/errors.js';
import type { MethodConfig } from '../../domain/method.js';
import type { Round } from '../../domain/model.js';
import type { RatingsConfig } from './model.js';

export const isRatings = (config: MethodConfig): config is RatingsConfig => config.kind === 'PUBLIC_RATING';

/** The round as a ratings campaign round; a round of another method is refused with CONFLICT WRONG_METHOD. */
export function asRatingsRound(round: Round): Round<RatingsConfig> {
  if (!isRatings(round.method)) throw new ConflictError(`The round is assessed by ${round.method.kind}, not by citizens' ratings`, 'WRONG_METHOD');
  return round as Round<RatingsConfig>;
}
