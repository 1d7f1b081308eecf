import { describe, expect, it } from 'vitest';
import { localDate, localDayEnd, localMinuteOfDay, localTimeToUtc, nextLocalTime } from './site-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();

describe('site time', () => {
  it('places 11:30 in Shanghai at 03:30 UTC, and knows the local date across midnight UTC', () => {
    expect(new Date(localTimeToUtc('2026-11-23', '11:30', 'Asia/Shanghai')).toISOString()).toBe('2026-11-23T03:30:00.000Z');
    expect(localDate(Date.UTC(2026, 10, 23, 17, 0), 'Asia/Shanghai')).toBe('2026-11-24');
    expect(localDate(Date.UTC(2026, 10, 23, 15, 59), 'Asia/Shanghai')).toBe('2026-11-23');
  });

  it('follows a zone with daylight time', () => {
    expect(new Date(localTimeToUtc('2026-07-01', '12:00', 'Europe/London')).toISOString()).toBe('2026-07-01T11:00:00.000Z');
    expect(new Date(localTimeToUtc('2026-12-01', '12:00', 'Europe/London')).toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });

  it('(§6) gives the site\'s minute of the day, its next HH:MM and the end of its day (the next local midnight)', () => {
    const evening = Date.UTC(2026, 10, 20, 14, 30); // 22:30 in Shanghai
    expect(localMinuteOfDay(evening, 'Asia/Shanghai')).toBe(22 * 60 + 30);
    expect(iso(nextLocalTime(evening, '06:30', 'Asia/Shanghai'))).toBe('2026-11-20T22:30:00.000Z'); // tomorrow 06:30
    expect(iso(nextLocalTime(evening, '23:00', 'Asia/Shanghai'))).toBe('2026-11-20T15:00:00.000Z'); // later today
    expect(nextLocalTime(evening, '22:30', 'Asia/Shanghai')).toBe(evening); // at or after: now
    expect(iso(localDayEnd(evening, 'Asia/Shanghai'))).toBe('2026-11-20T16:00:00.000Z');
    expect(iso(localDayEnd(Date.UTC(2026, 11, 31, 16, 0), 'Asia/Shanghai'))).toBe('2027-01-01T16:00:00.000Z'); // a new year's midnight belongs to its day
  });

  it('makes one formatter per time zone, however often it is asked (every open alert, every tick)', () => {
    const Real = Intl.DateTimeFormat;
    let made = 0;
    Intl.DateTimeFormat = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      for (let m = 0; m < 100; m++) {
        localMinuteOfDay(Date.UTC(2026, 10, 20, 0, m), 'Asia/Urumqi');
        localDayEnd(Date.UTC(2026, 10, 20, 0, m), 'Asia/Urumqi');
      }
      expect(made).toBe(1);
    } finally {
      Intl.DateTimeFormat = Real;
    }
  });
});
