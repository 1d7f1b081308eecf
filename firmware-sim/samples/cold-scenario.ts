// The sample cabinet warming up: a cold-chain scenario of its temperature unit
// (`samples-1`, kind 'sample_cabinet', air probe) for the existing kitchen-sim.
// It is what makes a retained sample "compromised" (FS-SAMPLE-TEMP).
//
// With the shared chiller physics a compressor out for only 40 min peaks at
// ~9–10 °C and is above 8 °C for 5–20 min (depending on the thermostat's phase),
// less than the air probe's 30 min alarm delay (FS-COLD-ALARM). To have the
// cabinet above 8 °C for ~40 min, peaking near 12 °C, the compressor is out
// for 60 min. It fails at minute 120, after the unit's first scheduled defrost
// (minutes 60–80) and long before the next (420): a defrost flag during the
// excursion would excuse it.
import { KITCHEN_DEVICES, type Scenario, type ScenarioName } from '../scenarios.ts';

export const SAMPLE_CABINET_WARM_NAME = 'sample-cabinet-warm';

export const SAMPLE_CABINET_WARM: Scenario = {
  // Scenario.name is the closed union of firmware-sim/scenarios.ts (not ours to edit); kitchen-sim only
  // prints the name in an error message, so this one cast is safe. Widening ScenarioName would remove it.
  name: SAMPLE_CABINET_WARM_NAME as ScenarioName,
  seed: 20240617,
  durationMin: 360,
  devices: KITCHEN_DEVICES,
  description: 'The sample cabinet (samples-1) compressor fails at minute 120 for 60 min: above 8 °C from ~minute 146 '
    + 'for ~40 min, peaking at ~12.3 °C, back in range by ~minute 186.',
  events: [{ atMin: 120, device: 'samples-1', action: 'compressor-fail', forMin: 60 }],
};
