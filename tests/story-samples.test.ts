// Story: lunch is sampled at a simulated cabinet. The scale's indicator (Modbus
// TCP) → the gateway's detector → its outbox → the broker → the server's ledger;
// the light sample raises FS-SAMPLE-WEIGHT and the board shows each dish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import type { Alert, SampleDay } from '../contracts/api.ts';
import { createSampleCabinetSim, type SampleCabinetSim } from '../firmware-sim/samples/cabinet-sim.ts';
import { CABINET_SCENARIOS, LUNCH_MENU, serviceStartAt } from '../firmware-sim/samples/scenarios.ts';
import { createScaleDriver } from '../gateway/samples/scale-driver.ts';
import { createSamplePoller } from '../gateway/samples/sample-poller.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const scenario = CABINET_SCENARIOS['light-sample'];
const DATE = '2026-11-23';
const start = serviceStartAt(scenario, DATE);
const clock = manualClock(start - 60_000);
let stack: Stack;
let sim: SampleCabinetSim;
let gateway: Gateway;
let poller: ReturnType<typeof createSamplePoller>;

const api = async (path: string, init?: RequestInit) => (await (await stack.fetch(`/api${path}`, init)).json()) as unknown;
const put = (path: string, body: unknown) => api(path, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-ly', '春晖长者饭堂')], clock });
  await put('/kitchens/k-ly/meal-times', [{ meal: 'lunch', starts: scenario.serviceStart, ends: '13:00' }]);
  await put(`/kitchens/k-ly/menus/${DATE}/lunch`, { dishes: [...LUNCH_MENU] });
  sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: scenario.slots, clock, seed: scenario.seed, scenario, startAt: start, port: 0 });
  await sim.start();
  gateway = createGateway({
    kitchenId: 'k-ly', gatewayId: 'gw-ly', mqttUrl: stack.mqttUrl, secret: await stack.addGateway('k-ly', 'gw-ly'), clock,
    // This gateway serves the sample cabinet's scale only: no temperature probes to poll.
    devices: [], driver: { read: () => Promise.reject(new Error('no probes')), close: async () => undefined },
    outbox: createMemoryOutbox(), pollIntervalMs: 3_600_000,
  });
  gateway.start();
  await eventually(() => gateway.uplink.connected(), Boolean);
  poller = createSamplePoller({
    driver: createScaleDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 1000, clock }),
    record: (events) => gateway.recordSamples(events), device: 'samples-1-scale', cabinet: 'samples-1', pollIntervalMs: 1000,
  });
});
afterAll(async () => {
  await poller?.stop();
  await gateway?.stop();
  await sim?.stop();
  await stack?.stop();
});

describe('story: lunch sampled at the cabinet', () => {
  it('[FS-SAMPLE-WEIGHT] turns the scale\'s placements into ledger records and an alarm for the light one', async () => {
    let placements = 0;
    // One poll a simulated second through the first 20 minutes of the service.
    for (let s = 0; s < 21 * 60; s++) {
      clock.advance(1000);
      placements += await poller.pollOnce();
    }
    expect(placements).toBe(4);
    await eventually(() => gateway.outbox.depth(), (n) => n === 0);
    const board = (await api(`/kitchens/k-ly/samples?date=${DATE}`)) as SampleDay;
    const rows = board.services[0]!.dishes.map((d) => [d.dish, d.status, Math.round(d.sample?.netWeightG ?? 0), d.sample?.placedBy]);
    expect(rows).toEqual([
      [LUNCH_MENU[0], 'ok', 152, 'S001'], [LUNCH_MENU[1], 'light', 118, 'S001'],
      [LUNCH_MENU[2], 'ok', 172, 'S001'], [LUNCH_MENU[3], 'ok', 129, 'S001'],
    ]);
    const alerts = (await api('/alerts?kitchen=k-ly')) as Alert[];
    expect(alerts.map((a) => a.ruleId)).toEqual(['FS-SAMPLE-WEIGHT']);
    expect(alerts[0]!.message).toContain(LUNCH_MENU[1]!);
  });
});
