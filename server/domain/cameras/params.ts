// What each bright-kitchen rule reads from the profile (rule book sections 2 and 5): its
// severity and its durations, so no rule file holds a food-safety number of its own.
import type { Severity } from '../../../contracts/api.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CameraParams, CameraRuleId } from './types.ts';

/** Unit conversions, not thresholds. */
export const MS_PER_MIN = 60_000;

/** The severity column of the rule book's section 5 table. */
export const CAMERA_RULE_SEVERITY: Readonly<Record<CameraRuleId, Severity>> = Object.freeze({
  'FS-CAM-OFFLINE': 'alarm',
  'FS-CAM-RETENTION': 'alarm', // a compliance alarm
  'FS-AI-EVENT': 'warning',
});

export const cameraParams = (profile: Profile): CameraParams => profile.cameras;

/** "12", "12.5": one decimal at most, so messages and minutes carry no float noise. */
export const round1 = (value: number): number => Math.round(value * 10) / 10;

export const minutes = (ms: number): number => round1(ms / MS_PER_MIN);

/** Whole minutes, for an alert's minutes out: it changes once a minute, not on every tick. */
export const wholeMinutes = (ms: number): number => Math.floor(ms / MS_PER_MIN);
