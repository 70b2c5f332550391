/** Beijing time (UTC+8, no daylight saving): what a notice period's end is stated in. */
const OFFSET_MS = 8 * 3600_000;

export interface BeijingMoment {
  year: number;
  month: number;
  day: number;
  /** "HH:mm"; midnight is "24:00" of the day before, as a notice says 「12月11日 24:00」. */
  time: string;
}

export function beijingMoment(iso: string): BeijingMoment {
  const ms = Date.parse(iso);
  const at = new Date(ms + OFFSET_MS);
  const midnight = at.getUTCHours() === 0 && at.getUTCMinutes() === 0 && at.getUTCSeconds() === 0 && at.getUTCMilliseconds() === 0;
  const day = midnight ? new Date(ms + OFFSET_MS - 1) : at;
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: day.getUTCFullYear(),
    month: day.getUTCMonth() + 1,
    day: day.getUTCDate(),
    time: midnight ? '24:00' : `${two(at.getUTCHours())}:${two(at.getUTCMinutes())}`,
  };
}
