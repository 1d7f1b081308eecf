import { describe, expect, it } from 'vitest';
import type { Alert } from '../../contracts/api.ts';
import { REPEAT_MS, SILENT, decideBeep, type BuzzerMemory } from './buzzer.ts';
import { alert } from './test-fixtures.ts';

const T0 = Date.parse('2024-11-22T02:00:00.000Z');

/** Runs the decision second by second over a timeline of alert lists; returns the beep times (s). */
function beepsOver(seconds: number, alertsAt: (s: number) => Alert[], kitchenId = 'k1'): number[] {
  let memory: BuzzerMemory = SILENT;
  const beeps: number[] = [];
  for (let s = 0; s <= seconds; s++) {
    const d = decideBeep(memory, alertsAt(s), kitchenId, T0 + s * 1000);
    memory = d.memory;
    if (d.beep) beeps.push(s);
  }
  return beeps;
}

describe('the kitchen buzzer', () => {
  it('[FS-COLD-ALARM] sounds when an alarm is raised and every 30 s while nobody acknowledges it', () => {
    const beeps = beepsOver(95, (s) => (s >= 5 ? [alert(1, { severity: 'alarm' })] : []));
    expect(beeps).toEqual([5, 35, 65, 95]);
    expect(REPEAT_MS).toBe(30_000);
  });

  it('stops once the alert is acknowledged', () => {
    const beeps = beepsOver(120, (s) => [alert(1, { severity: 'critical', status: s >= 40 ? 'acknowledged' : 'active' })]);
    expect(beeps).toEqual([0, 30]);
  });

  it('sounds at once for a second alarm raised between repeats, then keeps one 30 s rhythm', () => {
    const beeps = beepsOver(80, (s) => [alert(1), ...(s >= 12 ? [alert(2, { severity: 'critical' })] : [])]);
    expect(beeps).toEqual([0, 12, 42, 72]);
  });

  it('sounds again for a re-alarm of the same alert (a new raise time)', () => {
    const beeps = beepsOver(20, (s) => [alert(1, { raisedAt: s >= 10 ? '2024-11-22T02:00:10.000Z' : '2024-11-22T02:00:00.000Z' })]);
    expect(beeps).toEqual([0, 10]);
  });

  it('stays quiet for warnings, reminders, resolved alerts and other kitchens', () => {
    const quiet = [
      alert(1, { severity: 'warning' }),
      alert(2, { severity: 'reminder', ruleId: 'FS-CAL-DUE' }),
      alert(3, { status: 'resolved' }),
      alert(4, { kitchenId: 'k2', severity: 'critical' }),
    ];
    expect(beepsOver(60, () => quiet)).toEqual([]);
    expect(decideBeep(SILENT, quiet, 'k1', T0).sounding).toBe(false);
  });
});
