// Benchmark child: the kitchens' gateways (camera part only: no cold-chain devices),
// in one process of their own; each pulls its camera through node-rtsp-stream's
// ffmpeg (a child of this process) while the server asks for the stream.
import { systemClock } from '../contracts/clock.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { childArgs } from './procs.ts';
import type { GatewaySpec, GatewaysRequest, GatewayStreamStats } from './video-kitchens.ts';

const args = childArgs();
const running = new Map<string, Gateway>();
const noDevices = { read: () => Promise.reject(new Error('no devices')), close: async () => undefined };

function add(specs: GatewaySpec[]): void {
  for (const s of specs) {
    const gateway = createGateway({
      kitchenId: s.kitchenId, gatewayId: s.gatewayId, secret: s.secret, mqttUrl: args.url!, clock: systemClock,
      devices: [], driver: noDevices, outbox: createMemoryOutbox(), pollIntervalMs: 3_600_000,
      // Health every 2 s (not 10 s) so the server learns the cameras soon after start;
      // the stream's idle stop stays the default: the server's stream-stop ends it.
      edgeBoxUrl: s.edgeBoxUrl, cameraHealthMs: 2000,
    });
    gateway.start();
    running.set(s.kitchenId, gateway);
  }
}

async function remove(ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map(async (id) => {
    await running.get(id)?.stop();
    running.delete(id);
  }));
}

function stats(): GatewayStreamStats {
  const sum = { started: 0, chunksSent: 0, chunksDropped: 0 };
  for (const g of running.values()) {
    const s = g.cameras?.streams.stats;
    if (!s) continue;
    sum.started += s.started;
    sum.chunksSent += s.chunksSent;
    sum.chunksDropped += s.chunksDropped;
  }
  return sum;
}

process.send!({ ready: true });
process.on('message', (m: GatewaysRequest) => {
  const done = m.op === 'add' ? Promise.resolve(add(m.gateways)) : m.op === 'remove' ? remove(m.kitchenIds) : Promise.resolve();
  done.then(() => process.send!({ ok: true, ...stats() }), (err: Error) => process.send!({ error: err.message }));
});
let stopping = false;
const shutdown = () => {
  if (stopping) return;
  stopping = true;
  void remove([...running.keys()]).finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('disconnect', shutdown);
