// Shared data of the registry's rule tests: the default profile's parameters, a stricter set,
// and builders for units and their records.
import { CN_GB31654 } from '../../../contracts/profiles.ts';
import type { CheckFacts, RegistryParams, UnitFacts } from './types.ts';

export const P: RegistryParams = CN_GB31654.registry;
/** A jurisdiction asking for more: 6-month calibrations, 0.5 °C, longer leads. */
export const STRICT: RegistryParams = { calibrationIntervalMonths: 6, calibrationLeadDays: 14, calibrationToleranceC: 0.5, healthCertLeadDays: 45, licenceLeadDays: 90 };
export const TODAY = '2026-03-15';

let nextId = 1;
export const cal = (date: string, deviationC = 0.1): CheckFacts => ({ id: nextId++, date, kind: 'calibration', deviationC });
export const field = (date: string, deviationC: number): CheckFacts => ({ id: nextId++, date, kind: 'field_check', deviationC });
export const unit = (...checks: CheckFacts[]): UnitFacts => ({ deviceId: 'chiller-1', name: '冷藏柜 1', kind: 'chiller', checks });
