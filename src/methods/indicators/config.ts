import { ConflictError } from '../../domain/errors.js';
import type { MethodConfig } from '../../domain/method.js';
import type { Round } from '../../domain/model.js';
import type { IndicatorsConfig } from './model.js';

export const isIndicators = (config: MethodConfig): config is IndicatorsConfig => config.kind === 'INDICATORS';

/** The round as an indicator assessment, for the method's own use cases; another method's round is refused with CONFLICT WRONG_METHOD. */
export function asIndicatorsRound(round: Round): Round<IndicatorsConfig> {
  if (!isIndicators(round.method)) throw new ConflictError(`The round is assessed by ${round.method.kind}, not by indicators`, 'WRONG_METHOD');
  return round as Round<IndicatorsConfig>;
}

/** A period: a year, a half (H1/H2), a quarter (Q1–Q4) or a month, e.g. 2026, 2026-H1, 2026-Q2, 2026-05. */
export const PERIOD = /^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;

export const DEFAULT_BOARDS = { red: 10, black: 5, mostImproved: 5 } as const;
