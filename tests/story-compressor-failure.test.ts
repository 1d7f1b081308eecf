// Story: a chiller's compressor fails in a simulated kitchen. Its readings travel
// Modbus → gateway (outbox) → broker → server → InfluxDB, the rules raise
// FS-COLD-ALARM on device time, and an inspector's socket.io client receives it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { manualClock } from '../contracts/clock.ts';
import type { Alert } from '../contracts/api.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../contracts/events.ts';
import { createKitchenSim, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import { SCENARIOS } from '../firmware-sim/scenarios.ts';
import { createModbusProbeDriver } from '../gateway/drivers/modbus-probe.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import type { GatewayDevice } from '../gateway/device-driver.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const scenario = SCENARIOS['compressor-failure'];
const T0 = Date.UTC(2026, 10, 23, 0, 0, 0);
const clock = manualClock(T0);
let stack: Stack;
let sim: KitchenSim;
let gateway: Gateway;
let socket: Socket<ServerToClientEvents, ClientToServerEvents>;
const raised: Alert[] = [];

const devices: GatewayDevice[] = scenario.devices.map((d) => ({
  device: d.deviceId, kind: d.kind, unitId: d.unitId, probe: d.probe, reportIntervalS: 60, name: d.name,
}));

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-story', '故事厨房')], clock });
  sim = createKitchenSim({ kitchenId: 'k-story', devices: scenario.devices, clock, scenario, startAt: T0, port: 0 });
  await sim.start();
  const secret = await stack.addGateway('k-story', 'gw-story');
  gateway = createGateway({
    kitchenId: 'k-story', gatewayId: 'gw-story', mqttUrl: stack.mqttUrl, secret, devices, clock,
    driver: createModbusProbeDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 1000, clock }),
    outbox: createMemoryOutbox(),
    pollIntervalMs: 3_600_000, // the test polls by hand, one simulated minute at a time
  });
  gateway.start();
  await eventually(() => gateway.uplink.connected(), Boolean);
  socket = io(stack.httpUrl, { transports: ['websocket'], extraHeaders: { cookie: stack.cookie } });
  socket.on('alert:raised', (alert) => raised.push(alert));
  await new Promise<void>((resolve) => socket.emit('snapshot:get', () => resolve()));
});

afterAll(async () => {
  socket?.close();
  await gateway?.stop();
  await sim?.stop();
  await stack?.stop();
});

describe('story: compressor failure', () => {
  it('[FS-COLD-ALARM] becomes an alert a socket.io client receives, with every reading countable in InfluxDB', async () => {
    const coldAlarm = () => raised.find((a) => a.ruleId === 'FS-COLD-ALARM' && a.deviceId === 'chiller-1');
    let minutes = 0;
    // The compressor fails at minute 30; the air probe passes 8 °C ~35 min later; the
    // air-probe on-delay is 30 min. Poll one simulated minute at a time until the alert arrives.
    while (!coldAlarm() && minutes < 180) {
      clock.advance(60_000);
      minutes++;
      await gateway.pollOnce();
      // Acknowledged means stored, and judged by the rules before that: the loop stops on the minute that raised it.
      await eventually(() => gateway.outbox.depth(), (n) => n === 0, { everyMs: 5 });
    }
    const alert = await eventually(coldAlarm, Boolean, { timeoutMs: 10_000 });
    expect(alert).toMatchObject({ kitchenId: 'k-story', deviceId: 'chiller-1', ruleId: 'FS-COLD-ALARM', severity: 'alarm', status: 'active' });
    expect(alert!.peakValue).toBeGreaterThan(8);
    const outOfRangeFor = (Date.parse(alert!.raisedAt) - Date.parse(alert!.firstOutAt)) / 60_000;
    expect(outOfRangeFor).toBeGreaterThanOrEqual(30);
    expect(minutes).toBeGreaterThan(60);
    // Nothing else in this kitchen went wrong.
    expect(raised.filter((a) => a.deviceId !== 'chiller-1')).toEqual([]);

    const polled = gateway.stats.polled;
    expect(polled).toBe(minutes * devices.length);
    await eventually(() => gateway.outbox.depth(), (n) => n === 0);
    expect(await stack.countReadings(`WHERE kitchen = 'k-story'`)).toBe(polled);
    const stored = await (await stack.fetch(`/api/alerts?kitchen=k-story&status=open`)).json() as Alert[];
    expect(stored.map((a) => a.ruleId)).toContain('FS-COLD-ALARM');
  });
});
