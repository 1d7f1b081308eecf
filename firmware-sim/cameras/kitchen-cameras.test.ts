// One simulated kitchen with two cameras, end to end with real ffmpeg: sources
// publishing to the relay, ffmpeg players reading it (TCP, and UDP-first falling
// back on 461), the burned-in clock read back from the decoded picture, the edge
// box's API, and the scenarios on a manual clock. Small pictures at 10 fps keep
// the two encoders light; everything waits on conditions, with deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStripe, stripeLatencyMs } from '../../contracts/clock-stripe.ts';
import { manualClock } from '../../contracts/clock.ts';
import { spawnFfmpeg, stderrTail } from './ffmpeg.ts';
import type { CameraListing, EdgeEventPage } from './edge-box.ts';
import { createKitchenCameras, type KitchenCameras } from './kitchen-cameras.ts';
import { CAMERA_SCENARIOS, playCameraScenario } from './scenarios.ts';
import { until } from './test-helpers.ts';

const W = 448;
const H = 256;
const T0 = Date.UTC(2024, 5, 3, 3, 30); // 11:30 Beijing time: lunch service starts
const MIN = 60_000;
const clock = manualClock(T0);
let kitchen: KitchenCameras;

beforeAll(async () => {
  kitchen = createKitchenCameras({
    kitchenId: 'k1', width: W, height: H, fps: 10, bitrateKbps: 300, clock,
    cameras: [
      { id: 'cam-1', name: 'Cold prep', area: 'cold_prep' },
      { id: 'cam-2', name: 'Cooking', area: 'cooking' },
    ],
  });
  await kitchen.start();
}, 30_000);

afterAll(() => kitchen?.stop(), 15_000);

/** `count` gray frames from an ffmpeg RTSP client, each with the wall clock when its last byte arrived. */
function readFrames(url: string, count: number, transport: string[]): Promise<Array<{ luma: Buffer; at: number }>> {
  const child = spawnFfmpeg(['-loglevel', 'error', ...transport, '-i', url, '-frames:v', String(count), '-f', 'rawvideo', '-pix_fmt', 'gray', '-'], 'pipe');
  const tail = stderrTail(child);
  const frames: Array<{ luma: Buffer; at: number }> = [];
  let buf = Buffer.alloc(0);
  child.stdout?.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= W * H) {
      frames.push({ luma: buf.subarray(0, W * H), at: Date.now() });
      buf = buf.subarray(W * H);
    }
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0 && buf.length === 0) resolve(frames);
      else reject(new Error(`ffmpeg player: exit ${code}, ${frames.length} frames + ${buf.length} bytes: ${tail()}`));
    });
  });
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${kitchen.edgeBoxUrl}${path}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

const cameraOf = async (id: string) => (await getJson<CameraListing[]>('/api/cameras')).find((c) => c.camera === id);

describe('relay and camera source', () => {
  it('serves a TCP player frames of the right size carrying the capture clock', async () => {
    const frames = await readFrames(kitchen.rtspUrl('cam-1'), 5, ['-rtsp_transport', 'tcp']);
    expect(frames).toHaveLength(5);
    for (const { luma, at } of frames) {
      const value = readStripe(luma, W);
      expect(value).not.toBeNull();
      expect(stripeLatencyMs(value ?? 0, at)).toBeLessThan(5000);
    }
  });

  it('serves a UDP-first player after refusing UDP with 461', async () => {
    const frames = await readFrames(kitchen.rtspUrl('cam-2'), 2, []);
    expect(frames).toHaveLength(2);
    expect(readStripe(frames[1]?.luma ?? [], W)).not.toBeNull();
  });

  it('measures frame rate and bitrate while publishing', async () => {
    const stats = await until('~10 fps on cam-1', () => {
      const s = kitchen.relay.stats('cam-1');
      return s.fps > 7 && s.fps < 13 ? s : undefined;
    });
    expect(stats.publishing).toBe(true);
    expect(stats.bitrateKbps).toBeGreaterThan(20);
    expect(stats.bitrateKbps).toBeLessThan(1500);
    expect(kitchen.relay.stats('cam-3').publishing).toBe(false);
  });

  it('restarts a camera whose ffmpeg dies while it should run', async () => {
    const source = kitchen.sources.get('cam-1');
    const pid = source?.pid;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid ?? 0, 'SIGKILL');
    await until('cam-1 to drop off the relay', () => !kitchen.relay.stats('cam-1').publishing);
    await until('cam-1 back on the relay', () => kitchen.relay.stats('cam-1').publishing, 10_000);
    expect(source?.pid).not.toBe(pid);
    expect(source?.online).toBe(true);
  });
});

