// Story: readings survive a gateway crash (SIGKILL mid-stream, restarted on the
// same outbox) and a lost uplink; every reading the gateway took arrives in
// InfluxDB exactly once — counted, and checked for gaps per device.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { systemClock } from '../contracts/clock.ts';
import { createKitchenSim, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import { KITCHEN_DEVICES } from '../firmware-sim/scenarios.ts';
import type { GatewayDevice } from '../gateway/device-driver.ts';
import { createSeriesStore } from '../server/adapters/influx/series-store.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { startTcpProxy } from './fixtures/tcp-proxy.ts';
import { eventually } from './fixtures/influxd.ts';

interface ChildState { polled: number; depth: number; connected: boolean }

let stack: Stack;
let sim: KitchenSim;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let child: ChildProcess | undefined;
let args: Record<string, unknown>;
const devices: GatewayDevice[] = KITCHEN_DEVICES.map((d) => ({ device: d.deviceId, kind: d.kind, unitId: d.unitId, probe: d.probe, reportIntervalS: 1 }));

function startGateway(): Promise<void> {
  child = fork(fileURLToPath(new URL('./fixtures/gateway-child.ts', import.meta.url)), [JSON.stringify(args)], {
    execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve) => child!.once('message', () => resolve()));
}

function state(): Promise<ChildState> {
  return new Promise((resolve) => {
    child!.once('message', (m) => resolve(m as ChildState));
    child!.send({});
  });
}

const pollsBeyond = async (n: number) => {
  const start = (await state()).polled;
  await eventually(state, (s) => s.polled >= start + n * devices.length, { timeoutMs: 60_000, everyMs: 50 });
};

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-sf')] });
  sim = createKitchenSim({ kitchenId: 'k-sf', devices: KITCHEN_DEVICES, clock: systemClock, port: 0 });
  await sim.start();
  proxy = await startTcpProxy({ host: '127.0.0.1', port: stack.broker.address().port });
  args = {
    kitchenId: 'k-sf', gatewayId: 'gw-sf', mqttUrl: proxy.url, secret: await stack.addGateway('k-sf', 'gw-sf'),
    simPort: sim.address().port, outboxPath: join(stack.dir, 'gw-sf', 'outbox.sqlite'), pollMs: 40, devices,
  };
  await startGateway();
});

afterAll(async () => {
  child?.kill('SIGKILL');
  await proxy?.close();
  await sim?.stop();
  await stack?.stop();
});

describe('story: store and forward', () => {
  it('delivers every reading exactly once across a SIGKILL of the gateway and a lost uplink', async () => {
    await eventually(state, (s) => s.connected);
    await pollsBeyond(10);

    // 1. Crash mid-stream: no flush, no DISCONNECT, readings in flight.
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    await startGateway();
    await pollsBeyond(10);

    // 2. The uplink is lost for a while: readings pile up in the outbox.
    proxy.cut();
    await eventually(state, (s) => !s.connected);
    await pollsBeyond(20);
    expect((await state()).depth).toBeGreaterThanOrEqual(20 * devices.length);
    proxy.restore();
    await pollsBeyond(10);

    // 3. Stop taking readings, then stop once everything taken is acknowledged (a poll between the
    //    last check and the stop would otherwise be numbered but not yet stored when we count).
    await new Promise<void>((resolve) => {
      child!.once('message', () => resolve());
      child!.send({ pause: true });
    });
    await eventually(state, (s) => s.depth === 0, { timeoutMs: 60_000 });
    await new Promise<void>((resolve) => {
      child!.once('exit', () => resolve());
      child!.send({ stop: true });
    });
    child = undefined;

    // Every reading the gateway ever took is numbered by its outbox (oid 1..n).
    const db = new Database(args.outboxPath as string, { readonly: true });
    const taken = (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'outbox'`).get() as { seq: number }).seq;
    const perDevice = db.prepare('SELECT device, last FROM device_seq').all() as Array<{ device: string; last: number }>;
    db.close();
    // At least the 10 + 10 + 20 + 10 polls waited for (exactly that many when the machine is slow).
    expect(taken).toBeGreaterThanOrEqual(50 * devices.length);
    expect(await stack.countReadings(`WHERE kitchen = 'k-sf'`)).toBe(taken);

    // Exactly once, per device: seq 1..last, each stored once, none missing.
    const series = createSeriesStore({ url: stack.influxd.url, database: 'e2e' });
    for (const { device, last } of perDevice) {
      const rows = await series.query<{ count: number; min: number; max: number }>(
        `SELECT count(seq), min(seq), max(seq) FROM cold_reading WHERE kitchen = 'k-sf' AND device = '${device}'`);
      expect({ device, ...rows[0], time: undefined }).toEqual({ device, count: last, min: 1, max: last, time: undefined });
    }
  });
});
