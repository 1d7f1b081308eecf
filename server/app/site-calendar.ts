// A kitchen's calendar for the escalation and notification rules: the end of its day and its
// time of day, from its IANA time zone (site-time.ts), as the pure rules' ports. No clock.
import type { SiteCalendar } from '../domain/escalation/escalation.ts';
import type { LocalClock } from '../domain/notifications/quiet-hours.ts';
import { localDayEnd, localMinuteOfDay, nextLocalTime } from './site-time.ts';

export function siteCalendar(timeZone: string): SiteCalendar & LocalClock {
  return {
    dayEnd: (ms) => localDayEnd(ms, timeZone),
    minuteOfDay: (ms) => localMinuteOfDay(ms, timeZone),
    nextAt: (ms, hhmm) => nextLocalTime(ms, hhmm, timeZone),
  };
}
