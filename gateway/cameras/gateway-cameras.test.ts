// The gateway's camera poller against a scripted edge box: nothing the box says can
// crash the process or make the gateway send what the server would refuse, and a
// restarted box (its event numbers start at 1 again) loses no event.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PAYLOAD_LIMITS } from '../../contracts/payloads.ts';
import { createMemoryOutbox } from '../outbox/memory-outbox.ts';
import type { Outbox } from '../outbox/outbox.ts';
import type { EdgeBoxClient, EdgeCamera, EdgeEvent } from './edge-box-client.ts';
import { EDGE_BOX_BOOT, EDGE_BOX_CURSOR, UNREACHABLE_AFTER_POLLS, createGatewayCameras } from './gateway-cameras.ts';

const camera = (id: string, more: Partial<EdgeCamera> = {}): EdgeCamera => ({
  camera: id, name: `Camera ${id}`, area: 'cooking', rtspUrl: `rtsp://nvr/${id}`, online: true, fps: 15, bitrateKbps: 900, recorderDays: 30, ...more,
});
const event = (seq: number, more: Partial<EdgeEvent> = {}): EdgeEvent => ({
  seq, id: `evt-k1-1-${seq}`, camera: 'cam-1', category: 'smoking', confidence: 0.9, ts: 1000 + seq, snapshot: true, ...more,
});

interface ScriptedBox { boot: number; cameras: EdgeCamera[]; events: EdgeEvent[]; jpegs: Map<string, Buffer>; client: EdgeBoxClient }

/** A scripted box: what it lists, and JPEGs by event id. */
function scriptedBox(): ScriptedBox {
  const box: ScriptedBox = {
    boot: 1,
    cameras: [camera('cam-1')],
    events: [],
    jpegs: new Map(),
    client: {
      cameras: async () => box.cameras,
      events: async (after) => ({ boot: box.boot, events: box.events.filter((e) => e.seq > after) }),
      snapshot: async (id) => box.jpegs.get(id) ?? null,
    },
  };
  return box;
}

function setup(client: EdgeBoxClient, outbox: Outbox = createMemoryOutbox()) {
  const uplink = {
    connected: () => true,
    sendCamera: vi.fn(async () => undefined),
    sendAi: vi.fn(async () => undefined),
    publishVideo: () => true,
  };
  const warn = vi.fn();
  const cams = createGatewayCameras({ edgeBox: client, uplink, outbox, now: () => 5000, log: { warn }, healthIntervalMs: 5, eventIntervalMs: 5 });
  return { cams, uplink, outbox, warn };
}

let stopAll: Array<() => void> = [];
afterEach(() => {
  for (const stop of stopAll) stop();
  stopAll = [];
});

