import BigBase, { type Big } from 'big.js';
import type { Decimal } from './primitives.js';

/**
 * Decimal arithmetic for scores. A private big.js constructor keeps our precision
 * and rounding settings from leaking into (or being changed by) anyone else.
 */
const D = BigBase();
// Quotients (means) carry 30 places before the final half-up rounding to two:
// a mean of n marks is either exact well within that or cannot end in an exact 5.
D.DP = 30;
D.RM = BigBase.roundHalfUp;

export type { Big };

export function dec(value: Decimal | number): Big {
  return new D(value);
}

/** Canonical string for a finite JS number, e.g. 87.5 → "87.5"; throws on NaN/Infinity. */
export function fromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number');
  return canonical(new D(value));
}

/** Plain notation, no exponent, no trailing zeros: equal values give equal strings. */
export function canonical(value: Big): Decimal {
  return value.toFixed();
}

export function sum(values: readonly Big[]): Big {
  return values.reduce((acc, v) => acc.plus(v), new D(0));
}

export function mean(values: readonly Big[]): Big {
  if (values.length === 0) throw new RangeError('mean of nothing');
  return sum(values).div(values.length);
}

export function roundHalfUp(value: Big, places: number): Big {
  return value.round(places, BigBase.roundHalfUp);
}

/** Two decimals, half up (四舍五入), as published. */
export function round2(value: Big): Decimal {
  return canonical(roundHalfUp(value, 2));
}

export function toNumber(value: Decimal): number {
  return Number(value);
}
