// [FS-REG-HEALTH-CERT] an active staff member's health certificate lapsing within 30 days,
// lapsed, or not on file (食品安全法 第45条: renewed yearly).
import { describe, expect, it } from 'vitest';
import { healthCertReminder } from './health-cert.ts';
import { P, STRICT, TODAY } from './registry.fixtures.ts';
import type { RegistryParams, StaffFacts } from './types.ts';

const staff = (healthCertExpiresOn: string | null, active = true): StaffFacts => ({ id: 7, name: '王芳', healthCertExpiresOn, active });

const CASES: Array<{ name: string; staff: StaffFacts; params?: RegistryParams; expected: null | { dueOn: string | null; daysLeft: number | null; since: string | null; reason: string } }> = [
  { name: 'valid for another 31 days: nothing', staff: staff('2026-04-15'), expected: null },
  { name: 'lapses in exactly 30 days: reminded', staff: staff('2026-04-14'), expected: { dueOn: '2026-04-14', daysLeft: 30, since: '2026-03-15', reason: 'health certificate lapses on 2026-04-14, in 30 days' } },
  { name: 'lapses in 10 days: reminded', staff: staff('2026-03-25'), expected: { dueOn: '2026-03-25', daysLeft: 10, since: '2026-02-23', reason: 'health certificate lapses on 2026-03-25, in 10 days' } },
  { name: 'its last valid day is today', staff: staff('2026-03-15'), expected: { dueOn: '2026-03-15', daysLeft: 0, since: '2026-02-13', reason: 'health certificate lapses today (2026-03-15)' } },
  { name: 'lapsed yesterday: a new episode from the first day without it', staff: staff('2026-03-14'), expected: { dueOn: '2026-03-14', daysLeft: -1, since: '2026-03-15', reason: 'health certificate lapsed on 2026-03-14' } },
  { name: 'no certificate on file: due now, with no date', staff: staff(null), expected: { dueOn: null, daysLeft: null, since: null, reason: 'no health certificate on file' } },
  { name: 'lapsed, but the person has left (inactive): nothing', staff: staff('2025-12-01', false), expected: null },
  { name: 'none on file, but inactive: nothing', staff: staff(null, false), expected: null },
  { name: 'a 45-day lead from the profile: 40 days out is reminded', staff: staff('2026-04-24'), params: STRICT, expected: { dueOn: '2026-04-24', daysLeft: 40, since: '2026-03-10', reason: 'health certificate lapses on 2026-04-24, in 40 days' } },
];

describe('FS-REG-HEALTH-CERT', () => {
  for (const c of CASES) {
    it(`[FS-REG-HEALTH-CERT] ${c.name}`, () => {
      const due = healthCertReminder(c.staff, TODAY, c.params ?? P);
      if (c.expected === null) return expect(due).toBeNull();
      const { dueOn, daysLeft, reason } = due!.reminder;
      expect({ dueOn, daysLeft, reason, since: due!.since }).toEqual(c.expected);
    });
  }

  it('[FS-REG-HEALTH-CERT] the alert subject is staff-<id>, named by the person', () => {
    expect(healthCertReminder(staff(null), TODAY, P)!.reminder).toMatchObject({ kind: 'health_certificate', ruleId: 'FS-REG-HEALTH-CERT', subject: 'staff-7', subjectName: '王芳' });
  });
});
