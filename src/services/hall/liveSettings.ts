import type { LiveSettings } from '../../domain/hall.js';
import { SCORING_GATES } from '../../domain/hall.js';
import * as z from 'zod/mini';
import { count, decimalText, parseArgument } from '../validation.js';

const optional = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));
const settingsInput = z.object({
  scoringGate: optional(z.enum(SCORING_GATES)),
  pitchLimitSeconds: optional(count(10, 3 * 3600)),
  overtime: optional(z.object({ perSeconds: count(1, 3600), points: decimalText })),
  requireSignOff: optional(z.boolean()),
});

/** The given live settings over `current`: absent fields keep theirs, null clears a limit or rule. */
export function liveSettingsFrom(current: LiveSettings, input: unknown, path: string): LiveSettings {
  const parsed = parseArgument(settingsInput, input, path);
  return {
    scoringGate: parsed.scoringGate ?? current.scoringGate,
    pitchLimitSeconds: parsed.pitchLimitSeconds === undefined ? current.pitchLimitSeconds : parsed.pitchLimitSeconds,
    overtime: parsed.overtime === undefined ? current.overtime : parsed.overtime,
    requireSignOff: parsed.requireSignOff ?? current.requireSignOff,
  };
}
