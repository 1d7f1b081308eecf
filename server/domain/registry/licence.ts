// [FS-REG-LICENCE] rule book section 8 (the licence number and expiry are registry facts an
// inspector checks; a site may not operate on a lapsed licence): the food-business licence
// lapsing within licenceLeadDays (60), lapsed, or not on file is a reminder. Renewal takes
// weeks, hence the longer lead.
import type { DueReminder, LicenceFacts, RegistryParams } from './types.ts';
import { LICENCE_SUBJECT } from './types.ts';
import { lapseOf } from './lapse.ts';

export function licenceReminder(licence: LicenceFacts, today: string, p: RegistryParams): DueReminder | null {
  const base = {
    kind: 'licence', ruleId: 'FS-REG-LICENCE', subject: LICENCE_SUBJECT,
    // The reminder's kind already says "licence": its number tells which; none on file, the document's name.
    subjectName: licence.number ?? '食品经营许可证',
  } as const;
  if (licence.expiresOn === null) {
    const reason = licence.number === null ? 'no food-business licence on file' : 'the licence has no expiry date on file';
    return { reminder: { ...base, dueOn: null, daysLeft: null, reason }, since: null };
  }
  const lapse = lapseOf(licence.expiresOn, today, p.licenceLeadDays);
  if (!lapse) return null;
  return { reminder: { ...base, dueOn: licence.expiresOn, daysLeft: lapse.daysLeft, reason: `food-business licence ${lapse.phrase}` }, since: lapse.since };
}
