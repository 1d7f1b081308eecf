// Simulated gateways for the benchmark: each publishes batches of readings as
// fast as its window allows. In 'stored' mode the window opens only when the
// server's end-to-end acknowledgement arrives (the real gateway's rule); in
// 'puback' mode (the raw ceiling) when the broker takes the message. With
// ratePerSecond the gateways are paced instead (an open loop, the window only a
// cap), so latency is measured at a given load rather than at saturation, where
// a closed loop's latency is just the window over the throughput (Little's law).
import mqtt, { type MqttClient } from 'mqtt';
import { downTopic, gatewayDownFilter, upTopic } from '../contracts/topics.ts';
import type { Reading } from '../contracts/payloads.ts';
import { decodePayload } from '../contracts/validate.ts';

export interface PublisherSpec { kitchenId: string; gatewayId: string; password: string }
export interface RunResult {
  published: number; acked: number; ackedInWindow: number; windowMs: number;
  /** Publish-to-acknowledged latency of the readings acknowledged within the measured window. */
  latenciesMs: number[];
  /** Paced mode: batches not sent on time because the window was full. */
  skipped: number;
}

export async function runPublishers(opts: {
  url: string; gateways: PublisherSpec[]; mode: 'stored' | 'puback'; durationMs: number;
  batchSize: number; windowReadings: number; devicesPerGateway: number; tsBase: number; warmupMs: number;
  ratePerSecond?: number;
  onWindowStart?(): Promise<void>; onWindowEnd?(): Promise<void>;
}): Promise<RunResult> {
  const result: RunResult = { published: 0, acked: 0, latenciesMs: [], ackedInWindow: 0, windowMs: 0, skipped: 0 };
  const timers: NodeJS.Timeout[] = [];
  let measuring = false; // warm-up and drain latencies (cold JIT, a half-empty loop) are not counted
  stopAll = false;
  const clients = await Promise.all(opts.gateways.map((g) => runOne(g)));
  // A short warm-up, then the measured window: readings acknowledged within it.
  await new Promise((r) => setTimeout(r, opts.warmupMs));
  const t0 = performance.now();
  const a0 = result.acked;
  await opts.onWindowStart?.();
  measuring = true;
  await new Promise((r) => setTimeout(r, opts.durationMs));
  measuring = false;
  await opts.onWindowEnd?.();
  result.ackedInWindow = result.acked - a0;
  result.windowMs = performance.now() - t0;
  stopAll = true;
  for (const t of timers) clearInterval(t);
  // In 'stored' mode, wait (bounded) for the acknowledgements of what was published.
  const deadline = Date.now() + 30_000;
  while (opts.mode === 'stored' && result.acked < result.published && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(clients.map((c) => c.endAsync()));
  return result;

  async function runOne(g: PublisherSpec): Promise<MqttClient> {
    const client = await mqtt.connectAsync(opts.url, { clientId: g.gatewayId, username: g.gatewayId, password: g.password, clean: true });
    const sentAt = new Map<number, number>();
    let outstanding = 0;
    let oid = 0;
    const seq = new Array<number>(opts.devicesPerGateway).fill(0);
    if (opts.mode === 'stored') {
      client.on('message', (topic, payload) => {
        if (topic !== downTopic(g, 'ack')) return;
        const ack = decodePayload('ack', payload);
        if (!ack.ok) return;
        const now = performance.now();
        for (const id of ack.value.stored) {
          const t = sentAt.get(id);
          if (t === undefined) continue;
          sentAt.delete(id);
          if (measuring) result.latenciesMs.push(now - t);
          result.acked++;
          outstanding--;
        }
        if (!opts.ratePerSecond) pump();
      });
      await client.subscribeAsync(gatewayDownFilter(g), { qos: 1 });
    }
    function batch(): Reading[] {
      return Array.from({ length: opts.batchSize }, () => {
        const d = oid % opts.devicesPerGateway;
        seq[d]! += 1;
        return { oid: ++oid, device: `d${d}`, kind: 'chiller', seq: seq[d]!, ts: opts.tsBase + seq[d]!, temp: 3.5 + (oid % 10) / 10, unit: 'Cel', door: false, defrost: false };
      });
    }
    function pump(once = false) {
      if (once && outstanding + opts.batchSize > opts.windowReadings) result.skipped++;
      while (!stopAll && outstanding + opts.batchSize <= opts.windowReadings) {
        const readings = batch();
        outstanding += readings.length;
        result.published += readings.length;
        if (opts.mode === 'stored') {
          const t = performance.now();
          for (const r of readings) sentAt.set(r.oid, t); // only acks delete them: not in 'puback' mode
        }
        client.publish(upTopic(g, 'batch'), JSON.stringify({ v: 1, readings }), { qos: 1 }, () => {
          if (opts.mode === 'puback') {
            outstanding -= readings.length;
            result.acked += readings.length;
            if (!opts.ratePerSecond) pump();
          }
        });
        if (once) return;
      }
    }
    if (opts.ratePerSecond) {
      // One batch per period per gateway, the gateways spread over the period.
      const periodMs = (1000 * opts.batchSize * opts.gateways.length) / opts.ratePerSecond;
      const offset = (periodMs * opts.gateways.indexOf(g)) / opts.gateways.length;
      setTimeout(() => {
        if (stopAll) return;
        pump(true);
        timers.push(setInterval(() => pump(true), periodMs));
      }, offset);
    } else pump();
    return client;
  }
}

let stopAll = false;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
