// Live streams at the gateway against a simulated camera (RTSP, real ffmpeg on both
// sides): node-rtsp-stream's muxer yields MPEG-TS that starts at a sequence header,
// a congested uplink makes it skip to the next one, and a lapsed lease stops it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TS_PACKET_BYTES, sequenceStart } from '../../contracts/mpeg-ts.ts';
import { createKitchenCameras, type KitchenCameras } from '../../firmware-sim/cameras/kitchen-cameras.ts';
import { createLiveStreams } from './live-streams.ts';

let cameras: KitchenCameras;
beforeAll(async () => {
  cameras = createKitchenCameras({ kitchenId: 'k1', cameras: [{ id: 'cam-1', name: 'Cooking', area: 'cooking' }], width: 448, height: 256, fps: 15 });
  await cameras.start();
}, 30_000);
afterAll(async () => {
  await cameras?.stop();
});

function recorder(accept: (n: number) => boolean = () => true) {
  const sent: Buffer[] = [];
  let calls = 0;
  const changes: Array<[string, boolean]> = [];
  const streams = createLiveStreams({
    rtspUrlOf: (id) => (id === 'cam-1' ? cameras.rtspUrl('cam-1') : undefined),
    publish: (_id, packets) => {
      const ok = accept(++calls);
      if (ok) sent.push(Buffer.from(packets));
      return ok;
    },
    onChange: (id, on) => void changes.push([id, on]),
    idleStopMs: 60_000,
  });
  return { streams, sent, changes };
}

describe('gateway live streams', () => {
  it('publishes whole TS packets that begin with a sequence header, and stops on command', async () => {
    const { streams, sent, changes } = recorder();
    expect(streams.start('cam-1')).toBe(true);
    expect(streams.start('cam-1')).toBe(true); // a renewal, not a second ffmpeg
    expect(streams.stats.started).toBe(1);
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(20), { timeout: 15_000, interval: 100 });
    expect(sent.every((b) => b.length % TS_PACKET_BYTES === 0 && b[0] === 0x47)).toBe(true);
    expect(sequenceStart(Buffer.concat(sent))).toBeGreaterThanOrEqual(0);
    expect(streams.stop('cam-1')).toBe(true);
    expect(streams.isStreaming('cam-1')).toBe(false);
    expect(changes).toEqual([['cam-1', true], ['cam-1', false]]);
  }, 30_000);

  it('after a refused chunk (congestion) resumes only at a sequence header', async () => {
    const { streams, sent } = recorder((n) => n < 5 || n > 6); // while skipping, only chunks with a sequence header are offered
    streams.start('cam-1');
    await vi.waitFor(() => expect(sent.length).toBeGreaterThan(6), { timeout: 20_000, interval: 100 });
    streams.stop('cam-1');
    expect(streams.stats.chunksDropped).toBeGreaterThanOrEqual(2);
    expect(sequenceStart(sent[4]!)).toBe(0); // the first chunk sent after the refusals
  }, 30_000);

  it('stops by itself when its lease is not renewed, and refuses an unknown camera', async () => {
    const streams = createLiveStreams({ rtspUrlOf: (id) => (id === 'cam-1' ? cameras.rtspUrl('cam-1') : undefined), publish: () => true, idleStopMs: 300 });
    expect(streams.start('cam-9')).toBe(false);
    expect(streams.start('cam-1')).toBe(true);
    await vi.waitFor(() => expect(streams.isStreaming('cam-1')).toBe(false), { timeout: 5_000, interval: 50 });
  });

  it('refuses a camera whose address is not rtsp:// (ffmpeg would open files and other inputs)', () => {
    const urls: Record<string, string> = {
      file: 'file:///etc/passwd', concat: 'concat:/etc/passwd|/etc/shadow', http: 'http://evil/x.m3u8', bare: '/dev/video0', spaced: ' rtsp://nvr/1',
    };
    const streams = createLiveStreams({ rtspUrlOf: (id) => urls[id], publish: () => true, ffmpegPath: '/bin/false' });
    for (const id of Object.keys(urls)) {
      expect(streams.start(id), id).toBe(false);
      expect(streams.isStreaming(id)).toBe(false);
    }
    expect(streams.stats.started).toBe(0);
  });
});
