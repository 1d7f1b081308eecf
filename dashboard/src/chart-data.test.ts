import { describe, expect, it } from 'vitest';
import { appendPoint, gapSeconds, toChartData, trimBefore } from './chart-data.ts';

const at = (min: number) => new Date(Date.UTC(2024, 10, 22, 0, min)).toISOString();
const sec = (min: number) => Date.UTC(2024, 10, 22, 0, min) / 1000;

describe('chart data', () => {
  it('[FS-OFFLINE] breaks the line where readings stop for longer than the offline threshold', () => {
    const gap = gapSeconds(60); // max(3 min, 30 min)
    const d = toChartData([{ ts: at(0), temp: 3 }, { ts: at(1), temp: 3.2 }, { ts: at(45), temp: 4 }], gap);
    expect(d.x).toEqual([sec(0), sec(1), sec(1) + 1, sec(45)]);
    expect(d.temp).toEqual([3, 3.2, null, 4]);
    expect(d.hasRange).toBe(false);
  });

  it('keeps per-bucket min and max of a downsampled series', () => {
    const d = toChartData([{ ts: at(5), temp: 3, min: 2.5, max: 3.6 }], 900);
    expect(d.hasRange).toBe(true);
    expect([d.min[0], d.max[0]]).toEqual([2.5, 3.6]);
  });

  it('appends live readings in order and trims the window', () => {
    const d = toChartData([{ ts: at(0), temp: 3 }, { ts: at(1), temp: 3.1 }], 1800);
    expect(appendPoint(d, sec(2), 3.3, 1800)).toBe(true);
    expect(appendPoint(d, sec(2), 9, 1800)).toBe(false);
    trimBefore(d, sec(1));
    expect(d.x).toEqual([sec(1), sec(2)]);
    expect(d.temp).toEqual([3.1, 3.3]);
    expect(d.min.length).toBe(2);
  });
});
