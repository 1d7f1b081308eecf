// The default rule engine: the pure cold-chain rules of server/domain, behind
// the port the use cases take (so tests can inject another).
import type { RuleEngine } from './cold-chain.ts';
import {
  createUnitState, evaluateSample, evaluateTime, restoreUnitState, unitStateSeverity, type UnitRuleState,
} from '../domain/cold-chain.ts';

export const defaultRuleEngine: RuleEngine<UnitRuleState> = {
  createUnitState,
  restoreUnitState,
  evaluateSample,
  evaluateTime,
  unitStateSeverity,
};
