import { ConflictError } from './errors.js';
import type { RoundStatus } from './model.js';

/** A round only moves forward: DRAFT → OPEN → CLOSED → PUBLISHED. */
export const TRANSITIONS = {
  open: { from: 'DRAFT', to: 'OPEN' },
  close: { from: 'OPEN', to: 'CLOSED' },
  publish: { from: 'CLOSED', to: 'PUBLISHED' },
} as const satisfies Record<string, { from: RoundStatus; to: RoundStatus }>;

export type RoundAction = keyof typeof TRANSITIONS;

export function assertTransition(action: RoundAction, current: RoundStatus): RoundStatus {
  const { from, to } = TRANSITIONS[action];
  if (current !== from) {
    throw new ConflictError(`Cannot ${action} a round that is ${current}; it must be ${from}`, 'ROUND_STATUS');
  }
  return to;
}

export function assertStatus(current: RoundStatus, allowed: readonly RoundStatus[], doing: string): void {
  if (!allowed.includes(current)) {
    throw new ConflictError(`Cannot ${doing} while the round is ${current}`, 'ROUND_STATUS');
  }
}
