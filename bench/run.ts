// npm run bench: ingest throughput and latency of the whole pipeline (broker →
// server → InfluxDB, acknowledged end to end), side by side with the raw
// ceiling measured in the same run on the same machine (broker publish →
// subscribe, no processing). Prints tables; asserts nothing about time.
//
// Four phases: (1) the raw ceiling; (2) the pipeline at saturation, each
// gateway keeping BENCH_WINDOW readings unacknowledged (a closed loop: its
// latency is the window over the throughput, by Little's law, so it measures
// queueing more than the pipeline); (3) the pipeline paced at BENCH_RATE
// readings/s (default 20,000, the issue's target; 0 skips it), whose latency is
// what a reading waits at that load; (4) InfluxDB alone, the storage ceiling.
// CPU per process is read from /proc for each window, so the run also says
// which process is the limit.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalInfluxd } from '../scripts/local-influxd.ts';
import { createCredentialStore, generateSecret } from '../broker/credentials.ts';
import { createSeriesStore } from '../server/adapters/influx/series-store.ts';
import { WRITER_DEFAULTS } from '../server/adapters/influx/batch-writer.ts';
import { startChild } from './procs.ts';
import { cpuMeter, type Pids } from './cpu-usage.ts';
import { influxCeiling } from './influx-ceiling.ts';
import { percentile, runPublishers, type PublisherSpec, type RunResult } from './publishers.ts';

const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 20);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 20_000);
const DEVICES = 10;
const DB = 'bench';

const load0 = loadavg()[0]!;
const dir = mkdtempSync(join(tmpdir(), 'kcw-bench-'));
const influxd = await startLocalInfluxd({ dataDir: join(dir, 'influx') });
const credentials = createCredentialStore({ path: join(dir, 'credentials.json'), cost: { N: 1024, r: 8, p: 1 } });
const gateways: PublisherSpec[] = [];
for (let i = 0; i < GATEWAYS; i++) {
  const g = { kitchenId: `bk${i}`, gatewayId: `bench-gw${i}`, password: generateSecret() };
  await credentials.addGateway(g.kitchenId, g.gatewayId, g.password);
  gateways.push(g);
}
const serverSecret = generateSecret();
await credentials.addServer('kcw-server', serverSecret);
const broker = await startChild<{ port: number }>('./broker-proc.ts', { credentials: join(dir, 'credentials.json') });
const url = `mqtt://127.0.0.1:${broker.info.port}`;
const common = { url, gateways, batchSize: BATCH, windowReadings: WINDOW, devicesPerGateway: DEVICES, durationMs: DURATION_MS, warmupMs: 1000 };
const cpu: Record<string, Record<string, string>> = {};

/** Runs the publishers and measures the CPU of `pids` over their measured window. */
async function measure(phase: string, pids: Pids, run: Omit<Parameters<typeof runPublishers>[0], keyof typeof common> & Partial<typeof common>): Promise<RunResult> {
  let stop: (() => Record<string, string>) | undefined;
  return runPublishers({
    ...common, ...run,
    onWindowStart: async () => {
      await run.onWindowStart?.();
      stop = cpuMeter(pids);
    },
    onWindowEnd: async () => {
      cpu[phase] = stop!();
      await run.onWindowEnd?.();
    },
  });
}

// 1. Raw ceiling: the same publishers and payloads, a subscriber that only counts.
const raw = await startChild<{ ready: boolean }>('./raw-subscriber-proc.ts', { url, username: 'kcw-server', password: serverSecret, readingsPerMessage: String(BATCH) });
let rawStart = 0;
let rawEnd = 0;
const rawRun = await measure('raw ceiling', { publishers: process.pid, broker: broker.proc.pid, 'subscriber / server': raw.proc.pid, influxd: influxd.pid() }, {
  mode: 'puback', tsBase: Date.now() - 3_600_000,
  onWindowStart: async () => void (rawStart = (await raw.request<{ readings: number }>({})).readings),
  onWindowEnd: async () => void (rawEnd = (await raw.request<{ readings: number }>({})).readings),
});
await raw.stop();
const rawRate = (rawEnd - rawStart) / (rawRun.windowMs / 1000);

