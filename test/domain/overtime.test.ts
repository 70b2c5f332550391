import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/domain/decimal.js';
import { type OvertimeRule, overtimeDeduction, pitchSecondsBetween } from '../../src/methods/panel/overtime.js';

const halfPer30: OvertimeRule = { perSeconds: 30, points: '0.5' };

describe('overtime deduction', () => {
  it('takes 0.5 per started 30 s past a 300 s limit', () => {
    expect([300, 301, 329, 330, 331, 360, 361, 400].map((s) => overtimeDeduction(s, 300, halfPer30))).toEqual(['0', '0.5', '0.5', '0.5', '1', '1', '1.5', '2']);
    expect(overtimeDeduction(0, 300, halfPer30)).toBe('0');
  });

  it('deducts nothing without a limit or a rule', () => {
    expect(overtimeDeduction(900, null, halfPer30)).toBe('0');
    expect(overtimeDeduction(900, 300, null)).toBe('0');
    expect(overtimeDeduction(900, null, null)).toBe('0');
  });

  it('multiplies in decimal, not binary floating point', () => {
    // 0.1 × 3 is 0.30000000000000004 in binary floating point.
    expect(overtimeDeduction(61, 0, { perSeconds: 30, points: '0.1' })).toBe('0.3');
    expect(overtimeDeduction(70, 0, { perSeconds: 10, points: '0.10' })).toBe('0.7');
  });

  it('refuses bad inputs', () => {
    expect(() => overtimeDeduction(-1, 300, halfPer30)).toThrow(RangeError);
    expect(() => overtimeDeduction(300.5, 300, halfPer30)).toThrow(RangeError);
    expect(() => overtimeDeduction(301, -1, halfPer30)).toThrow(RangeError);
    expect(() => overtimeDeduction(301, 300, { perSeconds: 0, points: '0.5' })).toThrow(RangeError);
    expect(() => overtimeDeduction(301, 300, { perSeconds: 1.5, points: '0.5' })).toThrow(RangeError);
    expect(() => overtimeDeduction(301, 300, { perSeconds: 30, points: '-0.5' })).toThrow(RangeError);
    expect(() => overtimeDeduction(301, 300, { perSeconds: 30, points: 'half' })).toThrow(RangeError);
  });

  const anyRule = fc.record({
    perSeconds: fc.integer({ min: 1, max: 600 }),
    points: fc.integer({ min: 1, max: 1000 }).map((hundredths) => dec(hundredths).div(100).toFixed()),
  });
  const anySeconds = fc.integer({ min: 0, max: 7200 });

  it('is zero within the limit and points × ⌈over / period⌉ past it', () => {
    fc.assert(
      fc.property(anySeconds, anySeconds, anyRule, (seconds, limit, rule) => {
        const deducted = overtimeDeduction(seconds, limit, rule);
        if (seconds <= limit) expect(deducted).toBe('0');
        else
          expect(deducted).toBe(
            dec(rule.points)
              .times(Math.ceil((seconds - limit) / rule.perSeconds))
              .toFixed(),
          );
      }),
    );
  });

  it('is a whole, non-negative multiple of the points, and never decreases as the pitch runs on', () => {
    fc.assert(
      fc.property(anySeconds, fc.integer({ min: 0, max: 600 }), anySeconds, anyRule, (seconds, more, limit, rule) => {
        const deducted = dec(overtimeDeduction(seconds, limit, rule));
        const periods = deducted.div(rule.points);
        expect(periods.gte(0)).toBe(true);
        expect(periods.eq(periods.round(0))).toBe(true);
        expect(dec(overtimeDeduction(seconds + more, limit, rule)).gte(deducted)).toBe(true);
      }),
    );
  });
});

describe('pitch length', () => {
  it('counts whole seconds, rounded down', () => {
    expect(pitchSecondsBetween('2026-10-12T02:00:00.000Z', '2026-10-12T02:05:00.999Z')).toBe(300);
    expect(pitchSecondsBetween('2026-10-12T02:00:00.900Z', '2026-10-12T02:05:01.100Z')).toBe(300);
    expect(pitchSecondsBetween('2026-10-12T02:00:00.900Z', '2026-10-12T02:00:01.899Z')).toBe(0);
    expect(pitchSecondsBetween('2026-10-12T02:00:00Z', '2026-10-12T02:00:00Z')).toBe(0);
    // Beyond milliseconds, too.
    expect(pitchSecondsBetween('2026-10-12T02:00:00.0000001Z', '2026-10-12T02:00:01Z')).toBe(0);
  });

  it('reads offsets, and never returns a negative length', () => {
    expect(pitchSecondsBetween('2026-10-12T10:00:00+08:00', '2026-10-12T02:06:00Z')).toBe(360);
    expect(pitchSecondsBetween('2026-12-31T23:59:30-05:00', '2027-01-01T05:00:10Z')).toBe(40);
    expect(pitchSecondsBetween('2026-10-12T02:05:00Z', '2026-10-12T02:00:00Z')).toBe(0);
  });

  it('refuses anything but an ISO 8601 instant with an offset', () => {
    for (const bad of ['2026-10-12T02:00:00', '2026-10-12 02:00:00Z', '2026-02-30T02:00:00Z', '2026-10-12T24:00:00Z', '2026-10-12T02:60:00Z', 'now', ''])
      expect(() => pitchSecondsBetween(bad, '2026-10-12T03:00:00Z'), bad).toThrow(RangeError);
  });

  it('agrees with Date on any two instants', () => {
    const anyInstant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(anyInstant, anyInstant, (a, b) => {
        expect(pitchSecondsBetween(a.toISOString(), b.toISOString())).toBe(Math.max(0, Math.floor((b.getTime() - a.getTime()) / 1000)));
      }),
    );
  });
});
