// The storage ceiling: how many readings/s this machine's influxd takes when
// nothing else is done — line protocol as the server writes it, in the server's
// batch size, as many writes in flight as the server allows. Unlike the raw MQTT
// ceiling, every stored reading must also pass here, so it bounds the pipeline
// like for like; the pipeline then adds parsing, validation, rules and acks on
// the same cores. Run last: its points sit in their own database, and influxd
// compacts them in the background afterwards.
import { readingLine } from '../server/adapters/influx/line-protocol.ts';
import { createSeriesStore } from '../server/adapters/influx/series-store.ts';

const BODIES = 20;

export async function influxCeiling(opts: {
  url: string; durationMs: number; batch: number; inFlight: number; gateways: number; devices: number;
  onWindowStart?(): void; onWindowEnd?(): void;
}): Promise<{ pointsPerSecond: number; writeErrors: number }> {
  const store = createSeriesStore({ url: opts.url, database: 'ceiling' });
  await store.ensureDatabase();
  // Request bodies built up front, so the cores go to influxd rather than to
  // building lines: BODIES × batch distinct points, spread over the gateways and
  // devices like the benchmark's; later rounds re-write them (same work for influxd).
  let seq = 0;
  const ts = Date.now() - 6 * 3_600_000;
  const bodies = Array.from({ length: BODIES }, () => Buffer.from(Array.from({ length: opts.batch }, (_, i) => readingLine({
    oid: ++seq, device: `d${i % opts.devices}`, kind: 'chiller', seq, ts: ts + seq, temp: 3.5, unit: 'Cel',
    door: false, defrost: false, kitchenId: `bk${i % opts.gateways}`, gatewayId: `bench-gw${i % opts.gateways}`, tempC: 3.5,
  })).join('\n')));
  const writeUrl = `${store.url}/write?db=ceiling&precision=ms`;
  let next = 0;
  let written = 0;
  let writeErrors = 0;
  let measuring = false;
  let running = true;
  async function writer() {
    while (running) {
      const res = await fetch(writeUrl, { method: 'POST', body: bodies[next++ % BODIES] }).catch(() => undefined);
      if (res?.status !== 204) writeErrors++;
      else if (measuring) written += opts.batch;
      await res?.arrayBuffer();
    }
  }
  const writers = Array.from({ length: opts.inFlight }, () => writer());
  await new Promise((r) => setTimeout(r, 1000)); // warm-up, as for the other phases
  opts.onWindowStart?.();
  measuring = true;
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, opts.durationMs));
  measuring = false;
  const seconds = (performance.now() - t0) / 1000;
  opts.onWindowEnd?.();
  running = false;
  await Promise.all(writers);
  return { pointsPerSecond: written / seconds, writeErrors };
}
