// End to end over real Modbus TCP on port 0: the simulated kitchen serves, the
// driver reads. A manual clock sets the simulated time; timeouts are real.
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { SimSample } from '../../firmware-sim/device-sim.ts';
import { createKitchenSim, type KitchenSim } from '../../firmware-sim/kitchen-sim.ts';
import { SCENARIOS } from '../../firmware-sim/scenarios.ts';
import { createModbusProbeDriver, type ModbusProbeDriver } from './modbus-probe.ts';
import type { RawSample } from './types.ts';
import type { DeviceDriver } from '../device-driver.ts';

const T0 = Date.UTC(2024, 5, 3, 0, 0);
const MIN = 60_000;
const chiller = { deviceId: 'chiller-1', unitId: 1 };
const freezer = { deviceId: 'freezer-1', unitId: 2 };

const open: Array<{ stop(): Promise<void> } | { close(): Promise<void> }> = [];
afterEach(async () => {
  for (const x of open.splice(0).reverse()) await ('stop' in x ? x.stop() : x.close());
});

async function setup(opts: { offlineReply?: 'silence' | 'gateway-exception'; timeoutMs?: number } = {}) {
  const clock = manualClock(T0);
  const sim = createKitchenSim({
    kitchenId: 'k1', devices: SCENARIOS['normal-day'].devices, clock, seed: 3, offlineReply: opts.offlineReply,
  });
  await sim.start();
  open.push(sim);
  const driver = createModbusProbeDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: opts.timeoutMs ?? 300, clock });
  await driver.connect();
  open.push(driver);
  return { clock, sim, driver };
}

