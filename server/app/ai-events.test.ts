// [FS-AI-EVENT] on a real SQLite store: idempotent edge ids, snapshots under their hash,
// de-duplication into one alert per event, and the confirm / reject review.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../contracts/api.ts';
import type { AiEventDto } from '../../contracts/camera-api.ts';
import type { AiEvent } from '../../contracts/cameras.ts';
import { openDatabase } from '../adapters/sql/database.ts';
import { createAlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { createCamerasRepo } from '../adapters/sql/cameras-repo.ts';
import { createRegistryRepo } from '../adapters/sql/registry-repo.ts';
import { createAiEvents } from './ai-events.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0); // 10:00 in Asia/Shanghai
const MIN = 60_000;
const GW = { kitchenId: 'k1', gatewayId: 'gw1' };
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0xff, 0xd9]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const snapshot = (bytes: Buffer) => ({ mime: 'image/jpeg' as const, data: bytes.toString('base64') });

let oid = 0;
const event = (id: string, atMin: number, over: Partial<AiEvent> = {}): AiEvent =>
  ({ oid: ++oid, id, camera: 'cam-01', category: 'no_mask', confidence: 0.8, ts: T + atMin * MIN, ...over });

function setup() {
  const audited: Array<{ actor: string; role: string | null; action: string }> = [];
  const db = openDatabase(':memory:');
  const registry = createRegistryRepo(db);
  registry.saveKitchen({ id: 'k1', name: '长者饭堂', district: '黄浦', address: '', siteType: '助餐服务中心', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
  const cameras = createCamerasRepo(db);
  cameras.saveHealth('k1', 'gw1', {
    camera: 'cam-01', name: '切配间', area: 'cold_prep', online: true, fps: 25, bitrateKbps: 2048, recorderDays: 30, streaming: false,
  }, T);
  const alerts = createAlertsRepo(db);
  const clock = { now: T + 30 * MIN };
  const emitted = { alerts: [] as Array<{ event: string; alert: Alert }>, events: [] as AiEventDto[] };
  const raised: string[] = [];
  const ai = createAiEvents({
    cameras, alerts, registry, now: () => clock.now,
    emitAlert: (e, alert) => emitted.alerts.push({ event: e, alert }),
    emitAiEvent: (dto) => emitted.events.push(dto),
    onRaised: (ruleId) => raised.push(ruleId),
    audit: (entry) => audited.push(entry),
  });
  const aiAlerts = () => alerts.list().filter((a) => a.ruleId === 'FS-AI-EVENT');
  return { ai, alerts, cameras, clock, emitted, raised, aiAlerts, audited };
}

describe('AI events', () => {
  it('[FS-AI-EVENT] a repeat within 10 min joins the event: one alert, 2 detections, the peak confidence', () => {
    const t = setup();
    expect(t.ai.onEvent(GW, event('e-1', 0))).toEqual({ stored: true });
    expect(t.ai.onEvent(GW, event('e-2', 4, { confidence: 0.93 }))).toEqual({ stored: true });
    expect(t.ai.list()).toMatchObject([{
      kitchenId: 'k1', cameraId: 'cam-01', category: 'no_mask', detections: 2, confidence: 0.93,
      detectedAt: new Date(T).toISOString(), lastDetectedAt: new Date(T + 4 * MIN).toISOString(), review: 'pending',
    }]);
    const alerts = t.aiAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      deviceId: 'cam-01', severity: 'warning', status: 'active', peakValue: 0.93,
      firstOutAt: new Date(T).toISOString(), raisedAt: new Date(T).toISOString(), clearedAt: new Date(T + 4 * MIN).toISOString(),
      message: 'no mask seen by camera 切配间 (cam-01): 2 detections, peak confidence 93 % [CN-GB31654]',
    });
    expect(t.ai.list()[0]?.alertId).toBe(alerts[0]!.id);
    expect(t.emitted.alerts.map((e) => e.event)).toEqual(['alert:raised', 'alert:updated']);
    expect(t.emitted.events.map((e) => e.detections)).toEqual([1, 2]);
    expect(t.raised).toEqual(['FS-AI-EVENT']);
  });

  it('[FS-AI-EVENT] a detection 11 min after the last is a new event with a second alert', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    t.ai.onEvent(GW, event('e-2', 11));
    expect(t.ai.list().map((e) => e.detections)).toEqual([1, 1]);
    expect(t.aiAlerts()).toHaveLength(2);
  });

  it('[FS-AI-EVENT] another category on the same camera at the same time is its own event and alert', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    t.ai.onEvent(GW, event('e-2', 1, { category: 'no_hat' }));
    t.ai.onEvent(GW, event('e-3', 2));
    expect(t.ai.list().map((e) => [e.category, e.detections])).toEqual([['no_hat', 1], ['no_mask', 2]]);
    expect(t.aiAlerts().map((a) => a.message.split(' seen')[0]).sort()).toEqual(['no hat', 'no mask']);
  });

  it('[FS-AI-EVENT] a re-sent edge id is recorded once; a reused id for another detection is refused', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    expect(t.ai.onEvent(GW, event('e-1', 0))).toEqual({ stored: true, note: 're-sent: recorded before' });
    expect(t.ai.list()).toMatchObject([{ detections: 1 }]);
    expect(t.aiAlerts()).toHaveLength(1);
    expect(t.emitted.events).toHaveLength(1);
    expect(t.ai.onEvent(GW, event('e-1', 30, { category: 'smoking' }))).toEqual({
      stored: false, reason: 'edge event id e-1 was used before for another detection (cam-01 no_mask)',
    });
    expect(t.ai.onEvent({ kitchenId: 'k2', gatewayId: 'gw9' }, event('e-1', 0))).toEqual({ stored: true });
  });

  it('[FS-AI-EVENT] stores a JPEG snapshot under its SHA-256 and serves it', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0, { snapshot: snapshot(JPEG) }));
    const sha = createHash('sha256').update(JPEG).digest('hex');
    expect(t.ai.list()[0]).toMatchObject({ snapshotSha256: sha, snapshotUrl: `/api/snapshots/${sha}` });
    expect(t.ai.snapshot(sha)).toEqual({ mime: 'image/jpeg', bytes: JPEG });
    expect(t.ai.snapshot('0'.repeat(64))).toBeUndefined();
  });

  it('[FS-AI-EVENT] a snapshot that is not a JPEG is not kept; the event is, and the outcome says so', () => {
    const t = setup();
    expect(t.ai.onEvent(GW, event('e-1', 0, { snapshot: snapshot(PNG) }))).toEqual({
      stored: true, note: 'snapshot is not a JPEG (no FF D8 FF start): event stored without it',
    });
    expect(t.ai.list()[0]).toMatchObject({ snapshotSha256: null, snapshotUrl: null });
    expect(t.ai.snapshot(createHash('sha256').update(PNG).digest('hex'))).toBeUndefined();
  });

  it('[FS-AI-EVENT] confirming records who and when, keeps the alert open, and counts toward the site\'s record', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    const id = t.ai.list()[0]!.id;
    expect(t.ai.confirmedCount('k1')).toBe(0);
    const outcome = t.ai.review(id, { decision: 'confirm', by: '李经理' }, 'inspector');
    expect(t.audited).toEqual([expect.objectContaining({ actor: '李经理', role: 'inspector', action: 'ai-event.reviewed' })]);
    expect(outcome).toMatchObject({ ok: true, event: { review: 'confirmed', reviewedBy: '李经理', reviewedAt: new Date(T + 30 * MIN).toISOString() } });
    expect(t.aiAlerts()[0]).toMatchObject({ status: 'active', message: expect.stringMatching(/; confirmed by 李经理$/) });
    expect(t.emitted.alerts.at(-1)).toMatchObject({ event: 'alert:updated', alert: { status: 'active' } });
    expect(t.emitted.events.at(-1)).toMatchObject({ id, review: 'confirmed' });
    expect(t.ai.confirmedCount('k1')).toBe(1);
    expect(t.ai.confirmedCount('k1', T + MIN)).toBe(0);
  });

  it('[FS-AI-EVENT] rejecting closes the alert as a false positive, and does not count', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0, { category: 'rodent' }));
    const id = t.ai.list()[0]!.id;
    expect(t.ai.review(id, { decision: 'reject', by: '李经理', note: 'a cat' })).toMatchObject({
      ok: true, event: { review: 'rejected', reviewNote: 'a cat' },
    });
    expect(t.aiAlerts()[0]).toMatchObject({ status: 'closed', closedAt: new Date(T + 30 * MIN).toISOString() });
    expect(t.aiAlerts()[0]!.message).toMatch(/rejected by 李经理 as a false positive$/);
    expect(t.emitted.alerts.at(-1)).toMatchObject({ event: 'alert:updated', alert: { status: 'closed' } });
    expect(t.ai.confirmedCount('k1')).toBe(0);
  });

  it('[FS-AI-EVENT] a detection after the review (within 10 min) is a new event for a person, not part of the answered one', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0, { category: 'rodent' }));
    const first = t.ai.list()[0]!.id;
    t.ai.review(first, { decision: 'reject', by: '李经理', note: 'a cat' });
    t.ai.onEvent(GW, event('e-2', 8, { category: 'rodent' }));
    const [second, old] = t.ai.list();
    expect(old).toMatchObject({ id: first, detections: 1, review: 'rejected' });
    expect(second).toMatchObject({ detections: 1, review: 'pending' });
    expect(t.aiAlerts().map((a) => a.status).sort()).toEqual(['active', 'closed']);
  });

  it('[FS-AI-EVENT] keeps the first snapshot of an event; a repeat\'s picture is not stored', () => {
    const t = setup();
    const other = Buffer.concat([JPEG.subarray(0, 10), Buffer.from([1]), JPEG.subarray(10)]);
    t.ai.onEvent(GW, event('e-1', 0, { snapshot: snapshot(JPEG) }));
    t.ai.onEvent(GW, event('e-2', 2, { snapshot: snapshot(other) }));
    expect(t.ai.list()[0]).toMatchObject({ detections: 2, snapshotSha256: createHash('sha256').update(JPEG).digest('hex') });
    expect(t.ai.snapshot(createHash('sha256').update(other).digest('hex'))).toBeUndefined();
  });

  it('[FS-AI-EVENT] an event is reviewed once; a second review is refused with a stable code', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    const id = t.ai.list()[0]!.id;
    t.ai.review(id, { decision: 'confirm', by: '李经理' });
    expect(t.ai.review(id, { decision: 'reject', by: '王师傅' })).toEqual({ ok: false, code: 'ai_event_reviewed' });
    expect(t.ai.get(id)).toMatchObject({ review: 'confirmed', reviewedBy: '李经理' });
    expect(t.ai.review(999, { decision: 'confirm', by: '李经理' })).toEqual({ ok: false, code: 'ai_event_not_found' });
  });

  it('[FS-AI-EVENT] lists newest first, by kitchen and review state', () => {
    const t = setup();
    t.ai.onEvent(GW, event('e-1', 0));
    t.ai.onEvent(GW, event('e-2', 20));
    t.ai.onEvent(GW, event('e-3', 40));
    const [newest, , oldest] = t.ai.list();
    t.ai.review(oldest!.id, { decision: 'confirm', by: '李经理' });
    expect(t.ai.list().map((e) => e.detectedAt)).toEqual([40, 20, 0].map((m) => new Date(T + m * MIN).toISOString()));
    expect(t.ai.list({ review: 'pending' }).map((e) => e.id)).toEqual([newest!.id, t.ai.list()[1]!.id]);
    expect(t.ai.list({ limit: 1 }).map((e) => e.id)).toEqual([newest!.id]);
    expect(t.ai.list({ kitchenId: 'k2' })).toEqual([]);
  });
});
