import type { RatingLevel, RatingReceipt } from './api';

/**
 * What the rating page keeps on the phone: a random device id (one rating per device, point
 * and day without a counter's ref), the citizen's unsent entry (so nothing typed is lost to a
 * reload, a dropped network or a new QR code of the same point) and today's receipt.
 * Storage may be unavailable (private browsing): then everything lasts for the page only.
 */

const memory = new Map<string, string>();

function read(store: 'local' | 'session', key: string): string | null {
  try {
    return (store === 'local' ? localStorage : sessionStorage).getItem(key);
  } catch {
    return memory.get(`${store}:${key}`) ?? null;
  }
}

function write(store: 'local' | 'session', key: string, value: string | null): void {
  try {
    const target = store === 'local' ? localStorage : sessionStorage;
    if (value === null) target.removeItem(key);
    else target.setItem(key, value);
  } catch {
    if (value === null) memory.delete(`${store}:${key}`);
    else memory.set(`${store}:${key}`, value);
  }
}

function parse<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** This phone's random id, made once. */
export function deviceId(): string {
  const known = read('local', 'rate.device');
  if (known && known.length >= 16) return known;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
  write('local', 'rate.device', id);
  return id;
}

/** Today in Beijing, YYYY-MM-DD: the day the API counts "once a day" by. */
export function beijingDay(at = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export interface Draft {
  level: RatingLevel | null;
  reasons: string[];
  comment: string;
  phone: string;
}

/** A draft older than this is not brought back. */
const DRAFT_LIFETIME_MS = 24 * 3600_000;

/**
 * The unsent entry for a point (kept by point, not by code, so that it survives a rotated QR
 * code). The phone number stays in this tab's session storage only.
 */
export function loadDraft(pointId: string): Draft | null {
  const saved = parse<Omit<Draft, 'phone'> & { at: number }>(read('local', `rate.draft.${pointId}`));
  if (!saved || Date.now() - saved.at > DRAFT_LIFETIME_MS) return null;
  return {
    level: saved.level ?? null,
    reasons: Array.isArray(saved.reasons) ? saved.reasons.filter((r) => typeof r === 'string') : [],
    comment: typeof saved.comment === 'string' ? saved.comment : '',
    phone: read('session', `rate.phone.${pointId}`) ?? '',
  };
}

export function saveDraft(pointId: string, draft: Draft): void {
  const { phone, ...rest } = draft;
  write('local', `rate.draft.${pointId}`, JSON.stringify({ ...rest, at: Date.now() }));
  write('session', `rate.phone.${pointId}`, phone || null);
}

export function clearDraft(pointId: string): void {
  write('local', `rate.draft.${pointId}`, null);
  write('session', `rate.phone.${pointId}`, null);
}

/** Today's receipt for a point, shown again if the citizen comes back to rate it. */
export function saveReceipt(pointId: string, receipt: RatingReceipt): void {
  write('local', `rate.receipt.${pointId}`, JSON.stringify({ id: receipt.id, day: beijingDay() }));
}

export function todaysReceipt(pointId: string): string | null {
  const saved = parse<{ id: string; day: string }>(read('local', `rate.receipt.${pointId}`));
  return saved && saved.day === beijingDay() && typeof saved.id === 'string' ? saved.id : null;
}
