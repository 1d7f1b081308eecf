// Per-unit statistics of an inspection pack (rule book section 7.1): daily min / max / mean,
// minutes out of range, data completeness and every unmonitored gap, for one unit over [from, to).
// A streaming accumulator: readings are pushed in time order and dropped at once, so a year of
// one-minute readings takes O(days + gaps) memory, never O(readings). Pure: no clock, no I/O;
// site-local days come from an injected calendar (server/app/day-calendar.ts).
//
// These are REPORT figures, not the alarm rules: no on-delay, no hysteresis, no defrost excuse.
// A minute above 8 °C is a minute out of range here even if FS-COLD-ALARM never fired.
//
// Definitions (I = the unit's report interval, L = the [FS-OFFLINE] limit max(3 × I, 30 min)
// of its profile, offlineAfterMs):
// - Valid reading: a reading with a temperature. A probe fault (temp null) is RECEIVED but not
//   valid: it counts in readingsReceived and faultReadings, not in min / max / mean / completeness,
//   and it does not end a silence (as FS-OFFLINE: a fault proves the radio, not the monitoring).
// - Silence: the time between two consecutive valid readings a and b (a < b).
// - [FS-OFFLINE] Gap: a silence longer than L (b − a > L; exactly L is not a gap). The WHOLE silence
//   [a, b) is unmonitored, matching the FS-OFFLINE alert, whose firstOutAt is the last valid reading
//   and whose minutes out at the clear are b − a. Unmonitored time is neither in nor out of range.
// - Monitored time: a silence of at most L; the value read at a holds over [a, b) and the whole
//   span is in range or out of range by that value ([FS-COLD-ALARM] above the chilled max,
//   [FS-COLD-LOW] below the chilled min, [FS-FRZ-ALARM] above the frozen max; a limit itself is in
//   range: unit-range.ts).
// - Range edges: readings before `from` and at or after `to` may be pushed; they are not counted but
//   give the silences at the edges their true length (feed from `from − L` to `to + L`). With no
//   valid reading before `from`, the silence starts at `from`; if it is at most L it is judged by the
//   first valid reading's value (the only one known). With no valid reading at or after `to`, the
//   last silence ends at `to`. Everything is clipped to [from, to): a gap listed as starting at
//   `from` or ending at `to` may be longer outside the range.
// - Days: site-local calendar days. Time is split at local midnight for the daily figures; a gap
//   crossing midnight is listed once, whole, in `gaps`. A day's span is its part of [from, to).
// - Expected readings: span / I, unrounded. Completeness: valid / expected × 100, capped at 100.
//   Compliance: in-range minutes / monitored minutes × 100. Minutes are ms / 60 000, unrounded.
import type { UnitConfig } from '../types.ts';
import { msToMin, offlineAfterMs } from '../rules/rule-params.ts';
import { acceptableRange, isOutOfRange, type TempRange } from './unit-range.ts';
import { addTally, countReading, emptyTally, periodStats, type PeriodStats, type Tally, type TimeKind } from './period-tally.ts';

/** A site-local day: its date and the UTC instants of its midnights, [start, end). */
export interface DayWindow { date: string; start: number; end: number }
/** The port to the site's time zone. */
export interface DayCalendar { dayOf(ms: number): DayWindow }

export interface UnitStatsInput {
  unit: UnitConfig;
  /** UTC ms, [from, to). */
  from: number;
  to: number;
  calendar: DayCalendar;
}

export interface DayStats extends PeriodStats { date: string; start: number; end: number }
export interface Gap { start: number; end: number; minutes: number }

export interface UnitStats {
  from: number;
  to: number;
  offlineLimitMin: number;
  range: TempRange;
  days: DayStats[];
  totals: PeriodStats;
  gaps: Gap[];
}

export interface UnitStatsAccumulator {
  push(ts: number, temp: number | null): void;
  finish(): UnitStats;
  /** What the accumulator holds: grows with days and gaps, never with readings. */
  stateSize(): { days: number; gaps: number };
}

