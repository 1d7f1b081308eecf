// The server's CPU cost per reading, without MQTT, HTTP or InfluxDB: the same
// ingest wiring as server/create-server.ts (validate → line protocol → bounded
// writer → rules → live view → acks) fed with the benchmark's batch payloads,
// and a store that only builds the request body. Quick to run (a few seconds,
// one core), so each change to the hot path can be measured on its own:
//   npx tsx bench/ingest-cpu.ts            (add --cpu-prof via node to profile)
// It reports CPU time (process.cpuUsage), not wall time, so the other work on a
// shared machine skews it less; compare runs, not absolute numbers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/adapters/sql/database.ts';
import { createRegistryRepo } from '../server/adapters/sql/registry-repo.ts';
import { createAlertsRepo } from '../server/adapters/sql/alerts-repo.ts';
import { createRuleStateRepo } from '../server/adapters/sql/rule-state-repo.ts';
import { createBatchWriter } from '../server/adapters/influx/batch-writer.ts';
import { createMetrics, writerMetrics } from '../server/app/metrics.ts';
import { createIngest } from '../server/app/ingest.ts';
import { createLiveHub } from '../server/app/live.ts';
import { createColdChain, type RuleEngine } from '../server/app/cold-chain.ts';
import { defaultRuleEngine } from '../server/app/rule-engine.ts';
import { sendAcks, type AckRef } from '../server/app/acks.ts';
import { encodePayload } from '../contracts/validate.ts';
import { upTopic } from '../contracts/topics.ts';
import type { Reading } from '../contracts/payloads.ts';

const GATEWAYS = 20;
const DEVICES = 10;
const BATCH = Number(process.env.BENCH_BATCH ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 6);
const MESSAGES_PER_ROUND = 500;

const dir = mkdtempSync(join(tmpdir(), 'kcw-cpu-'));
const db = openDatabase(join(dir, 'server.sqlite'));
const metrics = createMetrics();
let ackBytes = 0;
const coldChain = createColdChain({
  engine: defaultRuleEngine as RuleEngine<unknown>,
  registry: createRegistryRepo(db), alerts: createAlertsRepo(db), ruleStates: createRuleStateRepo(db),
  now: () => Date.now(), onAlert: () => undefined, onUnitStateChange: (k, d) => live.onStateChange(k, d),
});
const live = createLiveHub({ stateOf: (k, d) => coldChain.stateOf(k, d), emit: () => undefined, coalesceMs: 500 });
const ack = (refs: AckRef[], kind: 'stored' | 'rejected') => {
  metrics.acksSent.inc({ kind }, refs.length);
  sendAcks((_gw, m) => void (ackBytes += encodePayload('ack', m).length), refs, kind);
};
const writer = createBatchWriter<AckRef>({
  // Builds the request body as the real store does, then "succeeds" at once.
  store: { writeLines: async (lines) => void Buffer.from(lines.join('\n')) },
  metrics: writerMetrics(metrics), onStored: (refs) => ack(refs, 'stored'), onRejected: (refs) => ack(refs, 'rejected'),
});
const ingest = createIngest({
  writer, metrics, warnOnce: () => undefined, now: () => Date.now(),
  onReadings: (gw, readings) => {
    coldChain.onReadings(gw, readings);
    live.onReadings(readings);
  },
  onStatus: () => undefined, onReply: () => undefined, onStoredOids: () => undefined,
  onSample: () => ({ stored: true }), onCameras: () => undefined, onAiEvent: () => ({ stored: true }),
  onRejectedOids: (gw, oids) => ack(oids.map((oid) => ({ ...gw, oid })), 'rejected'),
});

// The benchmark publishers' payloads, pre-encoded so only the server's work is timed.
const tsBase = Date.now() - 3_600_000;
const gateways = Array.from({ length: GATEWAYS }, (_, i) => ({ kitchenId: `bk${i}`, gatewayId: `bench-gw${i}`, oid: 0, seq: new Array<number>(DEVICES).fill(0) }));
function nextMessage(g: (typeof gateways)[number]): [string, Buffer] {
  const readings: Reading[] = Array.from({ length: BATCH }, () => {
    const d = g.oid % DEVICES;
    g.seq[d]! += 1;
    return { oid: ++g.oid, device: `d${d}`, kind: 'chiller', seq: g.seq[d]!, ts: tsBase + g.seq[d]!, temp: 3.5 + (g.oid % 10) / 10, unit: 'Cel', door: false, defrost: false };
  });
  return [upTopic(g, 'batch'), Buffer.from(JSON.stringify({ v: 1, readings }))];
}

const results: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const messages = Array.from({ length: MESSAGES_PER_ROUND }, (_, i) => nextMessage(gateways[i % GATEWAYS]!));
  const c0 = process.cpuUsage();
  for (let i = 0; i < messages.length; i++) {
    ingest(messages[i]![0], messages[i]![1]);
    // Let the writer run between messages now and then, as the event loop would.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  await writer.drained();
  const c = process.cpuUsage(c0);
  const usPerReading = (c.user + c.system) / (MESSAGES_PER_ROUND * BATCH);
  results.push(usPerReading);
  console.log(`round ${round + 1}: ${usPerReading.toFixed(2)} µs CPU per reading (${Math.round(1e6 / usPerReading).toLocaleString('en-US')} readings/s per core)`);
}
const best = Math.min(...results.slice(1));
console.log(`best after warm-up: ${best.toFixed(2)} µs/reading; ack bytes ${ackBytes.toLocaleString('en-US')}`);
await writer.stop();
live.stop();
db.close();
rmSync(dir, { recursive: true, force: true });
