// Test fixtures for the cold-chain rules, as data: rows of {minute, temp, door?,
// defrost?} on a synthetic device clock, plus clock ticks for the time-driven rules.
// The runner can round-trip the state through JSON after every step, which is what
// the server does when it stores rule state in SQLite, so every table case doubles
// as a restart test.
import { expect } from 'vitest';
import { createUnitState, evaluateSample, evaluateTime, type UnitRuleState } from './cold-chain.ts';
import { CN_GB31654 } from './profiles.ts';
import type { ColdRuleId, RuleEvent, UnitConfig } from './types.ts';

/** Device clock origin: Monday 2025-01-06 00:00 UTC (08:00 Asia/Shanghai). */
export const T0 = Date.UTC(2025, 0, 6, 0, 0);
export const at = (minute: number): number => T0 + minute * 60_000;
export const minuteOf = (ts: number): number => (ts - T0) / 60_000;

export type Row =
  | { minute: number; temp: number | null; door?: boolean; defrost?: boolean }
  | { minute: number; tick: true };

interface HoldOptions {
  door?: boolean;
  defrost?: boolean;
  every?: number;
}

/** One reading every `every` minutes (default 1) from `from` to `to` inclusive. */
export function hold(from: number, to: number, temp: number | null, opts: HoldOptions = {}): Row[] {
  const rows: Row[] = [];
  for (let minute = from; minute <= to; minute += opts.every ?? 1) {
    rows.push({ minute, temp, door: opts.door ?? false, defrost: opts.defrost ?? false });
  }
  return rows;
}

/** Readings alternating a, b, a, … every minute from `from` to `to`. */
export function alternate(from: number, to: number, a: number, b: number): Row[] {
  return hold(from, to, a).map((row, i) => ({ ...row, temp: i % 2 === 0 ? a : b }));
}

export const tick = (minute: number): Row => ({ minute, tick: true });

export function unit(overrides: Partial<UnitConfig> = {}): UnitConfig {
  return {
    kind: 'chiller',
    probe: 'buffered',
    reportIntervalS: 60,
    defrostIntervalMin: null,
    defrostMaxMin: null,
    profile: CN_GB31654,
    ...overrides,
  };
}

export interface Run {
  events: RuleEvent[];
  state: UnitRuleState;
  states: UnitRuleState[];
}

/** Replays rows; with roundTrip the state goes through JSON after every step. */
export function run(config: UnitConfig, rows: readonly Row[], opts: { roundTrip?: boolean } = {}): Run {
  let state = createUnitState(config, T0);
  const events: RuleEvent[] = [];
  const states: UnitRuleState[] = [];
  for (const row of rows) {
    deepFreeze(state); // a rule that mutated its input would throw here
    const result = 'tick' in row
      ? evaluateTime(state, config, at(row.minute))
      : evaluateSample(state, config, { ts: at(row.minute), temp: row.temp, door: row.door ?? false, defrost: row.defrost ?? false });
    state = opts.roundTrip ? (JSON.parse(JSON.stringify(result.state)) as UnitRuleState) : result.state;
    events.push(...result.events);
    states.push(state);
  }
  return { events, state, states };
}

/** An event in minutes of the synthetic clock, without its free text. */
export type Seen =
  | { type: 'raise'; ruleId: ColdRuleId; severity: string; firstOutAt: number; at: number; peakValue: number | null; minutesOut: number }
  | { type: 'clear'; ruleId: ColdRuleId; at: number; peakValue: number | null; minutesOut: number }
  | { type: 'realarm'; ruleId: ColdRuleId; at: number }
  | { type: 'progress'; ruleId: ColdRuleId; at: number; peakValue: number | null; minutesOut: number };

export function seen(event: RuleEvent): Seen {
  switch (event.type) {
    case 'raise':
      return {
        type: 'raise', ruleId: event.ruleId, severity: event.severity, firstOutAt: minuteOf(event.firstOutAt),
        at: minuteOf(event.at), peakValue: event.peakValue, minutesOut: event.minutesOut,
      };
    case 'realarm':
      return { type: 'realarm', ruleId: event.ruleId, at: minuteOf(event.at) };
    default:
      return { type: event.type, ruleId: event.ruleId, at: minuteOf(event.at), peakValue: event.peakValue, minutesOut: event.minutesOut } as Seen;
  }
}

/** The raise / realarm / clear events of one rule; progress is tested on its own. */
export function alarmsOf(events: readonly RuleEvent[], ruleId: ColdRuleId): Seen[] {
  return events.filter((e) => e.ruleId === ruleId && e.type !== 'progress').map(seen);
}

export interface RuleCase {
  name: string;
  config?: UnitConfig;
  rows: Row[];
  expected: Seen[];
}

/** Asserts one table case, straight and with the state restarted from JSON at every step. */
export function expectCase(ruleId: ColdRuleId, c: RuleCase): void {
  const config = c.config ?? unit();
  const straight = run(config, c.rows);
  expect(alarmsOf(straight.events, ruleId)).toEqual(c.expected);
  const restarted = run(config, c.rows, { roundTrip: true });
  expect(restarted.events).toEqual(straight.events);
  expect(restarted.state).toEqual(straight.state);
}

// Shorthands for expected events.
export const raise = (ruleId: ColdRuleId, severity: string, firstOutAt: number, atMin: number, peakValue: number | null, minutesOut: number): Seen =>
  ({ type: 'raise', ruleId, severity, firstOutAt, at: atMin, peakValue, minutesOut });
export const clear = (ruleId: ColdRuleId, atMin: number, peakValue: number | null, minutesOut: number): Seen =>
  ({ type: 'clear', ruleId, at: atMin, peakValue, minutesOut });
export const realarm = (ruleId: ColdRuleId, atMin: number): Seen => ({ type: 'realarm', ruleId, at: atMin });

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
