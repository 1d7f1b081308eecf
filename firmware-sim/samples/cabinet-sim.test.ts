// The simulated sample scale on its own: the register map (README.md) as raw
// words on a real Modbus TCP connection (port 0), scenario acts played lazily.
import modbusSerial from 'modbus-serial';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import { createSampleCabinetSim, type SampleCabinetSim, type SealRecord } from './cabinet-sim.ts';
import { CABINET_SCENARIOS, serviceStartAt } from './scenarios.ts';

const ModbusRTU = modbusSerial.default;
const T0 = Date.UTC(2024, 5, 3, 3, 30); // 11:30 in Beijing
const MIN = 60_000;
const service = { date: '2024-06-03', meal: 'lunch' } as const;

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function served(sim: SampleCabinetSim) {
  await sim.start();
  cleanup.push(() => sim.stop());
  const client = new ModbusRTU();
  await client.connectTCP('127.0.0.1', { port: sim.address().port });
  client.setID(1);
  client.setTimeout(300);
  cleanup.push(() => new Promise((resolve) => client.close(() => resolve())));
  return client;
}

const bytesOf = (words: number[]): number[] => words.flatMap((w) => [w >> 8, w & 0xff]);
const decode = (words: number[], length: number): string => Buffer.from(bytesOf(words).slice(0, length)).toString('utf8');
const int32 = (hi = 0, lo = 0): number => ((hi << 16) | lo) >> 0;

describe('sample scale register map (README.md)', () => {
  it('serves the header: version, slot count, conversions, serial, scanner buffers', async () => {
    const clock = manualClock(T0);
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 8, clock, seed: 5, serial: 'SCL-TEST-0001' });
    const client = await served(sim);
    clock.advance(2_345);
    sim.scanBadge('S001');
    sim.scanLabel('番茄炒蛋', service);
    const { data } = await client.readInputRegisters(0, 103);
    expect(data.slice(0, 3)).toEqual([1, 8, 23]);
    expect(decode(data.slice(3, 11), 16).replace(/\0+$/, '')).toBe('SCL-TEST-0001');
    const [labelCounter = 0, labelLength = 0] = data.slice(11, 13);
    expect(labelCounter).toBe(1);
    expect(decode(data.slice(13, 93), labelLength)).toBe('LY1|2024-06-03|lunch|番茄炒蛋');
    expect(labelLength).toBe(Buffer.byteLength('LY1|2024-06-03|lunch|番茄炒蛋'));
    expect(data.slice(93, 95)).toEqual([1, 4]);
    expect(decode(data.slice(95, 103), 4)).toBe('S001');
  });

  it('serves each slot: gross and tare in 0.1 g as int32, stable flag', async () => {
    const clock = manualClock(T0);
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 8, clock, seed: 5 });
    const client = await served(sim);
    sim.place(3, 152.4);
    clock.advance(300);
    const moving = (await client.readInputRegisters(200 + 2 * 5, 5)).data;
    expect(moving[4]).toBe(0); // swinging: not stable
    clock.advance(10_000);
    const [slot1, slot3] = [(await client.readInputRegisters(200, 5)).data, (await client.readInputRegisters(210, 5)).data];
    const tare3 = sim.state.slots[2]?.tareG ?? NaN;
    expect(int32(slot3[2], slot3[3])).toBe(Math.round(tare3 * 10));
    expect(Math.abs(int32(slot3[0], slot3[1]) / 10 - (tare3 + 152.4))).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(slot3[4]).toBe(1);
    expect(Math.abs(int32(slot1[0], slot1[1]))).toBeLessThanOrEqual(3); // empty: 0 ± 0.3 g, may be negative
    expect(slot1[4]).toBe(1);
    await expect(client.readInputRegisters(200 + 8 * 5 - 1, 2)).rejects.toMatchObject({ modbusCode: 2 });
  });

  it('plays a scenario lazily, each act at its exact time, however seldom it is read', async () => {
    const scenario = CABINET_SCENARIOS['disposal-after-48h'];
    const startAt = serviceStartAt(scenario, '2024-06-03');
    expect(startAt).toBe(T0);
    const clock = manualClock(T0);
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 8, clock, scenario, startAt: T0 });
    const client = await served(sim);
    clock.set(T0 + 48 * 60 * MIN);
    const at48h = (await client.readInputRegisters(0, 103)).data;
    expect(at48h[11]).toBe(4); // four labels, four badges scanned two days ago
    expect(sim.state.slots.filter((s) => s.netG !== null).map((s) => s.netG)).toEqual([152.4, 138, 171.6, 129.3]);
    clock.set(T0 + 50 * 60 * MIN);
    expect(sim.state.slots.every((s) => s.netG === null)).toBe(true);
    expect(sim.state.badge).toEqual({ counter: 5, text: 'S002' });
  });

  it('keeps a seal as a marker for the seal API, off the bus', () => {
    const scenario = CABINET_SCENARIOS['sealed-after-illness'];
    const clock = manualClock(T0);
    const seen: SealRecord[] = [];
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 8, clock, scenario, onSeal: (s) => seen.push(s) });
    clock.set(T0 + 26 * 60 * MIN + 1);
    expect(seen).toEqual([]); // acts are played when someone looks: a poll, state, apply
    const { seals } = sim.state;
    expect(seen).toEqual([{ cabinetId: 'samples-1', at: T0 + 26 * 60 * MIN, slots: [1, 2, 3, 4], badge: 'M001', reason: 'suspected food-borne illness' }]);
    expect(seals).toEqual(seen);
    expect(sim.state.slots.filter((s) => s.netG !== null)).toHaveLength(4);
  });

  it('is silent for another unit id, as an RS-485 indicator is', async () => {
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 2, clock: manualClock(T0) });
    const client = await served(sim);
    client.setID(9);
    await expect(client.readInputRegisters(0, 3)).rejects.toMatchObject({ errno: 'ETIMEDOUT' });
  });

  it('rejects bad configuration and impossible acts at once', () => {
    const clock = manualClock(T0);
    expect(() => createSampleCabinetSim({ cabinetId: 'c', slots: 0, clock })).toThrow(/slot count/);
    expect(() => createSampleCabinetSim({ cabinetId: 'c', slots: 2, clock, serial: '序列号' })).toThrow(/ASCII/);
    expect(() => createSampleCabinetSim({ cabinetId: 'c', slots: 3, clock, scenario: CABINET_SCENARIOS['normal-lunch'] }))
      .toThrow(/no slot 4/);
    const sim = createSampleCabinetSim({ cabinetId: 'c', slots: 2, clock });
    expect(() => sim.place(3, 150)).toThrow(/no slot 3/);
    expect(() => sim.remove(1)).toThrow(/empty/);
    expect(() => sim.scanBadge('S 001')).toThrow(/bad badge/);
    expect(() => sim.scanLabel('菜'.repeat(60), service)).toThrow(/too long/);
  });
});
