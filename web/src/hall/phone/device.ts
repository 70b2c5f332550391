/**
 * This phone's random id, made once and kept: the API lets the device that joined a seat
 * join again with the same code (to recover its token after the browser's data was kept but
 * the session lost), and refuses any other device (SEAT_ALREADY_JOINED).
 */
const KEY = 'bxgc.device.v1';
let memory: string | null = null;

function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function deviceId(): string {
  try {
    const kept = localStorage.getItem(KEY);
    if (kept) return kept;
    const made = randomId();
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    // Private browsing without storage: one id for as long as the page lives.
    memory ??= randomId();
    return memory;
  }
}

/** A code as typed or read from a link: spaces and dashes dropped, letters upper case. */
export function normalizeCode(raw: string): string {
  return raw.replace(/[\s\-_·]/g, '').toUpperCase();
}

/** Join codes are 8 letters and digits. */
export const CODE_LENGTH = 8;

export function codeProblem(code: string): 'empty' | 'length' | 'chars' | null {
  if (code === '') return 'empty';
  if (!/^[A-Z0-9]+$/.test(code)) return 'chars';
  if (code.length !== CODE_LENGTH) return 'length';
  return null;
}
