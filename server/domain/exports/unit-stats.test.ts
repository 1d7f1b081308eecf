// The inspection pack's per-unit figures (rule book section 7.1) on scenarios with known gaps and
// excursions: every number is exact. Definitions: the comment block at the top of unit-stats.ts.
import { describe, expect, it } from 'vitest';
import { CN_GB31654 } from '../../../contracts/profiles.ts';
import type { DeviceKind } from '../../../contracts/payloads.ts';
import { dayCalendar } from '../../app/day-calendar.ts';
import type { UnitConfig } from '../types.ts';
import type { PeriodStats } from './period-tally.ts';
import { createUnitStats, type DayStats, type UnitStats } from './unit-stats.ts';

const SHANGHAI = dayCalendar('Asia/Shanghai');
/** 2026-03-10 00:00 in Shanghai (16:00 UTC the day before). */
const T0 = Date.UTC(2026, 2, 9, 16, 0);
const DAY = 1440;
const at = (min: number) => T0 + min * 60_000;
const hm = (h: number, m: number) => h * 60 + m;

const unitOf = (kind: DeviceKind, reportIntervalS = 60): UnitConfig => ({
  kind, probe: 'air', reportIntervalS, defrostIntervalMin: null, defrostMaxMin: null, profile: CN_GB31654,
});
const CHILLER = unitOf('chiller');

type Reading = [min: number, temp: number | null];
/** One reading every `step` minutes in [fromMin, toMin), temperature by minute. */
function series(fromMin: number, toMin: number, temp: (m: number) => number | null, step = 1): Reading[] {
  const out: Reading[] = [];
  for (let m = fromMin; m < toMin; m += step) out.push([m, temp(m)]);
  return out;
}
const steady = (t: number) => () => t;
const minus = (rs: Reading[], fromMin: number, toMin: number) => rs.filter(([m]) => m < fromMin || m >= toMin);

function run(unit: UnitConfig, fromMin: number, toMin: number, readings: Reading[]): UnitStats {
  const acc = createUnitStats({ unit, from: at(fromMin), to: at(toMin), calendar: SHANGHAI });
  for (const [m, t] of readings) acc.push(at(m), t);
  return acc.finish();
}

interface Case {
  name: string;
  unit?: UnitConfig;
  range?: [fromMin: number, toMin: number];
  readings: Reading[];
  totals: Partial<PeriodStats>;
  gaps: Array<[startMin: number, endMin: number]>;
  days?: Array<Partial<DayStats>>;
}

const FULL_DAY = series(0, DAY, steady(4));
const pct = (part: number, whole: number) => (part / whole) * 100;

