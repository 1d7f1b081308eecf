// The running sums behind one period's figures (a site-local day, or the whole range) and their
// conversion to the figures a pack prints. O(1) memory per period: no reading is kept.
import { msToMin } from '../rules/rule-params.ts';

export interface Tally {
  received: number; // every reading in the range, probe faults included
  faults: number; // readings with temp null (probe fault)
  valid: number;
  sumC: number;
  minC: number | null;
  maxC: number | null;
  inRangeMs: number;
  outOfRangeMs: number;
  unmonitoredMs: number;
}

export type TimeKind = 'inRangeMs' | 'outOfRangeMs' | 'unmonitoredMs';

export const emptyTally = (): Tally => ({
  received: 0, faults: 0, valid: 0, sumC: 0, minC: null, maxC: null, inRangeMs: 0, outOfRangeMs: 0, unmonitoredMs: 0,
});

export function countReading(t: Tally, temp: number | null): void {
  t.received += 1;
  if (temp === null) { t.faults += 1; return; }
  t.valid += 1;
  t.sumC += temp;
  t.minC = t.minC === null ? temp : Math.min(t.minC, temp);
  t.maxC = t.maxC === null ? temp : Math.max(t.maxC, temp);
}

export function addTally(into: Tally, t: Tally): void {
  into.received += t.received;
  into.faults += t.faults;
  into.valid += t.valid;
  into.sumC += t.sumC;
  if (t.minC !== null) into.minC = into.minC === null ? t.minC : Math.min(into.minC, t.minC);
  if (t.maxC !== null) into.maxC = into.maxC === null ? t.maxC : Math.max(into.maxC, t.maxC);
  into.inRangeMs += t.inRangeMs;
  into.outOfRangeMs += t.outOfRangeMs;
  into.unmonitoredMs += t.unmonitoredMs;
}

/** The printed figures of a period. Unrounded: the renderer formats them. */
export interface PeriodStats {
  readingsReceived: number;
  faultReadings: number;
  validReadings: number;
  /** The period's span in the range / the report interval; not rounded. */
  readingsExpected: number;
  /**
   * VALID readings / expected × 100, capped at 100 (a unit reporting faster than declared is complete,
   * not 120 %); null when nothing was expected. A probe fault is received but is no temperature record.
   */
  completenessPct: number | null;
  minC: number | null;
  maxC: number | null;
  meanC: number | null;
  monitoredMin: number;
  inRangeMin: number;
  outOfRangeMin: number;
  unmonitoredMin: number;
  /** In-range minutes / monitored minutes × 100; null when nothing was monitored. */
  compliancePct: number | null;
}

export function periodStats(t: Tally, spanMs: number, intervalMs: number): PeriodStats {
  const expected = spanMs / intervalMs;
  const monitoredMs = t.inRangeMs + t.outOfRangeMs;
  return {
    readingsReceived: t.received,
    faultReadings: t.faults,
    validReadings: t.valid,
    readingsExpected: expected,
    completenessPct: expected > 0 ? Math.min(100, (t.valid / expected) * 100) : null,
    minC: t.minC,
    maxC: t.maxC,
    meanC: t.valid > 0 ? t.sumC / t.valid : null,
    monitoredMin: msToMin(monitoredMs),
    inRangeMin: msToMin(t.inRangeMs),
    outOfRangeMin: msToMin(t.outOfRangeMs),
    unmonitoredMin: msToMin(t.unmonitoredMs),
    compliancePct: monitoredMs > 0 ? (t.inRangeMs / monitoredMs) * 100 : null,
  };
}
