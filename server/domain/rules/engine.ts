// The cold-chain rule engine: (state, config, input) → (state', events), pure.
// evaluateSample judges one reading on its device timestamp; evaluateTime judges
// the rules that silence can trigger (FS-OFFLINE, FS-DOOR) against the clock the
// caller injects. Events come out in the catalogue order of COLD_RULE_IDS.
import { COLD_RULE_IDS, type ColdRuleId, type RuleEvent, type UnitConfig, type UnitSample } from '../types.ts';
import { stepColdCrit } from './cold-crit.ts';
import type { RuleResult, SampleContext, SampleRule, TimeContext, TimeRule } from './context.ts';
import { isDefrostSuppressed, stepDefrostMiss, trackDefrost } from './defrost.ts';
import { stepDoorSample, stepDoorTime } from './door.ts';
import { stepOfflineSample, stepOfflineTime } from './offline.ts';
import { offlineAfterMs } from './rule-params.ts';
import type { AlarmSlot, UnitRuleState } from './state.ts';
import { THRESHOLD_STEPS } from './threshold-rules.ts';

export interface Evaluation {
  state: UnitRuleState;
  events: RuleEvent[];
}

const SAMPLE_RULES: Readonly<Partial<Record<ColdRuleId, SampleRule>>> = {
  ...THRESHOLD_STEPS,
  'FS-COLD-CRIT': stepColdCrit,
  'FS-DOOR': stepDoorSample,
  'FS-OFFLINE': stepOfflineSample,
  'FS-DEFROST-MISS': stepDefrostMiss,
};

const TIME_RULES: Readonly<Partial<Record<ColdRuleId, TimeRule>>> = {
  'FS-DOOR': stepDoorTime,
  'FS-OFFLINE': stepOfflineTime,
};

/**
 * A sample at or before the last evaluated one is ignored: state unchanged, no events.
 * A gateway's catch-up batch can interleave with live readings; those late readings
 * are stored for the record, but judging them now would run the on-delays and clears
 * backwards in time (a late in-range reading would reset a live excursion).
 */
export function evaluateSample(state: UnitRuleState, config: UnitConfig, sample: UnitSample): Evaluation {
  if (state.lastTs !== null && sample.ts <= state.lastTs) return { state, events: [] };
  const ctx = sampleContext(state, config, sample);
  const { rules, events, crit } = runRules(state.rules, (id, slot) => SAMPLE_RULES[id]?.(slot, ctx));
  const valid = sample.temp !== null;
  return {
    state: {
      ...state,
      lastTs: sample.ts,
      lastValidTs: valid ? sample.ts : state.lastValidTs,
      defrost: ctx.defrost,
      crit: crit ?? state.crit,
      rules,
    },
    events,
  };
}

/** Call on a timer (e.g. every minute) with the server's clock. */
export function evaluateTime(state: UnitRuleState, config: UnitConfig, now: number): Evaluation {
  const ctx: TimeContext = { config, now, lastSeenAt: state.lastValidTs ?? state.trackingSince };
  const { rules, events } = runRules(state.rules, (id, slot) => TIME_RULES[id]?.(slot, ctx));
  return { state: events.length === 0 ? state : { ...state, rules }, events };
}

function sampleContext(state: UnitRuleState, config: UnitConfig, sample: UnitSample): SampleContext {
  const defrost = trackDefrost(state.defrost, sample);
  const prevValidTs = state.lastValidTs;
  const valid = sample.temp !== null && prevValidTs !== null;
  return {
    sample,
    config,
    defrost,
    suppressed: isDefrostSuppressed(defrost, sample.ts, config),
    heldMs: valid ? Math.min(sample.ts - prevValidTs, offlineAfterMs(config)) : 0,
    prevValidTs,
    trackingSince: state.trackingSince,
    crit: state.crit,
  };
}

function runRules(
  slots: Record<ColdRuleId, AlarmSlot>,
  step: (id: ColdRuleId, slot: AlarmSlot) => RuleResult | undefined,
): { rules: Record<ColdRuleId, AlarmSlot>; events: RuleEvent[]; crit: RuleResult['crit'] } {
  const rules = { ...slots };
  const events: RuleEvent[] = [];
  let crit: RuleResult['crit'];
  for (const id of COLD_RULE_IDS) {
    const result = step(id, slots[id]);
    if (result === undefined) continue;
    rules[id] = result.slot;
    events.push(...result.events);
    crit = result.crit ?? crit;
  }
  return { rules, events, crit };
}
