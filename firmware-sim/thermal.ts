// A pure thermal model of one refrigerated unit and its controller. No clock and
// no I/O: the caller steps it to a time it chooses, so tests drive it with a
// manual clock and the demo with a real one. States are immutable values.
//
// Two first-order nodes: the cabinet air (fast: door openings, compressor
// cycles, defrost) and the product, which follows the air with a lag; a
// buffered probe (glycol bottle) reads the product node, an air probe the air.
import { mulberry32 } from './prng.ts';
import type { UnitPhysics, UnitSettings } from './profiles.ts';

/** The controller measures (and regulates) every 10 s; the model moves in these steps. */
export const STEP_MS = 10_000;
const MIN = 60_000;

export type ProbeCondition = 'ok' | 'open' | 'short';

export interface UnitState {
  /** Model time in ms since the epoch; the time of the last measurement. */
  readonly t: number;
  readonly airC: number;
  readonly productC: number;
  /** The compressor relay, as the controller drives it (a failed compressor may be "on" and not cool). */
  readonly compressor: boolean;
  readonly compressorSince: number;
  readonly door: boolean;
  readonly defrostUntil: number | null;
  readonly nextDefrostAt: number;
  readonly compressorFailed: boolean;
  readonly probe: ProbeCondition;
  readonly powered: boolean;
  readonly bootAt: number;
  /** Internal measurements since boot (the sample counter register). */
  readonly samples: number;
  readonly noiseC: number;
  readonly rng: number;
  /** Since when the logged temperature has been above the high alarm limit (outside defrost). */
  readonly highSince: number | null;
  readonly settings: Readonly<UnitSettings>;
}

export type UnitAction =
  | { action: 'door-open' | 'door-close' | 'compressor-fail' | 'compressor-repair' }
  | { action: 'probe-ok' | 'power-off' | 'power-on' }
  | { action: 'defrost-start'; durationMin?: number }
  | { action: 'probe-fault'; fault?: 'open' | 'short' };

export interface Measurement {
  /** The logged probe, at the controller's 0.1 °C resolution; null on a probe fault. */
  tempC: number | null;
  fault?: 'probe_open' | 'probe_short';
  door: boolean;
  defrost: boolean;
  compressor: boolean;
  alarm: boolean;
  powered: boolean;
  uptimeS: number;
  samples: number;
  airC: number;
  productC: number;
}

export interface InitOptions {
  seed: number;
  atMs: number;
  /** When the first scheduled defrost comes; staggering it keeps units from defrosting together. */
  firstDefrostMin?: number;
}

/** A unit that has been running for a while: at setpoint, compressor off, settled. */
export function initialState(physics: UnitPhysics, settings: UnitSettings, opts: InitOptions): UnitState {
  const [u, rng] = mulberry32(opts.seed >>> 0);
  return {
    t: opts.atMs, airC: settings.setpointC, productC: settings.setpointC,
    compressor: false, compressorSince: opts.atMs - physics.minOffMin * MIN, door: false,
    defrostUntil: null, nextDefrostAt: opts.atMs + (opts.firstDefrostMin ?? settings.defrostIntervalMin) * MIN,
    compressorFailed: false, probe: 'ok', powered: true, bootAt: opts.atMs, samples: 0,
    noiseC: (2 * u - 1) * physics.noiseC, rng, highSince: null, settings: { ...settings },
  };
}

/** Steps the unit to `toMs` (whole measurement steps; time never goes backwards). */
export function advance(state: UnitState, physics: UnitPhysics, toMs: number): UnitState {
  let s = state;
  while (s.t + STEP_MS <= toMs) s = step(s, physics);
  return s;
}

function step(s: UnitState, p: UnitPhysics): UnitState {
  const t = s.t + STEP_MS;
  if (!s.powered) return { ...s, t, ...exchange(s, p, { cooling: false, heater: false }) };
  const defrost = scheduleDefrost(s, t);
  const compressor = thermostat(s, p, t, defrost.defrostUntil !== null);
  const heater = defrost.defrostUntil !== null && p.heaterC !== null;
  const temps = exchange(s, p, { cooling: compressor && !s.compressorFailed, heater });
  const [u1, r1] = mulberry32(s.rng);
  const [u2, rng] = mulberry32(r1);
  const next: UnitState = {
    ...s, ...defrost, ...temps, t, rng, samples: s.samples + 1,
    compressor, compressorSince: compressor === s.compressor ? s.compressorSince : t,
    noiseC: (u1 + u2 - 1) * p.noiseC,
  };
  return { ...next, highSince: trackHigh(next, p) };
}

/** Scheduled defrost, start to start every interval, for the configured duration. */
function scheduleDefrost(s: UnitState, t: number): Pick<UnitState, 'defrostUntil' | 'nextDefrostAt'> {
  if (s.defrostUntil !== null) {
    return { defrostUntil: t >= s.defrostUntil ? null : s.defrostUntil, nextDefrostAt: s.nextDefrostAt };
  }
  if (t < s.nextDefrostAt) return { defrostUntil: null, nextDefrostAt: s.nextDefrostAt };
  const { defrostDurationMin, defrostIntervalMin } = s.settings;
  return { defrostUntil: t + defrostDurationMin * MIN, nextDefrostAt: t + defrostIntervalMin * MIN };
}

