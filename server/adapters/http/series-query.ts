// A unit's temperature series from InfluxDB: raw points for short ranges,
// time buckets (mean, min, max) for long ones, so a 24 h chart stays ~1000 points.
import type { Series } from '../../../contracts/api.ts';
import { READINGS_MEASUREMENT } from '../influx/line-protocol.ts';
import type { SeriesStore } from '../influx/series-store.ts';

export const RAW_RANGE_MAX_MS = 3 * 60 * 60 * 1000;
export const TARGET_POINTS = 1000;

export function bucketSecondsFor(rangeMs: number): number | null {
  if (rangeMs <= RAW_RANGE_MAX_MS) return null;
  return Math.max(60, Math.ceil(rangeMs / 1000 / TARGET_POINTS / 60) * 60);
}

interface Row { time: Date; temp: number | null; min?: number | null; max?: number | null }

/** Ids are checked against the contract's id pattern before they reach here. */
export async function querySeries(
  store: SeriesStore, kitchenId: string, deviceId: string, from: Date, to: Date,
): Promise<Series> {
  const bucket = bucketSecondsFor(to.getTime() - from.getTime());
  const where = `kitchen = '${kitchenId}' AND device = '${deviceId}' AND time >= '${from.toISOString()}' AND time < '${to.toISOString()}'`;
  const q = bucket === null
    ? `SELECT temp FROM ${READINGS_MEASUREMENT} WHERE ${where}`
    : `SELECT mean(temp) AS temp, min(temp) AS min, max(temp) AS max FROM ${READINGS_MEASUREMENT} WHERE ${where} GROUP BY time(${bucket}s) fill(none)`;
  const rows = (await store.query<Row>(q)) as unknown as Row[];
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
  return {
    kitchenId, deviceId, from: from.toISOString(), to: to.toISOString(), bucketSeconds: bucket,
    points: rows.map((r) => bucket === null
      ? { ts: r.time.toISOString(), temp: round(r.temp) }
      : { ts: r.time.toISOString(), temp: round(r.temp), min: round(r.min), max: round(r.max) }),
  };
}