// 2. and 3. The pipeline: the real server validates, evaluates the rules, writes InfluxDB and acknowledges.
// BENCH_SERVER_ARGS: node flags for the server alone (e.g. --max-semi-space-size=64), to try a deployment setting.
const serverArgs = process.env.BENCH_SERVER_ARGS?.split(' ').filter(Boolean) ?? [];
const server = await startChild<{ port: number }>('./server-proc.ts', {
  url, username: 'kcw-server', password: serverSecret, influxUrl: influxd.url, database: DB, sqlitePath: join(dir, 'server.sqlite'),
}, serverArgs);
const pipelinePids = { publishers: process.pid, broker: broker.proc.pid, 'subscriber / server': server.proc.pid, influxd: influxd.pid() };
const saturated = await measure('pipeline, saturated', pipelinePids, { mode: 'stored', tsBase: Date.now() - 2 * 3_600_000 });
// Its own device timestamps, so its points do not overwrite phase 2's (the zero-loss count).
const paced = RATE > 0 ? await measure('pipeline, paced', pipelinePids, { mode: 'stored', tsBase: Date.now() - 4 * 3_600_000, ratePerSecond: RATE }) : undefined;
const serverStats = await server.request<{ rejected: number; bufferFull: number; writeErrors: number }>({});
await server.stop();
const store = createSeriesStore({ url: influxd.url, database: DB });
const counted = (await store.query<{ count: number }>('SELECT count(seq) FROM cold_reading'))[0]?.count ?? 0;
const published = saturated.published + (paced?.published ?? 0);
const acked = saturated.acked + (paced?.acked ?? 0);

// 4. The storage ceiling: influxd alone, written like the server writes (see influx-ceiling.ts).
let stopCeilingCpu: (() => Record<string, string>) | undefined;
const ceiling = await influxCeiling({
  url: influxd.url, durationMs: DURATION_MS, batch: WRITER_DEFAULTS.maxBatch, inFlight: WRITER_DEFAULTS.maxInFlight, gateways: GATEWAYS, devices: DEVICES,
  onWindowStart: () => void (stopCeilingCpu = cpuMeter({ publishers: process.pid, broker: broker.proc.pid, influxd: influxd.pid() })),
  onWindowEnd: () => void (cpu['InfluxDB write ceiling'] = { ...stopCeilingCpu!(), 'subscriber / server': '—' }),
});

await broker.stop();
await influxd.stop();
rmSync(dir, { recursive: true, force: true });

const f = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (r: RunResult) => r.ackedInWindow / (r.windowMs / 1000);
const row = (r: RunResult) => ({
  'readings/s': f(rate(r)), 'of raw': (rate(r) / rawRate).toFixed(2),
  'p50 ms': percentile(r.latenciesMs, 50).toFixed(1), 'p99 ms': percentile(r.latenciesMs, 99).toFixed(1),
});
console.log(`\nIngest benchmark: ${GATEWAYS} gateways × ${DEVICES} devices, batches of ${BATCH}, window ${WINDOW} readings/gateway, ${DURATION_MS / 1000} s measured per phase${serverArgs.length ? `; server node flags: ${serverArgs.join(' ')}` : ''}`);
console.table({
  'raw ceiling (aedes publish → subscribe)': { 'readings/s': f(rawRate), 'of raw': '1.00', 'p50 ms': '—', 'p99 ms': '—' },
  'pipeline, saturated (stored, acked)': row(saturated),
  ...(paced ? { [`pipeline, paced at ${f(RATE)}/s offered`]: row(paced) } : {}),
  [`InfluxDB write ceiling (${f(WRITER_DEFAULTS.maxBatch)}/write, ${WRITER_DEFAULTS.maxInFlight} in flight)`]: {
    'readings/s': f(ceiling.pointsPerSecond), 'of raw': (ceiling.pointsPerSecond / rawRate).toFixed(2), 'p50 ms': '—', 'p99 ms': '—',
  },
});
console.log(`pipeline / raw ceiling: ${(rate(saturated) / rawRate).toFixed(2)}  (target ≥ 0.70; target ≥ 20,000 readings/s)`);
console.log(`pipeline / InfluxDB write ceiling: ${(rate(saturated) / ceiling.pointsPerSecond).toFixed(2)}${ceiling.writeErrors ? ` (ceiling run: ${ceiling.writeErrors} write errors)` : ''}`);
console.log(`Little's law, saturated: ${f(GATEWAYS * WINDOW)} readings outstanding / ${f(rate(saturated))} per s = ${((1000 * GATEWAYS * WINDOW) / rate(saturated)).toFixed(0)} ms mean latency (of queueing, mostly)`);
if (paced?.skipped) console.log(`paced: ${paced.skipped} batches not sent on time (window full): the offered load was not reached`);
console.log(`\nCPU over each measured window, % of one core (this machine: 2 cores = 200 %; "other" = load not ours; load average at start ${load0.toFixed(2)})`);
console.table(cpu);
console.log(`zero-loss check: published ${f(published)}, acknowledged ${f(acked)}, counted in InfluxDB ${f(counted)} → ${counted === published ? 'no loss' : `MISMATCH (${f(published - counted)})`}`);
console.log(`server: rejected ${serverStats.rejected}, buffer-full refusals ${serverStats.bufferFull}, InfluxDB write errors ${serverStats.writeErrors}`);
process.exit(counted === published ? 0 : 1);
