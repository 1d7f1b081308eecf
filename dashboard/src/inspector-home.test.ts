import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../contracts/registry.ts';
import { boardAlerts, durationText, homeCounts, homeTiles, sortReminders, tileState, type SiteReminder } from './inspector-home.ts';
import { applySnapshot, emptyState } from './store.ts';
import { kitchenView } from './summary.ts';
import { alert, kitchen, reading } from './test-fixtures.ts';

const T = '2024-11-22T02:00:00.000Z';

function stateOf(alerts: ReturnType<typeof alert>[], extraKitchens: string[] = []) {
  return applySnapshot(emptyState(), {
    devices: [],
    cameras: [],
    kitchens: [kitchen('a', '安康'), kitchen('b', '百合'), kitchen('c', '春晖'), kitchen('d', '东升'), ...extraKitchens.map((id) => kitchen(id))],
    latest: [reading('a', 'c1', T), reading('b', 'c1', T, { state: 'alarm' }), reading('c', 'c1', T, { state: 'offline' }), reading('d', 'c1', T)],
    alerts,
  });
}

const reminder = (kitchenId: string, daysLeft: number | null, subjectName = 'x'): SiteReminder => ({
  kind: 'health_certificate', ruleId: 'FS-REG-HEALTH-CERT', subject: 'staff:1', subjectName, dueOn: null, daysLeft, reason: '',
  kitchenId, kitchenName: kitchenId,
});

describe('inspector home: kitchen tiles', () => {
  it('colours a kitchen by its unresolved camera or sample alert even when every unit is fine', () => {
    const s = stateOf([alert(1, { kitchenId: 'a', deviceId: 'cam-1', ruleId: 'FS-CAM-OFFLINE', severity: 'alarm' })]);
    expect(tileState(kitchenView(s, s.kitchens.get('a')!))).toBe('alarm');
  });

  it('[FS-REG-LICENCE] a reminder alert never colours a kitchen, and a resolved alert no longer does', () => {
    const s = stateOf([
      alert(1, { kitchenId: 'a', ruleId: 'FS-REG-LICENCE', severity: 'reminder', deviceId: 'licence' }),
      alert(2, { kitchenId: 'd', severity: 'critical', status: 'resolved' }),
    ]);
    expect(tileState(kitchenView(s, s.kitchens.get('a')!))).toBe('ok');
    expect(tileState(kitchenView(s, s.kitchens.get('d')!))).toBe('ok');
  });

  it('orders open critical alerts first, then escalated, then worse states, then by name', () => {
    const s = stateOf([
      alert(1, { kitchenId: 'd', severity: 'critical', status: 'acknowledged' }),
      alert(2, { kitchenId: 'a', severity: 'warning', escalatedTo: 'manager', escalatedAt: T }),
    ]);
    // d: open critical; a: escalated (though only a warning); b: alarm unit; c: offline unit.
    expect(homeTiles(s, null).map((t) => t.view.kitchen.id)).toEqual(['d', 'a', 'b', 'c']);
  });

  it('puts a kitchen escalated to the inspector before one escalated to its manager', () => {
    const s = stateOf([
      alert(1, { kitchenId: 'a', severity: 'warning', escalatedTo: 'manager', escalatedAt: T }),
      alert(2, { kitchenId: 'd', severity: 'warning', escalatedTo: 'inspector', escalatedAt: T }),
    ]);
    expect(homeTiles(s, null).map((t) => t.view.kitchen.id).slice(0, 2)).toEqual(['d', 'a']);
  });

  it('counts reminders per kitchen from the server list, or from reminder alerts until it comes', () => {
    const s = stateOf([alert(1, { kitchenId: 'b', severity: 'reminder', ruleId: 'FS-CAL-DUE' })]);
    expect(homeTiles(s, null).find((t) => t.view.kitchen.id === 'b')?.reminders).toBe(1);
    const listed = [reminder('a', 3), reminder('a', -2)];
    const tiles = homeTiles(s, listed);
    expect(tiles.find((t) => t.view.kitchen.id === 'a')?.reminders).toBe(2);
    expect(tiles.find((t) => t.view.kitchen.id === 'b')?.reminders).toBe(0);
  });
});

describe('inspector home: the 督办 board and the counts', () => {
  const alerts = [
    alert(1, { kitchenId: 'a', severity: 'alarm', escalatedTo: 'inspector', escalatedAt: T, raisedAt: '2024-11-22T00:00:00.000Z' }),
    alert(2, { kitchenId: 'b', severity: 'critical', escalatedTo: 'inspector', escalatedAt: T, raisedAt: '2024-11-22T01:00:00.000Z' }),
    alert(3, { kitchenId: 'c', severity: 'critical', escalatedTo: 'inspector', escalatedAt: T, raisedAt: '2024-11-21T20:00:00.000Z' }),
    alert(4, { kitchenId: 'd', severity: 'critical', escalatedTo: 'manager', escalatedAt: T }),
    alert(5, { kitchenId: 'd', severity: 'critical', escalatedTo: 'inspector', escalatedAt: T, status: 'closed' }),
    alert(6, { kitchenId: 'd', severity: 'critical', escalatedTo: 'inspector', escalatedAt: T, status: 'resolved' }),
  ];

  it('lists only open alerts escalated to the inspector: unresolved critical first, oldest first, resolved ones last', () => {
    expect(boardAlerts(alerts).map((a) => a.id)).toEqual([3, 2, 1, 6]);
  });

  it('counts kitchens by tile state, open alerts by severity (reminders apart), the board and the reminders due', () => {
    const s = stateOf([...alerts, alert(7, { kitchenId: 'a', severity: 'reminder' })]);
    const tiles = homeTiles(s, null);
    const counts = homeCounts(tiles, boardAlerts(s.alerts.values()), [reminder('a', 1)]);
    expect(counts).toMatchObject({ kitchens: 4, board: 4, reminders: 1, bySeverity: { critical: 4, alarm: 1, warning: 0 } });
    expect(counts.byState).toMatchObject({ critical: 3, alarm: 1, ok: 0, offline: 0 });
    expect(homeCounts(tiles, [], null).reminders).toBeNull();
  });

  it('[FS-REG-HEALTH-CERT] lists lapsed reminders first, then nothing on file, then the fewest days left', () => {
    const list: Reminder[] = [reminder('a', 10, 'late'), reminder('a', null, 'none'), reminder('a', -3, 'lapsed'), reminder('a', 0, 'today')];
    expect(sortReminders(list).map((r) => r.subjectName)).toEqual(['lapsed', 'none', 'today', 'late']);
  });
});

describe('durations on the board', () => {
  it('reads in minutes, hours and minutes, then whole days', () => {
    expect([40, 60, 320, 11 * 60 + 5, 50 * 60].map((m) => durationText(m * 60_000))).toEqual(['40 分钟', '1 小时', '5 小时 20 分钟', '11 小时', '2 天']);
  });
});
