// The relay at the protocol level, with a raw client on both sides (no ffmpeg):
// status codes and headers, channel remapping, stats, and the bound on a
// player that never reads. kitchen-cameras.test.ts plays it with real ffmpeg.
import { afterEach, describe, expect, it } from 'vitest';
import { createRtspRelay, type RtspRelay } from './rtsp-relay.ts';
import { connectRtsp, rtpPacket, TEST_SDP, until, type RawRtspClient } from './test-helpers.ts';

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function started(opts: Parameters<typeof createRtspRelay>[0] = {}): Promise<RtspRelay> {
  const relay = createRtspRelay(opts);
  await relay.start();
  cleanup.push(() => relay.stop());
  return relay;
}

async function client(relay: RtspRelay): Promise<RawRtspClient> {
  const c = await connectRtsp(relay.port);
  cleanup.push(() => c.close());
  return c;
}

/** ANNOUNCE, SETUP (record, channels 0-1), RECORD: what ffmpeg -f rtsp does. */
async function publish(relay: RtspRelay, path: string): Promise<RawRtspClient> {
  const pub = await client(relay);
  const url = relay.url(path);
  expect((await pub.request('ANNOUNCE', url, { 'Content-Type': 'application/sdp' }, TEST_SDP)).status).toBe(200);
  const setup = await pub.request('SETUP', `${url}/streamid=0`, { Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1;mode=record' });
  expect(setup.status).toBe(200);
  const session = setup.headers.get('session')?.split(';')[0] ?? '';
  expect((await pub.request('RECORD', url, { Session: session, Range: 'npt=0.000-' })).status).toBe(200);
  return pub;
}

/** DESCRIBE, SETUP on channels 4-5, PLAY; returns the client and its session. */
async function play(relay: RtspRelay, path: string): Promise<RawRtspClient> {
  const player = await client(relay);
  const url = relay.url(path);
  expect((await player.request('DESCRIBE', url)).status).toBe(200);
  const setup = await player.request('SETUP', `${url}/streamid=0`, { Transport: 'RTP/AVP/TCP;unicast;interleaved=4-5' });
  expect(setup.status).toBe(200);
  expect((await player.request('PLAY', `${url}/`, { Session: setup.headers.get('session') ?? '' })).status).toBe(200);
  return player;
}

describe('RTSP relay', () => {
  it('echoes CSeq, lists its methods, and answers 404 for a path nobody publishes', async () => {
    const relay = await started();
    const c = await client(relay);
    const options = await c.request('OPTIONS', relay.url('cam-x'));
    expect(options.status).toBe(200);
    expect(options.headers.get('cseq')).toBe('1');
    expect(options.headers.get('public')).toContain('DESCRIBE');
    expect((await c.request('DESCRIBE', `${relay.url('nobody')}?tcp`)).status).toBe(404);
    expect((await c.request('GET_PARAMETER', relay.url('nobody'))).headers.get('cseq')).toBe('3');
    expect(relay.port).toBeGreaterThan(0);
  });

  it('describes a published path, refuses UDP with 461 and relays packets on the player\'s channels', async () => {
    const relay = await started();
    const pub = await publish(relay, 'cam-9');
    const player = await client(relay);
    const url = relay.url('cam-9');

    const described = await player.request('DESCRIBE', `${url}?tcp`, { Accept: 'application/sdp' });
    expect(described.status).toBe(200);
    expect(described.body).toBe(TEST_SDP);
    expect(described.headers.get('content-base')).toBe(`${url}/`);
    expect(Number(described.headers.get('content-length'))).toBe(Buffer.byteLength(TEST_SDP));
    expect(described.headers.get('content-type')).toBe('application/sdp');

    const udp = await player.request('SETUP', `${url}/streamid=0`, { Transport: 'RTP/AVP/UDP;unicast;client_port=5000-5001' });
    expect(udp.status).toBe(461);
    const setup = await player.request('SETUP', `${url}/streamid=0?tcp`, { Transport: 'RTP/AVP/TCP;unicast;interleaved=4-5' });
    expect(setup.status).toBe(200);
    expect(setup.headers.get('transport')).toBe('RTP/AVP/TCP;unicast;interleaved=4-5');
    const session = setup.headers.get('session')?.split(';')[0] ?? '';
    expect(session).toMatch(/^[0-9a-f]{16}$/);
    expect((await player.request('PLAY', `${url}/`, { Session: 'not-mine' })).status).toBe(454);
    expect((await player.request('PLAY', `${url}/`, { Session: session })).status).toBe(200);

    for (let i = 0; i < 30; i++) pub.send(0, rtpPacket(i, i % 3 === 2));
    pub.send(1, Buffer.from([0x80, 200, 0, 6]));
    await until('31 packets at the player', () => player.frames.length >= 31);
    expect(player.frames.slice(0, 30).map((f) => f.channel)).toEqual(Array(30).fill(4));
    expect(player.frames[29]?.payload.equals(rtpPacket(29, true))).toBe(true);
    expect(player.frames[30]?.channel).toBe(5); // the sender report on the RTCP channel

    // The meter says nothing for the first 250 ms of a stream: too short to mean a rate.
    const stats = await until('a rate', () => (relay.stats('cam-9').fps > 0 ? relay.stats('cam-9') : undefined));
    expect(stats).toMatchObject({ publishing: true, players: 1, droppedFrames: 0 });
    expect(stats.bitrateKbps).toBeGreaterThan(0);

    expect((await player.request('TEARDOWN', `${url}/`, { Session: session })).status).toBe(200);
    expect(relay.stats('cam-9').players).toBe(0);
    pub.close();
    await until('the path to go', () => !relay.stats('cam-9').publishing);
    expect((await player.request('DESCRIBE', url)).status).toBe(404);
  });

  it('ends the players\' streams when the publisher goes', async () => {
    const relay = await started();
    const pub = await publish(relay, 'kitchen-a/cam-1'); // a path with a slash resolves too
    const player = await play(relay, 'kitchen-a/cam-1');
    const closed = new Promise((resolve) => player.socket.once('close', resolve));
    pub.close();
    await closed;
    expect(relay.stats('kitchen-a/cam-1').publishing).toBe(false);
  });

  it('lets a reconnecting camera replace its stale publisher', async () => {
    const relay = await started();
    const first = await publish(relay, 'cam-7');
    const closed = new Promise((resolve) => first.socket.once('close', resolve));
    const second = await publish(relay, 'cam-7');
    await closed;
    const player = await play(relay, 'cam-7');
    second.send(0, rtpPacket(1, true));
    await until('a packet from the new publisher', () => player.frames.length === 1);
    expect(relay.stats('cam-7').publishing).toBe(true);
  });

  it('drops frames for a player that never reads, keeping its backlog bounded, while another keeps up', async () => {
    const limit = 2 * 1024 * 1024;
    const relay = await started();
    const pub = await publish(relay, 'cam-slow');
    const slow = await play(relay, 'cam-slow');
    slow.socket.pause(); // never reads again: the kernel buffers fill, then the relay's
    const fast = await play(relay, 'cam-slow');

    const packets = 20_000; // 28 MB, far more than the kernel buffers hold
    let maxQueued = 0;
    for (let i = 0; i < packets; i++) {
      if (!pub.send(0, rtpPacket(i, i % 10 === 9, 1400))) await new Promise((resolve) => pub.socket.once('drain', resolve));
      if (i % 500 === 0) {
        maxQueued = Math.max(maxQueued, relay.stats('cam-slow').maxQueuedBytes);
        // Paced on the fast player (all in one process here, so it could fall behind otherwise):
        // it stays well within the limit, and must lose nothing.
        await until(`the fast player at packet ${i - 500}`, () => fast.frames.length >= i - 500);
      }
    }
    await until('the fast player to get every packet', () => fast.frames.length === packets);

    const stats = relay.stats('cam-slow');
    expect(stats.players).toBe(2);
    expect(fast.frames[packets - 1]?.payload.equals(rtpPacket(packets - 1, true, 1400))).toBe(true);
    expect(stats.droppedFrames).toBeGreaterThan(packets / 4); // all the slow player's
    expect(Math.max(maxQueued, stats.maxQueuedBytes)).toBeLessThanOrEqual(limit + 1500);
    expect(Math.max(maxQueued, stats.maxQueuedBytes)).toBeGreaterThan(limit / 2); // it did back up
  });
});
