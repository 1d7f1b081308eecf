// The food-sample (食品留样) core's public face (rule book section 4). Pure: no I/O and
// no clock; every function that needs the time takes `now`. A profile whose `samples`
// is null has no sample rules: verdicts are neutral and no events are raised.
export { checkSampleRecord, type SampleRecordCheck, type SampleRecordInput } from './record.ts';
export { weightVerdict, type WeightVerdict } from './weight.ts';
export { missingDishes, missingDeadlineOf, isPastMissingDeadline, samplesOfDish } from './missing.ts';
export {
  canDispose, canSeal, removalVerdict, removedEarly, sealVerdict,
  type DisposeCheck, type RemovalVerdict, type SealCheck, type SealVerdict,
} from './retention.ts';
export { exposure, isCompromised, type Span } from './compromised.ts';
export { sampleStatus, type StatusContext } from './status.ts';
export { excursionEvents, placementEvents, removalEvents, serviceCheckEvents } from './events.ts';
export { ledgerForDay, type LedgerContext, type LedgerDish, type LedgerService } from './ledger.ts';
export { SAMPLE_RULE_SEVERITY } from './params.ts';
export * from './types.ts';
