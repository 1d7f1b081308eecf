// Types of the pure domain core. Rules take (state, input, now) and return
// (state', events); they never read a clock or do I/O.
import type { DeviceKind, ProbeType } from '../../contracts/payloads.ts';
import type { Severity } from '../../contracts/api.ts';
import type { Profile } from './profiles.ts';

export const COLD_RULE_IDS = [
  'FS-COLD-WARN', 'FS-COLD-ALARM', 'FS-COLD-CRIT', 'FS-COLD-LOW',
  'FS-FRZ-ALARM', 'FS-DOOR', 'FS-OFFLINE', 'FS-DEFROST-MISS',
] as const;
export type ColdRuleId = (typeof COLD_RULE_IDS)[number];

/** What the rules need to know about a unit. */
export interface UnitConfig {
  kind: DeviceKind;
  probe: ProbeType;
  reportIntervalS: number;
  defrostIntervalMin: number | null;
  defrostMaxMin: number | null;
  profile: Profile;
}

/** One reading, normalised to °C, on the device's clock. temp null: probe fault. */
export interface UnitSample {
  ts: number;
  temp: number | null;
  door: boolean;
  defrost: boolean;
}

/** Emitted when a rule's create condition has held for its on-delay. */
export interface RaiseEvent {
  type: 'raise';
  ruleId: ColdRuleId;
  severity: Severity;
  firstOutAt: number;
  at: number;
  value: number | null;
  message: string;
  /** Peak and minutes out at the raise, so the alert record is complete from its first event. */
  peakValue: number | null;
  minutesOut: number;
}

/** Emitted while a raised rule stays out: the peak and minutes out so far. */
export interface ProgressEvent {
  type: 'progress';
  ruleId: ColdRuleId;
  at: number;
  peakValue: number | null;
  minutesOut: number;
}

/** Emitted when the clear condition (with hysteresis) has held for its delay. */
export interface ClearEvent {
  type: 'clear';
  ruleId: ColdRuleId;
  at: number;
  peakValue: number | null;
  minutesOut: number;
}

/** Emitted when a raised rule stays out for another re-alarm period. */
export interface RealarmEvent {
  type: 'realarm';
  ruleId: ColdRuleId;
  at: number;
}

export type RuleEvent = RaiseEvent | ProgressEvent | ClearEvent | RealarmEvent;
