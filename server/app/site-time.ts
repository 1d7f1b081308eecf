// Site-local dates and times (a kitchen's meal times, its day's end, a channel's quiet hours are
// local; everything is stored in UTC). Pure: uses Intl's time-zone data, no clock. One formatter
// per zone, made once: the escalation and delivery ticks ask for every open alert, every round.
// Daylight-saving gaps and overlaps are not handled exactly (decision 0011, Not done): China has
// no daylight time.
import { addDays } from '../domain/registry/dates.ts';

interface LocalParts { year: number; month: number; day: number; hour: number; minute: number; second: number }

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The site-local wall clock at an instant. */
function partsOf(ms: number, timeZone: string): LocalParts {
  const p = Object.fromEntries(formatterOf(timeZone).formatToParts(ms).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute!, second: p.second! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The site-local calendar date (YYYY-MM-DD) of an instant. */
export function localDate(ms: number, timeZone: string): string {
  const p = partsOf(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since the site-local midnight, 0..1439. */
export function localMinuteOfDay(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  return p.hour * 60 + p.minute;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Shanghai: +8 h). */
function offsetMs(ms: number, timeZone: string): number {
  const p = partsOf(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a site-local date and 'HH:MM'. */
export function localTimeToUtc(date: string, hhmm: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on days when it changes (zones with daylight time).
  const first = naive - offsetMs(naive, timeZone);
  return naive - offsetMs(first, timeZone);
}

/** The first instant at or after `ms` at which the site-local clock reads `hhmm`. */
export function nextLocalTime(ms: number, hhmm: string, timeZone: string): number {
  const today = localDate(ms, timeZone);
  const at = localTimeToUtc(today, hhmm, timeZone);
  return at >= ms ? at : localTimeToUtc(addDays(today, 1), hhmm, timeZone);
}

/** The end of the site-local day of an instant: the next local midnight. */
export function localDayEnd(ms: number, timeZone: string): number {
  return localTimeToUtc(addDays(localDate(ms, timeZone), 1), '00:00', timeZone);
}