describe('modbus probe driver ↔ simulated kitchen', () => {
  it('reads temperatures that change as the clock advances', async () => {
    const { clock, sim, driver } = await setup();
    const first = await driver.read(chiller);
    expect(first).toMatchObject({ deviceId: 'chiller-1', ts: T0, tempC: expect.any(Number), door: false, defrost: false });
    expect(first.fault).toBeUndefined();
    expect(Math.abs((first.tempC ?? NaN) - 3)).toBeLessThan(0.5);
    expect((await driver.read(freezer)).tempC).toBeCloseTo(-18, 0);

    sim.apply({ device: 'chiller-1', action: 'compressor-fail' });
    clock.advance(60 * MIN);
    const later = await driver.read(chiller);
    expect(later.ts).toBe(T0 + 60 * MIN);
    expect(later.tempC).toBeGreaterThan(10);
    expect(later).toMatchObject({ uptimeS: 3600, counter: 360 });
  });

  it('sees the door and defrost flags', async () => {
    const { clock, sim, driver } = await setup();
    sim.apply({ device: 'chiller-1', action: 'door-open', forMin: 2 });
    sim.apply({ device: 'freezer-1', action: 'defrost-start' });
    clock.advance(MIN);
    expect(await driver.read(chiller)).toMatchObject({ door: true, defrost: false });
    expect(await driver.read(freezer)).toMatchObject({ door: false, defrost: true });
    clock.advance(2 * MIN);
    expect((await driver.read(chiller)).door).toBe(false);
  });

  it('gives temp null with probe_open (and probe_short) on a probe fault', async () => {
    const { clock, sim, driver } = await setup();
    sim.apply({ device: 'chiller-1', action: 'probe-fault' });
    clock.advance(MIN);
    expect(await driver.read(chiller)).toMatchObject({ tempC: null, fault: 'probe_open', door: false });
    sim.apply({ device: 'chiller-1', action: 'probe-fault', fault: 'short' });
    expect(await driver.read(chiller)).toMatchObject({ tempC: null, fault: 'probe_short' });
  });

  it('gives no_response for a powered-off unit (silent bus), keeps reading the others, and sees the reboot', async () => {
    const { clock, sim, driver } = await setup({ timeoutMs: 200 });
    sim.apply({ device: 'chiller-1', action: 'power-off' });
    clock.advance(30 * MIN);
    const silent = await driver.read(chiller);
    expect(silent).toMatchObject({ deviceId: 'chiller-1', ts: T0 + 30 * MIN, tempC: null, fault: 'no_response', detail: 'timeout' });
    expect((await driver.read(freezer)).tempC).toEqual(expect.any(Number));
    sim.apply({ device: 'chiller-1', action: 'power-on' });
    clock.advance(MIN);
    const back = await driver.read(chiller);
    expect(back.fault).toBeUndefined();
    expect(back.tempC).toBeGreaterThan(5); // it warmed while off
    expect(back.uptimeS).toBe(60);
  });

  it('gives no_response when the Modbus gateway answers exception 0x0B instead of staying silent', async () => {
    const { sim, driver } = await setup({ offlineReply: 'gateway-exception', timeoutMs: 5000 });
    sim.apply({ device: 'chiller-1', action: 'power-off' });
    const started = Date.now();
    expect(await driver.read(chiller)).toMatchObject({ fault: 'no_response', detail: expect.stringContaining('11') });
    expect(Date.now() - started).toBeLessThan(1000); // answered, not timed out
    expect(await driver.read({ deviceId: 'ghost', unitId: 9 })).toMatchObject({ fault: 'no_response' });
  });

  it('reconnects on the next read after the TCP connection is lost', async () => {
    const { sim, driver } = await setup();
    const port = sim.address().port;
    await sim.stop();
    const down = await driver.read(chiller);
    expect(down.fault).toBe('no_response');
    const again = createKitchenSim({ kitchenId: 'k1', devices: sim.devices.map((d) => d.spec), clock: manualClock(T0), port });
    await again.start();
    open.push(again);
    expect((await driver.read(chiller)).tempC).toEqual(expect.any(Number));
  });

  it('serialises concurrent reads: each answer belongs to its unit', async () => {
    const { driver } = await setup();
    const reads = await Promise.all([chiller, freezer, chiller, freezer].map((d) => driver.read(d)));
    expect(reads.map((r) => r.deviceId)).toEqual(['chiller-1', 'freezer-1', 'chiller-1', 'freezer-1']);
    expect(reads.map((r) => (r.tempC ?? 0) < -10)).toEqual([false, true, false, true]);
  });

  it('reads the controller parameters, null when the unit does not answer', async () => {
    const { sim, driver } = await setup();
    expect(await driver.readSettings(freezer)).toEqual({
      setpointC: -18, bandC: 1.5, defrostIntervalMin: 360, defrostDurationMin: 25,
    });
    sim.apply({ device: 'freezer-1', action: 'power-off' });
    expect(await driver.readSettings(freezer)).toBeNull();
  });

  it('produces the same shape as the simulator history (one RawSample type end to end)', () => {
    expectTypeOf<SimSample>().toExtend<RawSample>();
    expectTypeOf<ModbusProbeDriver['read']>().returns.resolves.toEqualTypeOf<RawSample>();
    expectTypeOf<ModbusProbeDriver>().toExtend<DeviceDriver>(); // the gateway's port
  });

  it('takes the id from `device` when given a DeviceInfo-shaped config', async () => {
    const { driver } = await setup();
    expect((await driver.read({ device: 'freezer-1', unitId: 2 })).deviceId).toBe('freezer-1');
  });
});

describe('connect', () => {
  it('fails fast when nothing listens, and read() still answers no_response', async () => {
    const probe: KitchenSim = createKitchenSim({ kitchenId: 'k1', devices: [], clock: manualClock(T0) });
    await probe.start();
    const port = probe.address().port;
    await probe.stop();
    const driver = createModbusProbeDriver({ host: '127.0.0.1', port, timeoutMs: 300, clock: manualClock(T0) });
    open.push(driver);
    await expect(driver.connect()).rejects.toThrow();
    expect(await driver.read(chiller)).toMatchObject({ tempC: null, fault: 'no_response' });
  });
});
