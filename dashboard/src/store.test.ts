import { describe, expect, it } from 'vitest';
import { applyReading, createStore, emptyState, unitKey } from './store.ts';
import { alert, kitchen, reading } from './test-fixtures.ts';

const T0 = '2024-11-22T02:00:00.000Z';
const T1 = '2024-11-22T02:01:00.000Z';
const T2 = '2024-11-22T02:02:00.000Z';

describe('store', () => {
  it('replaces the state with a snapshot, then applies deltas', () => {
    const store = createStore();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.latest.size));
    store.beginSnapshot();
    store.snapshot({ devices: [], kitchens: [kitchen('k1')], latest: [reading('k1', 'c1', T0)], alerts: [] });
    store.delta({ type: 'reading', reading: reading('k1', 'c2', T1, { temp: 9.1, state: 'alarm' }) });
    store.delta({ type: 'alert', alert: alert(7) });

    const s = store.get();
    expect(s.ready).toBe(true);
    expect(s.latest.get(unitKey('k1', 'c2'))?.temp).toBe(9.1);
    expect(s.alerts.get(7)?.status).toBe('active');
    expect(seen).toEqual([1, 2, 2]);
  });

  it('a later snapshot drops what the server no longer has', () => {
    const store = createStore();
    store.snapshot({ devices: [], kitchens: [kitchen('k1'), kitchen('k2')], latest: [], alerts: [alert(1)] });
    store.snapshot({ devices: [], kitchens: [kitchen('k1')], latest: [], alerts: [] });
    expect([...store.get().kitchens.keys()]).toEqual(['k1']);
    expect(store.get().alerts.size).toBe(0);
  });

  it('replays deltas that arrived while the snapshot was on its way', () => {
    const store = createStore();
    store.beginSnapshot();
    store.delta({ type: 'reading', reading: reading('k1', 'c1', T2, { temp: 8.8 }) });
    store.delta({ type: 'alert', alert: alert(3, { status: 'acknowledged', acknowledgedAt: T2 }) });
    // The snapshot was built before those deltas: it holds older copies.
    store.snapshot({
      devices: [],
      kitchens: [kitchen('k1')],
      latest: [reading('k1', 'c1', T0, { temp: 4 })],
      alerts: [alert(3)],
    });
    expect(store.get().latest.get(unitKey('k1', 'c1'))?.temp).toBe(8.8);
    expect(store.get().alerts.get(3)?.status).toBe('acknowledged');
  });

  it('stops buffering when a snapshot request is cancelled', () => {
    const store = createStore();
    store.beginSnapshot();
    store.delta({ type: 'reading', reading: reading('k1', 'c1', T2, { temp: 8.8 }) });
    store.cancelSnapshot();
    store.snapshot({ devices: [], kitchens: [], latest: [reading('k1', 'c1', T0, { temp: 4 })], alerts: [] });
    expect(store.get().latest.get(unitKey('k1', 'c1'))?.temp).toBe(4);
  });

  it('ignores a reading older than the one held', () => {
    let s = applyReading(emptyState(), reading('k1', 'c1', T1, { temp: 5 }));
    const before = s;
    s = applyReading(s, reading('k1', 'c1', T0, { temp: 12 }));
    expect(s).toBe(before);
    expect(s.latest.get(unitKey('k1', 'c1'))?.temp).toBe(5);
  });

  it('keeps the more recently changed copy of an alert', () => {
    const store = createStore();
    store.delta({ type: 'alert', alert: alert(5, { status: 'resolved', clearedAt: T1, resolvedAt: T2 }) });
    store.delta({ type: 'alert', alert: alert(5, { status: 'active' }) });
    expect(store.get().alerts.get(5)?.status).toBe('resolved');
  });

  it('reports the connection and notifies only on change', () => {
    const store = createStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.connection('online');
    store.connection('online');
    expect(store.get().connection).toBe('online');
    expect(calls).toBe(1);
  });
});
