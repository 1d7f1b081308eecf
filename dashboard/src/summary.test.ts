import { describe, expect, it } from 'vitest';
import { parseRoute, kitchenHref } from './route.ts';
import { applySnapshot, emptyState } from './store.ts';
import { openFirst, worstState } from './summary.ts';
import { homeTiles } from './inspector-home.ts';
import { alert, kitchen, reading } from './test-fixtures.ts';

const T = '2024-11-22T02:00:00.000Z';

describe('district summary', () => {
  const state = applySnapshot(emptyState(), {
    devices: [],
    cameras: [],
    kitchens: [kitchen('k1', '安康助餐点'), kitchen('k2', '幸福里长者饭堂'), kitchen('k3', '春晖长者饭堂'), kitchen('k4', '百合食堂')],
    latest: [
      reading('k1', 'c1', T),
      reading('k1', 'f1', T, { temp: -18 }),
      reading('k2', 'c1', T, { state: 'critical', temp: 13.2 }),
      reading('k2', 'c2', T),
      reading('k3', 'c1', T, { state: 'offline' }),
      reading('k4', 'c1', T, { state: 'warning' }),
    ],
    alerts: [
      alert(1, { kitchenId: 'k2' }),
      alert(2, { kitchenId: 'k1', severity: 'alarm', status: 'resolved' }),
      alert(3, { kitchenId: 'k1', severity: 'critical', status: 'closed' }),
    ],
  });

  it('puts the worst kitchens first: critical, warning, offline, then ok (resolved alerts do not rank)', () => {
    expect(homeTiles(state, []).map((tile) => tile.view.kitchen.id)).toEqual(['k2', 'k4', 'k3', 'k1']);
  });

  it('ranks a kitchen by an open alert even when its units are back to ok', () => {
    const s = applySnapshot(state, {
      devices: [],
      cameras: [],
      kitchens: [kitchen('a', 'A'), kitchen('b', 'B')],
      latest: [reading('a', 'c1', T), reading('b', 'c1', T)],
      alerts: [alert(9, { kitchenId: 'b', severity: 'alarm', status: 'acknowledged' })],
    });
    expect(homeTiles(s, []).map((tile) => tile.view.kitchen.id)).toEqual(['b', 'a']);
  });

  it('worstState of nothing is unknown', () => {
    expect(worstState([])).toBe('unknown');
    expect(worstState(['ok', 'alarm', 'warning'])).toBe('alarm');
  });

  it('lists unresolved alerts first, worst first, then resolved, then closed, newest first', () => {
    const list = openFirst([
      alert(1, { status: 'closed', raisedAt: '2024-11-22T05:00:00Z' }),
      alert(2, { status: 'active', severity: 'warning', raisedAt: '2024-11-22T04:00:00Z' }),
      alert(3, { status: 'acknowledged', severity: 'critical', raisedAt: '2024-11-22T01:00:00Z' }),
      alert(4, { status: 'resolved', raisedAt: '2024-11-22T06:00:00Z' }),
      alert(5, { status: 'resolved', raisedAt: '2024-11-22T03:00:00Z' }),
      alert(6, { status: 'closed', raisedAt: '2024-11-22T07:00:00Z' }),
    ]);
    expect(list.map((a) => a.id)).toEqual([3, 2, 4, 5, 6, 1]);
  });
});

describe('routes', () => {
  it('parses the district and kitchen routes', () => {
    expect(parseRoute('')).toEqual({ page: 'district' });
    expect(parseRoute('#/')).toEqual({ page: 'district' });
    expect(parseRoute(kitchenHref('k 07'))).toEqual({ page: 'kitchen', kitchenId: 'k 07' });
    expect(parseRoute('#/kitchen/%E0%A4%A')).toEqual({ page: 'district' });
  });
});
