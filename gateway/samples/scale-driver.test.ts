// End to end over real Modbus TCP on port 0: the simulated sample scale plays a
// scenario, the driver polls it on a manual clock, the detector turns the
// weights into acts, the converter into the wire's SampleEvent. A poll costs
// ~3 ms of real time (two requests), so a scenario is polled every second
// from start to 2 min past its last act, or, for the 49 h ones, every 500 ms
// around each act only.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import { decodePayload } from '../../contracts/validate.ts';
import { createSampleCabinetSim } from '../../firmware-sim/samples/cabinet-sim.ts';
import { CABINET_SCENARIOS, serviceStartAt, type CabinetScenario } from '../../firmware-sim/samples/scenarios.ts';
import { toUnnumberedSampleEvent, type UnnumberedSampleEvent } from './convert.ts';
import { detect, initialDetectorState } from './detector.ts';
import { createScaleDriver } from './scale-driver.ts';

const DATE = '2024-06-03';
const service = { date: DATE, meal: 'lunch' };
const open: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of open.splice(0).reverse()) await fn();
});

/** Poll times: every second without a gap, or (sparse) every 500 ms only around each act. */
function pollTimes(scenario: CabinetScenario, startAt: number, sparse: boolean): number[] {
  const lastActMs = Math.max(...scenario.steps.map((s) => s.atS)) * 1000;
  if (!sparse) return Array.from({ length: (lastActMs + 120_000) / 1000 + 1 }, (_, i) => startAt + i * 1000);
  const times = new Set<number>([startAt, startAt + 500, startAt + 1000]);
  for (const { atS } of scenario.steps) {
    for (let t = atS * 1000 - 2_000; t <= atS * 1000 + 12_000; t += 500) times.add(startAt + t);
  }
  return [...times].sort((a, b) => a - b);
}

async function play(scenario: CabinetScenario, opts: { sparse?: boolean } = {}) {
  const startAt = serviceStartAt(scenario, DATE);
  const clock = manualClock(startAt);
  const sim = createSampleCabinetSim({ cabinetId: scenario.cabinetId, slots: scenario.slots, clock, scenario, startAt });
  await sim.start();
  open.push(() => sim.stop());
  const driver = createScaleDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 300, clock });
  await driver.connect();
  open.push(() => driver.close());
  let state = initialDetectorState();
  const events: UnnumberedSampleEvent[] = [];
  for (const t of pollTimes(scenario, startAt, opts.sparse ?? false)) {
    clock.set(t);
    const read = await driver.read();
    if (!read.ok) throw new Error(`poll at ${t} failed: ${read.detail}`);
    const out = detect(state, read);
    state = out.state;
    const scale = { device: `${scenario.cabinetId}-scale`, cabinet: scenario.cabinetId, scaleSerial: read.serial };
    events.push(...out.events.map((e) => toUnnumberedSampleEvent(e, scale)));
  }
  return { startAt, sim, events };
}

const valid = (e: UnnumberedSampleEvent) => decodePayload('sample', JSON.stringify({ v: 1, event: { ...e, oid: 1, seq: 1 } }));
const near = (g: number) => expect.closeTo(g, 0);