const CASES: Case[] = [
  {
    name: '[FS-OFFLINE] a full day of one-minute readings: complete, no gap, all in range',
    readings: FULL_DAY,
    totals: { readingsReceived: 1440, readingsExpected: 1440, completenessPct: 100, minC: 4, maxC: 4, meanC: 4, inRangeMin: 1440, outOfRangeMin: 0, unmonitoredMin: 0, compliancePct: 100 },
    gaps: [],
  },
  {
    name: '[FS-OFFLINE] 44 missing readings: a 45-min silence (10:00 → 10:45) > 30 min is one gap, all of it unmonitored',
    readings: minus(FULL_DAY, hm(10, 1), hm(10, 45)),
    totals: { readingsReceived: 1396, readingsExpected: 1440, completenessPct: pct(1396, 1440), inRangeMin: 1395, outOfRangeMin: 0, unmonitoredMin: 45, monitoredMin: 1395, compliancePct: 100 },
    gaps: [[hm(10, 0), hm(10, 45)]],
  },
  {
    name: '[FS-OFFLINE] a silence of exactly the 30-min limit is not a gap: the last value holds',
    readings: minus(FULL_DAY, hm(12, 1), hm(12, 30)),
    totals: { readingsReceived: 1411, inRangeMin: 1440, unmonitoredMin: 0 },
    gaps: [],
  },
  {
    name: '[FS-COLD-ALARM] 17 readings at 9 °C: exactly 17 min out of range, no on-delay; 8.0 °C is in range',
    readings: series(0, DAY, (m) => (m >= hm(10, 0) && m < hm(10, 17) ? 9 : m >= hm(14, 0) && m < hm(14, 30) ? 8 : 4)),
    totals: { outOfRangeMin: 17, inRangeMin: 1423, maxC: 9, meanC: (17 * 9 + 30 * 8 + 1393 * 4) / 1440, compliancePct: pct(1423, 1440) },
    gaps: [],
  },
  {
    name: '[FS-COLD-LOW] 5 readings at −0.5 °C: 5 min out of range below the chilled minimum; 0 °C is in range',
    readings: series(0, DAY, (m) => (m >= 300 && m < 305 ? -0.5 : m >= 305 && m < 310 ? 0 : 4)),
    totals: { outOfRangeMin: 5, inRangeMin: 1435, minC: -0.5 },
    gaps: [],
  },
  {
    name: '[FS-OFFLINE] a gap across Asia/Shanghai midnight (23:20 → 00:40) is split 40 + 40 by local day and listed once',
    range: [0, 2 * DAY],
    readings: minus(series(0, 2 * DAY, steady(3)), hm(23, 21), DAY + hm(0, 40)),
    totals: { readingsReceived: 2880 - 79, readingsExpected: 2880, unmonitoredMin: 80, inRangeMin: 2800 },
    gaps: [[hm(23, 20), DAY + hm(0, 40)]],
    days: [
      { date: '2026-03-10', start: at(0), end: at(DAY), readingsReceived: 1401, readingsExpected: 1440, unmonitoredMin: 40, inRangeMin: 1400 },
      { date: '2026-03-11', start: at(DAY), end: at(2 * DAY), readingsReceived: 1400, readingsExpected: 1440, unmonitoredMin: 40, inRangeMin: 1400 },
    ],
  },
  {
    name: '[FS-OFFLINE] 10 probe faults: received, not valid, not a gap; the 9 °C read before them holds 11 min',
    readings: series(0, DAY, (m) => (m === hm(9, 59) ? 9 : m >= hm(10, 0) && m < hm(10, 10) ? null : 4)),
    totals: { readingsReceived: 1440, faultReadings: 10, validReadings: 1430, completenessPct: pct(1430, 1440), outOfRangeMin: 11, inRangeMin: 1429, unmonitoredMin: 0, maxC: 9 },
    gaps: [],
  },
  {
    name: '[FS-OFFLINE] 40 probe faults: the 41-min silence between valid readings is a gap',
    readings: series(0, DAY, (m) => (m >= hm(10, 0) && m < hm(10, 40) ? null : 4)),
    totals: { readingsReceived: 1440, faultReadings: 40, validReadings: 1400, unmonitoredMin: 41, inRangeMin: 1399 },
    gaps: [[hm(9, 59), hm(10, 40)]],
  },
  {
    name: '[FS-FRZ-ALARM] a freezer: 20 min above −12 °C out of range, exactly −12 °C in range, no lower limit',
    unit: unitOf('freezer'),
    readings: series(0, DAY, (m) => (m >= 600 && m < 620 ? -10 : m >= 620 && m < 640 ? -12 : m < 60 ? -40 : -18)),
    totals: { outOfRangeMin: 20, inRangeMin: 1420, minC: -40, maxC: -10 },
    gaps: [],
  },
  {
    name: '[FS-OFFLINE] a 15-min freezer: limit max(3 × 15, 30) = 45 min; silences of 30 and 45 min hold, 60 min is a gap',
    unit: unitOf('freezer', 900),
    readings: series(0, DAY, steady(-18), 15).filter(([m]) => ![60, 180, 195, 300, 315, 330].includes(m)),
    totals: { readingsReceived: 90, readingsExpected: 96, completenessPct: pct(90, 96), unmonitoredMin: 60, inRangeMin: 1380 },
    gaps: [[285, 345]],
  },
  {
    name: '[FS-OFFLINE] the range starts and ends mid-silence: 00:00 → 00:50 and 22:59 → 24:00 are gaps',
    readings: series(hm(0, 50), hm(23, 0), steady(4)),
    totals: { readingsReceived: hm(22, 10), unmonitoredMin: 50 + 61, inRangeMin: 1440 - 111 },
    gaps: [[0, 50], [hm(22, 59), DAY]],
  },
  {
    name: '[FS-OFFLINE] a reading before the range carries in (not counted); one after it makes the last silence a gap',
    readings: [[-10, 9], ...series(15, hm(23, 51), steady(4)), [DAY + 30, 4], [DAY + 31, 4]],
    totals: { readingsReceived: hm(23, 51) - 15, outOfRangeMin: 15, unmonitoredMin: 10, inRangeMin: 1440 - 25 },
    gaps: [[hm(23, 50), DAY]],
  },
  {
    name: '[FS-OFFLINE] no carry-in and a short lead-in: judged by the first reading; last value holds to the end',
    readings: series(10, hm(23, 40), steady(9)),
    totals: { outOfRangeMin: 1440, unmonitoredMin: 0 },
    gaps: [],
  },
  {
    name: '[FS-OFFLINE] no valid reading at all: the whole range is one gap, nothing expected is received',
    range: [0, 20],
    readings: [[5, null]],
    totals: { readingsReceived: 1, faultReadings: 1, readingsExpected: 20, completenessPct: 0, monitoredMin: 0, unmonitoredMin: 20, compliancePct: null, meanC: null },
    gaps: [[0, 20]],
  },
];

