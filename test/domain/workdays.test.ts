import libraryData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CalendarOverride,
  addCalendarDays,
  beijingDate,
  isCalendarDate,
  isWorkingDay,
  libraryCovers,
  workingDayDeadline,
} from '../../src/domain/workdays.js';

const DAY_MS = 86_400_000;
const holidays: Record<string, string> = libraryData.holidays;
const workdays: Record<string, string> = libraryData.workdays;

/** Calendar dates from `first` to `last`, both included. */
function datesFrom(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let d = first; d <= last; d = addCalendarDays(d, 1)) dates.push(d);
  return dates;
}

/** The Beijing date the period counts last: the day before the deadline's date. */
const lastCountedDay = (deadline: Date): string => addCalendarDays(beijingDate(deadline), -1);

describe('working-day calendar: the library’s 2026 schedule', () => {
  it('holds 国庆 2026 as published: 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked', () => {
    // The raw data, not our reading of it.
    for (const d of datesFrom('2026-10-01', '2026-10-07')) expect(holidays[d]).toMatch(/国庆/);
    expect(workdays['2026-09-20']).toMatch(/国庆/);
    expect(workdays['2026-10-10']).toMatch(/国庆/);
    for (const d of ['2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13']) expect(holidays[d]).toBeUndefined();
    expect(workdays['2026-10-11']).toBeUndefined();
    // And our reading of it.
    expect(datesFrom('2026-09-18', '2026-10-14').filter((d) => isWorkingDay(d, []))).toEqual([
      '2026-09-18',
      '2026-09-20',
      '2026-09-21',
      '2026-09-22',
      '2026-09-23',
      '2026-09-24',
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
      '2026-10-14',
    ]);
  });

  it('covers the years the installed package publishes, and not 2027', () => {
    expect(libraryCovers(2025)).toBe(true);
    expect(libraryCovers(2026)).toBe(true);
    expect(libraryCovers(2027)).toBe(false);
  });

  it('agrees day by day with the package’s own isWorkday() over 2025–2026 (run in Beijing time, where it is right)', async () => {
    const previousTz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      // Loaded only now, so that its tables are built in Beijing time (workdays.ts reads its data file, not its code).
      const lib = (await import('chinese-days')).default as unknown as { isWorkday(date: Date): boolean };
      const disagreements = datesFrom('2025-01-01', '2026-12-31').filter((d) => {
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        return lib.isWorkday(new Date(y, m - 1, day, 12)) !== isWorkingDay(d, []);
      });
      expect(disagreements).toEqual([]);
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });
});

