import { describe, expect, it } from 'vitest';
import { installSlot, place, read, remove, restingGrossG, type LoadCellSlot } from './load-cell.ts';

const T0 = Date.UTC(2024, 5, 3, 3, 30);
const H = 3600_000;

function series(s: LoadCellSlot, from: number, to: number, stepMs = 100) {
  const out: Array<{ t: number; grossG: number; stable: boolean }> = [];
  for (let t = from; t <= to; t += stepMs) out.push({ t, ...read(s, t) });
  return out;
}

describe('load cell slot', () => {
  it('is tared at install with its own box, 34.5–35.5 g, seeded', () => {
    const tares = [1, 2, 3, 4, 5].map((seed) => installSlot(seed, T0).tareG);
    expect(Math.min(...tares)).toBeGreaterThanOrEqual(34.5);
    expect(Math.max(...tares)).toBeLessThanOrEqual(35.5);
    expect(new Set(tares).size).toBeGreaterThan(1);
    expect(installSlot(3, T0).tareG).toBe(tares[2]);
  });

  it('reads ~0 g when empty, with ±0.3 g noise at 0.1 g resolution and no drift over 49 h', () => {
    const s = installSlot(7, T0);
    for (const r of [...series(s, T0, T0 + 60_000), ...series(s, T0 + 49 * H, T0 + 49 * H + 60_000)]) {
      expect(Math.abs(r.grossG)).toBeLessThanOrEqual(0.3 + 1e-9);
      expect(Math.round(r.grossG * 10) / 10).toBe(r.grossG);
      expect(r.stable).toBe(true);
    }
    const distinct = new Set(series(s, T0, T0 + 10_000).map((r) => r.grossG));
    expect(distinct.size).toBeGreaterThan(3);
  });

  it('holds a reading for one 100 ms conversion and is reproducible', () => {
    const s = installSlot(7, T0);
    expect(read(s, T0 + 1_000)).toEqual(read(s, T0 + 1_099));
    expect(read(installSlot(7, T0), T0 + 5_432)).toEqual(read(s, T0 + 5_432));
  });

  it('swings after a placement, unstable for 1–2 s, then rests at tare + net within ±0.3 g', () => {
    const empty = installSlot(11, T0);
    const s = place(empty, 150, T0 + 10_000);
    const after = series(s, T0 + 10_000, T0 + 14_000);
    const firstStable = after.find((r) => r.stable);
    expect(firstStable).toBeDefined();
    const settleMs = (firstStable?.t ?? 0) - (T0 + 10_000);
    expect(settleMs).toBeGreaterThanOrEqual(1000);
    expect(settleMs).toBeLessThanOrEqual(2000);
    const moving = after.filter((r) => !r.stable).map((r) => r.grossG);
    expect(Math.max(...moving) - Math.min(...moving)).toBeGreaterThan(50);
    for (const r of after.filter((x) => x.stable)) expect(Math.abs(r.grossG - restingGrossG(s))).toBeLessThanOrEqual(0.8);
    for (const r of series(s, T0 + 20_000, T0 + 30_000)) expect(Math.abs(r.grossG - (s.tareG + 150))).toBeLessThanOrEqual(0.3 + 1e-9);
  });

  it('settles back to ~0 g after a removal, 49 h later, without stepping through them', () => {
    const s = remove(place(installSlot(11, T0), 150, T0), T0 + 49 * H);
    expect(read(s, T0 + 49 * H + 200).stable).toBe(false);
    expect(Math.abs(read(s, T0 + 49 * H + 3_000).grossG)).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(s.netG).toBeNull();
  });

  it('refuses impossible acts', () => {
    const s = place(installSlot(1, T0), 150, T0);
    expect(() => place(s, 120, T0 + 1)).toThrow(/occupied/);
    expect(() => remove(installSlot(1, T0), T0)).toThrow(/empty/);
    expect(() => place(installSlot(1, T0), 0, T0)).toThrow(RangeError);
    expect(() => remove(s, T0 - 1)).toThrow(RangeError);
  });
});