describe('inspection pack unit statistics (rule book §7.1)', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const [fromMin, toMin] = c.range ?? [0, DAY];
    const stats = run(c.unit ?? CHILLER, fromMin, toMin, c.readings);
    expect(stats.totals).toMatchObject(c.totals);
    expect(stats.gaps).toEqual(c.gaps.map(([s, e]) => ({ start: at(s), end: at(e), minutes: e - s })));
    if (c.days) expect(stats.days).toMatchObject(c.days);
    // Every minute of the range is exactly one of in range, out of range, unmonitored.
    const t = stats.totals;
    expect(t.inRangeMin + t.outOfRangeMin + t.unmonitoredMin).toBe(toMin - fromMin);
  });

  it('[FS-OFFLINE] the offline limit and range come from the profile', () => {
    const stats = run(CHILLER, 0, DAY, FULL_DAY);
    expect(stats.offlineLimitMin).toBe(30);
    expect(stats.range).toEqual({ minC: 0, maxC: 8 });
    expect(run(unitOf('freezer'), 0, DAY, FULL_DAY).range).toEqual({ minC: null, maxC: -12 });
  });

  it('rejects readings out of time order', () => {
    const acc = createUnitStats({ unit: CHILLER, from: at(0), to: at(DAY), calendar: SHANGHAI });
    acc.push(at(5), 4);
    expect(() => acc.push(at(4), 4)).toThrow(/time order/);
  });

  it('[FS-OFFLINE] a year of one-minute readings (525,600) keeps state O(days + gaps), and its figures are exact', () => {
    const year = 365 * DAY;
    const acc = createUnitStats({ unit: CHILLER, from: at(0), to: at(year), calendar: SHANGHAI });
    let biggest = 0;
    let received = 0;
    for (let m = 0; m < year; m++) {
      // One 59-min outage (60-min silence) at noon every 30th day: 13 gaps.
      if (m % (30 * DAY) >= hm(12, 1) && m % (30 * DAY) < hm(13, 0)) continue;
      acc.push(at(m), m % DAY < 17 ? 9 : 4);
      received++;
      if (m % DAY === 0) biggest = Math.max(biggest, acc.stateSize().days + acc.stateSize().gaps);
    }
    expect(acc.stateSize()).toEqual({ days: 365, gaps: 13 });
    expect(biggest).toBeLessThanOrEqual(365 + 13);
    const stats = acc.finish();
    expect(stats.days).toHaveLength(365);
    expect(stats.days[0]!.date).toBe('2026-03-10');
    expect(stats.days[364]!.date).toBe('2027-03-09');
    expect(received).toBe(525_600 - 13 * 59);
    expect(stats.totals).toMatchObject({ readingsReceived: received, readingsExpected: 525_600, unmonitoredMin: 13 * 60, outOfRangeMin: 365 * 17 });
  });
});