describe('gateway cameras', () => {
  it('survives a box whose answers fail or are garbage: no unhandled rejection out of its timers', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const garbage = { ...scriptedBox().client, events: async () => ({ boot: 1, events: 'oops' }) as never, cameras: async () => { throw new Error('down'); } };
    const { cams } = setup(garbage);
    stopAll.push(() => cams.stop());
    cams.start();
    await new Promise((r) => setTimeout(r, 60));
    cams.stop();
    await new Promise((r) => setTimeout(r, 10));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
    expect(cams.stats.pollsFailed).toBeGreaterThan(0);
  });

  it('reports the cameras offline only after the box fails several health polls in a row, not after one slow answer', async () => {
    const box = scriptedBox();
    const { cams, uplink } = setup(box.client);
    const healthy = box.client.cameras;
    const onlineSent = () => (uplink.sendCamera.mock.calls.at(-1) as unknown as [{ cameras: Array<{ online: boolean }> }])[0].cameras[0]!.online;
    await cams.pollHealth();
    expect(onlineSent()).toBe(true);
    box.client.cameras = async () => { throw new Error('timeout'); };
    for (let i = 1; i < UNREACHABLE_AFTER_POLLS; i++) {
      await cams.pollHealth();
      expect(onlineSent()).toBe(true);
    }
    await cams.pollHealth();
    expect(onlineSent()).toBe(false);
    box.client.cameras = healthy;
    await cams.pollHealth();
    expect(onlineSent()).toBe(true);
  });

  it('sends the health of the valid cameras only, counting the others', async () => {
    const box = scriptedBox();
    box.cameras = [camera('cam-1'), camera('cam-2', { area: 'kitchen' as never }), camera('cam 3'), camera('cam-4', { fps: 999 })];
    const { cams, uplink } = setup(box.client);
    await cams.pollHealth();
    expect(uplink.sendCamera).toHaveBeenCalledTimes(1);
    const [message] = uplink.sendCamera.mock.calls[0] as unknown as [{ cameras: Array<{ camera: string }> }];
    expect(message.cameras.map((c) => c.camera)).toEqual(['cam-1']);
    expect(cams.stats.camerasInvalid).toBe(3);
  });

  it('keeps valid AI events, drops invalid ones, and keeps an oversized one without its snapshot', async () => {
    const box = scriptedBox();
    box.events = [
      event(1),
      event(2, { category: 'dancing' as never }),
      event(3, { confidence: 1.5 }),
      event(4, { camera: 'cam/../1' }),
      event(5),
      event(6, { snapshot: false }),
    ];
    box.jpegs.set('evt-k1-1-1', Buffer.alloc(2000, 0xd8));
    box.jpegs.set('evt-k1-1-5', Buffer.alloc(600_000, 0xd8)); // 800 KB of base64: over the schema's and the broker's limit
    const { cams, outbox, uplink } = setup(box.client);
    outbox.setCursor(EDGE_BOX_BOOT, 1);
    await cams.pollEvents();
    const kept = outbox.due(100, Infinity).map((e) => e.record) as Array<{ id: string; snapshot?: unknown }>;
    expect(kept.map((e) => [e.id, e.snapshot !== undefined])).toEqual([['evt-k1-1-1', true], ['evt-k1-1-5', false], ['evt-k1-1-6', false]]);
    expect(uplink.sendAi).toHaveBeenCalledTimes(3);
    expect(cams.stats).toMatchObject({ eventsInvalid: 3, snapshotsTooLarge: 1 });
    expect(outbox.cursor(EDGE_BOX_CURSOR)).toBe(6); // invalid events are not asked for again
    for (const [m] of uplink.sendAi.mock.calls as unknown as Array<[object]>) {
      expect(Buffer.byteLength(JSON.stringify(m))).toBeLessThanOrEqual(PAYLOAD_LIMITS.ai!);
    }
  });

  it('reads a restarted box\'s events from its first one again', async () => {
    const box = scriptedBox();
    box.boot = 100;
    box.events = [event(1, { id: 'evt-k1-100-1' }), event(2, { id: 'evt-k1-100-2' })];
    const { cams, outbox } = setup(box.client);
    await cams.pollEvents();
    expect(outbox.depth()).toBe(2);
    expect(outbox.cursor(EDGE_BOX_CURSOR)).toBe(2);

    box.boot = 200; // restarted: numbers from 1 again
    box.events = [event(1, { id: 'evt-k1-200-1' })];
    await cams.pollEvents();
    expect(outbox.due(100, Infinity).map((e) => (e.record as { id: string }).id)).toEqual(['evt-k1-100-1', 'evt-k1-100-2', 'evt-k1-200-1']);
    expect([outbox.cursor(EDGE_BOX_BOOT), outbox.cursor(EDGE_BOX_CURSOR)]).toEqual([200, 1]);
    await cams.pollEvents();
    expect(outbox.depth()).toBe(3);
  });

  it('does not touch the outbox when stopped while a poll awaits a snapshot', async () => {
    const box = scriptedBox();
    box.events = [event(1)];
    let release: (jpeg: Buffer) => void = () => undefined;
    const asked = new Promise<void>((resolve) => {
      box.client.snapshot = () => new Promise((r) => { release = r; resolve(); });
    });
    let closed = false;
    const memory = createMemoryOutbox();
    const outbox: Outbox = { ...memory, appendAiEvents: (e) => (closed ? (() => { throw new Error('outbox closed'); })() : memory.appendAiEvents(e)), close: () => void (closed = true) };
    outbox.setCursor(EDGE_BOX_BOOT, 1);
    const { cams } = setup(box.client, outbox);
    const poll = cams.pollEvents();
    await asked;
    cams.stop();
    outbox.close();
    release(Buffer.alloc(100, 0xd8));
    await expect(poll).resolves.toBeUndefined();
    expect(memory.depth()).toBe(0);
  });
});
