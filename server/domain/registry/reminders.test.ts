// The registry's reminders together, and the alerts they keep: one per episode, raised once,
// closed by the system when the registry is put right (FS-CAL-DUE, FS-REG-HEALTH-CERT, FS-REG-LICENCE).
import { describe, expect, it } from 'vitest';
import { reconcileReminders, registryReminders, type RegistryAlertRef, type ReminderAction, type TimedReminder } from './reminders.ts';
import { addMonths, daysBetween, isCalendarDate } from './dates.ts';
import { calibrationState } from './calibration.ts';
import { healthCertReminder } from './health-cert.ts';
import { licenceReminder } from './licence.ts';
import { P, TODAY, cal, unit } from './registry.fixtures.ts';
import type { DueReminder } from './types.ts';

const NOW = Date.UTC(2026, 2, 15, 2, 0);
const DAY1 = Date.UTC(2026, 1, 22, 16, 0); // site-local midnight of 2026-02-23 in Asia/Shanghai
const DAY2 = Date.UTC(2026, 2, 1, 16, 0);

const due = (ruleId: string, subject: string): DueReminder => ({
  reminder: { kind: 'health_certificate', ruleId, subject, subjectName: '王芳', dueOn: null, daysLeft: null, reason: 'x' }, since: null,
});
const timed = (ruleId: string, subject: string, startsAt: number | null): TimedReminder => ({ due: due(ruleId, subject), startsAt });
/** A closed alert is closed by a person unless `closedBy` says otherwise. */
const alert = (id: number, ruleId: string, subject: string, firstOutAt: number, live = true, closedBy: string | null = live ? null : '王经理'): RegistryAlertRef =>
  ({ id, ruleId, subject, firstOutAt, live, closedBy });
const CERT = 'FS-REG-HEALTH-CERT';

const CASES: Array<{ name: string; due: TimedReminder[]; alerts: RegistryAlertRef[]; expected: Array<{ type: 'raise'; subject: string; firstOutAt: number } | { type: 'close'; alertId: number }> }> = [
  { name: 'a new reminder raises its alert, dated at its episode', due: [timed(CERT, 'staff-1', DAY1)], alerts: [], expected: [{ type: 'raise', subject: 'staff-1', firstOutAt: DAY1 }] },
  { name: 'nothing on file: raised now', due: [timed(CERT, 'staff-1', null)], alerts: [], expected: [{ type: 'raise', subject: 'staff-1', firstOutAt: NOW }] },
  { name: 'its live alert of the same episode: nothing (raised once)', due: [timed(CERT, 'staff-1', DAY1)], alerts: [alert(5, CERT, 'staff-1', DAY1)], expected: [] },
  { name: 'nothing on file and a live alert: nothing', due: [timed(CERT, 'staff-1', null)], alerts: [alert(5, CERT, 'staff-1', NOW - 3_600_000)], expected: [] },
  { name: 'a person closed this episode\'s alert: not raised again', due: [timed(CERT, 'staff-1', DAY1)], alerts: [alert(5, CERT, 'staff-1', DAY1, false)], expected: [] },
  {
    name: 'the system closed this episode\'s alert (staff made inactive, then active again): raised again',
    due: [timed(CERT, 'staff-1', DAY1)], alerts: [alert(5, CERT, 'staff-1', DAY1, false, 'system')], expected: [{ type: 'raise', subject: 'staff-1', firstOutAt: DAY1 }],
  },
  {
    name: 'the system closed it, then a person closed the alert raised again: not raised a third time',
    due: [timed(CERT, 'staff-1', DAY1)], alerts: [alert(5, CERT, 'staff-1', DAY1, false, 'system'), alert(6, CERT, 'staff-1', DAY1, false)], expected: [],
  },
  { name: 'a closed alert of an earlier episode: a new one', due: [timed(CERT, 'staff-1', DAY2)], alerts: [alert(5, CERT, 'staff-1', DAY1, false)], expected: [{ type: 'raise', subject: 'staff-1', firstOutAt: DAY2 }] },
  { name: 'renewed to a date itself near: the old alert closes, a new one is raised', due: [timed(CERT, 'staff-1', DAY2)], alerts: [alert(5, CERT, 'staff-1', DAY1)], expected: [{ type: 'close', alertId: 5 }, { type: 'raise', subject: 'staff-1', firstOutAt: DAY2 }] },
  { name: 'fixed (no longer due): its live alert closes', due: [], alerts: [alert(5, CERT, 'staff-1', DAY1)], expected: [{ type: 'close', alertId: 5 }] },
  { name: 'fixed, with only closed alerts: nothing', due: [], alerts: [alert(5, CERT, 'staff-1', DAY1, false)], expected: [] },
  { name: 'the same subject under another rule is another alert', due: [timed('FS-CAL-DUE', 'staff-1', DAY1)], alerts: [alert(5, CERT, 'staff-1', DAY1)], expected: [{ type: 'raise', subject: 'staff-1', firstOutAt: DAY1 }, { type: 'close', alertId: 5 }] },
];

