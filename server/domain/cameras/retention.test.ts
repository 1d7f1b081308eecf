// [FS-CAM-RETENTION] the recorder keeps fewer days than the jurisdiction requires (≥ 7; default 30).
import { describe, expect, it } from 'vitest';
import { requiredRetentionDays, retentionEvents, retentionVerdict, type RetentionVerdict } from './cameras.ts';
import { CAMERA, P, STRICT, local } from './cameras.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CameraAlertEvent, LastAlert } from './types.ts';

const REQUIRED: Array<{ name: string; jurisdiction: number | null; profile?: Profile; expected: number }> = [
  { name: 'no jurisdiction rule: the default 30 days', jurisdiction: null, expected: 30 },
  { name: 'a jurisdiction asking 15 days: 15', jurisdiction: 15, expected: 15 },
  { name: 'a jurisdiction asking 90 days: 90', jurisdiction: 90, expected: 90 },
  { name: 'a jurisdiction asking 3 days: the 7-day floor', jurisdiction: 3, expected: 7 },
  { name: 'floor and default come from the profile: 60 by default', jurisdiction: null, profile: STRICT, expected: 60 },
  { name: 'floor and default come from the profile: a 15-day floor', jurisdiction: 7, profile: STRICT, expected: 15 },
];

const VERDICT: Array<{ name: string; days: number | null; expected: RetentionVerdict }> = [
  { name: '5 of 30 days is short', days: 5, expected: 'short' },
  { name: '29.5 of 30 days is short', days: 29.5, expected: 'short' },
  { name: 'exactly 30 of 30 days is compliant', days: 30, expected: 'compliant' },
  { name: '90 of 30 days is compliant', days: 90, expected: 'compliant' },
  { name: 'an unreported recorder gets no verdict', days: null, expected: 'unknown' },
];

const NOW = local('10:00');
const EARLIER = local('08:00');
const RAISE = (at: number, days = 5): CameraAlertEvent => ({
  type: 'raise', ruleId: 'FS-CAM-RETENTION', severity: 'alarm', at, firstOutAt: at, minutesOut: 0,
  message: `recorder of camera 切配间 (cam-01) keeps ${days} days of video, fewer than the 30 days required [CN-GB31654]`,
});
const CLEAR: CameraAlertEvent = { type: 'clear', ruleId: 'FS-CAM-RETENTION', at: NOW, minutesOut: 0 };

const EVENTS: Array<{
  name: string; days: number | null; jurisdiction?: number; shortSince?: number; last?: LastAlert;
  expected: { shortSince: number | null; events: CameraAlertEvent[] };
}> = [
  { name: 'a recorder keeping 5 days raises a compliance alarm', days: 5, expected: { shortSince: NOW, events: [RAISE(NOW)] } },
  { name: 'keeping 30 days raises nothing', days: 30, expected: { shortSince: null, events: [] } },
  { name: 'keeping 30 days clears the live alarm', days: 30, shortSince: EARLIER, last: { firstOutAt: EARLIER, live: true }, expected: { shortSince: null, events: [CLEAR] } },
  { name: 'still short: the alarm of this span is not raised again', days: 5, shortSince: EARLIER, last: { firstOutAt: EARLIER, live: true }, expected: { shortSince: EARLIER, events: [] } },
  { name: 'still short after a person closed the alarm: not raised again', days: 6, shortSince: EARLIER, last: { firstOutAt: EARLIER, live: false }, expected: { shortSince: EARLIER, events: [] } },
  { name: 'short since before a restart with no alert yet: raised, dated at the span start', days: 5, shortSince: EARLIER, expected: { shortSince: EARLIER, events: [RAISE(EARLIER)] } },
  { name: 'short again after a compliant span: a new alarm', days: 5, last: { firstOutAt: EARLIER, live: false }, expected: { shortSince: NOW, events: [RAISE(NOW)] } },
  { name: 'an unreported recorder keeps the span as it was', days: null, shortSince: EARLIER, expected: { shortSince: EARLIER, events: [] } },
  { name: 'a jurisdiction asking 15 days is met by 20', days: 20, jurisdiction: 15, expected: { shortSince: null, events: [] } },
];

describe('FS-CAM-RETENTION', () => {
  for (const c of REQUIRED) {
    it(`[FS-CAM-RETENTION] required days: ${c.name}`, () => {
      expect(requiredRetentionDays((c.profile ?? P).cameras, c.jurisdiction)).toBe(c.expected);
    });
  }
  for (const c of VERDICT) {
    it(`[FS-CAM-RETENTION] verdict: ${c.name}`, () => {
      expect(retentionVerdict(c.days, 30)).toBe(c.expected);
    });
  }
  for (const c of EVENTS) {
    it(`[FS-CAM-RETENTION] ${c.name}`, () => {
      const input = { camera: CAMERA, recorderDays: c.days, jurisdictionDays: c.jurisdiction ?? null, shortSince: c.shortSince ?? null, now: NOW, profile: P };
      expect(retentionEvents(input, c.last ?? null)).toEqual(c.expected);
    });
  }
});
