// Scenarios as data: a seed, the kitchen's devices and a list of timed events
// relative to the scenario start. The simulator plays them; the server's rule
// tests reuse the same data, so a rule is tested against the curve it will see.
import type { DeviceSpec } from './device-sim.ts';
import type { UnitAction } from './thermal.ts';

const MIN = 60_000;

export type ScenarioAction = UnitAction['action'];

/** An event for one device. `forMin` reverts it after that long (door-close, repair, probe-ok, power-on);
 *  on 'defrost-start' it is the defrost duration. */
export type DeviceEvent = UnitAction & { device: string; forMin?: number };
export type ScenarioEvent = DeviceEvent & { atMin: number };

export const SCENARIO_NAMES = ['normal-day', 'door-left-open', 'compressor-failure', 'defrost', 'power-cut'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export interface Scenario {
  readonly name: ScenarioName;
  readonly seed: number;
  readonly description: string;
  readonly durationMin: number;
  readonly devices: readonly DeviceSpec[];
  readonly events: readonly ScenarioEvent[];
}

/** A canteen's four units. Scheduled defrosts are staggered an hour apart, as installers set them. */
export const KITCHEN_DEVICES: readonly DeviceSpec[] = [
  { deviceId: 'chiller-1', kind: 'chiller', unitId: 1, probe: 'air', name: 'Reach-in chiller', firstDefrostMin: 120 },
  { deviceId: 'freezer-1', kind: 'freezer', unitId: 2, probe: 'air', name: 'Upright freezer', firstDefrostMin: 180 },
  { deviceId: 'coldroom-1', kind: 'coldroom', unitId: 3, probe: 'buffered', name: 'Walk-in', firstDefrostMin: 240 },
  { deviceId: 'samples-1', kind: 'sample_cabinet', unitId: 4, probe: 'air', name: '留样柜', firstDefrostMin: 60 },
];

/** Door openings from a table of ['hh:mm' after the start, minutes open]. */
function doors(device: string, table: Array<[at: string, forMin: number]>): ScenarioEvent[] {
  return table.map(([at, forMin]) => {
    const [h = 0, m = 0] = at.split(':').map(Number);
    return { atMin: h * 60 + m, device, action: 'door-open', forMin };
  });
}

/** The day of a canteen serving three meals, started at midnight: short door openings, no fault. */
const normalDayEvents: ScenarioEvent[] = [
  ...doors('chiller-1', [
    ['06:10', 1], ['06:40', 0.5], ['07:15', 1], ['09:30', 1], ['10:15', 0.5], ['10:45', 1],
    ['11:20', 0.5], ['11:50', 1], ['15:40', 1], ['16:20', 0.5], ['17:00', 1], ['17:30', 0.5],
  ]),
  ...doors('freezer-1', [['06:30', 1], ['10:00', 0.5], ['16:00', 1]]),
  // The morning delivery goes into the walk-in.
  ...doors('coldroom-1', [['07:00', 4], ['09:45', 2], ['15:30', 2]]),
  // Each meal's samples go into the sample cabinet after service.
  ...doors('samples-1', [['07:40', 0.5], ['12:40', 0.5], ['18:20', 0.5]]),
];

const powerCutEvents: ScenarioEvent[] = KITCHEN_DEVICES.map(({ deviceId }) => (
  { atMin: 60, device: deviceId, action: 'power-off', forMin: 120 }
));

export const SCENARIOS: Readonly<Record<ScenarioName, Scenario>> = {
  'normal-day': {
    name: 'normal-day', seed: 20240601, durationMin: 24 * 60, devices: KITCHEN_DEVICES, events: normalDayEvents,
    description: '24 h from midnight: door openings around three meals, scheduled defrosts, no fault.',
  },
  'door-left-open': {
    name: 'door-left-open', seed: 20240602, durationMin: 240, devices: KITCHEN_DEVICES,
    description: 'The chiller door stays open for 60 min from minute 30: the air probe climbs to ~15 °C.',
    events: [{ atMin: 30, device: 'chiller-1', action: 'door-open', forMin: 60 }],
  },
  'compressor-failure': {
    name: 'compressor-failure', seed: 20240603, durationMin: 360, devices: KITCHEN_DEVICES,
    description: 'The chiller compressor fails at minute 30 (above 8 °C ~35 min later) and is repaired at minute 270.',
    events: [{ atMin: 30, device: 'chiller-1', action: 'compressor-fail', forMin: 240 }],
  },
  defrost: {
    name: 'defrost', seed: 20240604, durationMin: 240, devices: KITCHEN_DEVICES,
    description: 'Manual defrosts: the freezer at minute 30 (25 min heater), the chiller at minute 90 (20 min off-cycle).',
    events: [
      { atMin: 30, device: 'freezer-1', action: 'defrost-start', forMin: 25 },
      { atMin: 90, device: 'chiller-1', action: 'defrost-start', forMin: 20 },
    ],
  },
  'power-cut': {
    name: 'power-cut', seed: 20240605, durationMin: 300, devices: KITCHEN_DEVICES, events: powerCutEvents,
    description: 'A 120 min power cut from minute 60: no cooling and no answer on the bus, then a reboot.',
  },
};

const REVERT: Partial<Record<ScenarioAction, ScenarioAction>> = {
  'door-open': 'door-close', 'compressor-fail': 'compressor-repair', 'probe-fault': 'probe-ok', 'power-off': 'power-on',
};

export interface TimedEvent {
  atMs: number;
  event: DeviceEvent;
}

/** Pending events in time order; equal times keep the order they were added in. */
export interface Timeline {
  add(atMs: number, event: DeviceEvent): void;
  /** Removes and returns the earliest event due at or before `toMs`. */
  takeDue(toMs: number): TimedEvent | undefined;
  readonly pending: number;
}

export function createTimeline(): Timeline {
  const queue: TimedEvent[] = [];
  const insert = (item: TimedEvent): void => {
    const i = queue.findIndex((q) => q.atMs > item.atMs);
    queue.splice(i === -1 ? queue.length : i, 0, item);
  };
  return {
    add(atMs, event) {
      const { forMin, ...rest } = event;
      if (forMin === undefined) return insert({ atMs, event: rest as DeviceEvent });
      if (rest.action === 'defrost-start') return insert({ atMs, event: { ...rest, durationMin: forMin } });
      insert({ atMs, event: rest as DeviceEvent });
      const revert = REVERT[rest.action];
      if (revert) insert({ atMs: atMs + forMin * MIN, event: { device: rest.device, action: revert } as DeviceEvent });
    },
    takeDue: (toMs) => (queue[0] && queue[0].atMs <= toMs ? queue.shift() : undefined),
    get pending() { return queue.length; },
  };
}

/** Puts a scenario's events on a timeline, relative to `startMs`. */
export function schedule(timeline: Timeline, scenario: Scenario, startMs: number): void {
  for (const { atMin, ...event } of scenario.events) timeline.add(startMs + atMin * MIN, event as DeviceEvent);
}

/** What a scenario acts on: the simulated kitchen. */
export interface ScenarioTarget {
  advanceDevicesTo(ms: number): void;
  applyNow(event: DeviceEvent): void;
}

/**
 * Plays the timeline up to `toMs`: the devices are advanced to each event's
 * exact time before it is applied, so the outcome does not depend on how
 * often the clock is looked at (one read an hour or one a second).
 */
export function playUntil(timeline: Timeline, target: ScenarioTarget, toMs: number): void {
  for (let due = timeline.takeDue(toMs); due; due = timeline.takeDue(toMs)) {
    target.advanceDevicesTo(due.atMs);
    target.applyNow(due.event);
  }
  target.advanceDevicesTo(toMs);
}
