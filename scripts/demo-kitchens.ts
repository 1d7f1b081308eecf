// Starts the simulated kitchens of the demo district: for each, a Modbus TCP
// bus of simulated units and a real gateway polling it, with a durable outbox
// under DATA_DIR. On the first start each gateway backfills 24 h of history.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../contracts/clock.ts';
import { createKitchenSim, historyOf, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import type { DeviceSpec } from '../firmware-sim/device-sim.ts';
import { createModbusProbeDriver } from '../gateway/drivers/modbus-probe.ts';
import { createSqliteOutbox } from '../gateway/outbox/sqlite-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { createKitchenDisplay } from '../firmware-sim/kitchen-display.ts';
import { toUnnumberedReading } from '../gateway/convert.ts';
import type { DemoKitchen } from './demo-district.ts';
import type { Outbox, UnnumberedReading, UnnumberedSampleEvent } from '../gateway/outbox/outbox.ts';
import { pastLunch } from './demo-sample-history.ts';
import { demoScenario, HISTORY_MIN } from './demo-scenarios.ts';

export interface RunningKitchen { sim: KitchenSim; gateway: Gateway; trouble?: string }

const HISTORY_STEP_MS = 60_000;

function simDevices(k: DemoKitchen): DeviceSpec[] {
  return k.devices.map((d) => ({
    deviceId: d.device, kind: d.kind, unitId: d.unitId, probe: d.probe, name: d.name,
    defrostIntervalMin: d.defrostIntervalMin, firstDefrostMin: 60 + (d.unitId * 97) % 300,
  }));
}

/** Readings and sample events into the outbox in device-time order (the server judges them in that order). */
function appendInTimeOrder(outbox: Outbox, readings: UnnumberedReading[], events: UnnumberedSampleEvent[]) {
  const samples = [...events].sort((a, b) => a.ts - b.ts);
  let r = 0;
  for (const event of samples) {
    const upTo = readings.findIndex((x, i) => i >= r && x.ts > event.ts);
    const end = upTo === -1 ? readings.length : upTo;
    if (end > r) outbox.append(readings.slice(r, end));
    r = end;
    outbox.appendSamples([event]);
  }
  if (r < readings.length) outbox.append(readings.slice(r));
}

export async function startDemoKitchen(k: DemoKitchen, n: number, opts: {
  clock: Clock; mqttUrl: string; secret: string; dataDir: string; pollSeconds: number; lunchStart: number;
  /** The kitchen's camera edge box (bright kitchen), polled by the gateway. */
  edgeBoxUrl?: string;
  log?: { warn(obj: object, msg: string): void };
}): Promise<RunningKitchen> {
  const now = opts.clock.now();
  const startAt = now - HISTORY_MIN * 60_000;
  const devices = simDevices(k);
  const { scenario, trouble } = demoScenario(n, devices);
  const sim = createKitchenSim({ kitchenId: k.kitchen.id, devices, clock: opts.clock, scenario, startAt, port: 0 });
  const outboxPath = join(opts.dataDir, 'gateways', k.gatewayId, 'outbox.sqlite');
  const firstStart = !existsSync(outboxPath);
  const outbox = createSqliteOutbox(outboxPath);
  const kinds = new Map(k.devices.map((d) => [d.device, d.kind]));
  // The first start backfills the last 24 h through the gateway's outbox, as a
  // gateway catching up after an outage would; later starts keep the stored data.
  if (firstStart) {
    const history = historyOf(sim, startAt, now - opts.pollSeconds * 1000, HISTORY_STEP_MS);
    const readings = history.map((raw) => toUnnumberedReading(raw, kinds.get(raw.deviceId)!));
    appendInTimeOrder(outbox, readings, pastLunch(n, opts.lunchStart, now)?.events ?? []);
  }
  await sim.start();
  const driver = createModbusProbeDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 1000, clock: opts.clock });
  const gateway = createGateway({
    kitchenId: k.kitchen.id, gatewayId: k.gatewayId, mqttUrl: opts.mqttUrl, secret: opts.secret,
    devices: k.devices, driver, outbox, clock: opts.clock, pollIntervalMs: opts.pollSeconds * 1000,
    holdFirstPollForBacklogMs: 60_000, edgeBoxUrl: opts.edgeBoxUrl, log: opts.log,
    display: createKitchenDisplay(), // the kitchen display and buzzer that `notify` drives (simulated)
  });
  gateway.start();
  return { sim, gateway, trouble };
}
