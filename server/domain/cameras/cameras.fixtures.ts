// Test fixtures for the bright-kitchen rules, as data: one kitchen on Monday 2025-01-06
// in Asia/Shanghai (UTC+8) with the default meals (breakfast 06:30–08:30, lunch
// 11:00–13:00, dinner 17:00–19:00). Under CN-GB31654 (2 h preparation, 30 min clearing
// up) its service hours are 04:30–13:30 (breakfast and lunch merge at 09:00) and 15:00–19:30.
import { CN_GB31654, type Profile } from '../../../contracts/profiles.ts';
import type { AiDetection, AiGroup, MealSpan, ServiceWindow, Transition } from './types.ts';
import { serviceWindows } from './windows.ts';

export const P = CN_GB31654;
/** A stricter local rule: 5 min offline, 1 h preparation, no clearing up, 15-day floor, 60 days by default, 5-min de-duplication. */
export const STRICT: Profile = {
  ...CN_GB31654,
  id: 'LOCAL-STRICT',
  cameras: { offlineAlarmMin: 5, prepLeadMin: 60, mealTailMin: 0, retentionFloorDays: 15, retentionDefaultDays: 60, aiDedupMin: 5 },
};

/** Site-local 'HH:MM' on 2025-01-06 as UTC ms. */
export const local = (hhmm: string): number => {
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(2025, 0, 6, hh - 8, mm);
};

export const meal = (name: MealSpan['meal'], starts: string, ends: string): MealSpan =>
  ({ meal: name, startsAt: local(starts), endsAt: local(ends) });

export const MEALS: MealSpan[] = [meal('breakfast', '06:30', '08:30'), meal('lunch', '11:00', '13:00'), meal('dinner', '17:00', '19:00')];
export const DAY: ServiceWindow[] = serviceWindows(MEALS, P);

export const window = (from: string, to: string): ServiceWindow => ({ startsAt: local(from), endsAt: local(to) });

/** 'on@08:00', 'off@10:00' */
export const transitions = (...marks: string[]): Transition[] =>
  marks.map((m) => {
    const [state, hhmm] = m.split('@') as [string, string];
    return { at: local(hhmm), online: state === 'on' };
  });

export const CAMERA = { id: 'cam-01', name: '切配间' };

export const detection = (hhmm: string, over: Partial<AiDetection> = {}): AiDetection =>
  ({ cameraId: CAMERA.id, category: 'no_mask', confidence: 0.8, at: local(hhmm), ...over });

/** A no-mask group of cam-01: first seen 10:00, last 10:04, 2 detections, peak 0.9. */
export const GROUP: AiGroup = {
  cameraId: CAMERA.id, category: 'no_mask', detectedAt: local('10:00'), lastDetectedAt: local('10:04'), detections: 2, confidence: 0.9,
};
