// Read-only views of a unit's rule state for the dashboard: the worst raised rule,
// and ThingsBoard's "alarm in 12 min" for the nearest pending on-delay.
import type { Severity } from '../../../contracts/api.ts';
import { COLD_RULE_IDS, type ColdRuleId, type UnitConfig } from '../types.ts';
import { ledgerTally } from './crit-ledger.ts';
import { RULE_SEVERITY, minToMs } from './rule-params.ts';
import type { UnitRuleState } from './state.ts';
import { THRESHOLD_DELAYS } from './threshold-rules.ts';

/** A unit's state: reminders (calibration due) do not colour a unit. */
type UnitRuleSeverity = Exclude<Severity, 'reminder'>;
export type UnitSeverity = 'ok' | UnitRuleSeverity | 'offline';

const RANK: Readonly<Record<UnitRuleSeverity, number>> = { warning: 1, alarm: 2, critical: 3 };

/**
 * The worst raised rule. 'offline' wins over everything: while a unit is silent its
 * last temperature state is stale, and the first thing to fix is the sensor link.
 */
export function unitStateSeverity(state: UnitRuleState): UnitSeverity {
  if (state.rules['FS-OFFLINE'].raised) return 'offline';
  let worst: UnitSeverity = 'ok';
  for (const id of COLD_RULE_IDS) {
    const severity = RULE_SEVERITY[id];
    if (state.rules[id].raised && (worst === 'ok' || RANK[severity] > RANK[worst as UnitRuleSeverity])) worst = severity;
  }
  return worst;
}

export interface DueIn {
  ruleId: ColdRuleId;
  inMs: number;
}

/**
 * The pending rule that would raise first if its condition keeps holding. Only rules
 * with a condition already under way count: FS-OFFLINE and FS-DEFROST-MISS are always
 * counting down on a healthy unit and would drown the useful answer.
 */
export function nextDueIn(state: UnitRuleState, config: UnitConfig, now: number): DueIn | null {
  let best: DueIn | null = null;
  for (const id of COLD_RULE_IDS) {
    const dueAt = pendingDueAt(state, config, id, now);
    if (dueAt === null) continue;
    const inMs = Math.max(0, dueAt - now);
    if (best === null || inMs < best.inMs) best = { ruleId: id, inMs };
  }
  return best;
}

function pendingDueAt(state: UnitRuleState, config: UnitConfig, id: ColdRuleId, now: number): number | null {
  const slot = state.rules[id];
  if (slot.raised || slot.firstOutAt === null) return null;
  if (id === 'FS-DOOR') return slot.firstOutAt + minToMs(config.profile.doorOpenMaxMin);
  if (id === 'FS-COLD-CRIT') return critDueAt(state, config, now);
  const delay = THRESHOLD_DELAYS[id];
  return delay === undefined ? null : slot.firstOutAt + delay(config);
}

/** [FS-COLD-CRIT] The sooner of its two paths, assuming the unit stays above its maximum. */
function critDueAt(state: UnitRuleState, config: UnitConfig, now: number): number {
  const chilled = config.profile.chilled;
  const tally = ledgerTally(state.crit, now - minToMs(chilled.critWindowMin));
  const cumulativeAt = now + minToMs(chilled.critCumulativeMin) - tally;
  const overSince = state.crit.overSince;
  return overSince === null ? cumulativeAt : Math.min(cumulativeAt, overSince + minToMs(chilled.critOverMin));
}
