// The live-video relay on real MPEG-TS (ffmpeg): one stream per camera whatever the
// number of viewers, a late viewer starts at a sequence header, a slow viewer skips to
// the next one, and the stream stops after the last viewer leaves.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { TS_PACKET_BYTES, sequenceStart } from '../../contracts/mpeg-ts.ts';
import type { CommandMessage, ReplyMessage } from '../../contracts/payloads.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import { makeMpegTs } from '../../tests/fixtures/mpeg-ts.ts';
import { VIDEO_CLOSE, VIEWER_BUFFER_BYTES, createVideoHub, type Viewer } from './video-hub.ts';

const gw = { kitchenId: 'k001', gatewayId: 'gw-k001' };
let ts: Buffer;
beforeAll(async () => {
  ts = await makeMpegTs({ seconds: 3 });
});

function fakeViewer(opts: { buffered?: () => number } = {}) {
  const received: Buffer[] = [];
  const closed: Array<[number, string]> = [];
  const viewer: Viewer = { send: (d) => void received.push(Buffer.from(d)), buffered: opts.buffered ?? (() => 0), close: (c, r) => void closed.push([c, r]) };
  return { viewer, received, closed, bytes: () => Buffer.concat(received) };
}

const hubs: Array<ReturnType<typeof createVideoHub>> = [];
afterEach(() => {
  for (const hub of hubs.splice(0)) hub.stop(); // clears keep-alive and linger timers
  vi.useRealTimers();
});

function hubWith(reply: (name: CommandMessage['name']) => ReplyMessage = () => ({ v: 1, id: 'x', ok: true })) {
  const commands: Array<{ gw: GatewayAddress; name: CommandMessage['name']; args: CommandMessage['args'] }> = [];
  const subs: string[] = [];
  const hub = createVideoHub({
    gatewayOf: (k, c) => (k === 'k001' && c === 'cam-1' ? 'gw-k001' : undefined),
    sendCommand: async (g, name, args) => {
      commands.push({ gw: g, name, args });
      return reply(name);
    },
    subscribe: (_g, c) => void subs.push(`+${c}`),
    unsubscribe: (_g, c) => void subs.push(`-${c}`),
    lingerMs: 50,
    keepAliveMs: 60_000,
  });
  hubs.push(hub);
  return { hub, commands, subs };
}

/** Feeds the stream in 1000-byte pieces (not aligned to packets), as MQTT messages would come. */
function feed(hub: ReturnType<typeof createVideoHub>, data: Buffer, from = 0, to = data.length) {
  for (let at = from; at < to; at += 1000) hub.onChunk(gw, 'cam-1', data.subarray(at, Math.min(at + 1000, to)));
}

