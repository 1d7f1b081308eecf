// A gateway's state (retained status, last will) and downlink commands with a
// correlation id, through the REST API, the broker and a real gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import type { Gateway as GatewayDto } from '../contracts/api.ts';
import { createKitchenSim, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import { KITCHEN_DEVICES } from '../firmware-sim/scenarios.ts';
import { createModbusProbeDriver } from '../gateway/drivers/modbus-probe.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const clock = manualClock(Date.UTC(2026, 10, 23, 3, 0, 0));
let stack: Stack;
let sim: KitchenSim;
let gateway: Gateway;

const gateways = async () => (await (await stack.fetch(`/api/gateways?kitchen=k-cmd`)).json()) as GatewayDto[];
const command = async (body: object, gatewayId = 'gw-cmd') => {
  const res = await stack.fetch(`/api/kitchens/k-cmd/gateways/${gatewayId}/commands`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-cmd')] });
  sim = createKitchenSim({ kitchenId: 'k-cmd', devices: KITCHEN_DEVICES, clock, port: 0 });
  await sim.start();
  gateway = createGateway({
    kitchenId: 'k-cmd', gatewayId: 'gw-cmd', mqttUrl: stack.mqttUrl, secret: await stack.addGateway('k-cmd', 'gw-cmd'), clock,
    devices: KITCHEN_DEVICES.map((d) => ({ device: d.deviceId, kind: d.kind, unitId: d.unitId, reportIntervalS: 60 })),
    driver: createModbusProbeDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 500, clock }),
    outbox: createMemoryOutbox(), pollIntervalMs: 3_600_000,
  });
  gateway.start();
});
afterAll(async () => {
  await gateway?.stop();
  await sim?.stop();
  await stack?.stop();
});

describe('gateway state and commands', () => {
  it('shows a connected gateway online, with the devices it announced', async () => {
    const [gw] = await eventually(gateways, (g) => g[0]?.state === 'online');
    expect(gw).toMatchObject({ kitchenId: 'k-cmd', gatewayId: 'gw-cmd', state: 'online', outboxDepth: 0 });
    const devices = (await (await stack.fetch(`/api/kitchens/k-cmd/devices`)).json()) as Array<{ deviceId: string }>;
    expect(devices.map((d) => d.deviceId).sort()).toEqual(KITCHEN_DEVICES.map((d) => d.deviceId).sort());
  });

  it('answers a command through the gateway, matched by its correlation id', async () => {
    const ping = await command({ name: 'ping' });
    expect(ping.status).toBe(200);
    expect(ping.body).toMatchObject({ v: 1, ok: true, result: { outboxDepth: 0 } });
    expect(typeof ping.body.id).toBe('string');
    expect(await command({ name: 'set-interval', args: { seconds: 0 } })).toMatchObject({ status: 200, body: { ok: false, error: { code: 'bad_args' } } });
    expect(await command({ name: 'set-interval', args: { seconds: 30 } })).toMatchObject({ status: 200, body: { ok: true, result: { seconds: 30 } } });
  });

  it('refuses unknown commands and gateways with stable codes', async () => {
    expect(await command({ name: 'format-disk' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_command' } } });
    expect(await command({ name: 'ping', args: [1] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_command' } } });
    expect(await command({ name: 'ping' }, 'gw-nobody')).toMatchObject({ status: 404, body: { error: { code: 'gateway_not_found' } } });
  });

  it('learns that a gateway went offline, and times out commands to it', async () => {
    await gateway.stop(); // says offline itself; a crash is covered by the broker's last-will tests
    await eventually(gateways, (g) => g[0]?.state === 'offline');
    expect(await command({ name: 'ping' })).toMatchObject({ status: 504, body: { error: { code: 'command_timeout' } } });
  });
});
