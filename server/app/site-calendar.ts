// A kitchen's calendar for the escalation and notification rules: the end of its day and its
// time of day, from its IANA time zone (site-time.ts). Pure, like site-time: no clock.
import type { SiteCalendar } from '../domain/escalation/escalation.ts';
import type { LocalClock } from '../domain/notifications/quiet-hours.ts';
import { localDate, localTimeToUtc } from './site-time.ts';

/** YYYY-MM-DD plus days, on the calendar (no zone involved). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function siteCalendar(timeZone: string): SiteCalendar & LocalClock {
  return {
    dayEnd: (ms) => localTimeToUtc(addDays(localDate(ms, timeZone), 1), '00:00', timeZone),
    minuteOfDay(ms) {
      const hhmm = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(ms);
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return h * 60 + m;
    },
    nextAt(ms, hhmm) {
      const today = localTimeToUtc(localDate(ms, timeZone), hhmm, timeZone);
      if (today >= ms) return today;
      return localTimeToUtc(addDays(localDate(ms, timeZone), 1), hhmm, timeZone);
    },
  };
}