describe('sample scale: sim ↔ driver ↔ detector ↔ converter over Modbus TCP', () => {
  it('[FS-SAMPLE-MISSING] normal-lunch: exactly the 4 placements, weights, labels and badge S001', async () => {
    const { startAt, sim, events } = await play(CABINET_SCENARIOS['normal-lunch']);
    const dishes = ['红烧狮子头', '清蒸鲈鱼', '番茄炒蛋', '蒜蓉西兰花'];
    expect(events).toEqual([152.4, 138.0, 171.6, 129.3].map((g, i) => ({
      device: 'samples-1-scale', ts: expect.any(Number), type: 'placed', cabinet: 'samples-1', slot: i + 1,
      netWeightG: near(g), scaleSerial: sim.serial, badge: 'S001', label: { dish: dishes[i], service },
    })));
    for (const e of events) {
      expect(e.ts - startAt).toBeLessThanOrEqual(20 * 60_000);
      expect(valid(e)).toEqual({ ok: true, value: expect.anything() });
    }
  });

  it('[FS-SAMPLE-WEIGHT] light-sample: the steamed perch weighs 118 g', async () => {
    const { events } = await play(CABINET_SCENARIOS['light-sample'], { sparse: true });
    expect(events.map((e) => [e.slot, e.label?.dish])).toEqual([[1, '红烧狮子头'], [2, '清蒸鲈鱼'], [3, '番茄炒蛋'], [4, '蒜蓉西兰花']]);
    expect(events[1]?.netWeightG).toBeCloseTo(118, 0);
    for (const e of events) expect(valid(e).ok).toBe(true);
  });

  it('[FS-SAMPLE-MISSING] dish-never-sampled: nothing on slot 3, the three others placed', async () => {
    const { events } = await play(CABINET_SCENARIOS['dish-never-sampled'], { sparse: true });
    expect(events.map((e) => [e.type, e.slot, e.label?.dish])).toEqual([
      ['placed', 1, '红烧狮子头'], ['placed', 2, '清蒸鲈鱼'], ['placed', 4, '蒜蓉西兰花'],
    ]);
  });

  it('[FS-SAMPLE-EARLY] disposal-after-48h: four removals by S002 after 49 h, with the weights that left', async () => {
    const { startAt, events } = await play(CABINET_SCENARIOS['disposal-after-48h'], { sparse: true });
    const removals = events.filter((e) => e.type === 'removed');
    expect(events.filter((e) => e.type === 'placed')).toHaveLength(4);
    expect(removals.map((e) => [e.slot, e.badge, 'label' in e])).toEqual([1, 2, 3, 4].map((slot) => [slot, 'S002', false]));
    expect(removals.map((e) => e.netWeightG)).toEqual([near(152.4), near(138), near(171.6), near(129.3)]);
    for (const e of removals) {
      expect(e.ts - startAt).toBeGreaterThanOrEqual(49 * 3600_000);
      expect(valid(e).ok).toBe(true);
    }
  });

  it('reports a silent indicator as a failed read, never an exception, and carries on', async () => {
    const clock = manualClock(Date.UTC(2024, 5, 3));
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 4, clock, unitId: 1 });
    await sim.start();
    open.push(() => sim.stop());
    const port = sim.address().port;
    const wrongUnit = createScaleDriver({ host: '127.0.0.1', port, unitId: 7, timeoutMs: 150, clock });
    open.push(() => wrongUnit.close());
    expect(await wrongUnit.read()).toEqual({ ok: false, ts: clock.now(), detail: 'timeout' });

    const driver = createScaleDriver({ host: '127.0.0.1', port, timeoutMs: 300, clock });
    open.push(() => driver.close());
    const good = await driver.read();
    expect(good).toMatchObject({ ok: true, serial: sim.serial, label: { counter: 0, text: '' } });
    expect(good.ok && good.slots.map((s) => s.slot)).toEqual([1, 2, 3, 4]);
    await sim.stop();
    const down = await driver.read();
    expect(down.ok).toBe(false);
  });

  it('reads a scale of 30 slots in two requests', async () => {
    const clock = manualClock(Date.UTC(2024, 5, 3));
    const sim = createSampleCabinetSim({ cabinetId: 'samples-1', slots: 30, clock });
    await sim.start();
    open.push(() => sim.stop());
    sim.place(30, 140);
    clock.advance(5_000);
    const driver = createScaleDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 300, clock });
    open.push(() => driver.close());
    const read = await driver.read();
    if (!read.ok) throw new Error(read.detail);
    expect(read.slots).toHaveLength(30);
    const last = read.slots[29];
    expect(last?.slot).toBe(30);
    expect((last?.grossG ?? 0) - (last?.tareG ?? 0)).toBeCloseTo(140, 0);
  });
});
