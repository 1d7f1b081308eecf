// The cabinet scenarios say what their names promise (as data, before any
// bus), and the sample cabinet's warm-up plays on the existing kitchen-sim.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import { createKitchenSim, historyOf } from '../kitchen-sim.ts';
import { SAMPLE_CABINET_WARM } from './cold-scenario.ts';
import {
  CABINET_SCENARIOS, CABINET_SCENARIO_NAMES, LUNCH_MENU, localDate, scheduleCabinet, serviceStartAt,
  type CabinetAction, type CabinetScenario,
} from './scenarios.ts';

const MIN_S = 60;
const H_S = 3600;
const START = Date.UTC(2024, 5, 3, 3, 30);

const stepsOf = <A extends CabinetAction['action']>(s: CabinetScenario, action: A) =>
  s.steps.filter((x): x is Extract<typeof x, { action: A }> => x.action === action);
const placements = (s: CabinetScenario) => stepsOf(s, 'place');

describe('cabinet scenarios (data)', () => {
  it.each(CABINET_SCENARIO_NAMES)('%s: every act within its duration, placements after a badge and a label', (name) => {
    const s = CABINET_SCENARIOS[name];
    expect(s.name).toBe(name);
    for (const step of s.steps) expect(step.atS).toBeLessThan(s.durationS);
    for (const p of placements(s)) {
      const before = s.steps.filter((x) => x.atS < p.atS && x.atS >= p.atS - 60);
      expect(before.map((x) => x.action).sort()).toEqual(['scan-badge', 'scan-label']);
    }
  });

  it('[FS-SAMPLE-MISSING] normal-lunch: 4 dishes, each ≥ 125 g, by S001, within 20 min of the 11:30 start', () => {
    const s = CABINET_SCENARIOS['normal-lunch'];
    expect(s.serviceStart).toBe('11:30');
    expect(stepsOf(s, 'scan-label').map((l) => l.dish)).toEqual([...LUNCH_MENU]);
    expect(placements(s).map((p) => p.slot)).toEqual([1, 2, 3, 4]);
    for (const p of placements(s)) {
      expect(p.netGrams).toBeGreaterThanOrEqual(125);
      expect(p.atS).toBeLessThanOrEqual(20 * MIN_S);
    }
    expect(new Set(stepsOf(s, 'scan-badge').map((b) => b.badge))).toEqual(new Set(['S001']));
  });

  it('[FS-SAMPLE-WEIGHT] light-sample: one dish at 118 g', () => {
    expect(placements(CABINET_SCENARIOS['light-sample']).map((p) => p.netGrams).filter((g) => g < 125)).toEqual([118]);
  });

  it('[FS-SAMPLE-MISSING] dish-never-sampled: one of the 4 menu dishes is never scanned nor placed', () => {
    const s = CABINET_SCENARIOS['dish-never-sampled'];
    const sampled = stepsOf(s, 'scan-label').map((l) => l.dish);
    expect(s.menu.filter((d) => !sampled.includes(d))).toEqual(['番茄炒蛋']);
    expect(placements(s)).toHaveLength(3);
    expect(s.durationS).toBeGreaterThan(30 * MIN_S);
  });

  it('[FS-SAMPLE-EARLY] removed-after-30h, disposal-after-48h: removals by badge S002 at 30 h / 49 h', () => {
    const early = stepsOf(CABINET_SCENARIOS['removed-after-30h'], 'remove');
    expect(early.map((r) => [r.slot, Math.floor(r.atS / H_S)])).toEqual([[2, 30]]);
    const disposal = CABINET_SCENARIOS['disposal-after-48h'];
    expect(stepsOf(disposal, 'remove').map((r) => r.slot)).toEqual([1, 2, 3, 4]);
    for (const r of stepsOf(disposal, 'remove')) expect(r.atS).toBeGreaterThanOrEqual(49 * H_S);
    expect(stepsOf(disposal, 'scan-badge').at(-1)).toMatchObject({ badge: 'S002', atS: 49 * H_S });
  });

  it('[FS-SAMPLE-SEAL] sealed-after-illness: sealed by M001 before the samples leave, before 48 h', () => {
    const s = CABINET_SCENARIOS['sealed-after-illness'];
    const [seal] = stepsOf(s, 'seal');
    expect(seal).toMatchObject({ slots: [1, 2, 3, 4], badge: 'M001' });
    const out = stepsOf(s, 'remove');
    expect(out).toHaveLength(4);
    for (const r of out) {
      expect(r.atS).toBeGreaterThan(seal?.atS ?? Infinity);
      expect(r.atS).toBeLessThan(48 * H_S);
    }
  });

  it('dates labels with the service day in the site time zone', () => {
    const s = CABINET_SCENARIOS['normal-lunch'];
    expect(serviceStartAt(s, '2024-06-03')).toBe(START);
    expect(localDate(START)).toBe('2024-06-03');
    expect(localDate(Date.UTC(2024, 5, 2, 16, 30))).toBe('2024-06-03'); // 00:30 in Beijing
    const first = scheduleCabinet(s, START).find((x) => x.action.action === 'scan-label');
    expect(first).toEqual({ atMs: START + 130_000, action: { action: 'scan-label', dish: '红烧狮子头', service: { date: '2024-06-03', meal: 'lunch' } } });
  });
});

describe('sample-cabinet-warm (kitchen-sim)', () => {
  const T0 = Date.UTC(2024, 5, 3, 0, 0);
  const sim = createKitchenSim({
    kitchenId: 'k1', devices: SAMPLE_CABINET_WARM.devices, clock: manualClock(T0), scenario: SAMPLE_CABINET_WARM, startAt: T0,
  });
  const cabinet = historyOf(sim, T0, T0 + SAMPLE_CABINET_WARM.durationMin * 60_000, 60_000).filter((s) => s.deviceId === 'samples-1');
  const temps = cabinet.map((s) => s.tempC ?? NaN);
  const above8 = temps.flatMap((t, min) => (t > 8 ? [min] : []));

  it('[FS-SAMPLE-TEMP] warms the sample cabinet above 8 °C for ~40 min, peaking at 11–13 °C', () => {
    expect(Math.max(...temps)).toBeGreaterThanOrEqual(11);
    expect(Math.max(...temps)).toBeLessThan(13);
    expect(above8.length).toBeGreaterThanOrEqual(35);
    expect(above8.length).toBeLessThanOrEqual(45);
    expect((above8.at(-1) ?? NaN) - (above8[0] ?? NaN) + 1).toBe(above8.length); // one excursion
  });

  it('[FS-COLD-ALARM] no defrost excuses the excursion, and the cabinet is back in range', () => {
    for (const min of above8) expect(cabinet[min]?.defrost).toBe(false);
    expect(Math.max(...temps.slice(240))).toBeLessThanOrEqual(8);
    expect(Math.max(...temps.slice(0, 140))).toBeLessThanOrEqual(8);
  });
});
