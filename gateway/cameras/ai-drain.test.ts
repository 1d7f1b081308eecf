// A backlog of AI events (each with a ~500 KB snapshot) drains a few MB at a time,
// the rest on the next drain, while the readings queued with them still go out.
import { describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { AiMessage } from '../../contracts/cameras.ts';
import type { BatchMessage } from '../../contracts/payloads.ts';
import { createGateway } from '../gateway.ts';
import { createMemoryOutbox } from '../outbox/memory-outbox.ts';
import type { UplinkOptions } from '../uplink.ts';
import { AI_BYTES_PER_DRAIN } from './ai-drain.ts';

const sent = { ai: [] as AiMessage[], batches: [] as BatchMessage[] };
let uplinkOpts: UplinkOptions | undefined;

vi.mock('../uplink.ts', () => ({
  createUplink(opts: UplinkOptions) {
    uplinkOpts = opts;
    let connected = false;
    return {
      start() {
        connected = true;
        opts.onConnect();
      },
      connected: () => connected,
      sendAi: async (m: AiMessage) => void sent.ai.push(m),
      sendBatch: async (m: BatchMessage) => void sent.batches.push(m),
      sendStatus: async () => undefined,
      sendSample: async () => undefined,
      stop: async () => void (connected = false),
    };
  },
}));

describe('draining AI events', () => {
  it('sends at most AI_BYTES_PER_DRAIN of AI events per drain, oldest first, and every reading', async () => {
    const outbox = createMemoryOutbox();
    for (let i = 0; i < 20; i++) {
      outbox.append([{ device: 'chiller-1', kind: 'chiller', ts: 1000 + i, temp: 3, unit: 'Cel' }]);
      outbox.appendAiEvents([{ id: `evt-${i}`, camera: 'cam-1', category: 'smoking', confidence: 0.9, ts: 1000 + i, snapshot: { mime: 'image/jpeg', data: 'A'.repeat(500_000) } }]);
    }
    const gateway = createGateway({
      kitchenId: 'k1', gatewayId: 'gw-1', mqttUrl: 'mqtt://unused', secret: 's', devices: [], outbox,
      driver: { read: () => Promise.reject(new Error('no devices')), close: async () => undefined },
      clock: manualClock(1000), pollIntervalMs: 3_600_000,
    });
    gateway.start();
    await vi.waitFor(() => expect(sent.batches.length).toBeGreaterThan(0));
    const aiBytes = () => sent.ai.reduce((n, m) => n + (m.event.snapshot?.data.length ?? 0), 0);
    expect(aiBytes()).toBeGreaterThan(0);
    expect(aiBytes()).toBeLessThanOrEqual(AI_BYTES_PER_DRAIN);
    expect(sent.batches.flatMap((b) => b.readings).length).toBe(20);

    // Each acknowledgement drains again: the rest follows, in order.
    for (let round = 0; round < 10 && outbox.depth() > 0; round++) {
      const oids = [...sent.ai.map((m) => m.event.oid), ...sent.batches.flatMap((b) => b.readings.map((r) => r.oid))];
      uplinkOpts?.onAck({ v: 1, stored: oids });
      await new Promise((r) => setImmediate(r));
    }
    expect(sent.ai.map((m) => m.event.id)).toEqual(Array.from({ length: 20 }, (_, i) => `evt-${i}`));
    expect(outbox.depth()).toBe(0);
    await gateway.stop();
  });
});
