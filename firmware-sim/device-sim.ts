// One simulated controller: a thermal model plus its mutable place in time.
// The kitchen owns several of these; tests and the history backfill may use one alone.
import type { DeviceKind, ProbeType } from '../contracts/payloads.ts';
import type { RawSample } from '../gateway/drivers/types.ts';
import { profileFor, type UnitPhysics, type UnitSettings } from './profiles.ts';
import {
  advance, applyAction, initialState, measure, withSettings,
  type Measurement, type UnitAction, type UnitState,
} from './thermal.ts';

/** How a device is installed: its identity on the bus and, optionally, non-default parameters. */
export interface DeviceSpec {
  deviceId: string;
  kind: DeviceKind;
  /** Modbus unit id on the kitchen's RS-485 bus, 1..247. */
  unitId: number;
  probe?: ProbeType;
  name?: string;
  setpointC?: number;
  bandC?: number;
  defrostIntervalMin?: number;
  defrostDurationMin?: number;
  /** Minutes from the start to the first scheduled defrost (default: one interval). */
  firstDefrostMin?: number;
  ambientC?: number;
}

/** One raw sample as the gateway's driver would have read it: the backfill
 *  (historyOf) hands these straight to the gateway's converter. */
export type SimSample = RawSample;

/** Anything that can be stepped in time and sampled: a kitchen or a single device. */
export interface Simulated {
  /** Model time: the last time it was advanced to. */
  readonly time: number;
  advanceTo(ms: number): void;
  /** Advances to `atMs` and returns one sample per device. */
  samples(atMs: number): SimSample[];
}

export interface DeviceSim extends Simulated {
  readonly spec: Readonly<DeviceSpec>;
  readonly physics: Readonly<UnitPhysics>;
  readonly state: UnitState;
  apply(action: UnitAction): void;
  configure(settings: Partial<UnitSettings>): void;
  /** The controller's display at model time (does not advance). */
  measure(): Measurement;
}

export function createDeviceSim(spec: DeviceSpec, opts: { seed: number; atMs: number }): DeviceSim {
  const { physics, settings } = profileFor(spec.kind, {
    physics: pick(spec, ['probe', 'ambientC']),
    settings: pick(spec, ['setpointC', 'bandC', 'defrostIntervalMin', 'defrostDurationMin']),
  });
  let state = initialState(physics, settings, { ...opts, firstDefrostMin: spec.firstDefrostMin });
  let time = opts.atMs;
  const device: DeviceSim = {
    spec: { ...spec }, physics,
    get state() { return state; },
    get time() { return time; },
    advanceTo(ms) {
      if (ms <= time) return;
      time = ms;
      state = advance(state, physics, ms);
    },
    apply(action) { state = applyAction(state, action); },
    configure(change) { state = withSettings(state, change); },
    measure: () => measure(state, physics),
    samples(atMs) {
      device.advanceTo(atMs);
      return [toSample(spec.deviceId, atMs, device.measure())];
    },
  };
  return device;
}

/** A powered-off controller is silent on the bus; the gateway would record exactly this. */
export function toSample(deviceId: string, ts: number, m: Measurement): SimSample {
  if (!m.powered) return { deviceId, ts, tempC: null, fault: 'no_response', door: false, defrost: false };
  return { deviceId, ts, tempC: m.tempC, ...(m.fault ? { fault: m.fault } : {}), door: m.door, defrost: m.defrost };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
