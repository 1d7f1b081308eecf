// A kitchen's site-local days, from its IANA time zone (site-time.ts), as the port the inspection
// pack's statistics split time by (server/domain/exports/unit-stats.ts). Pure, no clock.
import type { DayCalendar, DayWindow } from '../domain/exports/unit-stats.ts';
import { localDate, localDayEnd, localTimeToUtc } from './site-time.ts';

export function dayCalendar(timeZone: string): DayCalendar {
  return {
    dayOf(ms: number): DayWindow {
      const date = localDate(ms, timeZone);
      return { date, start: localTimeToUtc(date, '00:00', timeZone), end: localDayEnd(ms, timeZone) };
    },
  };
}
