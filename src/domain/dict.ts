/**
 * Records keyed by user data (criterion keys, judge ids) must never reach
 * Object.prototype: `{}['constructor']` is a function, and `obj['__proto__'] = …`
 * replaces the prototype. Every such record is made without a prototype and read
 * through own properties only.
 */
export type Dict<T> = Record<string, T>;

/** A prototype-free record from entries. */
export function dictOf<T>(entries: Iterable<readonly [string, T]>): Dict<T> {
  const record = Object.create(null) as Dict<T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** The record's own value for `key`, never an inherited one. */
export function own<T>(record: Readonly<Dict<T>> | null | undefined, key: string): T | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Keys that name built-in members of every object (`constructor`, `toString`,
 * `__proto__`, …). Refused wherever a user-chosen string becomes a key.
 */
export function isReservedKey(key: string): boolean {
  return key in Object.prototype || key === 'prototype';
}
