// The limits a unit's chart draws, from the rule profiles (the same data the
// alert engine uses, so the lines and the alarms cannot disagree).
import type { DeviceKind } from '../../contracts/payloads.ts';
import { DEFAULT_PROFILE_ID, PROFILES } from '../../contracts/profiles.ts';

export interface Limit {
  valueC: number;
  /** max/min: a rule raises an alarm beyond it; target: the warning line. */
  role: 'max' | 'min' | 'target';
}

export function limitsFor(profileId: string, kind: DeviceKind | undefined): Limit[] {
  const profile = PROFILES[profileId] ?? PROFILES[DEFAULT_PROFILE_ID];
  if (!profile || !kind) return [];
  if (kind === 'freezer') return [{ valueC: profile.frozen.maxC, role: 'max' }]; // [FS-FRZ-ALARM]
  return [
    { valueC: profile.chilled.maxC, role: 'max' }, // [FS-COLD-ALARM]
    { valueC: profile.chilled.targetC, role: 'target' }, // [FS-COLD-WARN]
    { valueC: profile.chilled.minC, role: 'min' }, // [FS-COLD-LOW]
  ];
}
