// What the engine hands each rule for one sample or one clock tick, computed once
// so that rules stay small functions of (slot, context).
import type { RuleEvent, UnitConfig, UnitSample } from '../types.ts';
import type { AlarmSlot, CritLedger, DefrostTrack } from './state.ts';

export interface SampleContext {
  sample: UnitSample;
  config: UnitConfig;
  /** The defrost track after this sample. */
  defrost: DefrostTrack;
  /** Inside a reported defrost (bounded by its maximum) or its recovery: defrost-aware rules are excused. */
  suppressed: boolean;
  /** Device ms since the previous valid reading, capped at the offline threshold; 0 for the first. */
  heldMs: number;
  /** Device ts of the previous valid reading, before this sample. */
  prevValidTs: number | null;
  trackingSince: number;
  crit: CritLedger;
}

export interface TimeContext {
  config: UnitConfig;
  now: number;
  /** Last valid reading, or when tracking began if none came yet. */
  lastSeenAt: number;
}

export interface RuleResult {
  slot: AlarmSlot;
  events: RuleEvent[];
  /** Only FS-COLD-CRIT returns its ledger. */
  crit?: CritLedger;
}

export type SampleRule = (slot: AlarmSlot, ctx: SampleContext) => RuleResult;
export type TimeRule = (slot: AlarmSlot, ctx: TimeContext) => RuleResult;

export const unchanged = (slot: AlarmSlot): RuleResult => ({ slot, events: [] });
