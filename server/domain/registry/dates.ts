// Calendar arithmetic on site-local dates (YYYY-MM-DD), the registry's unit of time: a
// certificate lapses on a day, not at an instant. Pure; computed on UTC calendar days so
// no time zone or daylight change can shift a date.
const DAY_MS = 24 * 3_600_000;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

const parts = (date: string): [number, number, number] => date.split('-').map(Number) as [number, number, number];
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** YYYY-MM-DD and a real day (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_SHAPE.test(value)) return false;
  const [y, m, d] = parts(value);
  return fromUtc(Date.UTC(y, m - 1, d)) === value;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** The same day `months` later, or the last day of that month when it is shorter (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / DAY_MS);
}

export const minDate = (a: string, b: string): string => (a <= b ? a : b);
