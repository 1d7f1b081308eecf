// What each cold-chain rule reads from the unit: its severity (rule book section 3)
// and its durations, all derived from the unit's profile and configuration, so no
// rule file holds a food-safety number of its own (rule book section 2).
import type { DeviceKind } from '../../../contracts/payloads.ts';
import type { Severity } from '../../../contracts/api.ts';
import type { ColdRuleId, UnitConfig } from '../types.ts';

/** A unit conversion, not a threshold. */
export const MS_PER_MIN = 60_000;

export const minToMs = (min: number): number => min * MS_PER_MIN;
export const msToMin = (ms: number): number => ms / MS_PER_MIN;

/** The severity column of the rule book's section 3 table. */
export const RULE_SEVERITY: Readonly<Record<ColdRuleId, Exclude<Severity, 'reminder'>>> = Object.freeze({
  'FS-COLD-WARN': 'warning',
  'FS-COLD-ALARM': 'alarm',
  'FS-COLD-CRIT': 'critical',
  'FS-COLD-LOW': 'warning', // food and samples freeze
  'FS-FRZ-ALARM': 'alarm',
  'FS-DOOR': 'warning',
  'FS-OFFLINE': 'alarm', // a system alarm; unitStateSeverity reports it as 'offline'
  'FS-DEFROST-MISS': 'warning', // a maintenance warning
});

// Sample cabinets (留样柜) hold samples at 0–8 °C, so they follow the chilled rules.
const CHILLED_KINDS: readonly DeviceKind[] = ['chiller', 'coldroom', 'sample_cabinet'];

export const isChilled = (config: UnitConfig): boolean => CHILLED_KINDS.includes(config.kind);
export const isFreezer = (config: UnitConfig): boolean => config.kind === 'freezer';

/** [FS-COLD-ALARM] A buffered probe follows the food and may alarm sooner than an air probe. */
export function coldAlarmDelayMs(config: UnitConfig): number {
  const chilled = config.profile.chilled;
  return minToMs(config.probe === 'buffered' ? chilled.alarmDelayBufferedMin : chilled.alarmDelayAirMin);
}

/** [FS-OFFLINE] No valid reading for max(factor × the reporting interval, floor). */
export function offlineAfterMs(config: UnitConfig): number {
  const { offlineIntervalFactor, offlineFloorMin } = config.profile;
  return Math.max(offlineIntervalFactor * config.reportIntervalS * 1000, minToMs(offlineFloorMin));
}

/** [FS-DEFROST-MISS] null: the unit declares no defrost interval, so the rule does not apply. */
export function defrostMissAfterMs(config: UnitConfig): number | null {
  if (config.defrostIntervalMin === null) return null;
  return minToMs(config.profile.defrostMissFactor * config.defrostIntervalMin);
}

export const clearDelayMs = (config: UnitConfig): number => minToMs(config.profile.clearDelayMin);
export const realarmMs = (config: UnitConfig): number => minToMs(config.profile.realarmMin);
export const defrostRecoveryMs = (config: UnitConfig): number => minToMs(config.profile.defrostRecoveryMin);

/** [FS-COLD-ALARM] [FS-FRZ-ALARM] The longest a defrost excuses them: the unit's maximum, else the profile's default. */
export const defrostExcuseMaxMs = (config: UnitConfig): number =>
  minToMs(config.defrostMaxMin ?? config.profile.defrostMaxDefaultMin);
