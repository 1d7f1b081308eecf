import { describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import type { SimSample } from './device-sim.ts';
import { createKitchenSim, historyOf } from './kitchen-sim.ts';
import { SCENARIOS, createTimeline, type Scenario } from './scenarios.ts';

const T0 = Date.UTC(2024, 5, 3, 0, 0); // scenario starts at midnight
const MIN = 60_000;

/** Plays a scenario without a bus and returns each device's per-minute series. */
function play(scenario: Scenario, minutes = scenario.durationMin, seed?: number) {
  const sim = createKitchenSim({
    kitchenId: 'k1', devices: scenario.devices, clock: manualClock(T0), scenario, startAt: T0, seed,
  });
  const samples = historyOf(sim, T0, T0 + minutes * MIN, MIN);
  const of = (deviceId: string): SimSample[] => samples.filter((s) => s.deviceId === deviceId);
  const at = (deviceId: string, min: number): SimSample => {
    const s = of(deviceId)[min];
    if (!s) throw new Error(`no sample at minute ${min}`);
    return s;
  };
  return { sim, of, at, temps: (deviceId: string) => of(deviceId).map((s) => s.tempC) };
}

const nums = (xs: Array<number | null>): number[] => xs.filter((x): x is number => x !== null);
const firstMinuteAbove = (xs: Array<number | null>, limit: number, from = 0): number =>
  xs.findIndex((x, i) => i >= from && x !== null && x > limit);

describe('normal-day', () => {
  const day = play(SCENARIOS['normal-day']);

  it.each(['chiller-1', 'coldroom-1', 'samples-1'])('holds %s within 0–8 °C for 24 h, sampled every minute', (id) => {
    const temps = day.temps(id);
    expect(temps).toHaveLength(24 * 60 + 1);
    expect(nums(temps)).toHaveLength(temps.length);
    expect(Math.min(...nums(temps))).toBeGreaterThanOrEqual(0);
    expect(Math.max(...nums(temps))).toBeLessThanOrEqual(8);
  });

  it('holds the freezer near −18 °C outside defrost and its recovery', () => {
    const series = day.of('freezer-1');
    const defrostEnds = series.flatMap((s, i) => (s.defrost && !series[i + 1]?.defrost ? [i] : []));
    const settled = series.filter((s, i) => !s.defrost && !defrostEnds.some((end) => i > end && i <= end + 45));
    const temps = nums(settled.map((s) => s.tempC));
    const mean = temps.reduce((a, b) => a + b, 0) / temps.length;
    expect(mean).toBeGreaterThan(-19);
    expect(mean).toBeLessThan(-17);
    expect(Math.max(...temps)).toBeLessThan(-15);
    expect(Math.min(...temps)).toBeGreaterThan(-21);
  });

  it('defrosts every unit every 6 h, reported as a flag', () => {
    for (const id of ['chiller-1', 'freezer-1', 'coldroom-1', 'samples-1']) {
      const starts = day.of(id).filter((s, i, all) => s.defrost && !all[i - 1]?.defrost);
      expect(starts.length, id).toBe(4);
    }
  });

  it('opens doors briefly, as the data says', () => {
    const open = day.of('chiller-1').filter((s) => s.door);
    expect(open.length).toBeGreaterThan(5);
    expect(open.length).toBeLessThan(20);
  });
});

describe('compressor-failure', () => {
  const run = play(SCENARIOS['compressor-failure']);
  const temps = run.temps('chiller-1');

  it('passes 8 °C 20–40 min after the failure at minute 30, and keeps rising towards ambient', () => {
    const above = firstMinuteAbove(temps, 8, 30);
    expect(above - 30).toBeGreaterThanOrEqual(20);
    expect(above - 30).toBeLessThanOrEqual(40);
    const hourly = [60, 90, 120, 150, 180, 210, 240, 270].map((m) => run.at('chiller-1', m).tempC ?? NaN);
    for (let i = 1; i < hourly.length; i++) expect(hourly[i]).toBeGreaterThan(hourly[i - 1] ?? Infinity);
    expect(run.at('chiller-1', 150).tempC).toBeGreaterThan(14); // two hours after the failure
    expect(run.at('chiller-1', 270).tempC).toBeLessThan(25);
  });

  it('recovers after the repair at minute 270', () => {
    expect(Math.max(...nums(temps.slice(330)))).toBeLessThan(5);
  });

  it('leaves the other units alone', () => {
    expect(Math.max(...nums(run.temps('samples-1')))).toBeLessThan(8);
  });
});

describe('door-left-open', () => {
  const run = play(SCENARIOS['door-left-open']);
  const temps = run.temps('chiller-1');

  it('spikes the air temperature while the door is open, then recovers', () => {
    expect(Math.max(...nums(temps.slice(0, 30)))).toBeLessThan(5);
    expect(run.at('chiller-1', 32).tempC).toBeGreaterThan(6);
    expect(Math.max(...nums(temps.slice(30, 91)))).toBeGreaterThan(12);
    expect(run.at('chiller-1', 60).door).toBe(true);
    expect(run.at('chiller-1', 91).door).toBe(false);
    // Back in its band 20 min after closing (the scheduled defrost at minute 120 comes later).
    expect(Math.max(...nums(temps.slice(110, 120)))).toBeLessThan(4.5);
  });
});

describe('defrost', () => {
  const run = play(SCENARIOS.defrost);

  it('freezer: flag for 25 min, air up to around 0..+5 °C, back below −16 °C within 45 min', () => {
    const series = run.of('freezer-1');
    expect(series.slice(31, 55).every((s) => s.defrost)).toBe(true);
    expect(series[29]?.defrost).toBe(false);
    expect(series[56]?.defrost).toBe(false);
    const peak = Math.max(...nums(series.slice(30, 57).map((s) => s.tempC)));
    expect(peak).toBeGreaterThanOrEqual(-2);
    expect(peak).toBeLessThanOrEqual(5);
    expect(run.at('freezer-1', 55 + 45).tempC).toBeLessThan(-16);
  });

  it('chiller: off-cycle defrost raises the air a few degrees, then it is back in its band', () => {
    const before = run.at('chiller-1', 90).tempC ?? NaN;
    const window = run.of('chiller-1').slice(91, 110);
    expect(window.every((s) => s.defrost)).toBe(true);
    const peak = Math.max(...nums(window.map((s) => s.tempC)));
    expect(peak - before).toBeGreaterThan(2);
    expect(peak).toBeLessThan(8);
    expect(Math.max(...nums(run.temps('chiller-1').slice(140, 200)))).toBeLessThan(4.5);
  });
});

describe('power-cut', () => {
  const run = play(SCENARIOS['power-cut']);

  it('silences every unit for 120 min, lets them warm, then they reboot and cool down', () => {
    for (const id of ['chiller-1', 'freezer-1', 'coldroom-1', 'samples-1']) {
      const cut = run.of(id).slice(61, 180);
      expect(cut.every((s) => s.fault === 'no_response' && s.tempC === null)).toBe(true);
      expect(run.at(id, 59).fault).toBeUndefined();
      expect(run.at(id, 181).tempC).not.toBeNull();
    }
    expect(run.at('chiller-1', 181).tempC).toBeGreaterThan(10);
    expect(run.at('freezer-1', 181).tempC).toBeGreaterThan(-12);
    expect(run.at('chiller-1', 260).tempC).toBeLessThan(5);
    expect(run.sim.device('chiller-1').measure().uptimeS).toBeLessThan(121 * 60);
  });
});

describe('reproducibility', () => {
  it('gives the same series for the same seed, a different one for another seed', () => {
    const a = play(SCENARIOS['normal-day'], 180);
    const b = play(SCENARIOS['normal-day'], 180);
    const c = play(SCENARIOS['normal-day'], 180, 7);
    expect(b.temps('chiller-1')).toEqual(a.temps('chiller-1'));
    expect(b.temps('freezer-1')).toEqual(a.temps('freezer-1'));
    expect(c.temps('chiller-1')).not.toEqual(a.temps('chiller-1'));
  });

  it('does not depend on how often the clock is looked at', () => {
    const scenario = SCENARIOS['door-left-open'];
    const fine = play(scenario, 120).sim;
    const coarse = createKitchenSim({ kitchenId: 'k1', devices: scenario.devices, clock: manualClock(T0), scenario });
    coarse.samples(T0 + 120 * MIN);
    expect(coarse.device('chiller-1').state).toEqual(fine.device('chiller-1').state);
  });
});

describe('timeline', () => {
  it('orders events by time, keeps insertion order on ties, expands forMin into a revert', () => {
    const tl = createTimeline();
    tl.add(2 * MIN, { device: 'a', action: 'door-open', forMin: 1 });
    tl.add(1 * MIN, { device: 'a', action: 'compressor-fail' });
    tl.add(3 * MIN, { device: 'b', action: 'power-off' });
    tl.add(1 * MIN, { device: 'b', action: 'defrost-start', forMin: 7 });
    const order = [];
    for (let e = tl.takeDue(10 * MIN); e; e = tl.takeDue(10 * MIN)) order.push([e.atMs / MIN, e.event]);
    expect(order).toEqual([
      [1, { device: 'a', action: 'compressor-fail' }],
      [1, { device: 'b', action: 'defrost-start', durationMin: 7 }],
      [2, { device: 'a', action: 'door-open' }],
      [3, { device: 'a', action: 'door-close' }],
      [3, { device: 'b', action: 'power-off' }],
    ]);
  });
});
