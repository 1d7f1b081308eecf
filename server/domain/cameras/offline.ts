// [FS-CAM-OFFLINE] std (equipment must run during preparation and dining hours): a camera
// offline for offlineAlarmMin (10 min) counted inside service hours raises an alarm. Time
// outside service hours does not count, so a camera that went offline overnight is alarmed
// offlineAlarmMin after the next window opens; a span that straddles two windows adds up
// both parts. As with the cold chain's on-delays, the alarm is dated at the instant the
// counted time reaches the threshold (the condition's start), not when a tick noticed it.
// The alert is cleared when the camera is back online; its minutes are the service minutes
// the camera was away.
//
// Restart-safe: the state is the transition log (stored) and the latest alert (stored);
// an alert is raised once per offline span, named by its firstOutAt = the span's start.
import type { Profile } from '../../../contracts/profiles.ts';
import { CAMERA_RULE_SEVERITY, MS_PER_MIN, cameraParams, wholeMinutes } from './params.ts';
import type { CameraAlertEvent, CameraRef, LastAlert, ServiceWindow, Transition } from './types.ts';
import { serviceInstantAfter, serviceMsBetween } from './windows.ts';

export type OfflineStatus =
  | { online: true; since: number | null }
  /** `countedMs`: service time offline so far; `crossedAt`: when it reached the threshold, null before. */
  | { online: false; since: number; countedMs: number; crossedAt: number | null };

/** The state in force at `now`: the last transition at or before it (none yet: not seen, not judged). */
const lastTransition = (transitions: readonly Transition[], now: number): Transition | undefined =>
  [...transitions].filter((t) => t.at <= now).sort((a, b) => a.at - b.at).at(-1);

/** [FS-CAM-OFFLINE] */
export function offlineStatus(
  transitions: readonly Transition[], windows: readonly ServiceWindow[], now: number, profile: Profile,
): OfflineStatus {
  const last = lastTransition(transitions, now);
  if (!last || last.online) return { online: true, since: last?.at ?? null };
  const thresholdMs = cameraParams(profile).offlineAlarmMin * MS_PER_MIN;
  const crossing = serviceInstantAfter(windows, last.at, thresholdMs);
  return {
    online: false,
    since: last.at,
    countedMs: serviceMsBetween(windows, last.at, now),
    crossedAt: crossing !== null && crossing <= now ? crossing : null,
  };
}

/** When the camera came back after an offline span that began at `since`. */
const backOnlineAfter = (transitions: readonly Transition[], since: number): number | undefined =>
  transitions.filter((t) => t.online && t.at > since).sort((a, b) => a.at - b.at)[0]?.at;

export interface OfflineInput {
  camera: CameraRef;
  transitions: readonly Transition[];
  /** Service windows covering the span being judged (and the live alert's span). */
  windows: readonly ServiceWindow[];
  now: number;
  profile: Profile;
}

/**
 * [FS-CAM-OFFLINE] The alert events for one camera at `now`, given its latest alert:
 * clear a live alert whose span has ended, raise once per span that crossed the
 * threshold, and keep a live alert's minutes up to date (whole minutes, so a change is news).
 */
export function offlineEvents(input: OfflineInput, last: LastAlert | null): CameraAlertEvent[] {
  const { camera, transitions, windows, now, profile } = input;
  const status = offlineStatus(transitions, windows, now, profile);
  const current = status.online ? null : status;
  const events: CameraAlertEvent[] = [];
  if (last?.live && last.firstOutAt !== current?.since) {
    const back = backOnlineAfter(transitions, last.firstOutAt);
    if (back !== undefined) {
      events.push({ type: 'clear', ruleId: 'FS-CAM-OFFLINE', at: back, minutesOut: wholeMinutes(serviceMsBetween(windows, last.firstOutAt, back)) });
    }
  }
  if (!current || current.crossedAt === null) return events;
  const minutesOut = wholeMinutes(current.countedMs);
  if (last?.firstOutAt === current.since) {
    if (last.live) events.push({ type: 'progress', ruleId: 'FS-CAM-OFFLINE', minutesOut });
    return events; // raised before for this span (and maybe closed by a person since)
  }
  const alarmMin = cameraParams(profile).offlineAlarmMin;
  events.push({
    type: 'raise', ruleId: 'FS-CAM-OFFLINE', severity: CAMERA_RULE_SEVERITY['FS-CAM-OFFLINE'],
    at: current.crossedAt, firstOutAt: current.since, minutesOut,
    message: `camera ${camera.name} (${camera.id}) offline for ${alarmMin} min during service hours [${profile.id}]`,
  });
  return events;
}
