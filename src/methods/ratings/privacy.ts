/**
 * Citizens' phone numbers on ratings: personal data, stored normalized and shown masked.
 */

/** Longer text is not a phone number; it is refused before any work. */
const MAX_INPUT = 64;
/** Spaces (any Unicode white space) and dashes people type inside a number. */
const SEPARATORS = /[\s\-‐‑‒–—−]/gu;
const MAINLAND_MOBILE = /^(?:\+86|0086)?(1[3-9]\d{9})$/;

/**
 * The 11 digits of a mainland China mobile number (1 then 3–9, then nine digits),
 * or null. Allows spaces and dashes anywhere, a +86 or 0086 prefix, and full-width
 * characters (１３８, ＋, －), which NFKC folds to ASCII.
 */
export function normalizePhone(text: string): string | null {
  if (text.length > MAX_INPUT) return null;
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  return MAINLAND_MOBILE.exec(compact)?.[1] ?? null;
}

/**
 * '13812345678' → '138****5678': the first three and last four digits. Accepts
 * anything normalizePhone does; throws a RangeError (without echoing the text,
 * which may be personal data) for anything else.
 */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  if (digits === null) throw new RangeError('not a mainland mobile number');
  return `${digits.slice(0, 3)}****${digits.slice(7)}`;
}
