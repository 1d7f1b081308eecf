import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS } from '../contracts/payloads.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { profileFor } from './profiles.ts';
import { STEP_MS, advance, applyAction, initialState, measure, withSettings, type UnitState } from './thermal.ts';

const MIN = 60_000;
const T0 = 1_700_000_000_000;

function unit(kind: (typeof DEVICE_KINDS)[number] = 'chiller', firstDefrostMin = 10_000) {
  const { physics, settings } = profileFor(kind);
  const s0 = initialState(physics, settings, { seed: 42, atMs: T0, firstDefrostMin });
  return { physics, s0, at: (s: UnitState, min: number) => advance(s, physics, T0 + min * MIN) };
}

describe('prng', () => {
  it('is deterministic and spreads values over [0, 1)', () => {
    let state = 1;
    const values: number[] = [];
    for (let i = 0; i < 1000; i++) [values[i], state] = mulberry32(state) as [number, number];
    expect(mulberry32(1)).toEqual(mulberry32(1));
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / 1000).toBeCloseTo(0.5, 1);
    expect(deriveSeed(1, 'chiller-1')).not.toBe(deriveSeed(1, 'chiller-2'));
  });
});

describe('thermal model', () => {
  it('is pure: advancing does not change the given state, and time never goes back', () => {
    const { physics, s0 } = unit();
    const copy = structuredClone(s0);
    const s1 = advance(s0, physics, T0 + 30 * MIN);
    expect(s0).toEqual(copy);
    expect(s1.t).toBe(T0 + 30 * MIN);
    expect(advance(s1, physics, T0)).toBe(s1);
    expect(advance(s1, physics, s1.t + STEP_MS - 1)).toBe(s1);
  });

  it('cycles the compressor within the thermostat band', () => {
    const { physics, s0 } = unit();
    let s = s0;
    const relay: boolean[] = [];
    const air: number[] = [];
    for (let m = 1; m <= 120; m++) {
      s = advance(s, physics, T0 + m * MIN);
      relay.push(s.compressor);
      air.push(s.airC);
    }
    const starts = relay.filter((on, i) => on && !relay[i - 1]).length;
    expect(starts).toBeGreaterThanOrEqual(4); // a 10–20 min cycle
    expect(starts).toBeLessThanOrEqual(12);
    expect(Math.min(...air)).toBeGreaterThan(1.5);
    expect(Math.max(...air)).toBeLessThan(4.5);
  });

  it.each(DEVICE_KINDS)('holds a %s near its setpoint for 5 h without events', (kind) => {
    const { s0, at } = unit(kind);
    const s = at(s0, 300);
    expect(Math.abs(s.airC - s0.settings.setpointC)).toBeLessThan(2);
  });

  it('spikes the air on a door opening; a buffered probe sees much less of it', () => {
    const { physics, s0, at } = unit('chiller');
    const open = applyAction(at(s0, 60), { action: 'door-open' });
    const after = at(open, 63);
    expect(after.airC - open.airC).toBeGreaterThan(3);
    expect(after.productC - open.productC).toBeLessThan(1);
    const buffered = { ...physics, probe: 'buffered' as const };
    expect(measure(after, buffered).tempC).toBeLessThan(measure(after, physics).tempC ?? -Infinity);
  });

  it('warms without cooling when the compressor fails, while the relay still calls for cold', () => {
    const { s0, at } = unit('chiller');
    const failed = applyAction(at(s0, 30), { action: 'compressor-fail' });
    const hourLater = at(failed, 90);
    expect(hourLater.compressor).toBe(true);
    expect(hourLater.airC).toBeGreaterThan(10);
    const repaired = at(applyAction(hourLater, { action: 'compressor-repair' }), 150);
    expect(repaired.airC).toBeLessThan(4.5);
  });

  it('runs scheduled defrosts with the heater on a freezer, off-cycle on a chiller', () => {
    const freezer = unit('freezer', 60);
    const inDefrost = freezer.at(freezer.s0, 80);
    expect(measure(inDefrost, freezer.physics).defrost).toBe(true);
    expect(inDefrost.compressor).toBe(false);
    expect(inDefrost.airC).toBeGreaterThan(-8);
    expect(measure(freezer.at(inDefrost, 86), freezer.physics).defrost).toBe(false);
    expect(inDefrost.nextDefrostAt).toBe(T0 + (60 + 360) * MIN);

    const chiller = unit('chiller', 60);
    const end = chiller.at(chiller.s0, 79);
    expect(measure(end, chiller.physics).defrost).toBe(true);
    expect(end.airC).toBeGreaterThan(4.5);
    expect(end.airC).toBeLessThan(8);
  });

  it('reports a probe fault instead of a number, and raises the alarm relay', () => {
    const { physics, s0, at } = unit();
    const open = at(applyAction(at(s0, 10), { action: 'probe-fault' }), 11);
    expect(measure(open, physics)).toMatchObject({ tempC: null, fault: 'probe_open', alarm: true });
    const short = applyAction(open, { action: 'probe-fault', fault: 'short' });
    expect(measure(short, physics)).toMatchObject({ tempC: null, fault: 'probe_short' });
    const ok = at(applyAction(short, { action: 'probe-ok' }), 12);
    expect(measure(ok, physics).tempC).toEqual(expect.any(Number));
    expect(measure(ok, physics).alarm).toBe(false);
  });

  it('raises the alarm relay after the high temperature has lasted the alarm delay', () => {
    const { physics, s0, at } = unit();
    const failed = applyAction(s0, { action: 'compressor-fail' });
    const justAbove = at(failed, 45);
    expect(measure(justAbove, physics).tempC).toBeGreaterThan(8);
    expect(measure(justAbove, physics).alarm).toBe(false);
    expect(measure(at(justAbove, 80), physics).alarm).toBe(true);
  });

  it('stops measuring on a power cut and reboots on power-on', () => {
    const { physics, s0, at } = unit();
    const running = at(s0, 60);
    expect(measure(running, physics)).toMatchObject({ uptimeS: 3600, samples: 360, powered: true });
    const off = at(applyAction(running, { action: 'power-off' }), 120);
    expect(off.samples).toBe(360);
    expect(off.airC).toBeGreaterThan(8);
    expect(measure(off, physics).powered).toBe(false);
    const rebooted = at(applyAction(off, { action: 'power-on' }), 121);
    expect(measure(rebooted, physics)).toMatchObject({ uptimeS: 60, samples: 6, powered: true });
    expect(rebooted.compressor).toBe(false); // anti short-cycle delay after boot
    expect(at(rebooted, 125).compressor).toBe(true);
  });

  it('regulates to a new setpoint', () => {
    const { s0, at } = unit();
    const colder = at(withSettings(s0, { setpointC: 1 }), 120);
    expect(colder.airC).toBeGreaterThan(-0.5);
    expect(colder.airC).toBeLessThan(2.5);
  });
});