describe('working-day deadlines', () => {
  it('counts 5 working days from Wed 30 Sep 2026 across 国庆 and its make-up Saturday: 8, 9, 10 (Sat), 12, 13 Oct', () => {
    const from = new Date('2026-09-30T10:00:00+08:00');
    const deadline = workingDayDeadline(from, 5, []);
    expect(deadline.toISOString()).toBe('2026-10-13T16:00:00.000Z');
    expect(datesFrom('2026-10-01', lastCountedDay(deadline)).filter((d) => isWorkingDay(d, []))).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]);
  });

  it('counts the make-up Sunday 20 Sep 2026', () => {
    const friday = new Date('2026-09-18T09:00:00+08:00');
    expect(workingDayDeadline(friday, 1, []).toISOString()).toBe('2026-09-20T16:00:00.000Z');
    expect(workingDayDeadline(friday, 3, []).toISOString()).toBe('2026-09-22T16:00:00.000Z');
  });

  it('starts counting the day after the start day, worked or not', () => {
    // Sat 3 Oct 2026 is a holiday; the first working day after it is Thu 8 Oct.
    expect(workingDayDeadline(new Date('2026-10-03T12:00:00+08:00'), 1, []).toISOString()).toBe('2026-10-08T16:00:00.000Z');
    // Fri 9 Oct is worked; the next working day is the make-up Saturday.
    expect(workingDayDeadline(new Date('2026-10-09T12:00:00+08:00'), 1, []).toISOString()).toBe('2026-10-10T16:00:00.000Z');
  });

  it('dates a publication by its Beijing day: Friday 23:30 Beijing (15:30Z) and Friday 07:30 Beijing (Thursday 23:30Z) alike', () => {
    const lateFriday = new Date('2026-11-13T15:30:00Z');
    const earlyFriday = new Date('2026-11-12T23:30:00Z');
    expect(beijingDate(lateFriday)).toBe('2026-11-13');
    expect(beijingDate(earlyFriday)).toBe('2026-11-13');
    for (const from of [lateFriday, earlyFriday]) {
      expect(workingDayDeadline(from, 1, []).toISOString()).toBe('2026-11-16T16:00:00.000Z'); // Mon 16 Nov, 24:00 Beijing
      expect(workingDayDeadline(from, 2, []).toISOString()).toBe('2026-11-17T16:00:00.000Z');
    }
    // Half an hour later it is Saturday in Beijing: still Monday, since the weekend is not worked.
    expect(workingDayDeadline(new Date('2026-11-13T16:30:00Z'), 1, []).toISOString()).toBe('2026-11-16T16:00:00.000Z');
    // A Thursday 23:30 Beijing publication has Friday as its first day.
    expect(workingDayDeadline(new Date('2026-11-12T15:30:00Z'), 1, []).toISOString()).toBe('2026-11-13T16:00:00.000Z');
  });

  it('lets an override add a 2027 holiday the package does not know yet', () => {
    const newYearsEve = new Date('2026-12-31T10:00:00+08:00');
    // 2027 falls back to Monday–Friday: Fri 1 Jan 2027 counts …
    expect(workingDayDeadline(newYearsEve, 1, []).toISOString()).toBe('2027-01-01T16:00:00.000Z');
    // … until the organizer enters 元旦.
    const newYear: CalendarOverride[] = [{ date: '2027-01-01', workday: false, name: '元旦' }];
    expect(isWorkingDay('2027-01-01', newYear)).toBe(false);
    expect(workingDayDeadline(newYearsEve, 1, newYear).toISOString()).toBe('2027-01-04T16:00:00.000Z');
  });

  it('lets an override make a Saturday a working day, or correct the package', () => {
    const friday = new Date('2026-11-13T10:00:00+08:00');
    const saturday: CalendarOverride[] = [{ date: '2026-11-14', workday: true, name: '补班' }];
    expect(isWorkingDay('2026-11-14', [])).toBe(false);
    expect(isWorkingDay('2026-11-14', saturday)).toBe(true);
    expect(workingDayDeadline(friday, 1, saturday).toISOString()).toBe('2026-11-14T16:00:00.000Z');
    // Overrides beat the package's make-up day, too.
    const noMakeUp: CalendarOverride[] = [{ date: '2026-10-10', workday: false, name: '更正' }];
    expect(workingDayDeadline(new Date('2026-09-30T10:00:00+08:00'), 5, noMakeUp).toISOString()).toBe('2026-10-14T16:00:00.000Z');
  });

  it('answers the same whatever the host’s time zone', () => {
    const previousTz = process.env.TZ;
    const answers = () => [
      beijingDate(new Date('2026-11-12T23:30:00Z')),
      workingDayDeadline(new Date('2026-09-30T10:00:00+08:00'), 5, []).toISOString(),
      workingDayDeadline(new Date('2026-09-18T09:00:00+08:00'), 1, []).toISOString(),
      isWorkingDay('2026-09-20', []),
    ];
    const reference = answers();
    try {
      for (const tz of ['America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = tz;
        expect(answers()).toEqual(reference);
      }
    } finally {
      if (previousTz === undefined) delete process.env.TZ;
      else process.env.TZ = previousTz;
    }
  });

  it('refuses a period outside 1–366 working days, an invalid Date and bad overrides', () => {
    const from = new Date('2026-09-30T10:00:00+08:00');
    for (const n of [0, -1, 367, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => workingDayDeadline(from, n, [])).toThrow(RangeError);
    expect(workingDayDeadline(from, 366, []).getTime()).toBeGreaterThan(from.getTime());
    expect(() => workingDayDeadline(new Date(Number.NaN), 1, [])).toThrow(RangeError);
    expect(() => workingDayDeadline(from, 1, [{ date: '2026-10-32', workday: true, name: 'x' }])).toThrow(RangeError);
    const contradictory: CalendarOverride[] = [
      { date: '2027-01-01', workday: false, name: '元旦' },
      { date: '2027-01-01', workday: true, name: '补班' },
    ];
    expect(() => workingDayDeadline(from, 1, contradictory)).toThrow(RangeError);
    expect(() => isWorkingDay('2027-01-01', contradictory)).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('accepts only strict YYYY-MM-DD naming a real day', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(d)).toBe(true);
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-1-01',
      '2026-01-1',
      ' 2026-01-01',
      '2026-01-01T00:00',
      '20260101',
      '',
    ])
      expect(isCalendarDate(d), d).toBe(false);
    expect(() => isWorkingDay('2026-02-29', [])).toThrow(RangeError);
    expect(() => addCalendarDays('2026/01/01', 1)).toThrow(RangeError);
    expect(() => addCalendarDays('2026-01-01', 0.5)).toThrow(RangeError);
  });

  it('cuts the Beijing day at 16:00Z', () => {
    expect(beijingDate(new Date('2026-09-30T15:59:59.999Z'))).toBe('2026-09-30');
    expect(beijingDate(new Date('2026-09-30T16:00:00.000Z'))).toBe('2026-10-01');
  });

  it('agrees with Date’s UTC calendar on dates and day arithmetic', () => {
    const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 100_000 }), fc.integer({ min: -1000, max: 1000 }), (day, n) => {
        const date = utcDate(day * DAY_MS);
        expect(isCalendarDate(date)).toBe(true);
        expect(addCalendarDays(date, n)).toBe(utcDate((day + n) * DAY_MS));
        expect(beijingDate(new Date(day * DAY_MS - 8 * 3_600_000))).toBe(date);
        const weekday = new Date(day * DAY_MS).getUTCDay();
        const year = Number(date.slice(0, 4));
        if (!libraryCovers(year)) expect(isWorkingDay(date, [])).toBe(weekday >= 1 && weekday <= 5);
      }),
    );
  });
});

