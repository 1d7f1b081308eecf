// [FS-CAM-RETENTION] std (SAMR 2018 明厨亮灶 guidance): the site's recorder must keep at
// least as many days of video as its jurisdiction requires. No jurisdiction may require
// less than retentionFloorDays (7), and where it sets nothing, retentionDefaultDays (30)
// applies. A camera whose recorder keeps fewer days raises a compliance alarm, cleared when
// a report shows enough days; a camera that does not report its recorder gets no verdict.
//
// The short span's start (kept with the camera) names the episode: one alert per episode,
// dated at the first report that showed it, so a person closing the alert is not undone
// by the next poll.
import type { Profile } from '../../../contracts/profiles.ts';
import { CAMERA_RULE_SEVERITY, cameraParams, round1 } from './params.ts';
import type { CameraAlertEvent, CameraParams, CameraRef, LastAlert } from './types.ts';

export type RetentionVerdict = 'compliant' | 'short' | 'unknown';

/** [FS-CAM-RETENTION] The days required: the jurisdiction's (or the default), never below the floor. */
export const requiredRetentionDays = (params: CameraParams, jurisdictionDays: number | null): number =>
  Math.max(params.retentionFloorDays, jurisdictionDays ?? params.retentionDefaultDays);

/** [FS-CAM-RETENTION] Exactly the required days is compliant. */
export function retentionVerdict(recorderDays: number | null, requiredDays: number): RetentionVerdict {
  if (recorderDays === null) return 'unknown';
  return recorderDays < requiredDays ? 'short' : 'compliant';
}

export interface RetentionInput {
  camera: CameraRef;
  recorderDays: number | null;
  /** The jurisdiction's requirement, null where it sets none. */
  jurisdictionDays: number | null;
  /** Since when the recorder has been short, as kept with the camera; null: it was not. */
  shortSince: number | null;
  now: number;
  profile: Profile;
}

/** [FS-CAM-RETENTION] The new short-span start and the alert events, given the camera's latest alert. */
export function retentionEvents(input: RetentionInput, last: LastAlert | null): { shortSince: number | null; events: CameraAlertEvent[] } {
  const { camera, recorderDays, now, profile } = input;
  const required = requiredRetentionDays(cameraParams(profile), input.jurisdictionDays);
  if (recorderDays === null) return { shortSince: input.shortSince, events: [] };
  if (retentionVerdict(recorderDays, required) === 'compliant') {
    const events: CameraAlertEvent[] = last?.live ? [{ type: 'clear', ruleId: 'FS-CAM-RETENTION', at: now, minutesOut: 0 }] : [];
    return { shortSince: null, events };
  }
  const since = input.shortSince ?? now;
  if (last?.firstOutAt === since) return { shortSince: since, events: [] };
  return {
    shortSince: since,
    events: [{
      type: 'raise', ruleId: 'FS-CAM-RETENTION', severity: CAMERA_RULE_SEVERITY['FS-CAM-RETENTION'], at: since, firstOutAt: since, minutesOut: 0,
      message: `recorder of camera ${camera.name} (${camera.id}) keeps ${round1(recorderDays)} days of video, ` +
        `fewer than the ${required} days required [${profile.id}]`,
    }],
  };
}