describe('video hub', () => {
  it('starts one stream for two viewers and relays every whole packet to both', () => {
    const { hub, commands, subs } = hubWith();
    const a = fakeViewer();
    const b = fakeViewer();
    hub.addViewer('k001', 'cam-1', a.viewer);
    hub.addViewer('k001', 'cam-1', b.viewer);
    feed(hub, ts);
    expect(commands.filter((c) => c.name === 'stream-start')).toHaveLength(1);
    expect(commands[0]).toEqual({ gw, name: 'stream-start', args: { camera: 'cam-1' } });
    expect(subs).toEqual(['+cam-1']);
    const whole = ts.length - (ts.length % TS_PACKET_BYTES);
    expect(a.bytes().equals(ts.subarray(0, whole))).toBe(true);
    expect(b.bytes().equals(a.bytes())).toBe(true);
    expect(hub.viewersOf('k001', 'cam-1')).toBe(2);
  });

  it('gives a late viewer the stream from the last sequence header at once', () => {
    const { hub } = hubWith();
    hub.addViewer('k001', 'cam-1', fakeViewer().viewer);
    const half = Math.floor(ts.length / 2 / TS_PACKET_BYTES) * TS_PACKET_BYTES;
    feed(hub, ts, 0, half);
    const late = fakeViewer();
    hub.addViewer('k001', 'cam-1', late.viewer);
    expect(late.received).toHaveLength(1);
    expect(sequenceStart(late.received[0]!)).toBe(0);
    const lastHeader = ts.subarray(0, half).lastIndexOf(Buffer.from([0, 0, 1, 0xb3]));
    const cacheStart = half - late.received[0]!.length;
    expect(cacheStart).toBeLessThan(lastHeader);
    expect(lastHeader - cacheStart).toBeLessThan(TS_PACKET_BYTES); // the packet holding that header
  });

  it('lets a slow viewer skip to the next sequence header while the others get everything', () => {
    const { hub } = hubWith();
    let backlog = 0;
    const slow = fakeViewer({ buffered: () => backlog });
    const fast = fakeViewer();
    hub.addViewer('k001', 'cam-1', slow.viewer);
    hub.addViewer('k001', 'cam-1', fast.viewer);
    const third = Math.floor(ts.length / 3);
    feed(hub, ts, 0, third);
    const before = slow.received.length;
    backlog = VIEWER_BUFFER_BYTES + 1; // its socket stops draining
    feed(hub, ts, third, 2 * third);
    expect(slow.received.length).toBe(before);
    backlog = 0; // drained again: resumes only at a sequence header
    feed(hub, ts, 2 * third);
    const resumed = slow.received[before]!;
    expect(sequenceStart(resumed)).toBe(0);
    expect(hub.stats.bytesDropped).toBeGreaterThan(0);
    expect(hub.stats.viewerSkips).toBe(1);
    expect(fast.bytes().length).toBe(ts.length - (ts.length % TS_PACKET_BYTES));
  });

  it('stops the stream after the last viewer leaves and the linger passes, not before', async () => {
    const { hub, commands, subs } = hubWith();
    const leaveA = hub.addViewer('k001', 'cam-1', fakeViewer().viewer)!;
    const leaveB = hub.addViewer('k001', 'cam-1', fakeViewer().viewer)!;
    leaveA();
    leaveB();
    expect(commands.map((c) => c.name)).toEqual(['stream-start']);
    await vi.waitFor(() => expect(commands.map((c) => c.name)).toEqual(['stream-start', 'stream-stop']));
    expect(subs).toEqual(['+cam-1', '-cam-1']);
    expect(hub.viewersOf('k001', 'cam-1')).toBe(0);
  });

  it('keeps the stream when a viewer comes back within the linger', () => {
    vi.useFakeTimers();
    const { hub, commands } = hubWith();
    hub.addViewer('k001', 'cam-1', fakeViewer().viewer)!();
    vi.advanceTimersByTime(40);
    hub.addViewer('k001', 'cam-1', fakeViewer().viewer);
    vi.advanceTimersByTime(10_000);
    expect(commands.map((c) => c.name)).toEqual(['stream-start']);
    expect(hub.viewersOf('k001', 'cam-1')).toBe(1);
  });

  it('renews the gateway\'s lease while watched, and tells viewers at once when the gateway is gone', () => {
    vi.useFakeTimers();
    const { hub, commands, subs } = hubWith();
    const v = fakeViewer();
    hub.addViewer('k001', 'cam-1', v.viewer);
    vi.advanceTimersByTime(60_000);
    expect(commands.map((c) => c.name)).toEqual(['stream-start', 'stream-start']);
    hub.dropGateway(gw);
    expect(v.closed).toEqual([[VIDEO_CLOSE.gatewayGone, 'gateway offline']]);
    expect(subs).toEqual(['+cam-1', '-cam-1']);
    vi.advanceTimersByTime(120_000);
    expect(commands).toHaveLength(2); // no more commands queue up for a gateway that is gone
  });

  it('closes a viewer of an unknown camera, and all viewers when the gateway refuses', async () => {
    const { hub, commands } = hubWith(() => ({ v: 1, id: 'x', ok: false, error: { code: 'unknown_camera', message: 'no' } }));
    const stranger = fakeViewer();
    expect(hub.addViewer('k001', 'cam-9', stranger.viewer)).toBeNull();
    expect(stranger.closed).toEqual([[VIDEO_CLOSE.unknownCamera, 'unknown camera']]);
    const v = fakeViewer();
    hub.addViewer('k001', 'cam-1', v.viewer);
    await vi.waitFor(() => expect(v.closed).toEqual([[VIDEO_CLOSE.gatewayRefused, 'unknown_camera']]));
    expect(commands).toHaveLength(1);
  });

  it('drops chunks of a camera no one watches, and chunks from another gateway', () => {
    const { hub } = hubWith();
    const v = fakeViewer();
    hub.onChunk(gw, 'cam-1', ts.subarray(0, 1880));
    hub.addViewer('k001', 'cam-1', v.viewer);
    hub.onChunk({ kitchenId: 'k001', gatewayId: 'gw-other' }, 'cam-1', ts.subarray(0, 1880));
    expect(v.received).toHaveLength(0);
    expect(hub.stats.chunksIn).toBe(0);
  });
});
