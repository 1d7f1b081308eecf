// [FS-AI-EVENT] de-duplication per camera and category over 10 min, review once by a named
// person, and only confirmed events count toward a site's record.
import { describe, expect, it } from 'vitest';
import { aiAlertMessage, countConfirmed, dedupDetection, reviewDecision, type DedupOutcome, type ReviewDecision } from './cameras.ts';
import { CAMERA, GROUP, P, STRICT, detection, local } from './cameras.fixtures.ts';
import type { AiReviewRequest } from '../../../contracts/camera-api.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { AiDetection, AiGroup, AiReviewState } from './types.ts';

const joined = (over: Partial<AiGroup>): DedupOutcome => ({ kind: 'joined', group: { ...GROUP, detections: 3, ...over } });
const fresh = (d: AiDetection): DedupOutcome => ({
  kind: 'new', group: { cameraId: d.cameraId, category: d.category, detectedAt: d.at, lastDetectedAt: d.at, detections: 1, confidence: d.confidence },
});

const DEDUP: Array<{ name: string; group?: AiGroup; d: AiDetection; profile?: Profile; expected: DedupOutcome }> = [
  { name: 'a first detection starts a group of 1', d: detection('10:00'), expected: fresh(detection('10:00')) },
  { name: 'a repeat 5 min after the last joins: 3 detections, later last time', group: GROUP, d: detection('10:09'), expected: joined({ lastDetectedAt: local('10:09') }) },
  { name: 'exactly 10 min after the last joins', group: GROUP, d: detection('10:14'), expected: joined({ lastDetectedAt: local('10:14') }) },
  {
    name: '10 min and 1 s after the last starts a new group',
    group: GROUP, d: { ...detection('10:14'), at: local('10:14') + 1000 }, expected: fresh({ ...detection('10:14'), at: local('10:14') + 1000 }),
  },
  { name: '11 min after the first but 7 after the last joins: the window runs from the last', group: GROUP, d: detection('10:11'), expected: joined({ lastDetectedAt: local('10:11') }) },
  { name: 'a higher confidence becomes the peak', group: GROUP, d: detection('10:05', { confidence: 0.97 }), expected: joined({ lastDetectedAt: local('10:05'), confidence: 0.97 }) },
  { name: 'a lower confidence keeps the peak', group: GROUP, d: detection('10:05', { confidence: 0.5 }), expected: joined({ lastDetectedAt: local('10:05') }) },
  { name: 'a late detection (outbox replay) 3 min before the first joins and moves the start', group: GROUP, d: detection('09:57'), expected: joined({ detectedAt: local('09:57') }) },
  { name: 'another category on the same camera is another event', group: GROUP, d: detection('10:05', { category: 'no_hat' }), expected: fresh(detection('10:05', { category: 'no_hat' })) },
  { name: 'the same category on another camera is another event', group: GROUP, d: detection('10:05', { cameraId: 'cam-02' }), expected: fresh(detection('10:05', { cameraId: 'cam-02' })) },
  { name: 'the window comes from the profile: 6 min after the last is new under a 5-min rule', group: GROUP, d: detection('10:10'), profile: STRICT, expected: fresh(detection('10:10')) },
];

const confirm: AiReviewRequest = { decision: 'confirm', by: ' 李经理 ' };
const reject: AiReviewRequest = { decision: 'reject', by: '李经理', note: 'a cat, not a rodent' };
const NOW = local('11:00');

const REVIEW: Array<{ name: string; current: AiReviewState; req: AiReviewRequest; expected: ReviewDecision }> = [
  { name: 'a pending event is confirmed by a named person', current: 'pending', req: confirm, expected: { ok: true, review: { state: 'confirmed', by: '李经理', at: NOW, note: null } } },
  { name: 'a pending event is rejected with a note', current: 'pending', req: reject, expected: { ok: true, review: { state: 'rejected', by: '李经理', at: NOW, note: 'a cat, not a rodent' } } },
  { name: 'a confirmed event cannot be reviewed again', current: 'confirmed', req: reject, expected: { ok: false, code: 'ai_event_reviewed' } },
  { name: 'a rejected event cannot be reviewed again', current: 'rejected', req: confirm, expected: { ok: false, code: 'ai_event_reviewed' } },
];

describe('FS-AI-EVENT', () => {
  for (const c of DEDUP) {
    it(`[FS-AI-EVENT] de-duplication: ${c.name}`, () => {
      expect(dedupDetection(c.group, c.d, c.profile ?? P)).toEqual(c.expected);
    });
  }
  for (const c of REVIEW) {
    it(`[FS-AI-EVENT] review: ${c.name}`, () => {
      expect(reviewDecision(c.current, c.req, NOW)).toEqual(c.expected);
    });
  }

  it('[FS-AI-EVENT] only confirmed events count toward a site\'s record', () => {
    const events = [
      { kitchenId: 'k1', review: 'confirmed' }, { kitchenId: 'k1', review: 'pending' }, { kitchenId: 'k1', review: 'rejected' },
      { kitchenId: 'k1', review: 'confirmed' }, { kitchenId: 'k2', review: 'confirmed' },
    ] as const;
    expect(countConfirmed(events, 'k1')).toBe(2);
    expect(countConfirmed(events, 'k3')).toBe(0);
  });

  it('[FS-AI-EVENT] the alert message names the violation, the camera, the detections and the review', () => {
    expect(aiAlertMessage(GROUP, CAMERA, P)).toBe('no mask seen by camera 切配间 (cam-01): 2 detections, peak confidence 90 % [CN-GB31654]');
    expect(aiAlertMessage({ ...GROUP, category: 'rodent', detections: 1 }, CAMERA, P, { state: 'rejected', by: '李经理', at: NOW, note: null }))
      .toBe('rodent seen by camera 切配间 (cam-01): 1 detection, peak confidence 90 % [CN-GB31654]; rejected by 李经理 as a false positive');
  });
});