interface Day { window: DayWindow; tally: Tally }
interface ValidReading { ts: number; temp: number }

export function createUnitStats(input: UnitStatsInput): UnitStatsAccumulator {
  const { unit, from, to, calendar } = input;
  if (!(to > from)) throw new Error('unit stats: the range must end after it starts');
  const intervalMs = unit.reportIntervalS * 1000;
  if (!(intervalMs > 0)) throw new Error('unit stats: the report interval must be positive');
  const limitMs = offlineAfterMs(unit); // [FS-OFFLINE]
  const range = acceptableRange(unit);
  const days = new Map<string, Day>();
  const gaps: Gap[] = [];
  let current: Day | null = null;
  let last: ValidReading | null = null;
  let lastTs = -Infinity;
  let closed = false; // a valid reading at or after `to` has ended the last silence
  let finished = false;

  function dayAt(ms: number): Day {
    if (current && ms >= current.window.start && ms < current.window.end) return current;
    const window = calendar.dayOf(ms);
    current = days.get(window.date) ?? { window, tally: emptyTally() };
    days.set(window.date, current);
    return current;
  }

  /** Adds [s, e) to the days it crosses, split at site-local midnight. */
  function addTime(s: number, e: number, kind: TimeKind): void {
    for (let t = s; t < e;) {
      const day = dayAt(t);
      const pieceEnd = Math.min(e, day.window.end);
      day.tally[kind] += pieceEnd - t;
      t = pieceEnd;
    }
  }

  /** The silence from the last valid reading (or `from`) to `end`; `next` is the reading ending it, if any. */
  function closeSilence(end: number, next: ValidReading | null): void {
    const silenceStart = last?.ts ?? from;
    const s = Math.max(silenceStart, from);
    const e = Math.min(end, to);
    if (e <= s) return;
    const held = last ?? next; // [FS-OFFLINE] no value known at all: the whole silence is unmonitored
    if (end - silenceStart > limitMs || held === null) {
      gaps.push({ start: s, end: e, minutes: msToMin(e - s) });
      addTime(s, e, 'unmonitoredMs');
      return;
    }
    // [FS-COLD-ALARM] [FS-COLD-LOW] [FS-FRZ-ALARM] limits only: a report figure, no on-delay.
    addTime(s, e, isOutOfRange(held.temp, range) ? 'outOfRangeMs' : 'inRangeMs');
  }

  return {
    push(ts, temp) {
      if (finished) throw new Error('unit stats: push after finish');
      if (!Number.isFinite(ts) || ts < lastTs) throw new Error(`unit stats: readings must come in time order (${ts} after ${lastTs})`);
      if (temp !== null && !Number.isFinite(temp)) throw new Error(`unit stats: temperature ${temp} is not a number`);
      lastTs = ts;
      if (closed) return;
      if (ts >= from && ts < to) countReading(dayAt(ts).tally, temp);
      if (temp === null) return;
      const reading = { ts, temp };
      closeSilence(ts, reading);
      last = reading;
      if (ts >= to) closed = true;
    },

    finish() {
      if (!finished && !closed) closeSilence(to, null);
      finished = true;
      const ordered = [...days.values()].sort((a, b) => a.window.start - b.window.start);
      const total = emptyTally();
      const dayStats = ordered.map(({ window, tally }) => {
        addTally(total, tally);
        const span = Math.min(window.end, to) - Math.max(window.start, from);
        return { date: window.date, start: window.start, end: window.end, ...periodStats(tally, span, intervalMs) };
      });
      return {
        from, to, offlineLimitMin: msToMin(limitMs), range,
        days: dayStats, totals: periodStats(total, to - from, intervalMs), gaps: [...gaps],
      };
    },

    stateSize: () => ({ days: days.size, gaps: gaps.length }),
  };
}
