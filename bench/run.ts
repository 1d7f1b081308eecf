// npm run bench: ingest throughput and latency of the whole pipeline (broker →
// server → InfluxDB, acknowledged end to end), side by side with the raw
// ceiling measured in the same run on the same machine (broker publish →
// subscribe, no processing). Prints a table; asserts nothing about time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalInfluxd } from '../scripts/local-influxd.ts';
import { createCredentialStore, generateSecret } from '../broker/credentials.ts';
import { createSeriesStore } from '../server/adapters/influx/series-store.ts';
import { startChild } from './procs.ts';
import { percentile, runPublishers, type PublisherSpec } from './publishers.ts';

const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? 20);
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 2000);
const DEVICES = 10;
const DB = 'bench';

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

// 1. Raw ceiling: the same publishers and payloads, a subscriber that only counts.
const raw = await startChild<{ ready: boolean }>('./raw-subscriber-proc.ts', { url, username: 'kcw-server', password: serverSecret, readingsPerMessage: String(BATCH) });
let rawStart = 0;
let rawEnd = 0;
const rawRun = await runPublishers({
  ...common, mode: 'puback', tsBase: Date.now() - 3_600_000,
  onWindowStart: async () => void (rawStart = (await raw.request<{ readings: number }>({})).readings),
  onWindowEnd: async () => void (rawEnd = (await raw.request<{ readings: number }>({})).readings),
});
await raw.stop();
const rawRate = (rawEnd - rawStart) / (rawRun.windowMs / 1000);

// 2. The pipeline: the real server validates, evaluates the rules, writes InfluxDB and acknowledges.
const server = await startChild<{ port: number }>('./server-proc.ts', {
  url, username: 'kcw-server', password: serverSecret, influxUrl: influxd.url, database: DB, sqlitePath: join(dir, 'server.sqlite'),
});
const run = await runPublishers({ ...common, mode: 'stored', tsBase: Date.now() - 2 * 3_600_000 });
const serverStats = await server.request<{ rejected: number; bufferFull: number; writeErrors: number }>({});
await server.stop();
const rate = run.ackedInWindow / (run.windowMs / 1000);
const store = createSeriesStore({ url: influxd.url, database: DB });
const counted = (await store.query<{ count: number }>('SELECT count(seq) FROM cold_reading'))[0]?.count ?? 0;

await broker.stop();
await influxd.stop();
rmSync(dir, { recursive: true, force: true });

const f = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`\nIngest benchmark: ${GATEWAYS} gateways × ${DEVICES} devices, batches of ${BATCH}, window ${WINDOW} readings/gateway, ${DURATION_MS / 1000} s measured`);
console.table({
  'raw ceiling (aedes publish → subscribe)': { 'readings/s': f(rawRate), 'p50 ms': '—', 'p99 ms': '—' },
  'pipeline (stored in InfluxDB, acked)': { 'readings/s': f(rate), 'p50 ms': percentile(run.latenciesMs, 50).toFixed(1), 'p99 ms': percentile(run.latenciesMs, 99).toFixed(1) },
});
console.log(`pipeline / raw ceiling: ${(rate / rawRate).toFixed(2)}  (target ≥ 0.70; target ≥ 20,000 readings/s)`);
console.log(`zero-loss check: published ${f(run.published)}, acknowledged ${f(run.acked)}, counted in InfluxDB ${f(counted)} → ${counted === run.published ? 'no loss' : `MISMATCH (${f(run.published - counted)})`}`);
console.log(`server: rejected ${serverStats.rejected}, buffer-full refusals ${serverStats.bufferFull}, InfluxDB write errors ${serverStats.writeErrors}`);
process.exit(counted === run.published ? 0 : 1);