/** On/off thermostat on the air with a band, anti short-cycle delay, forced off while defrosting. */
function thermostat(s: UnitState, p: UnitPhysics, t: number, defrosting: boolean): boolean {
  if (defrosting) return false;
  const { setpointC, bandC } = s.settings;
  if (s.compressor) return s.airC > setpointC - bandC;
  const restAllowed = t - s.compressorSince >= p.minOffMin * MIN;
  return restAllowed && s.airC >= setpointC + bandC;
}

/**
 * One step of the heat exchange, solved exactly: over a step the air follows
 * dT/dt = Σ k_i (T_i − T), whose solution is an exponential towards the
 * k-weighted mean of the sources. Exact, so it stays stable for any step.
 */
function exchange(
  s: UnitState, p: UnitPhysics, on: { cooling: boolean; heater: boolean },
): Pick<UnitState, 'airC' | 'productC'> {
  const sources: Array<[k: number, towardsC: number]> = [[p.kLeakPerMin, p.ambientC]];
  if (s.door) sources.push([p.kDoorPerMin, p.ambientC]);
  if (on.cooling) sources.push([p.kCoolPerMin, p.evaporatorC]);
  if (on.heater && p.heaterC !== null) sources.push([p.kHeatPerMin, p.heaterC]);
  const dtMin = STEP_MS / MIN;
  const k = sources.reduce((sum, [ki]) => sum + ki, 0);
  const eq = sources.reduce((sum, [ki, ci]) => sum + ki * ci, 0) / k;
  const airC = eq + (s.airC - eq) * Math.exp(-k * dtMin);
  const productC = airC + (s.productC - airC) * Math.exp(-dtMin / p.productLagMin);
  return { airC, productC };
}

function loggedC(s: UnitState, p: UnitPhysics): number {
  return (p.probe === 'air' ? s.airC : s.productC) + s.noiseC;
}

/** The controller's high alarm: over the limit, outside defrost, as Dixell's ALU/ALd do. */
function trackHigh(s: UnitState, p: UnitPhysics): number | null {
  const high = s.probe === 'ok' && s.defrostUntil === null && loggedC(s, p) > p.highAlarmC;
  return high ? (s.highSince ?? s.t) : null;
}

const FAULT_OF = { open: 'probe_open', short: 'probe_short' } as const;

/** What the controller shows at its last measurement. */
export function measure(s: UnitState, p: UnitPhysics): Measurement {
  const fault = s.probe === 'ok' ? undefined : FAULT_OF[s.probe];
  const highLong = s.highSince !== null && s.t - s.highSince >= p.alarmDelayMin * MIN;
  return {
    tempC: fault ? null : Math.round(loggedC(s, p) * 10) / 10,
    ...(fault ? { fault } : {}),
    door: s.door, defrost: s.defrostUntil !== null, compressor: s.compressor,
    alarm: s.powered && (fault !== undefined || highLong), powered: s.powered,
    uptimeS: Math.floor((s.t - s.bootAt) / 1000), samples: s.samples, airC: s.airC, productC: s.productC,
  };
}

/** An event from outside the controller: a person, a fault, the mains. Applied at the state's time. */
export function applyAction(s: UnitState, a: UnitAction): UnitState {
  switch (a.action) {
    case 'door-open': return { ...s, door: true };
    case 'door-close': return { ...s, door: false };
    case 'compressor-fail': return { ...s, compressorFailed: true };
    case 'compressor-repair': return { ...s, compressorFailed: false };
    case 'probe-fault': return { ...s, probe: a.fault ?? 'open', highSince: null };
    case 'probe-ok': return { ...s, probe: 'ok' };
    case 'defrost-start': return startDefrost(s, a.durationMin);
    case 'power-off': return powerOff(s);
    case 'power-on': return powerOn(s);
  }
}

/** A manual defrost also restarts the interval, as on real controllers. */
function startDefrost(s: UnitState, durationMin = s.settings.defrostDurationMin): UnitState {
  if (!s.powered || s.defrostUntil !== null) return s;
  return {
    ...s, defrostUntil: s.t + durationMin * MIN,
    nextDefrostAt: s.t + s.settings.defrostIntervalMin * MIN,
  };
}

function powerOff(s: UnitState): UnitState {
  if (!s.powered) return s;
  return { ...s, powered: false, compressor: false, compressorSince: s.t, defrostUntil: null, highSince: null };
}

/** A reboot: uptime and sample counter restart, the defrost timer restarts, the compressor waits its delay. */
function powerOn(s: UnitState): UnitState {
  if (s.powered) return s;
  return {
    ...s, powered: true, bootAt: s.t, samples: 0, compressorSince: s.t,
    nextDefrostAt: s.t + s.settings.defrostIntervalMin * MIN,
  };
}

/** New controller parameters (a write to the holding registers). */
export function withSettings(s: UnitState, settings: Partial<UnitSettings>): UnitState {
  return { ...s, settings: { ...s.settings, ...settings } };
}
