// Rule state of one unit. Plain objects, arrays, numbers, booleans and null only:
// the server stores it as JSON (SQLite rule_state) after each evaluation, so an
// alarm that is pending or raised survives a restart and continues exactly.
import { COLD_RULE_IDS, type ColdRuleId, type UnitConfig } from '../types.ts';

/** Bump when the shape changes; a stored state of another version is discarded. */
export const UNIT_STATE_VERSION = 1;

/** One rule's alarm: pending (firstOutAt set, not raised), raised, or idle. All times: device ms. */
export interface AlarmSlot {
  raised: boolean;
  /** First sample of the current uninterrupted out-of-range run; null when in range. */
  firstOutAt: number | null;
  /** Highest (or, for low rules, lowest) value of the run; null for rules without a value. */
  peak: number | null;
  /** Minutes out so far, in ms; set at the raise and kept up to date while raised. */
  outMs: number;
  /** While raised: first sample of the uninterrupted clear condition. */
  clearSince: number | null;
  /** While raised: the raise or the last re-alarm. */
  lastAlarmAt: number | null;
}

/** [FS-COLD-CRIT] A stretch of device time counted above the chilled maximum. */
export interface CritSpan {
  from: number;
  to: number;
  /** Counted ms; less than to - from once older spans were merged to bound the state. */
  ms: number;
}

export interface CritLedger {
  spans: CritSpan[];
  /** First sample of the current run above maxC + critOverC. */
  overSince: number | null;
}

/** What the defrost-aware rules need to know about the defrost cycle. */
export interface DefrostTrack {
  active: boolean;
  /** Start of the current or last defrost; null until one is seen. */
  lastStartAt: number | null;
  /** First sample after the last defrost; recovery is counted from here. */
  endedAt: number | null;
}

export interface UnitRuleState {
  version: typeof UNIT_STATE_VERSION;
  /** When the server began tracking the unit (server ms): baseline for FS-OFFLINE and FS-DEFROST-MISS. */
  trackingSince: number;
  /** Device ts of the last evaluated sample; older or equal samples are not re-evaluated. */
  lastTs: number | null;
  /** Device ts of the last sample with a temperature (not a probe fault). */
  lastValidTs: number | null;
  defrost: DefrostTrack;
  crit: CritLedger;
  rules: Record<ColdRuleId, AlarmSlot>;
}

export function idleSlot(): AlarmSlot {
  return { raised: false, firstOutAt: null, peak: null, outMs: 0, clearSince: null, lastAlarmAt: null };
}

export function emptyCritLedger(): CritLedger {
  return { spans: [], overSince: null };
}

/** `config` is unused today; it is part of the signature so a rule may later seed state from it. */
export function createUnitState(_config: UnitConfig, now: number): UnitRuleState {
  const rules = Object.fromEntries(COLD_RULE_IDS.map((id) => [id, idleSlot()])) as Record<ColdRuleId, AlarmSlot>;
  return {
    version: UNIT_STATE_VERSION,
    trackingSince: now,
    lastTs: null,
    lastValidTs: null,
    defrost: { active: false, lastStartAt: null, endedAt: null },
    crit: emptyCritLedger(),
    rules,
  };
}

/**
 * A state read back from storage, or a fresh one when it is missing or of another
 * version. A fresh state forgets raised alarms: the caller should treat its open
 * alerts as still open until the data clears them again.
 */
export function restoreUnitState(raw: unknown, config: UnitConfig, now: number): UnitRuleState {
  return isUnitRuleState(raw) ? raw : createUnitState(config, now);
}

function isUnitRuleState(raw: unknown): raw is UnitRuleState {
  if (typeof raw !== 'object' || raw === null) return false;
  const candidate = raw as Partial<UnitRuleState>;
  if (candidate.version !== UNIT_STATE_VERSION || typeof candidate.rules !== 'object') return false;
  const rules = candidate.rules as Partial<Record<ColdRuleId, AlarmSlot>>;
  return COLD_RULE_IDS.every((id) => typeof rules[id] === 'object') && Array.isArray(candidate.crit?.spans);
}
