// Quiet hours of a channel (site-local HH:MM–HH:MM, may wrap midnight): only critical
// notifications go out in them; the rest wait for their end. Pure: the site's clock is injected.
import type { QuietHours } from '../../../contracts/notifications.ts';
import type { Severity } from '../../../contracts/api.ts';

/** Site-local time of day, from the kitchen's time zone (server/app/site-calendar.ts). */
export interface LocalClock {
  /** Minutes since the site-local midnight, 0..1439. */
  minuteOfDay(ms: number): number;
  /** The first instant at or after `ms` at which the site-local clock reads `hhmm`. */
  nextAt(ms: number, hhmm: string): number;
}

export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Whether a site-local minute of the day falls in [from, to): 22:00–06:00 holds 23:30 and 05:59. */
export function inQuietHours(quiet: QuietHours, minute: number): boolean {
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false; // an empty window, refused on input; never "always quiet"
  return from < to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * When a notification of this severity may go out at `at`: `at` itself, or the end of the quiet
 * hours it falls in. Critical ones are never held back.
 */
export function releaseTime(quiet: QuietHours | null, severity: Severity, at: number, clock: LocalClock): number {
  if (!quiet || severity === 'critical') return at;
  if (!inQuietHours(quiet, clock.minuteOfDay(at))) return at;
  return clock.nextAt(at, quiet.to);
}
