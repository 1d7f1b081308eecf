// Cameras, their transitions, AI events and snapshots in the SQL store (rule book section 5).
import { describe, expect, it } from 'vitest';
import type { CameraHealth } from '../../../contracts/cameras.ts';
import { openDatabase } from './database.ts';
import { createCamerasRepo } from './cameras-repo.ts';
import { createAlertsRepo } from './alerts-repo.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);
const MIN = 60_000;
const health = (over: Partial<CameraHealth> = {}): CameraHealth => ({
  camera: 'cam-01', name: '切配间', area: 'cold_prep', online: true, fps: 25, bitrateKbps: 2048, recorderDays: 30, streaming: false, ...over,
});
const group = { cameraId: 'cam-01', category: 'no_mask' as const, detectedAt: T, lastDetectedAt: T, detections: 1, confidence: 0.8 };
const edge = (edgeId: string, detectedAt = T) => ({ kitchenId: 'k1', edgeId, cameraId: 'cam-01', category: 'no_mask' as const, detectedAt });

describe('cameras in SQL', () => {
  it('records a camera, its changes, and a transition only when it goes online or offline', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    const first = repo.saveHealth('k1', 'gw1', health(), T);
    expect(first).toMatchObject({ changed: true, transition: true, camera: { online: true, since: T, lastSeenAt: T, recorderDays: 30 } });
    expect(repo.saveHealth('k1', 'gw1', health(), T + 10_000)).toMatchObject({ changed: false, transition: false, camera: { since: T, lastSeenAt: T + 10_000 } });
    expect(repo.saveHealth('k1', 'gw1', health({ fps: 12 }), T + 20_000)).toMatchObject({ changed: true, transition: false });
    expect(repo.saveHealth('k1', 'gw1', health({ online: false }), T + 30_000))
      .toMatchObject({ changed: true, transition: true, camera: { online: false, since: T + 30_000 } });
    expect(repo.transitions('k1', 'cam-01', 0)).toEqual([{ at: T, online: true }, { at: T + 30_000, online: false }]);
    expect(repo.transitions('k1', 'cam-01', T + 20_000)).toEqual([{ at: T, online: true }, { at: T + 30_000, online: false }]);
    expect(repo.transitions('k1', 'cam-01', T + 40_000)).toEqual([{ at: T + 30_000, online: false }]);
  });

  it('marks a silent camera offline once, from when it was last seen, and finds stale ones', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    repo.saveHealth('k1', 'gw1', health(), T);
    repo.saveHealth('k1', 'gw1', health({ camera: 'cam-02' }), T + 25_000);
    expect(repo.staleCameras(T + 20_000).map((c) => c.cameraId)).toEqual(['cam-01']);
    expect(repo.markOffline('k1', 'cam-01', T)).toMatchObject({ online: false, since: T });
    expect(repo.markOffline('k1', 'cam-01', T + 1)).toBeUndefined();
    expect(repo.staleCameras(T + 20_000)).toEqual([]);
    expect(repo.gatewayCameras('k1', 'gw1').map((c) => c.cameraId)).toEqual(['cam-01', 'cam-02']);
  });

  it('keeps the start of a short-retention span', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    repo.saveHealth('k1', 'gw1', health({ recorderDays: 5 }), T);
    repo.setRetentionShortSince('k1', 'cam-01', T);
    repo.saveHealth('k1', 'gw1', health({ recorderDays: 5 }), T + 10_000);
    expect(repo.getCamera('k1', 'cam-01')?.retentionShortSince).toBe(T);
  });
});

