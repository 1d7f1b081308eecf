// The simulated edge box's event API without video (a stub relay and grab): events
// come with the box's boot id, and a restart starts numbering again under a new
// boot, with event ids that never repeat.
import http from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { EdgeEventPage } from '../../contracts/edge-box.ts';
import { createEdgeBox } from './edge-box.ts';

const box = createEdgeBox({
  kitchenId: 'k1',
  cameras: [{ id: 'cam-1', name: 'Cooking', area: 'cooking', path: 'cam-1', source: { start: () => undefined, stop: async () => undefined } }],
  relay: { url: (p) => `rtsp://127.0.0.1:8554/${p}`, stats: () => ({ publishing: true, fps: 15, bitrateKbps: 900, players: 0, droppedFrames: 0, maxQueuedBytes: 0 }) },
  clock: manualClock(1000),
  grab: async () => Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
});
afterAll(() => box.stop());

/** GET /api/events on a connection of its own (a pooled one would be the one the restart closed). */
const page = (after: number): Promise<EdgeEventPage> => new Promise((resolve, reject) => {
  http.get(`${box.url}/api/events?after=${after}`, { agent: false }, (res) => {
    let body = '';
    res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => {
      expect(res.statusCode).toBe(200);
      resolve(JSON.parse(body) as EdgeEventPage);
    });
  }).on('error', reject);
});

describe('edge box events across restarts', () => {
  it('lists events after a seq with its boot id, and numbers them afresh after a restart under new ids', async () => {
    await box.start();
    const first = await box.detect('cam-1', 'smoking', 0.9);
    const second = await box.detect('cam-1', 'no_hat', 0.7);
    const boot = box.boot;
    expect(first).toMatchObject({ seq: 1, id: `evt-k1-${boot}-1` });
    expect(await page(0)).toEqual({ boot, events: [first, second] });
    expect(await page(1)).toEqual({ boot, events: [second] });
    const url = box.url;

    await box.stop();
    await box.start(); // a reboot: same address, events forgotten, seq from 1 again
    expect(box.url).toBe(url);
    expect(box.boot).toBeGreaterThan(boot);
    expect(await page(2)).toEqual({ boot: box.boot, events: [] });
    const again = await box.detect('cam-1', 'smoking', 0.8);
    expect(again.seq).toBe(1);
    expect(again.id).not.toBe(first.id);
    expect(await page(0)).toEqual({ boot: box.boot, events: [again] });
  });
});
