// The cold-chain rule engine's public face (rule book sections 3 and 6). Everything
// the app layer needs to evaluate, store and display a unit's rule state; the rule
// files under rules/ are internal.
export { evaluateSample, evaluateTime, type Evaluation } from './rules/engine.ts';
export {
  createUnitState,
  restoreUnitState,
  UNIT_STATE_VERSION,
  type AlarmSlot,
  type CritLedger,
  type CritSpan,
  type DefrostTrack,
  type UnitRuleState,
} from './rules/state.ts';
export { nextDueIn, unitStateSeverity, type DueIn, type UnitSeverity } from './rules/unit-status.ts';
export { RULE_SEVERITY, offlineAfterMs } from './rules/rule-params.ts';