describe('AI events in SQL', () => {
  it('[FS-AI-EVENT] stores a group, finds it near a later detection, gives it its first snapshot, and remembers each edge id', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    const event = repo.insertAiEvent('k1', group, null, edge('e-1'));
    expect(event).toMatchObject({ id: 1, kitchenId: 'k1', detections: 1, review: 'pending', alertId: null });
    expect(repo.groupNear('k1', 'cam-01', 'no_mask', T + 10 * MIN, 10 * MIN)?.id).toBe(event.id);
    expect(repo.groupNear('k1', 'cam-01', 'no_mask', T + 11 * MIN, 10 * MIN)).toBeUndefined();
    expect(repo.groupNear('k1', 'cam-01', 'no_hat', T, 10 * MIN)).toBeUndefined();
    repo.saveSnapshot('abc', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff]), T);
    const joined = repo.joinAiEvent(event.id, { ...group, lastDetectedAt: T + 5 * MIN, detections: 2, confidence: 0.9 }, 'abc', edge('e-2', T + 5 * MIN));
    expect(joined).toMatchObject({ detections: 2, confidence: 0.9, lastDetectedAt: T + 5 * MIN, snapshotSha256: 'abc' });
    expect(repo.edgeDetection('k1', 'e-2')).toMatchObject({ aiEventId: event.id, detectedAt: T + 5 * MIN });
    expect(repo.edgeDetection('k2', 'e-2')).toBeUndefined();
    expect(() => repo.insertAiEvent('k1', group, null, edge('e-1'))).toThrow(/UNIQUE/);
  });

  it('[FS-AI-EVENT] reviews an event once, lists newest first and filters by review', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    const a = repo.insertAiEvent('k1', group, null, edge('e-1'));
    const b = repo.insertAiEvent('k1', { ...group, detectedAt: T + 20 * MIN, lastDetectedAt: T + 20 * MIN }, null, edge('e-2', T + 20 * MIN));
    const review = { state: 'confirmed' as const, by: '李经理', at: T + 30 * MIN, note: null };
    expect(repo.reviewAiEvent(a.id, review)).toMatchObject({ review: 'confirmed', reviewedBy: '李经理', reviewedAt: T + 30 * MIN });
    expect(repo.reviewAiEvent(a.id, { ...review, state: 'rejected' })).toBeUndefined();
    expect(repo.getAiEvent(a.id)?.review).toBe('confirmed');
    expect(repo.listAiEvents().map((e) => e.id)).toEqual([b.id, a.id]);
    expect(repo.listAiEvents({ review: 'pending' }).map((e) => e.id)).toEqual([b.id]);
    expect(repo.listAiEvents({ kitchenId: 'k2' })).toEqual([]);
    expect(repo.aiEventsBetween('k1', T, T + 20 * MIN).map((e) => e.id)).toEqual([a.id]);
  });

  it('[FS-AI-EVENT] a group\'s alert follows it by id, even when it is no longer live', () => {
    const db = openDatabase(':memory:');
    const alerts = createAlertsRepo(db);
    const { alert } = alerts.raise({
      kitchenId: 'k1', deviceId: 'cam-01', ruleId: 'FS-AI-EVENT', severity: 'warning', profile: 'CN-GB31654',
      message: 'no mask', firstOutAt: T, raisedAt: T, value: 0.8, storedAt: T,
    });
    alerts.clear('k1', 'cam-01', 'FS-AI-EVENT', T, 0.8, 0);
    alerts.amend(alert.id, { message: 'no mask, 2 detections', peak: 0.9, clearedAt: T + 5 * MIN });
    expect(alerts.get(alert.id)).toMatchObject({ message: 'no mask, 2 detections', peakValue: 0.9, clearedAt: new Date(T + 5 * MIN).toISOString() });
  });

  it('stores a snapshot once under its hash', () => {
    const repo = createCamerasRepo(openDatabase(':memory:'));
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    repo.saveSnapshot('abc', 'image/jpeg', bytes, T);
    repo.saveSnapshot('abc', 'image/jpeg', Buffer.from([0]), T + 1);
    expect(repo.getSnapshot('abc')).toEqual({ mime: 'image/jpeg', bytes });
    expect(repo.getSnapshot('nope')).toBeUndefined();
  });
});
