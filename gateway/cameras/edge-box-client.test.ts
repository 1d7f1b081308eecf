// The edge box client against a box that answers badly: a 404 or a body of the wrong
// shape is an error (only a snapshot may be missing), and malformed entries are
// dropped, counted and logged once, so the poller only ever sees well-formed ones.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEdgeBoxClient } from './edge-box-client.ts';

const answers = new Map<string, { status: number; body: unknown }>();
let base = '';
const server = http.createServer((req, res) => {
  const a = answers.get(req.url ?? '') ?? { status: 404, body: { error: 'not found' } };
  res.writeHead(a.status, { 'content-type': Buffer.isBuffer(a.body) ? 'image/jpeg' : 'application/json' });
  res.end(Buffer.isBuffer(a.body) ? a.body : JSON.stringify(a.body));
});
beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => {
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  resolve();
})));
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const camera = { camera: 'cam-1', name: 'Cooking', area: 'cooking', rtspUrl: 'rtsp://nvr/1', online: true, fps: 15, bitrateKbps: 900, recorderDays: 30 };
const event = { seq: 1, id: 'evt-k1-1-1', camera: 'cam-1', category: 'smoking', confidence: 0.9, ts: 1000, snapshot: true };

describe('edge box client', () => {
  it('takes a 404 of the camera list or of the events as an error, not as an answer', async () => {
    const client = createEdgeBoxClient(base);
    await expect(client.cameras()).rejects.toThrow(/HTTP 404/);
    await expect(client.events(0)).rejects.toThrow(/HTTP 404/);
  });

  it('takes an answer of the wrong shape as an error', async () => {
    const client = createEdgeBoxClient(base);
    answers.set('/api/cameras', { status: 200, body: { cameras: [] } });
    answers.set('/api/events?after=0', { status: 200, body: [event] }); // the old shape: no boot
    await expect(client.cameras()).rejects.toThrow(/malformed/);
    await expect(client.events(0)).rejects.toThrow(/malformed/);
  });

  it('drops malformed cameras and events, counts them and logs once', async () => {
    const warn = vi.fn();
    const client = createEdgeBoxClient(base, { log: { warn } });
    const { name: _name, ...nameless } = camera;
    answers.set('/api/cameras', { status: 200, body: [camera, nameless, null, { ...camera, fps: '15' }] });
    answers.set('/api/events?after=0', { status: 200, body: { boot: 7, events: [event, { ...event, seq: 'x' }, 3] } });
    expect(await client.cameras()).toEqual([camera]);
    expect(await client.cameras()).toEqual([camera]);
    expect(await client.events(0)).toEqual({ boot: 7, events: [event] });
    expect(client.stats).toEqual({ malformedCameras: 6, malformedEvents: 2 });
    expect(warn).toHaveBeenCalledTimes(2); // once for cameras, once for events
  });

  it('answers null for a missing snapshot, and fails on other errors', async () => {
    const client = createEdgeBoxClient(base);
    answers.set('/api/events/evt-1/snapshot.jpg', { status: 200, body: Buffer.from([0xff, 0xd8, 0xff]) });
    answers.set('/api/events/evt-3/snapshot.jpg', { status: 500, body: { error: 'disk' } });
    expect(await client.snapshot('evt-1')).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(await client.snapshot('evt-2')).toBeNull();
    await expect(client.snapshot('evt-3')).rejects.toThrow(/HTTP 500/);
  });
});
