// Physical and controller defaults per kind of refrigerated unit. The physics
// constants are rates (per minute) of first-order exchanges, tuned so that the
// curves look like the ones logged from real reach-in fridges and freezers:
// ~10-20 min compressor cycles, a door opening of a minute adds ~2 °C to the
// air probe, a failed compressor lets a chiller pass 8 °C in ~30 min.
import type { DeviceKind, ProbeType } from '../contracts/payloads.ts';

/** Fixed by the hardware: not writable over the bus. */
export interface UnitPhysics {
  kind: DeviceKind;
  /** Which temperature the logged probe sees: the cabinet air, or a glycol-buffered product simulant. */
  probe: ProbeType;
  ambientC: number;
  /** The temperature the air would reach with the compressor running for ever and no losses. */
  evaporatorC: number;
  kCoolPerMin: number;
  /** Heat leak through the walls and gaskets, towards the kitchen air. */
  kLeakPerMin: number;
  /** Extra exchange with the kitchen air while the door is open. */
  kDoorPerMin: number;
  /** Defrost heater: the air tends to heaterC while it is on. Null = off-cycle defrost (compressor stop only). */
  heaterC: number | null;
  kHeatPerMin: number;
  /** Time constant of the product / buffered probe following the air. */
  productLagMin: number;
  /** Amplitude of the sensor noise (± °C, triangular). */
  noiseC: number;
  /** Anti short-cycle protection: minimum compressor off time, as real controllers enforce. */
  minOffMin: number;
  /** The controller's own high-temperature alarm (drives the alarm relay). */
  highAlarmC: number;
  alarmDelayMin: number;
}

/** The controller parameters, writable over the bus (holding registers). */
export interface UnitSettings {
  setpointC: number;
  /** Thermostat half band: cut in at setpoint + band, cut out at setpoint − band. */
  bandC: number;
  defrostIntervalMin: number;
  defrostDurationMin: number;
}

export interface UnitProfile {
  physics: UnitPhysics;
  settings: UnitSettings;
}

const common = { ambientC: 25, noiseC: 0.1, minOffMin: 3, heaterC: null, kHeatPerMin: 0 } as const;

const chiller: UnitProfile = {
  physics: {
    ...common, kind: 'chiller', probe: 'air', evaporatorC: -10, kCoolPerMin: 0.04,
    kLeakPerMin: 1 / 120, kDoorPerMin: 0.09, productLagMin: 15, highAlarmC: 8, alarmDelayMin: 30,
  },
  settings: { setpointC: 3, bandC: 1, defrostIntervalMin: 360, defrostDurationMin: 20 },
};

const PROFILES: Record<DeviceKind, UnitProfile> = {
  chiller,
  // Electric-heater defrost: the air climbs to around 0..+5 °C before the heater stops.
  freezer: {
    physics: {
      ...common, kind: 'freezer', probe: 'air', evaporatorC: -32, kCoolPerMin: 0.037,
      kLeakPerMin: 1 / 200, kDoorPerMin: 0.08, heaterC: 4, kHeatPerMin: 0.08,
      productLagMin: 30, highAlarmC: -12, alarmDelayMin: 60,
    },
    settings: { setpointC: -18, bandC: 1.5, defrostIntervalMin: 360, defrostDurationMin: 25 },
  },
  // A walk-in: more mass, a strip curtain at the door, logged with a buffered probe.
  coldroom: {
    physics: {
      ...common, kind: 'coldroom', probe: 'buffered', evaporatorC: -8, kCoolPerMin: 0.033,
      kLeakPerMin: 1 / 180, kDoorPerMin: 0.05, productLagMin: 20, highAlarmC: 8, alarmDelayMin: 30,
    },
    settings: { setpointC: 2, bandC: 1, defrostIntervalMin: 360, defrostDurationMin: 30 },
  },
  // The 48 h food-sample fridge (留样柜): a small chiller kept at 0..8 °C.
  sample_cabinet: {
    physics: { ...chiller.physics, kind: 'sample_cabinet' },
    settings: { ...chiller.settings },
  },
};

/** The defaults for a kind, with overrides applied. Returns fresh objects. */
export function profileFor(
  kind: DeviceKind,
  overrides: { physics?: Partial<UnitPhysics>; settings?: Partial<UnitSettings> } = {},
): UnitProfile {
  const base = PROFILES[kind];
  return {
    physics: { ...base.physics, ...overrides.physics, kind },
    settings: { ...base.settings, ...overrides.settings },
  };
}