describe('edge box', () => {
  it('lists the cameras, online with their stream figures, and offline once switched off', async () => {
    const listed = await getJson<CameraListing[]>('/api/cameras');
    expect(listed.map((c) => [c.camera, c.area, c.online, c.recorderDays])).toEqual([['cam-1', 'cold_prep', true, 30], ['cam-2', 'cooking', true, 30]]);
    expect(listed[0]?.rtspUrl).toBe(kitchen.rtspUrl('cam-1'));
    await until('fps in the listing', async () => ((await cameraOf('cam-1'))?.fps ?? 0) > 0);

    await kitchen.edgeBox.setCameraOnline('cam-2', false);
    const off = await until('cam-2 offline', async () => { const c = await cameraOf('cam-2'); return c?.online === false && c; });
    expect(off).toMatchObject({ fps: null, bitrateKbps: null });
    expect(kitchen.sources.get('cam-2')?.online).toBe(false);

    // An event on a camera that is off has no picture.
    const blind = await kitchen.edgeBox.detect('cam-2', 'no_hat', 0.7);
    expect(blind.snapshot).toBe(false);
    expect((await fetch(`${kitchen.edgeBoxUrl}/api/events/${blind.id}/snapshot.jpg`)).status).toBe(404);

    await kitchen.edgeBox.setCameraOnline('cam-2', true);
    await until('cam-2 back online', async () => (await cameraOf('cam-2'))?.online === true);
  });

  it('reports a detection after the last seq, with a JPEG from the live stream', async () => {
    const before = await getJson<EdgeEventPage>('/api/events');
    expect(before.boot).toBe(kitchen.edgeBox.boot);
    const last = Math.max(0, ...before.events.map((e) => e.seq));
    clock.set(T0 + 5 * MIN);
    const event = await kitchen.edgeBox.detect('cam-1', 'no_mask', 0.82);
    expect(event).toMatchObject({ camera: 'cam-1', category: 'no_mask', confidence: 0.82, ts: T0 + 5 * MIN, snapshot: true });
    expect(event.seq).toBeGreaterThan(last);
    expect(event.id).toBe(`evt-k1-${before.boot}-${event.seq}`); // unique across the box's restarts

    const listed = await getJson<EdgeEventPage>(`/api/events?after=${last}`);
    expect(listed).toEqual({ boot: before.boot, events: [event] });
    expect(await getJson<EdgeEventPage>(`/api/events?after=${event.seq}`)).toEqual({ boot: before.boot, events: [] });

    const res = await fetch(`${kitchen.edgeBoxUrl}/api/events/${event.id}/snapshot.jpg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const jpeg = Buffer.from(await res.arrayBuffer());
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
    expect(jpeg.length).toBeGreaterThan(2000);
    expect((await fetch(`${kitchen.edgeBoxUrl}/api/events/evt-k1-999/snapshot.jpg`)).status).toBe(404);
    expect((await fetch(`${kitchen.edgeBoxUrl}/api/events?after=x`)).status).toBe(400);
  });

  it('reports the recorder\'s retention as set', async () => {
    kitchen.edgeBox.setRecorderDays(7);
    expect((await getJson<CameraListing[]>('/api/cameras')).map((c) => c.recorderDays)).toEqual([7, 7]);
    expect(() => kitchen.edgeBox.setRecorderDays(-1)).toThrow(RangeError);
    kitchen.edgeBox.setRecorderDays(30);
  });
});

describe('scenarios on a manual clock', () => {
  it('has a description for each', () => {
    expect(Object.keys(CAMERA_SCENARIOS).sort()).toEqual(['camera-offline-at-lunch', 'false-rodent', 'retention-drops', 'smoking']);
    for (const s of Object.values(CAMERA_SCENARIOS)) expect(s.description.length).toBeGreaterThan(20);
  });

  it('camera-offline-at-lunch: cam-2 goes at +30 min and comes back 20 min later', async () => {
    clock.set(T0);
    const run = playCameraScenario(kitchen.edgeBox, 'camera-offline-at-lunch', { clock, camera: 'cam-2', offsetMin: 30, forMin: 20, pollMs: 0 });
    clock.advance(29 * MIN);
    expect(await run.tick()).toEqual([]);
    expect((await cameraOf('cam-2'))?.online).toBe(true);
    clock.advance(MIN);
    expect((await run.tick()).map((s) => s.action)).toEqual(['offline']);
    await until('cam-2 offline', async () => (await cameraOf('cam-2'))?.online === false);
    clock.advance(19 * MIN);
    expect(await run.tick()).toEqual([]);
    clock.advance(MIN);
    expect((await run.tick()).map((s) => s.action)).toEqual(['online']);
    await run.done;
    await until('cam-2 back online', async () => (await cameraOf('cam-2'))?.online === true);
  });

  it('retention-drops: the recorder keeps 5 days from the given time', async () => {
    clock.set(T0);
    const run = playCameraScenario(kitchen.edgeBox, 'retention-drops', { clock, startAt: T0 + 60 * MIN, pollMs: 0 });
    clock.advance(59 * MIN);
    await run.tick();
    expect(kitchen.edgeBox.recorderDays).toBe(30);
    clock.advance(MIN);
    await run.tick();
    expect((await cameraOf('cam-1'))?.recorderDays).toBe(5);
    kitchen.edgeBox.setRecorderDays(30);
  });

  it('smoking and false-rodent: detections at their time, with their confidence and a snapshot', async () => {
    clock.set(T0);
    const after = Math.max(0, ...kitchen.edgeBox.events().events.map((e) => e.seq));
    const smoking = playCameraScenario(kitchen.edgeBox, 'smoking', { clock, offsetMin: 10, camera: 'cam-1', pollMs: 0 });
    const rodent = playCameraScenario(kitchen.edgeBox, 'false-rodent', { clock, offsetMin: 15, camera: 'cam-2', pollMs: 0 });
    clock.advance(10 * MIN);
    await Promise.all([smoking.tick(), rodent.tick()]);
    clock.advance(5 * MIN);
    await Promise.all([smoking.tick(), rodent.tick()]);
    expect(smoking.pending + rodent.pending).toBe(0);
    const { events } = await getJson<EdgeEventPage>(`/api/events?after=${after}`);
    expect(events.map((e) => [e.camera, e.category, e.confidence, e.ts - T0, e.snapshot])).toEqual([
      ['cam-1', 'smoking', 0.9, 10 * MIN, true],
      ['cam-2', 'rodent', 0.6, 15 * MIN, true],
    ]);
  });

  it('plays by itself when polling a clock', async () => {
    clock.set(T0);
    const run = playCameraScenario(kitchen.edgeBox, 'retention-drops', { clock, offsetMin: 1, pollMs: 20 });
    clock.advance(MIN);
    await run.done;
    expect(kitchen.edgeBox.recorderDays).toBe(5);
    kitchen.edgeBox.setRecorderDays(30);
  });
});
