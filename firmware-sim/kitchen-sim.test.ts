// The simulated kitchen on its own: the register map as raw words on a real
// Modbus TCP connection (port 0), writes, exceptions, history backfill.
import modbusSerial from 'modbus-serial';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import { createKitchenSim, historyOf, type KitchenSim } from './kitchen-sim.ts';
import { KITCHEN_DEVICES, SCENARIOS } from './scenarios.ts';

const ModbusRTU = modbusSerial.default;
const T0 = Date.UTC(2024, 5, 3, 0, 0);
const MIN = 60_000;

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function served(sim: KitchenSim) {
  await sim.start();
  cleanup.push(() => sim.stop());
  const client = new ModbusRTU();
  await client.connectTCP('127.0.0.1', { port: sim.address().port });
  client.setTimeout(300);
  cleanup.push(() => new Promise((resolve) => client.close(() => resolve())));
  return client;
}

describe('register map (README.md)', () => {
  it('serves input registers 0..6 for each unit id', async () => {
    const clock = manualClock(T0);
    const sim = createKitchenSim({ kitchenId: 'k1', devices: KITCHEN_DEVICES, clock, seed: 5 });
    const client = await served(sim);
    sim.apply({ device: 'freezer-1', action: 'door-open' });
    sim.apply({ device: 'freezer-1', action: 'defrost-start' });
    clock.advance(20 * MIN + 5_000);
    client.setID(2);
    const { data } = await client.readInputRegisters(0, 7);
    const [temp, status, upHi, upLo, counter, kind, probe] = data;
    const expected = sim.device('freezer-1').measure().tempC ?? NaN;
    expect(temp).toBe(Math.round(expected * 10) & 0xffff);
    expect(status).toBe(0b0011); // door open, defrost, compressor off, no alarm
    expect([upHi, upLo]).toEqual([0, 1200]);
    expect(counter).toBe(120);
    expect([kind, probe]).toEqual([2, 0]);
    client.setID(3);
    expect((await client.readInputRegisters(5, 2)).data).toEqual([3, 1]); // coldroom, buffered probe
  });

  it('encodes probe faults as −32768 (open) and 32767 (short)', async () => {
    const sim = createKitchenSim({ kitchenId: 'k1', devices: KITCHEN_DEVICES, clock: manualClock(T0) });
    const client = await served(sim);
    client.setID(1);
    sim.apply({ device: 'chiller-1', action: 'probe-fault', fault: 'open' });
    const [openWord, status] = (await client.readInputRegisters(0, 2)).data;
    expect(openWord).toBe(0x8000);
    expect((status ?? 0) & 0b1000).toBe(0b1000); // alarm relay
    sim.apply({ device: 'chiller-1', action: 'probe-fault', fault: 'short' });
    expect((await client.readInputRegisters(0, 1)).data).toEqual([0x7fff]);
  });

  it('takes a new setpoint on holding register 0 and regulates to it', async () => {
    const clock = manualClock(T0);
    const sim = createKitchenSim({ kitchenId: 'k1', devices: KITCHEN_DEVICES, clock });
    const client = await served(sim);
    client.setID(2);
    expect((await client.readHoldingRegisters(0, 4)).data).toEqual([(-180) & 0xffff, 15, 360, 25]);
    await client.writeRegister(0, (-220) & 0xffff);
    clock.advance(120 * MIN);
    expect((await client.readHoldingRegisters(0, 1)).data).toEqual([(-220) & 0xffff]);
    expect(sim.device('freezer-1').state.airC).toBeLessThan(-20);
  });

  it('answers exceptions: 2 for an address outside the map, 3 for a value out of range', async () => {
    const sim = createKitchenSim({ kitchenId: 'k1', devices: KITCHEN_DEVICES, clock: manualClock(T0) });
    const client = await served(sim);
    client.setID(1);
    await expect(client.readInputRegisters(5, 5)).rejects.toMatchObject({ modbusCode: 2 });
    await expect(client.writeRegister(9, 1)).rejects.toMatchObject({ modbusCode: 2 });
    await expect(client.writeRegister(0, 500)).rejects.toMatchObject({ modbusCode: 3 }); // +50 °C
    expect(sim.device('chiller-1').state.settings.setpointC).toBe(3);
  });

  it('stays silent for a unit id nobody has, like an RS-485 bus', async () => {
    const sim = createKitchenSim({ kitchenId: 'k1', devices: KITCHEN_DEVICES, clock: manualClock(T0) });
    const client = await served(sim);
    client.setID(42);
    await expect(client.readInputRegisters(0, 2)).rejects.toMatchObject({ errno: 'ETIMEDOUT' });
  });
});

describe('createKitchenSim', () => {
  const clock = manualClock(T0);
  it('rejects a configuration it cannot serve', () => {
    const d = { deviceId: 'a', kind: 'chiller', unitId: 1 } as const;
    expect(() => createKitchenSim({ kitchenId: 'k', clock, devices: [d, { ...d, unitId: 2 }] })).toThrow(/duplicate/);
    expect(() => createKitchenSim({ kitchenId: 'k', clock, devices: [d, { ...d, deviceId: 'b' }] })).toThrow(/twice/);
    expect(() => createKitchenSim({ kitchenId: 'k', clock, devices: [{ ...d, unitId: 0 }] })).toThrow(/unit id/);
    expect(() => createKitchenSim({ kitchenId: 'k', clock, devices: [d], scenario: SCENARIOS.defrost })).toThrow(/unknown device/);
  });

  it('applies an event now and reverts it after forMin', () => {
    const c = manualClock(T0);
    const sim = createKitchenSim({ kitchenId: 'k', devices: KITCHEN_DEVICES, clock: c });
    c.advance(10 * MIN);
    sim.apply({ device: 'chiller-1', action: 'door-open', forMin: 3 });
    expect(sim.samples().find((s) => s.deviceId === 'chiller-1')?.door).toBe(true);
    c.advance(3 * MIN);
    expect(sim.samples().find((s) => s.deviceId === 'chiller-1')?.door).toBe(false);
  });
});

describe('historyOf', () => {
  it('backfills 24 h quickly and continues seamlessly into the live model', () => {
    const now = T0 + 24 * 60 * MIN;
    const sim = createKitchenSim({ kitchenId: 'k', devices: KITCHEN_DEVICES, clock: manualClock(now), startAt: T0 });
    const started = performance.now();
    const history = historyOf(sim, T0, now, MIN);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(history).toHaveLength(4 * (24 * 60 + 1));
    expect(history.slice(0, 4).map((s) => s.ts)).toEqual([T0, T0, T0, T0]);
    const lastBackfilled = history.at(-4);
    const live = sim.samples().find((s) => s.deviceId === 'chiller-1');
    expect(live).toEqual({ ...lastBackfilled, ts: now });
  });

  it('works on a single device and refuses to go back in time', () => {
    const sim = createKitchenSim({ kitchenId: 'k', devices: KITCHEN_DEVICES, clock: manualClock(T0) });
    const freezer = sim.device('freezer-1');
    expect(historyOf(freezer, T0, T0 + 60 * MIN, 10 * MIN)).toHaveLength(7);
    expect(() => historyOf(freezer, T0, T0 + MIN, MIN)).toThrow(RangeError);
    expect(() => historyOf(sim, T0 + 2 * MIN, T0 + 3 * MIN, 0)).toThrow(RangeError);
  });
});
