// [FS-AI-EVENT] practice (local standards): an edge detector's violation is a warning,
// de-duplicated per camera and category over aiDedupMin (10 min): a detection within
// aiDedupMin of the group's last detection joins it (one more detection, a later last
// time, the highest confidence); otherwise it starts a new group, which is a new event and
// a new alert. A detection that arrives late (the gateway's outbox replaying) joins the
// group it falls within aiDedupMin of, on either side.
//
// False positives are real (a "rodent" that was a cat): a named person confirms or rejects
// each event, once; only confirmed events count toward a site's record.
import type { AiReviewRequest } from '../../../contracts/camera-api.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import { CAMERA_RULE_SEVERITY, MS_PER_MIN, cameraParams, round1 } from './params.ts';
import type { AiCategory, AiDetection, AiGroup, AiReview, AiReviewState, CameraRef } from './types.ts';

/** How the rule book names each category, for alert messages. */
export const AI_CATEGORY_TEXT: Readonly<Record<AiCategory, string>> = Object.freeze({
  no_mask: 'no mask',
  no_hat: 'no hat',
  no_uniform: 'no uniform',
  smoking: 'smoking',
  phone: 'phone use',
  rodent: 'rodent',
  bin_open: 'bin lid open',
  stranger: 'stranger in the kitchen',
});

export const AI_EVENT_SEVERITY = CAMERA_RULE_SEVERITY['FS-AI-EVENT'];

/** [FS-AI-EVENT] The window a detection joins a group within (exactly aiDedupMin joins). */
export const dedupWindowMs = (profile: Profile): number => cameraParams(profile).aiDedupMin * MS_PER_MIN;

/** [FS-AI-EVENT] Same camera and category, and within aiDedupMin of the group's detections. */
export function joinsGroup(group: AiGroup, d: AiDetection, profile: Profile): boolean {
  const windowMs = dedupWindowMs(profile);
  return group.cameraId === d.cameraId && group.category === d.category &&
    d.at <= group.lastDetectedAt + windowMs && d.at >= group.detectedAt - windowMs;
}

export type DedupOutcome = { kind: 'joined'; group: AiGroup } | { kind: 'new'; group: AiGroup };

/** [FS-AI-EVENT] The detection joins `group` (the latest of its camera and category, if any) or starts a new one. */
export function dedupDetection(group: AiGroup | undefined, d: AiDetection, profile: Profile): DedupOutcome {
  if (group && joinsGroup(group, d, profile)) {
    return {
      kind: 'joined',
      group: {
        ...group,
        detectedAt: Math.min(group.detectedAt, d.at),
        lastDetectedAt: Math.max(group.lastDetectedAt, d.at),
        detections: group.detections + 1,
        confidence: Math.max(group.confidence, d.confidence),
      },
    };
  }
  return {
    kind: 'new',
    group: { cameraId: d.cameraId, category: d.category, detectedAt: d.at, lastDetectedAt: d.at, detections: 1, confidence: d.confidence },
  };
}

/** [FS-AI-EVENT] The alert's message: what, where, how often, how sure, and the review once made. */
export function aiAlertMessage(group: AiGroup, camera: CameraRef, profile: Profile, review?: AiReview): string {
  const times = group.detections === 1 ? '1 detection' : `${group.detections} detections`;
  const base = `${AI_CATEGORY_TEXT[group.category]} seen by camera ${camera.name} (${camera.id}): ${times}, ` +
    `peak confidence ${round1(group.confidence * 100)} % [${profile.id}]`;
  if (review?.state === 'confirmed') return `${base}; confirmed by ${review.by}`;
  if (review?.state === 'rejected') return `${base}; rejected by ${review.by} as a false positive`;
  return base;
}

export type ReviewDecision =
  | { ok: true; review: AiReview & { state: Exclude<AiReviewState, 'pending'> } }
  | { ok: false; code: 'ai_event_reviewed' };

/** [FS-AI-EVENT] A pending event is confirmed or rejected by a named person, once. */
export function reviewDecision(current: AiReviewState, req: AiReviewRequest, now: number): ReviewDecision {
  if (current !== 'pending') return { ok: false, code: 'ai_event_reviewed' };
  return {
    ok: true,
    review: { state: req.decision === 'confirm' ? 'confirmed' : 'rejected', by: req.by.trim(), at: now, note: req.note?.trim() || null },
  };
}

/** [FS-AI-EVENT] A site's record counts its confirmed events only (pending and rejected do not). */
export const countConfirmed = (events: ReadonlyArray<{ kitchenId: string; review: AiReviewState }>, kitchenId: string): number =>
  events.filter((e) => e.kitchenId === kitchenId && e.review === 'confirmed').length;
