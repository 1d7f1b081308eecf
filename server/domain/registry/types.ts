// What the registry's reminder rules read (rule book sections 3 and 8): the facts on file,
// as plain data, and the reminders they produce. Dates are site-local YYYY-MM-DD.
import type { Profile } from '../../../contracts/profiles.ts';
import type { Reminder } from '../../../contracts/registry.ts';

export type RegistryParams = Profile['registry'];

export const REGISTRY_RULES = ['FS-CAL-DUE', 'FS-REG-HEALTH-CERT', 'FS-REG-LICENCE'] as const;
export type RegistryRuleId = (typeof REGISTRY_RULES)[number];

/** One calibration or field check of a unit's probe; `id` orders records of the same day. */
export interface CheckFacts {
  id: number;
  date: string;
  kind: 'calibration' | 'field_check';
  deviationC: number;
}

export interface UnitFacts {
  deviceId: string;
  name: string;
  kind: string;
  checks: readonly CheckFacts[];
}

export interface StaffFacts {
  id: number;
  name: string;
  healthCertExpiresOn: string | null;
  active: boolean;
}

export interface LicenceFacts {
  number: string | null;
  expiresOn: string | null;
}

export interface RegistryFacts {
  licence: LicenceFacts;
  staff: readonly StaffFacts[];
  units: readonly UnitFacts[];
}

/**
 * A reminder due today, with the site-local date its episode began: the day its reminder
 * window opened, or the day of the failed field check. null: nothing on file, which has no
 * date of its own. The episode names the alert, so a closed one is not raised again.
 */
export interface DueReminder {
  reminder: Reminder;
  since: string | null;
}

/** The alert subject of a staff member (in the alert's device column, like `sample-<id>`). */
export const staffSubject = (staffId: number): string => `staff-${staffId}`;
export const LICENCE_SUBJECT = 'licence';
