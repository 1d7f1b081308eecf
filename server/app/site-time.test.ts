import { describe, expect, it } from 'vitest';
import { localDate, localTimeToUtc } from './site-time.ts';

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
});
