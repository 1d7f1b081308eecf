// What happens in the demo district, so a new user sees the rules at work within
// minutes: the models start 24 h in the past (the dashboard's charts are full at
// once), and a few kitchens have trouble placed relative to "now".
import type { Scenario, ScenarioEvent } from '../firmware-sim/scenarios.ts';
import { SCENARIOS } from '../firmware-sim/scenarios.ts';
import type { DeviceSpec } from '../firmware-sim/device-sim.ts';

export const HISTORY_MIN = 24 * 60;

/** Minutes since the models' start for an event `minutesFromNow` away (negative: in the past). */
const at = (minutesFromNow: number) => HISTORY_MIN + minutesFromNow;

interface Trouble { description: string; events: ScenarioEvent[] }

const TROUBLES: Record<number, Trouble> = {
  // Kitchen 3: the main chiller's compressor failed 70 min ago and nobody has fixed it
  // (FS-COLD-WARN, FS-COLD-ALARM now; FS-COLD-CRIT within the hour).
  3: { description: 'compressor failure 70 min ago', events: [{ atMin: at(-70), device: 'chiller-1', action: 'compressor-fail', forMin: 7 * 24 * 60 }] },
  // Kitchen 7: the freezer door will be left open for 12 min, 2 min after the start (FS-DOOR).
  7: { description: 'freezer door left open 2 min after start', events: [{ atMin: at(2), device: 'freezer-1', action: 'door-open', forMin: 12 }] },
  // Kitchen 12: a power cut began 40 min ago: no answer on the bus (FS-OFFLINE).
  12: {
    description: 'power cut since 40 min ago',
    events: ['chiller-1', 'chiller-2', 'freezer-1', 'samples-1'].map((device) => ({ atMin: at(-40), device, action: 'power-off' as const, forMin: 3 * 60 })),
  },
  // Kitchen 10: the sample cabinet's compressor failed 3 h ago for an hour, while it held a lunch's samples
  // (~40 min above 8 °C, peak ~12 °C): FS-COLD-ALARM on the cabinet, FS-SAMPLE-TEMP for its samples.
  10: { description: '', events: [{ atMin: at(-180), device: 'samples-1', action: 'compressor-fail', forMin: 60 }] },
  // Kitchen 15: the second chiller's probe failed 5 min after the start, for 10 min.
  15: { description: 'probe fault 5 min after start', events: [{ atMin: at(5), device: 'chiller-2', action: 'probe-fault', forMin: 10 }] },
};

/** Ordinary days: the door openings of a canteen serving three meals, on the chillers and the freezer. */
function ordinaryDay(devices: readonly DeviceSpec[]): ScenarioEvent[] {
  const ids = new Set(devices.map((d) => d.deviceId));
  return SCENARIOS['normal-day'].events.filter((e) => ids.has(e.device));
}

export function demoScenario(kitchenNumber: number, devices: readonly DeviceSpec[]): { scenario: Scenario; trouble?: string } {
  const trouble = TROUBLES[kitchenNumber];
  return {
    trouble: trouble?.description,
    scenario: {
      name: 'normal-day',
      seed: 1000 + kitchenNumber,
      description: trouble?.description ?? 'an ordinary day',
      durationMin: HISTORY_MIN * 2,
      devices,
      events: [...ordinaryDay(devices), ...(trouble?.events ?? [])].sort((a, b) => a.atMin - b.atMin),
    },
  };
}
