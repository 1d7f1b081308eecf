// The bright kitchen (明厨亮灶) end to end, on real parts: simulated IP cameras serving
// RTSP (ffmpeg), a real gateway pulling them with node-rtsp-stream's MPEG-1 muxer, the
// aedes broker, the server relaying to WebSocket viewers, and Debian's Chromium playing
// the stream with JSMpeg. Also the edge box's AI events with their snapshots and the
// camera rules. Screenshots are kept in artifacts/.
import { createHash } from 'node:crypto';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Alert } from '../contracts/api.ts';
import type { AiEventDto, CameraDto } from '../contracts/camera-api.ts';
import { manualClock } from '../contracts/clock.ts';
import { createKitchenCameras, type KitchenCameras } from '../firmware-sim/cameras/kitchen-cameras.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { startStack, testKitchen, type Session, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';
import { ARTIFACTS, launchBrowser } from './fixtures/browser.ts';

const K = 'k-cam';
// The server judges on a clock the test can move (FS-CAM-OFFLINE needs 10 min); video runs in real time.
const clock = manualClock(Date.now());
let stack: Stack;
let cameras: KitchenCameras;
let gateway: Gateway;
let browser: Browser;

const api = async <T>(path: string, init?: RequestInit): Promise<{ status: number; body: T }> => {
  const res = await stack.fetch(`${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
};
const camerasNow = async () => (await api<CameraDto[]>(`/api/cameras?kitchen=${K}`)).body;
const aiEvents = async () => (await api<AiEventDto[]>(`/api/ai-events?kitchen=${K}`)).body;
const openAlerts = async (rule: string) =>
  (await api<Alert[]>(`/api/alerts?kitchen=${K}&status=open`)).body.filter((a) => a.ruleId === rule);
const review = async (as: Session, id: number, body: object) => {
  const res = await as.fetch(`/api/ai-events/${id}/review`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as AiEventDto & { error?: { code: string } } };
};
let inspectorWang: Session;
let inspectorLi: Session;
let staff: Session;

const tile = (camera: string) => `.camera-tile[data-kitchen="${K}"][data-camera="${camera}"]`;
const framesOf = (page: Page, camera: string) =>
  page.$eval(`${tile(camera)} canvas.camera-canvas`, (c) => Number(c.getAttribute('data-frames') ?? 0));

async function watch(camera: string): Promise<Page> {
  const page = await stack.newPage(browser, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${stack.httpUrl}/#/kitchen/${K}?latency=1`);
  await page.click(`${tile(camera)} .camera-screen`);
  await page.waitForFunction((sel) => Number(document.querySelector(sel)?.getAttribute('data-frames') ?? 0) > 10,
    `${tile(camera)} canvas.camera-canvas`, { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  stack = await startStack({
    kitchens: [testKitchen(K, '幸福里长者饭堂')], dashboard: true, clock, ruleTickMs: 100_000,
    server: { cameraCheckMs: 100, videoLingerMs: 300 },
  });
  cameras = createKitchenCameras({
    kitchenId: K, width: 448, height: 256, fps: 15,
    cameras: [{ id: 'cam-1', name: 'Cooking', area: 'cooking' }, { id: 'cam-2', name: 'Sample cabinet', area: 'sample' }],
  });
  await cameras.start();
  gateway = createGateway({
    kitchenId: K, gatewayId: 'gw-cam', mqttUrl: stack.mqttUrl, secret: await stack.addGateway(K, 'gw-cam'), clock,
    devices: [], driver: { read: () => Promise.reject(new Error('no devices')), close: async () => undefined },
    outbox: createMemoryOutbox(), pollIntervalMs: 3_600_000,
    edgeBoxUrl: cameras.edgeBoxUrl, cameraHealthMs: 300, cameraEventMs: 200, streamIdleStopMs: 30_000,
  });
  gateway.start();
  // Reviews are recorded under the logged-in person's name: two inspectors of the kitchen's district, and its staff.
  stack.server.accounts.upsertJurisdiction({ id: 'cam-district', name: '示范区', level: 'district', parentId: null, videoRetentionDays: null });
  stack.server.accounts.linkKitchen(K, 'cam-district');
  inspectorWang = await stack.loginAs({ username: 'wang', displayName: '王督查', role: 'inspector', jurisdictions: ['cam-district'] });
  inspectorLi = await stack.loginAs({ username: 'li-si', displayName: '李四', role: 'inspector', jurisdictions: ['cam-district'] });
  staff = await stack.loginAs({ username: 'cam-staff', displayName: '张师傅', role: 'kitchen_staff', kitchenId: K });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gateway?.stop();
  await cameras?.stop();
  await stack?.stop();
});

describe('bright kitchen: cameras, live video, AI events', () => {
  it('lists the kitchen\'s cameras with their health', async () => {
    const list = await eventually(camerasNow, (l) => l.length === 2 && l.every((c) => c.online && (c.fps ?? 0) > 0));
    expect(list.map((c) => [c.cameraId, c.area, c.recorderDays, c.streaming, c.viewers])).toEqual([
      ['cam-1', 'cooking', 30, false, 0], ['cam-2', 'sample', 30, false, 0],
    ]);
    expect(list[0]!.streamPath).toBe(`/video/${K}/cam-1`);
  });

  it('plays a camera live in Chromium: decoded frames that change over time, through one stream', async () => {
    const page = await watch('cam-1');
    const canvas = `${tile('cam-1')} canvas.camera-canvas`;
    const first = await page.locator(canvas).screenshot();
    const framesAtFirst = await framesOf(page, 'cam-1');
    await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel as string)?.getAttribute('data-frames')) > (n as number) + 10,
      [canvas, framesAtFirst] as const, { timeout: 30_000 });
    const second = await page.locator(canvas).screenshot();
    expect(second.equals(first)).toBe(false); // the burned-in clock moved
    // The picture carries the camera's clock stripe, read back from the decoded frame.
    expect(Number(await page.$eval(canvas, (c) => c.getAttribute('data-latency-ms')))).toBeGreaterThanOrEqual(0);
    expect(await page.$eval(tile('cam-1'), (t) => t.getAttribute('data-state'))).toBe('live');
    await page.screenshot({ path: `${ARTIFACTS}/bright-kitchen-live.png`, fullPage: true });

    // A second viewer joins the same stream: the gateway still transcodes once.
    const other = await watch('cam-1');
    expect(gateway.cameras!.streams.stats.started).toBe(1);
    expect(stack.server.video.viewersOf(K, 'cam-1')).toBe(2);
    const shown = await eventually(camerasNow, (l) => l.find((c) => c.cameraId === 'cam-1')?.viewers === 2);
    expect(shown.find((c) => c.cameraId === 'cam-1')).toMatchObject({ streaming: true, viewers: 2 });

    // Both leave: the server stops the stream after its linger, and the gateway stops transcoding.
    await other.close();
    await page.close();
    await eventually(() => gateway.cameras!.streams.isStreaming('cam-1'), (s) => s === false);
    expect(stack.server.video.viewersOf(K, 'cam-1')).toBe(0);
    const metrics = await (await stack.fetch(`/metrics`)).text();
    expect(Number(/^kcw_video_bytes_received (\d+)/m.exec(metrics)?.[1])).toBeGreaterThan(100_000);
    expect(metrics).toMatch(/^kcw_video_streams 0$/m);
  }, 90_000);

  it('[FS-AI-EVENT] records an AI event with its snapshot, de-duplicated, and a confirm that names who decided', async () => {
    await cameras.edgeBox.detect('cam-1', 'smoking', 0.91);
    const [event] = await eventually(aiEvents, (l) => l.length === 1);
    expect(event).toMatchObject({ cameraId: 'cam-1', category: 'smoking', detections: 1, review: 'pending' });
    const jpeg = Buffer.from(await (await stack.fetch(`${event!.snapshotUrl}`)).arrayBuffer());
    expect(jpeg.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(createHash('sha256').update(jpeg).digest('hex')).toBe(event!.snapshotSha256);
    expect(await openAlerts('FS-AI-EVENT')).toHaveLength(1);

    await cameras.edgeBox.detect('cam-1', 'smoking', 0.8); // within 10 min: the same event
    const [again] = await eventually(aiEvents, (l) => l[0]?.detections === 2);
    expect(again).toMatchObject({ id: event!.id, confidence: 0.91 });
    expect(await openAlerts('FS-AI-EVENT')).toHaveLength(1);

    // The inspector confirms it on the kitchen page, logged in as himself.
    const page = await inspectorWang.newPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(`${stack.httpUrl}/#/kitchen/${K}`);
    const item = `.ai-item[data-event-id="${event!.id}"]`;
    await page.click(`${item} .ai-confirm`);
    await page.fill('.review-dialog textarea[name=note]', '现场已制止');
    await page.click('.review-dialog button[type=submit]');
    await page.waitForSelector(`${item}.review-confirmed`);
    await page.screenshot({ path: `${ARTIFACTS}/bright-kitchen-ai-confirmed.png`, fullPage: true });
    await page.close();
    const [confirmed] = await aiEvents();
    expect(confirmed).toMatchObject({ review: 'confirmed', reviewedBy: '王督查', reviewNote: '现场已制止' });
    expect((await review(inspectorLi, event!.id, { decision: 'reject' })).body.error?.code).toBe('ai_event_reviewed');
  }, 60_000);

  it('[FS-AI-EVENT] a rejected false "rodent" closes its alert and keeps who rejected it', async () => {
    await cameras.edgeBox.detect('cam-2', 'rodent', 0.6);
    const rodent = (await eventually(aiEvents, (l) => l.some((e) => e.category === 'rodent'))).find((e) => e.category === 'rodent')!;
    expect((await review(inspectorLi, rodent.id, { decision: 'maybe' })).status).toBe(400);
    expect((await review(staff, rodent.id, { decision: 'reject' })).body.error?.code).toBe('forbidden'); // staff do not review
    const rejected = await review(inspectorLi, rodent.id, { decision: 'reject', note: '是猫' });
    expect(rejected).toMatchObject({ status: 200, body: { review: 'rejected', reviewedBy: '李四' } });
    const alert = (await api<Alert[]>(`/api/alerts?kitchen=${K}`)).body.find((a) => a.id === rodent.alertId);
    expect(alert?.status).toBe('closed');
  });

  it('answers bad requests with stable codes and closes a viewer of an unknown camera', async () => {
    const code = async (path: string, init?: RequestInit) => {
      const r = await api<{ error: { code: string } }>(path, init);
      return [r.status, r.body.error.code];
    };
    expect(await code('/api/cameras?kitchen=a/b')).toEqual([400, 'invalid_query']);
    expect(await code('/api/cameras?kitchen=k-nowhere')).toEqual([404, 'kitchen_not_found']);
    expect(await code('/api/ai-events?review=maybe')).toEqual([400, 'invalid_query']);
    expect(await code('/api/ai-events?limit=0')).toEqual([400, 'invalid_query']);
    expect(await code('/api/ai-events/abc/review', { method: 'POST' })).toEqual([400, 'invalid_id']);
    expect(await code('/api/ai-events/999/review', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'confirm', by: 'x' }),
    })).toEqual([404, 'ai_event_not_found']);
    expect(await code('/api/snapshots/not-a-hash')).toEqual([400, 'invalid_id']);
    expect(await code(`/api/snapshots/${'0'.repeat(64)}`)).toEqual([404, 'snapshot_not_found']);
    const ws = new WebSocket(`${stack.httpUrl.replace('http', 'ws')}/video/${K}/cam-9`, { headers: { cookie: stack.cookie } });
    const closed = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
    expect(closed).toBe(4404);
    // Another site's page cannot watch through an inspector's browser.
    const foreign = new WebSocket(`${stack.httpUrl.replace('http', 'ws')}/video/${K}/cam-1`, { origin: 'http://elsewhere.example', headers: { cookie: stack.cookie } });
    const refused = await new Promise<number>((resolve) => foreign.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    expect(refused).toBe(403);
  });

  it('[FS-CAM-RETENTION] a recorder keeping 5 days raises a compliance alarm per camera; 30 days clears it', async () => {
    cameras.edgeBox.setRecorderDays(5);
    const raised = await eventually(() => openAlerts('FS-CAM-RETENTION'), (l) => l.length === 2 && l.every((a) => a.clearedAt === null));
    expect(raised.map((a) => a.deviceId).sort()).toEqual(['cam-1', 'cam-2']);
    cameras.edgeBox.setRecorderDays(30);
    await eventually(() => openAlerts('FS-CAM-RETENTION'), (l) => l.every((a) => a.clearedAt !== null));
  });

  it('[FS-CAM-OFFLINE] a camera offline for 10 min during lunch preparation raises an alarm; back online clears it', async () => {
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const lunch = clock.now() + 60 * 60_000; // lunch in an hour: now is preparation time
    const [starts, ends] = [local.format(lunch), local.format(lunch + 90 * 60_000)];
    const put = await stack.fetch(`/api/kitchens/${K}/meal-times`, {
      method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify([{ meal: 'lunch', starts, ends }]),
    });
    expect(put.status).toBe(200);

    await cameras.edgeBox.setCameraOnline('cam-2', false);
    await eventually(camerasNow, (l) => l.find((c) => c.cameraId === 'cam-2')?.online === false);
    clock.advance(9 * 60_000);
    const checks = stack.server.cameraMonitor.stats.checks;
    await eventually(() => stack.server.cameraMonitor.stats.checks, (n) => n >= checks + 3); // judged at 9 min, three times
    expect(await openAlerts('FS-CAM-OFFLINE')).toHaveLength(0);
    clock.advance(2 * 60_000);
    const [alarm] = await eventually(() => openAlerts('FS-CAM-OFFLINE'), (l) => l.length === 1);
    expect(alarm).toMatchObject({ deviceId: 'cam-2', severity: 'alarm', clearedAt: null });

    const page = await stack.newPage(browser, { viewport: { width: 1280, height: 1000 } });
    await page.goto(`${stack.httpUrl}/#/kitchen/${K}`);
    await page.waitForSelector(`${tile('cam-2')}.is-offline`);
    await page.screenshot({ path: `${ARTIFACTS}/bright-kitchen-offline.png`, fullPage: true });
    await page.close();

    await cameras.edgeBox.setCameraOnline('cam-2', true);
    await eventually(() => openAlerts('FS-CAM-OFFLINE'), (l) => l[0]?.clearedAt !== null);
  }, 60_000);
});
