// The default rule engine: the pure cold-chain rules of server/domain, behind
// the port the use cases take (so tests can inject another).
import type { RuleEngine } from './cold-chain.ts';
import { evaluateSample, evaluateTime } from '../domain/rules/engine.ts';
import { createUnitState, type UnitRuleState } from '../domain/rules/state.ts';
import { unitStateSeverity } from '../domain/rules/unit-status.ts';

export const defaultRuleEngine: RuleEngine<UnitRuleState> = {
  createUnitState,
  evaluateSample,
  evaluateTime,
  unitStateSeverity,
};
