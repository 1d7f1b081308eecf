import { describe, expect, it } from 'vitest';
import { cameraKey } from './bright-kitchen.ts';
import { AI_EVENTS_MAX, applyAiEvents, applyReading, createStore, emptyState, unitKey } from './store.ts';
import { aiEvent, alert, camera, kitchen, reading } from './test-fixtures.ts';

const T0 = '2024-11-22T02:00:00.000Z';
const T1 = '2024-11-22T02:01:00.000Z';
const T2 = '2024-11-22T02:02:00.000Z';

describe('store', () => {
  it('replaces the state with a snapshot, then applies deltas', () => {
    const store = createStore();
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.latest.size));
    store.beginSnapshot();
    store.snapshot({ devices: [], cameras: [], kitchens: [kitchen('k1')], latest: [reading('k1', 'c1', T0)], alerts: [] });
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
    store.snapshot({ devices: [], cameras: [], kitchens: [kitchen('k1'), kitchen('k2')], latest: [], alerts: [alert(1)] });
    store.snapshot({ devices: [], cameras: [], kitchens: [kitchen('k1')], latest: [], alerts: [] });
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
      cameras: [],
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
    store.snapshot({ devices: [], cameras: [], kitchens: [], latest: [reading('k1', 'c1', T0, { temp: 4 })], alerts: [] });
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

describe('store: cameras and AI events', () => {
  const snap = (cameras = [camera('k1', 'cam-1'), camera('k1', 'cam-2', { online: false })]) => ({
    devices: [],
    cameras,
    kitchens: [kitchen('k1')],
    latest: [],
    alerts: [],
  });

  it('takes the cameras from the snapshot, then camera:updated', () => {
    const store = createStore();
    store.snapshot(snap());
    expect(store.get().cameras.get(cameraKey('k1', 'cam-2'))?.online).toBe(false);
    store.delta({ type: 'camera', camera: camera('k1', 'cam-2', { online: true, viewers: 2 }) });
    expect(store.get().cameras.get(cameraKey('k1', 'cam-2'))).toMatchObject({ online: true, viewers: 2 });
    store.snapshot(snap([camera('k1', 'cam-1')])); // cam-2 removed on the server
    expect([...store.get().cameras.keys()]).toEqual([cameraKey('k1', 'cam-1')]);
  });

  it('holds AI events from REST and ai:event across snapshots, newest copy winning', () => {
    const store = createStore();
    store.aiEvents([aiEvent(1), aiEvent(2, { kitchenId: 'k2' })]);
    store.delta({ type: 'ai', event: aiEvent(1, { lastDetectedAt: T1, detections: 3 }) });
    store.snapshot(snap()); // carries no AI events: keeps them
    expect(store.get().aiEvents.get(1)?.detections).toBe(3);
    expect(store.get().aiEvents.size).toBe(2);
    // A REST page fetched before the repeat arrives late: it does not undo it.
    store.aiEvents([aiEvent(1)]);
    expect(store.get().aiEvents.get(1)?.detections).toBe(3);
    // The review's answer.
    store.aiEvents([aiEvent(1, { lastDetectedAt: T1, detections: 3, review: 'confirmed', reviewedBy: '张三', reviewedAt: T2 })]);
    expect(store.get().aiEvents.get(1)?.review).toBe('confirmed');
  });

  it('does not notify for an AI event it already holds', () => {
    const store = createStore();
    store.aiEvents([aiEvent(1)]);
    let calls = 0;
    store.subscribe(() => calls++);
    store.aiEvents([aiEvent(1)]);
    expect(calls).toBe(0);
  });

  it('keeps at most AI_EVENTS_MAX events, the newest', () => {
    const many = Array.from({ length: AI_EVENTS_MAX + 5 }, (_, i) =>
      aiEvent(i + 1, { detectedAt: new Date(Date.UTC(2024, 10, 22) + i * 60_000).toISOString() }),
    );
    const s = applyAiEvents(emptyState(), many);
    expect(s.aiEvents.size).toBe(AI_EVENTS_MAX);
    expect(s.aiEvents.has(1)).toBe(false);
    expect(s.aiEvents.has(AI_EVENTS_MAX + 5)).toBe(true);
  });

  it('replays a camera update that arrived while the snapshot was on its way', () => {
    const store = createStore();
    store.beginSnapshot();
    store.delta({ type: 'camera', camera: camera('k1', 'cam-1', { online: false }) });
    store.snapshot(snap());
    expect(store.get().cameras.get(cameraKey('k1', 'cam-1'))?.online).toBe(false);
  });
});
