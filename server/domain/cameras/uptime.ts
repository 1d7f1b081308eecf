// [FS-CAM-OFFLINE] The inspector sees uptime % (rule book sections 5 and 7.3): of the
// service minutes so far, how many the camera was online. Minutes before the camera's first
// report are not counted either way: it was not monitored yet (installed, or the system
// was, mid-service), which says nothing about whether it ran.
import { minutes, round1 } from './params.ts';
import type { ServiceWindow, Transition } from './types.ts';
import { serviceMsBetween } from './windows.ts';

export interface Uptime {
  serviceMinutes: number;
  onlineMinutes: number;
  /** Null before the first service minute. */
  percent: number | null;
}

/** Online spans [from, to) up to `now`, from alternating transitions. */
export function onlineSpans(transitions: readonly Transition[], now: number): Array<{ from: number; to: number }> {
  const sorted = [...transitions].filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
  return sorted.flatMap((t, i) => (t.online ? [{ from: t.at, to: sorted[i + 1]?.at ?? now }] : []));
}

/** [FS-CAM-OFFLINE] Uptime over the windows (one day's), counted up to `now`. */
export function uptime(transitions: readonly Transition[], windows: readonly ServiceWindow[], now: number): Uptime {
  const monitoredFrom = Math.min(...transitions.map((t) => t.at));
  const serviceMs = transitions.length === 0 ? 0 : serviceMsBetween(windows, monitoredFrom, now);
  const onlineMs = onlineSpans(transitions, now).reduce((sum, s) => sum + serviceMsBetween(windows, s.from, s.to), 0);
  return {
    serviceMinutes: minutes(serviceMs),
    onlineMinutes: minutes(onlineMs),
    percent: serviceMs === 0 ? null : round1((onlineMs / serviceMs) * 100),
  };
}
