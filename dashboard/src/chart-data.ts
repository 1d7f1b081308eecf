// Turns series points into uPlot's column arrays (x in epoch seconds), with a
// null inserted wherever the data stop for longer than the offline threshold,
// so an unmonitored stretch shows as a gap instead of a straight line.
import type { SeriesPoint } from '../../contracts/api.ts';

export interface ChartData {
  x: number[];
  temp: (number | null)[];
  min: (number | null)[];
  max: (number | null)[];
  /** The series was downsampled and carries per-bucket min/max. */
  hasRange: boolean;
}

/** [FS-OFFLINE] no reading for max(3 × the interval, 30 min) is a gap. */
export function gapSeconds(intervalS: number): number {
  return Math.max(3 * intervalS, 30 * 60);
}

export function toChartData(points: readonly SeriesPoint[], gapS: number): ChartData {
  const data: ChartData = { x: [], temp: [], min: [], max: [], hasRange: points.some((p) => p.min != null || p.max != null) };
  const sorted = [...points].sort((a, b) => Date.parse(a.ts) - Date.parse(b.ts));
  for (const p of sorted) appendPoint(data, Date.parse(p.ts) / 1000, p.temp, gapS, p.min ?? p.temp, p.max ?? p.temp);
  return data;
}

/** Appends one point (a live reading); older-than-last points are ignored. Returns whether it was added. */
export function appendPoint(
  data: ChartData,
  x: number,
  temp: number | null,
  gapS: number,
  min: number | null = temp,
  max: number | null = temp,
): boolean {
  const last = data.x[data.x.length - 1];
  if (last !== undefined && x <= last) return false;
  if (last !== undefined && x - last > gapS) push(data, last + 1, null, null, null);
  push(data, x, temp, min, max);
  return true;
}

/** Drops points before `fromX`, keeping the arrays aligned. */
export function trimBefore(data: ChartData, fromX: number): void {
  let n = 0;
  while (n < data.x.length && (data.x[n] ?? Infinity) < fromX) n++;
  if (!n) return;
  data.x.splice(0, n);
  data.temp.splice(0, n);
  data.min.splice(0, n);
  data.max.splice(0, n);
}

function push(data: ChartData, x: number, temp: number | null, min: number | null, max: number | null): void {
  data.x.push(x);
  data.temp.push(temp);
  data.min.push(min);
  data.max.push(max);
}
