// [FS-REG-LICENCE] the food-business licence lapsing within 60 days, lapsed, or not on file.
import { describe, expect, it } from 'vitest';
import { licenceReminder } from './licence.ts';
import { P, STRICT, TODAY } from './registry.fixtures.ts';
import type { LicenceFacts, RegistryParams } from './types.ts';

const NUMBER = 'JY13101040012345';
const licence = (expiresOn: string | null, number: string | null = NUMBER): LicenceFacts => ({ number, expiresOn });

const CASES: Array<{ name: string; licence: LicenceFacts; params?: RegistryParams; expected: null | { dueOn: string | null; daysLeft: number | null; since: string | null; reason: string } }> = [
  { name: 'valid for another 61 days: nothing', licence: licence('2026-05-15'), expected: null },
  { name: 'lapses in exactly 60 days: reminded', licence: licence('2026-05-14'), expected: { dueOn: '2026-05-14', daysLeft: 60, since: '2026-03-15', reason: 'food-business licence lapses on 2026-05-14, in 60 days' } },
  { name: 'lapses in 40 days: reminded', licence: licence('2026-04-24'), expected: { dueOn: '2026-04-24', daysLeft: 40, since: '2026-02-23', reason: 'food-business licence lapses on 2026-04-24, in 40 days' } },
  { name: 'lapsed 3 months ago: its episode began the day after its last valid day', licence: licence('2025-12-15'), expected: { dueOn: '2025-12-15', daysLeft: -90, since: '2025-12-16', reason: 'food-business licence lapsed on 2025-12-15' } },
  { name: 'no licence on file', licence: licence(null, null), expected: { dueOn: null, daysLeft: null, since: null, reason: 'no food-business licence on file' } },
  { name: 'a licence number without its expiry', licence: licence(null), expected: { dueOn: null, daysLeft: null, since: null, reason: 'the licence has no expiry date on file' } },
  { name: 'a 90-day lead from the profile: 80 days out is reminded', licence: licence('2026-06-03'), params: STRICT, expected: { dueOn: '2026-06-03', daysLeft: 80, since: '2026-03-05', reason: 'food-business licence lapses on 2026-06-03, in 80 days' } },
];

describe('FS-REG-LICENCE', () => {
  for (const c of CASES) {
    it(`[FS-REG-LICENCE] ${c.name}`, () => {
      const due = licenceReminder(c.licence, TODAY, c.params ?? P);
      if (c.expected === null) return expect(due).toBeNull();
      const { dueOn, daysLeft, reason } = due!.reminder;
      expect({ dueOn, daysLeft, reason, since: due!.since }).toEqual(c.expected);
    });
  }

  it('[FS-REG-LICENCE] the alert subject is "licence", named by its number (or the document, when none is on file)', () => {
    expect(licenceReminder(licence(null), TODAY, P)!.reminder).toMatchObject({ kind: 'licence', ruleId: 'FS-REG-LICENCE', subject: 'licence', subjectName: NUMBER });
    expect(licenceReminder(licence(null, null), TODAY, P)!.reminder.subjectName).toBe('食品经营许可证');
  });
});
