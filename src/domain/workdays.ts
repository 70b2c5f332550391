/**
 * The Chinese working-day calendar (工作日): weekends, statutory holidays and the
 * make-up working days (调休) the State Council announces each year, for periods
 * such as "objections within 5 working days of publication".
 *
 * The holiday data comes from the `chinese-days` package. We read its published
 * data file (dist/chinese-days.json, which its build generates from the same
 * arrangement its functions use) into Sets once, when this module loads, rather
 * than calling its isWorkday()/getDayDetail():
 * - those functions are time-zone dependent: they parse 'YYYY-MM-DD' as UTC midnight
 *   but read it back with local-time getters, and build their own tables the same
 *   way, so west of UTC every answer is shifted by a day (under TZ=America/New_York,
 *   getDayDetail('2026-09-20') describes '2026-09-19'); we must not depend on the
 *   machine's TZ;
 * - each of their calls parses and formats dates again, while a deadline looks up
 *   up to a few hundred days: a Set lookup is O(1) and allocates nothing;
 * - the data file is a fraction of the size of the package's code (lunar calendar,
 *   solar terms), which a bundle then leaves out.
 *
 * Dates are calendar dates 'YYYY-MM-DD' in Beijing time (Asia/Shanghai, UTC+8 all
 * year, no daylight saving). Date arithmetic here is integer arithmetic on day
 * numbers (days since 1970-01-01), never the host's local time.
 */
import libraryData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * A day an organizer declares a working day or a day off, for a year the library
 * does not know yet (e.g. the 2027 schedule before a package update) or to correct
 * it. Overrides take precedence over the library and over the weekday.
 */
export type CalendarOverride = { date: string /* YYYY-MM-DD */; workday: boolean; name: string };

const DAY_MS = 86_400_000;
/** Beijing time is UTC+8 all year round. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Longest period a deadline may count, in working days (about a year and a half of calendar days). */
export const MAX_WORKING_DAYS = 366;

const DATE_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number (H. Hinnant's civil_from_days). */
function civilOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatDay(dayNumber: number): string {
  const { year, month, day } = civilOf(dayNumber);
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: day ${dayNumber}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day number of a strict 'YYYY-MM-DD' that names a real calendar day, else null. */
function parseDay(date: string): number | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (day > daysInMonth(year, month)) return null;
  return dayNumberOf(year, month, day);
}

function dayOf(date: string): number {
  const n = parseDay(date);
  if (n === null) throw new RangeError(`not a calendar date YYYY-MM-DD: ${JSON.stringify(date)}`);
  return n;
}

/** Whether `date` is a strict 'YYYY-MM-DD' naming a real calendar day (no 2026-02-30). */
export function isCalendarDate(date: string): boolean {
  return parseDay(date) !== null;
}

/** Day of the week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// The library's tables, keyed by day number: days off that would otherwise be
// Monday–Friday working days (and weekend days inside a holiday), and make-up
// working days that fall on a weekend. Its third table (inLieuDays) only says
// which holidays are "borrowed" days; it does not change whether a day is worked.
const LIBRARY_HOLIDAYS: ReadonlySet<number> = new Set(Object.keys(libraryData.holidays).map(dayOf));
const LIBRARY_WORKDAYS: ReadonlySet<number> = new Set(Object.keys(libraryData.workdays).map(dayOf));
const LIBRARY_YEARS: ReadonlySet<number> = new Set(Object.keys(libraryData.holidays).map((d) => Number(d.slice(0, 4))));

/**
 * Whether the installed `chinese-days` holds the holiday schedule of `year`
 * (every published year has holidays). Outside these years the calendar is
 * Monday to Friday plus the organizer's overrides.
 */
export function libraryCovers(year: number): boolean {
  return LIBRARY_YEARS.has(year);
}

/** Overrides by day number; two overrides that contradict each other are refused. */
function overrideTable(overrides: readonly CalendarOverride[]): ReadonlyMap<number, boolean> {
  const table = new Map<number, boolean>();
  for (const o of overrides) {
    const n = dayOf(o.date);
    const previous = table.get(n);
    if (previous !== undefined && previous !== o.workday) throw new RangeError(`contradictory calendar overrides for ${o.date}`);
    table.set(n, o.workday);
  }
  return table;
}

function worked(dayNumber: number, overrides: ReadonlyMap<number, boolean>): boolean {
  const override = overrides.get(dayNumber);
  if (override !== undefined) return override;
  if (LIBRARY_WORKDAYS.has(dayNumber)) return true;
  if (LIBRARY_HOLIDAYS.has(dayNumber)) return false;
  const weekday = weekdayOf(dayNumber);
  return weekday >= 1 && weekday <= 5;
}

/**
 * Whether the Beijing calendar date `date` (YYYY-MM-DD) is a working day: an override
 * for it if any, else the library's schedule (make-up working days, statutory
 * holidays), else Monday to Friday. Throws a RangeError for a malformed date.
 */
export function isWorkingDay(date: string, overrides: readonly CalendarOverride[]): boolean {
  return worked(dayOf(date), overrideTable(overrides));
}

function dayNumberInBeijing(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('invalid Date');
  return Math.floor((ms + BEIJING_OFFSET_MS) / DAY_MS);
}

/** The calendar date (YYYY-MM-DD) of an instant in Beijing time, whatever the host's time zone. */
export function beijingDate(instant: Date): string {
  return formatDay(dayNumberInBeijing(instant));
}

/** `date` moved by `n` calendar days (n may be negative). */
export function addCalendarDays(date: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of days: ${n}`);
  return formatDay(dayOf(date) + n);
}

/**
 * The end of a period of `workingDays` Chinese working days that starts the day
 * after `from`'s Beijing calendar day: 24:00 Beijing time of the Nth working day
 * after it, i.e. 00:00 Beijing (16:00Z) of the calendar day that follows. Whether
 * `from`'s own day is worked does not matter: a notice published on a Friday at
 * 23:30 Beijing time has Saturday as its first candidate day.
 *
 * Throws a RangeError unless 1 ≤ workingDays ≤ 366 is a whole number, for an
 * invalid Date, a malformed override date or contradictory overrides.
 */
export function workingDayDeadline(from: Date, workingDays: number, overrides: readonly CalendarOverride[]): Date {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be a whole number from 1 to ${MAX_WORKING_DAYS}, not ${workingDays}`);
  }
  const table = overrideTable(overrides);
  let day = dayNumberInBeijing(from);
  // Terminates: overrides and the library's tables are finite, so past them every
  // Monday to Friday counts.
  for (let counted = 0; counted < workingDays; ) {
    day += 1;
    if (worked(day, table)) counted += 1;
  }
  const deadline = new Date((day + 1) * DAY_MS - BEIJING_OFFSET_MS);
  if (Number.isNaN(deadline.getTime())) throw new RangeError('deadline beyond the range of Date');
  return deadline;
}