const summary = (a: ReminderAction) => (a.type === 'raise' ? { type: a.type, subject: a.due.reminder.subject, firstOutAt: a.firstOutAt } : a);

describe('registry reminders and their alerts', () => {
  for (const c of CASES) {
    it(`[FS-REG-HEALTH-CERT] ${c.name}`, () => {
      expect(reconcileReminders(c.due, c.alerts, NOW).map(summary)).toEqual(c.expected);
    });
  }

  it('[FS-REG-LICENCE][FS-REG-HEALTH-CERT][FS-CAL-DUE] collects the licence, then active staff, then units', () => {
    const reminders = registryReminders({
      licence: { number: 'JY1', expiresOn: '2026-04-24' },
      staff: [
        { id: 1, name: '王芳', healthCertExpiresOn: '2026-03-01', active: true },
        { id: 2, name: '李强', healthCertExpiresOn: '2027-01-01', active: true },
        { id: 3, name: '赵敏', healthCertExpiresOn: null, active: false },
      ],
      units: [unit(cal('2025-01-10')), { ...unit(cal('2026-01-10')), deviceId: 'chiller-2' }],
    }, TODAY, P);
    expect(reminders.map((r) => `${r.reminder.ruleId} ${r.reminder.subject}`)).toEqual(['FS-REG-LICENCE licence', 'FS-REG-HEALTH-CERT staff-1', 'FS-CAL-DUE chiller-1']);
  });
});

/** The episode's instant as the app makes it: the site-local midnight (Asia/Shanghai) of `since`. */
const startOf = (d: DueReminder): number => Date.parse(`${d.since}T00:00:00+08:00`);

// Each rule's reminder on the last day in order (the warning) and on the day after (the lapse).
const LAPSES: Array<{ rule: string; subject: string; on: (today: string) => DueReminder | null }> = [
  { rule: 'FS-REG-HEALTH-CERT', subject: 'staff-1', on: (today) => healthCertReminder({ id: 1, name: '王芳', healthCertExpiresOn: '2026-03-15', active: true }, today, P) },
  { rule: 'FS-REG-LICENCE', subject: 'licence', on: (today) => licenceReminder({ number: 'JY1', expiresOn: '2026-03-15' }, today, P) },
  { rule: 'FS-CAL-DUE', subject: 'chiller-1', on: (today) => calibrationState(unit(cal('2025-03-15')), today, P).due },
];

describe('a lapse is its own episode', () => {
  for (const l of LAPSES) {
    it(`[${l.rule}] a person's close of the warning does not silence the lapse; the live warning gives way to it`, () => {
      const warning = l.on('2026-03-15')!;
      const lapsed = l.on('2026-03-16')!;
      expect([warning.reminder.daysLeft, lapsed.reminder.daysLeft, lapsed.since]).toEqual([0, -1, '2026-03-16']);
      const closed = alert(5, l.rule, l.subject, startOf(warning), false);
      expect(reconcileReminders([{ due: warning, startsAt: startOf(warning) }], [closed], NOW)).toEqual([]);
      expect(reconcileReminders([{ due: lapsed, startsAt: startOf(lapsed) }], [closed], NOW).map(summary))
        .toEqual([{ type: 'raise', subject: l.subject, firstOutAt: startOf(lapsed) }]);
      // Never closed: the warning's live alert is closed by the system and the lapse raised.
      expect(reconcileReminders([{ due: lapsed, startsAt: startOf(lapsed) }], [alert(5, l.rule, l.subject, startOf(warning))], NOW).map(summary))
        .toEqual([{ type: 'close', alertId: 5 }, { type: 'raise', subject: l.subject, firstOutAt: startOf(lapsed) }]);
    });
  }

  it('[FS-REG-HEALTH-CERT] the lapse stays one episode, day after day', () => {
    const { on } = LAPSES[0]!;
    expect([on('2026-03-16')!.since, on('2026-04-20')!.since]).toEqual(['2026-03-16', '2026-03-16']);
  });
});

describe('site-local dates', () => {
  it('knows real days, month ends and leap years', () => {
    expect([isCalendarDate('2026-02-28'), isCalendarDate('2026-02-29'), isCalendarDate('2028-02-29'), isCalendarDate('2026-2-1')]).toEqual([true, false, true, false]);
    expect([addMonths('2025-01-31', 1), addMonths('2027-02-28', 12), addMonths('2028-02-29', 12)]).toEqual(['2025-02-28', '2028-02-28', '2029-02-28']);
    expect([daysBetween('2026-03-15', '2026-04-14'), daysBetween('2026-03-15', '2026-03-14'), daysBetween('2025-12-31', '2026-01-01')]).toEqual([30, -1, 1]);
  });
});