describe('working-day deadlines, for any start, length and overrides', () => {
  const anyFrom = fc.date({ min: new Date('2024-06-01T00:00:00Z'), max: new Date('2028-06-01T00:00:00Z'), noInvalidDate: true });
  const anyOverrides = fc.uniqueArray(
    fc.record({
      date: fc.integer({ min: 0, max: 4 * 366 }).map((i) => addCalendarDays('2025-06-01', i)),
      workday: fc.boolean(),
      name: fc.constant('override'),
    }),
    { selector: (o) => o.date, maxLength: 40 },
  );
  const anyLength = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 366 }));

  it('ends at 16:00:00.000Z, after exactly N working days that follow the start day, the last of them worked', () => {
    fc.assert(
      fc.property(anyFrom, anyLength, anyOverrides, (from, n, overrides) => {
        const deadline = workingDayDeadline(from, n, overrides);
        expect(deadline.toISOString()).toMatch(/T16:00:00\.000Z$/);
        const last = lastCountedDay(deadline);
        expect(isWorkingDay(last, overrides)).toBe(true);
        const counted = datesFrom(addCalendarDays(beijingDate(from), 1), last).filter((d) => isWorkingDay(d, overrides));
        expect(counted.length).toBe(n);
      }),
      { numRuns: 200 },
    );
  });

  it('moves later with more working days and with a later start', () => {
    fc.assert(
      fc.property(anyFrom, anyFrom, fc.integer({ min: 1, max: 60 }), anyOverrides, (a, b, n, overrides) => {
        expect(workingDayDeadline(a, n + 1, overrides).getTime()).toBeGreaterThan(workingDayDeadline(a, n, overrides).getTime());
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(workingDayDeadline(early, n, overrides).getTime()).toBeLessThanOrEqual(workingDayDeadline(late, n, overrides).getTime());
      }),
    );
  });
});
