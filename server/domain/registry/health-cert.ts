// [FS-REG-HEALTH-CERT] law (食品安全法 第45条: food handlers hold a health certificate, renewed
// yearly) as a project rule of the registry (rule book section 8): an active staff member's
// certificate lapsing within healthCertLeadDays (30), lapsed, or not on file is a reminder. A
// renewed certificate, or the person leaving (inactive), ends it.
import type { DueReminder, RegistryParams, StaffFacts } from './types.ts';
import { staffSubject } from './types.ts';
import { lapseOf } from './lapse.ts';

export function healthCertReminder(staff: StaffFacts, today: string, p: RegistryParams): DueReminder | null {
  if (!staff.active) return null;
  const base = { kind: 'health_certificate', ruleId: 'FS-REG-HEALTH-CERT', subject: staffSubject(staff.id), subjectName: staff.name } as const;
  if (staff.healthCertExpiresOn === null) {
    return { reminder: { ...base, dueOn: null, daysLeft: null, reason: 'no health certificate on file' }, since: null };
  }
  const lapse = lapseOf(staff.healthCertExpiresOn, today, p.healthCertLeadDays);
  if (!lapse) return null;
  return {
    reminder: { ...base, dueOn: staff.healthCertExpiresOn, daysLeft: lapse.daysLeft, reason: `health certificate ${lapse.phrase}` },
    since: lapse.since,
  };
}
