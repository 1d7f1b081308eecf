// The camera monitor on a real SQLite store: FS-CAM-OFFLINE during service hours (with the
// default meal times, or the kitchen's own), silent gateways, uptime, FS-CAM-RETENTION.
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../contracts/api.ts';
import type { CameraDto } from '../../contracts/camera-api.ts';
import type { CameraHealth } from '../../contracts/cameras.ts';
import { openDatabase } from '../adapters/sql/database.ts';
import { createAlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { createCamerasRepo } from '../adapters/sql/cameras-repo.ts';
import { createRegistryRepo } from '../adapters/sql/registry-repo.ts';
import { createSamplesRepo } from '../adapters/sql/samples-repo.ts';
import { createCameraMonitor, type CameraMonitorDeps } from './camera-monitor.ts';

/** Site-local time on Monday 2026-11-23 in Asia/Shanghai (UTC+8). */
const local = (hhmm: string, s = 0): number => {
  const [hh, mm] = hhmm.split(':').map(Number) as [number, number];
  return Date.UTC(2026, 10, 23, hh - 8, mm, s);
};
const iso = (ms: number) => new Date(ms).toISOString();
const GW = { kitchenId: 'k1', gatewayId: 'gw1' };
const cam = (over: Partial<CameraHealth> = {}): CameraHealth => ({
  camera: 'cam-01', name: '切配间', area: 'cold_prep', online: true, fps: 25, bitrateKbps: 2048, recorderDays: 30, streaming: false, ...over,
});

function setup(over: Partial<CameraMonitorDeps> = {}) {
  const db = openDatabase(':memory:');
  const registry = createRegistryRepo(db);
  registry.saveKitchen({ id: 'k1', name: '长者饭堂', district: '黄浦', address: '', siteType: '助餐服务中心', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
  const alerts = createAlertsRepo(db);
  const samples = createSamplesRepo(db);
  const cameras = createCamerasRepo(db);
  const clock = { now: local('09:00') };
  const emitted = { alerts: [] as Array<{ event: string; alert: Alert }>, cameras: [] as CameraDto[] };
  const deps: CameraMonitorDeps = {
    cameras, registry, samples, alerts, now: () => clock.now,
    emitAlert: (event, alert) => emitted.alerts.push({ event, alert }),
    emitCamera: (dto) => emitted.cameras.push(dto),
    viewersOf: () => 2,
    ...over,
  };
  const monitor = createCameraMonitor(deps);
  const at = (hhmm: string, s = 0) => (clock.now = local(hhmm, s));
  const report = (hhmm: string, ...list: CameraHealth[]) => {
    at(hhmm);
    monitor.onHealth(GW, { v: 1, ts: clock.now, cameras: list });
  };
  const tick = (hhmm: string, s = 0) => {
    at(hhmm, s);
    monitor.tick();
  };
  const ofRule = (ruleId: string) => alerts.list().filter((a) => a.ruleId === ruleId);
  return { db, deps, alerts, samples, cameras, monitor, emitted, report, tick, at, ofRule };
}

describe('camera monitor', () => {
  it('[FS-CAM-OFFLINE] a camera offline 11 min within lunch prep raises, dated at 10 min; back online clears', () => {
    const t = setup();
    t.report('09:50', cam());
    t.report('10:00', cam({ online: false }));
    t.tick('10:09');
    expect(t.ofRule('FS-CAM-OFFLINE')).toEqual([]);
    t.tick('10:11');
    const [raised] = t.ofRule('FS-CAM-OFFLINE');
    expect(raised).toMatchObject({
      kitchenId: 'k1', deviceId: 'cam-01', severity: 'alarm', status: 'active', firstOutAt: iso(local('10:00')), raisedAt: iso(local('10:10')),
      minutesOut: 11, clearedAt: null, message: 'camera 切配间 (cam-01) offline for 10 min during service hours [CN-GB31654]',
    });
    expect(t.emitted.alerts.filter((e) => e.event === 'alert:raised')).toHaveLength(1);
    t.tick('10:12');
    expect(t.alerts.get(raised!.id)?.minutesOut).toBe(12);
    t.report('10:20', cam());
    expect(t.alerts.get(raised!.id)).toMatchObject({ clearedAt: iso(local('10:20')), minutesOut: 20, status: 'active' });
    expect(t.emitted.alerts.at(-1)).toMatchObject({ event: 'alert:updated', alert: { id: raised!.id, clearedAt: iso(local('10:20')) } });
    t.report('10:40', cam()); // still reporting: online
    t.monitor.tick();
    expect(t.ofRule('FS-CAM-OFFLINE')).toHaveLength(1);
  });

  it('[FS-CAM-OFFLINE] offline outside service hours raises nothing; the clock starts when dinner preparation does', () => {
    const t = setup();
    t.report('13:50', cam());
    t.report('14:00', cam({ online: false }));
    t.tick('14:59');
    expect(t.ofRule('FS-CAM-OFFLINE')).toEqual([]);
    t.tick('15:09');
    expect(t.ofRule('FS-CAM-OFFLINE')).toEqual([]);
    t.tick('15:11');
    expect(t.ofRule('FS-CAM-OFFLINE')).toMatchObject([{ firstOutAt: iso(local('14:00')), raisedAt: iso(local('15:10')), minutesOut: 11 }]);
  });

  it('[FS-CAM-OFFLINE] uses the kitchen\'s own meal times: lunch 12:00–13:00 is served from 10:00', () => {
    const t = setup();
    t.samples.setMealTimes('k1', [{ meal: 'lunch', starts: '12:00', ends: '13:00' }]);
    t.report('08:50', cam());
    t.report('09:00', cam({ online: false }));
    t.tick('10:09');
    expect(t.ofRule('FS-CAM-OFFLINE')).toEqual([]);
    t.tick('10:11');
    expect(t.ofRule('FS-CAM-OFFLINE')).toMatchObject([{ firstOutAt: iso(local('09:00')), raisedAt: iso(local('10:10')) }]);
  });

  it('[FS-CAM-OFFLINE] a silent gateway\'s cameras go offline 30 s after its last report, from that report', () => {
    const t = setup();
    t.report('10:00', cam());
    t.tick('10:00', 25);
    expect(t.monitor.get('k1', 'cam-01')?.online).toBe(true);
    t.tick('10:00', 31);
    expect(t.monitor.get('k1', 'cam-01')).toMatchObject({ online: false, since: iso(local('10:00')) });
    expect(t.emitted.cameras.at(-1)).toMatchObject({ cameraId: 'cam-01', online: false });
    t.tick('10:10', 1);
    expect(t.ofRule('FS-CAM-OFFLINE')).toMatchObject([{ firstOutAt: iso(local('10:00')), raisedAt: iso(local('10:10')) }]);
  });

  it('[FS-CAM-OFFLINE] the server\'s own absence is not a camera offline: silence counts 30 s after its link is up, from then', () => {
    let linkUp: number | null = null;
    const t = setup({ linkUpSince: () => linkUp });
    t.report('10:00', cam());
    t.tick('10:20'); // the server's link was down: nothing can be judged silent
    expect(t.monitor.get('k1', 'cam-01')?.online).toBe(true);
    linkUp = local('10:20');
    t.tick('10:20', 29);
    expect(t.monitor.get('k1', 'cam-01')?.online).toBe(true);
    t.tick('10:20', 31); // up 31 s and still nothing from the camera: offline from when the link came up
    expect(t.monitor.get('k1', 'cam-01')).toMatchObject({ online: false, since: iso(local('10:20')) });
    t.tick('10:29');
    expect(t.ofRule('FS-CAM-OFFLINE')).toHaveLength(0);
  });

  it('[FS-CAM-OFFLINE] reports queued while the server was away are dated by their own time', () => {
    const t = setup();
    t.report('10:00', cam());
    t.at('10:40');
    t.monitor.onHealth(GW, { v: 1, ts: local('10:05'), cameras: [cam({ online: false })] });
    t.monitor.onHealth(GW, { v: 1, ts: local('10:20'), cameras: [cam({ online: false })] });
    t.monitor.onHealth(GW, { v: 1, ts: local('10:30'), cameras: [cam()] });
    expect(t.ofRule('FS-CAM-OFFLINE')).toMatchObject([{ firstOutAt: iso(local('10:05')), raisedAt: iso(local('10:15')) }]);
    expect(t.monitor.get('k1', 'cam-01')).toMatchObject({ online: true, since: iso(local('10:30')) });
    // a gateway clock behind the last report cannot move time backwards
    t.monitor.onHealth(GW, { v: 1, ts: local('09:00'), cameras: [cam({ online: false })] });
    expect(t.monitor.get('k1', 'cam-01')).toMatchObject({ online: false, since: iso(local('10:30')) });
  });

  it('[FS-CAM-OFFLINE] a gateway gone offline takes its cameras with it', () => {
    const t = setup();
    t.report('10:00', cam(), cam({ camera: 'cam-02', name: '烹饪区', area: 'cooking' }));
    t.at('10:00', 5);
    t.monitor.onGatewayOffline(GW);
    expect(t.monitor.list('k1').map((c) => [c.cameraId, c.online])).toEqual([['cam-01', false], ['cam-02', false]]);
    expect(t.emitted.cameras.slice(-2).map((c) => c.online)).toEqual([false, false]);
  });

  it('[FS-CAM-OFFLINE] survives a restart, and an alert closed by a person is not raised again while the camera stays away', () => {
    const t = setup();
    t.report('09:50', cam());
    t.report('10:00', cam({ online: false }));
    const restarted = createCameraMonitor(t.deps);
    t.at('10:11');
    restarted.tick();
    const [raised] = t.ofRule('FS-CAM-OFFLINE');
    expect(raised).toMatchObject({ raisedAt: iso(local('10:10')) });
    t.alerts.resolve(raised!.id, local('10:15'));
    t.alerts.close(raised!.id, local('10:16'));
    t.at('10:30');
    restarted.tick();
    expect(t.ofRule('FS-CAM-OFFLINE')).toHaveLength(1);
  });

  it('[FS-CAM-OFFLINE] shows the inspector today\'s uptime over service hours', () => {
    const t = setup();
    t.report('04:00', cam());
    t.report('09:00', cam({ online: false }));
    t.report('09:30', cam());
    t.at('10:00');
    expect(t.monitor.get('k1', 'cam-01')).toMatchObject({
      uptime: { date: '2026-11-23', serviceMinutes: 330, onlineMinutes: 300, percent: 90.9 },
      requiredRetentionDays: 30, viewers: 2, streamPath: '/video/k1/cam-01', lastSeenAt: iso(local('09:30')),
    });
  });

  it('[FS-CAM-RETENTION] a recorder keeping 5 days raises a compliance alarm once; 30 days clears it', () => {
    const t = setup();
    t.report('09:00', cam({ recorderDays: 5 }));
    t.report('09:00', cam({ recorderDays: 5 }));
    const alerts = t.ofRule('FS-CAM-RETENTION');
    expect(alerts).toMatchObject([{
      deviceId: 'cam-01', severity: 'alarm', raisedAt: iso(local('09:00')), clearedAt: null,
      message: 'recorder of camera 切配间 (cam-01) keeps 5 days of video, fewer than the 30 days required [CN-GB31654]',
    }]);
    t.report('11:00', cam({ recorderDays: 30 }));
    expect(t.alerts.get(alerts[0]!.id)?.clearedAt).toBe(iso(local('11:00')));
    expect(t.cameras.getCamera('k1', 'cam-01')?.retentionShortSince).toBeNull();
  });

  it('[FS-CAM-RETENTION] follows the jurisdiction\'s requirement: 20 days meet a 15-day rule', () => {
    const t = setup({ jurisdictionRetentionDays: () => 15 });
    t.report('09:00', cam({ recorderDays: 20 }));
    expect(t.ofRule('FS-CAM-RETENTION')).toEqual([]);
    expect(t.monitor.get('k1', 'cam-01')?.requiredRetentionDays).toBe(15);
  });

  it('emits camera:updated when something shown changes, and again on refresh', () => {
    const t = setup();
    t.report('09:00', cam());
    t.report('09:00', cam());
    expect(t.emitted.cameras).toHaveLength(1);
    t.report('09:00', cam({ streaming: true }));
    expect(t.emitted.cameras.at(-1)).toMatchObject({ streaming: true, viewers: 2 });
    expect(t.monitor.refresh('k1', 'cam-01')?.cameraId).toBe('cam-01');
    expect(t.emitted.cameras).toHaveLength(3);
    expect(t.monitor.refresh('k1', 'nope')).toBeUndefined();
  });
});
