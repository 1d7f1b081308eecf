// [FS-CAL-DUE] calibration older than 12 months (reminded 30 days ahead), never calibrated, or
// the newest field check off its reference by more than 1 °C until a newer calibration.
import { describe, expect, it } from 'vitest';
import { calibrationState } from './calibration.ts';
import { P, STRICT, TODAY, cal, field, unit } from './registry.fixtures.ts';
import type { RegistryParams, UnitFacts } from './types.ts';

const CASES: Array<{
  name: string; unit: UnitFacts; params?: RegistryParams;
  expected: { due: boolean; dueOn: string | null; lastCalibratedOn: string | null; daysLeft?: number | null; since?: string | null; reason?: string };
}> = [
  { name: 'calibrated 6 months ago: not due', unit: unit(cal('2025-09-15')), expected: { due: false, dueOn: '2026-09-15', lastCalibratedOn: '2025-09-15' } },
  { name: 'due in 31 days: not yet reminded', unit: unit(cal('2025-04-15')), expected: { due: false, dueOn: '2026-04-15', lastCalibratedOn: '2025-04-15' } },
  {
    name: 'due in exactly 30 days: reminded from today', unit: unit(cal('2025-04-14')),
    expected: { due: true, dueOn: '2026-04-14', lastCalibratedOn: '2025-04-14', daysLeft: 30, since: '2026-03-15', reason: 'calibration due on 2026-04-14 (last 2025-04-14)' },
  },
  {
    name: 'calibrated 13 months ago: overdue, an episode from the day after the due date', unit: unit(cal('2025-02-15')),
    expected: { due: true, dueOn: '2026-02-15', lastCalibratedOn: '2025-02-15', daysLeft: -28, since: '2026-02-16', reason: 'calibration overdue since 2026-02-15 (last 2025-02-15)' },
  },
  {
    name: 'a failed check inside the reminder window, once overdue: the episode moves on to the check', unit: unit(cal('2025-03-10'), field('2026-03-01', 1.5)),
    expected: { due: true, dueOn: '2026-03-01', lastCalibratedOn: '2025-03-10', since: '2026-03-01' },
  },
  {
    name: 'overdue, then a failed check: the episode stays the lapse\'s', unit: unit(cal('2025-03-01'), field('2026-03-05', 1.5)),
    expected: { due: true, dueOn: '2026-03-01', lastCalibratedOn: '2025-03-01', since: '2026-03-02' },
  },
  {
    name: 'never calibrated: due now, with no date', unit: unit(),
    expected: { due: true, dueOn: null, lastCalibratedOn: null, daysLeft: null, since: null, reason: 'never calibrated' },
  },
  {
    name: 'only field checks within tolerance: still never calibrated', unit: unit(field('2026-03-01', 0.4)),
    expected: { due: true, dueOn: null, lastCalibratedOn: null, since: null, reason: 'never calibrated' },
  },
  {
    name: 'a field check 1.4 °C off: due now, from the day of the check', unit: unit(cal('2025-09-15'), field('2026-03-10', 1.4)),
    expected: { due: true, dueOn: '2026-03-10', lastCalibratedOn: '2025-09-15', daysLeft: -5, since: '2026-03-10', reason: 'field check on 2026-03-10 off the reference by 1.4 °C (tolerance 1 °C)' },
  },
  { name: 'a field check 1.4 °C too cold counts alike', unit: unit(cal('2025-09-15'), field('2026-03-10', -1.4)), expected: { due: true, dueOn: '2026-03-10', lastCalibratedOn: '2025-09-15', since: '2026-03-10' } },
  { name: 'a field check exactly 1.0 °C off (4.2 vs 3.2) is within tolerance', unit: unit(cal('2025-09-15'), field('2026-03-10', 4.2 - 3.2)), expected: { due: false, dueOn: '2026-09-15', lastCalibratedOn: '2025-09-15' } },
  { name: 'a calibration after the failed field check ends it', unit: unit(field('2026-03-10', 1.4), cal('2026-03-12')), expected: { due: false, dueOn: '2027-03-12', lastCalibratedOn: '2026-03-12' } },
  { name: 'a calibration recorded later on the same day as the failed check ends it', unit: unit(field('2026-03-12', 1.4), cal('2026-03-12')), expected: { due: false, dueOn: '2027-03-12', lastCalibratedOn: '2026-03-12' } },
  { name: 'a calibration before the failed check does not end it', unit: unit(cal('2026-03-11'), field('2026-03-12', 2)), expected: { due: true, dueOn: '2026-03-12', lastCalibratedOn: '2026-03-11', since: '2026-03-12' } },
  { name: 'a newer field check within tolerance ends it (only the newest check counts)', unit: unit(cal('2025-09-15'), field('2026-03-10', 1.4), field('2026-03-12', 0.3)), expected: { due: false, dueOn: '2026-09-15', lastCalibratedOn: '2025-09-15' } },
  {
    name: 'a failed check inside an open reminder window keeps the window\'s start', unit: unit(cal('2025-04-01'), field('2026-03-10', 1.5)),
    expected: { due: true, dueOn: '2026-03-10', lastCalibratedOn: '2025-04-01', since: '2026-03-02', reason: 'field check on 2026-03-10 off the reference by 1.5 °C (tolerance 1 °C); calibration due on 2026-04-01 (last 2025-04-01)' },
  },
  { name: 'the last day of a month plus 12 months stays a real day', unit: unit(cal('2025-03-31')), expected: { due: true, dueOn: '2026-03-31', lastCalibratedOn: '2025-03-31', daysLeft: 16 } },
  { name: 'a 6-month interval from the profile: calibrated 6 months ago is due today', unit: unit(cal('2025-09-15')), params: STRICT, expected: { due: true, dueOn: '2026-03-15', lastCalibratedOn: '2025-09-15', daysLeft: 0 } },
  { name: 'a 0.5 °C tolerance from the profile: 0.8 °C off is due', unit: unit(cal('2026-01-15'), field('2026-03-01', 0.8)), params: STRICT, expected: { due: true, dueOn: '2026-03-01', lastCalibratedOn: '2026-01-15' } },
];

describe('FS-CAL-DUE', () => {
  for (const c of CASES) {
    it(`[FS-CAL-DUE] ${c.name}`, () => {
      const state = calibrationState(c.unit, TODAY, c.params ?? P);
      expect({ due: state.due !== null, dueOn: state.dueOn, lastCalibratedOn: state.lastCalibratedOn }).toEqual({ due: c.expected.due, dueOn: c.expected.dueOn, lastCalibratedOn: c.expected.lastCalibratedOn });
      if (c.expected.daysLeft !== undefined) expect(state.due?.reminder.daysLeft).toBe(c.expected.daysLeft);
      if (c.expected.since !== undefined) expect(state.due?.since).toBe(c.expected.since);
      if (c.expected.reason !== undefined) expect(state.due?.reminder.reason).toBe(c.expected.reason);
    });
  }

  it('[FS-CAL-DUE] the reminder names the unit as the alert subject and kind', () => {
    expect(calibrationState(unit(), TODAY, P).due?.reminder).toMatchObject({ kind: 'calibration', ruleId: 'FS-CAL-DUE', subject: 'chiller-1', subjectName: '冷藏柜 1' });
  });

  it('[FS-CAL-DUE] the last check is the newest record of either kind', () => {
    const sameDay = cal('2026-03-12');
    const newest = field('2026-03-12', 0.2); // recorded after the calibration of the same day
    expect(calibrationState(unit(newest, sameDay, cal('2025-01-01')), TODAY, P).lastCheck).toEqual(newest);
  });
});
