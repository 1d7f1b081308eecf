// A simulated kitchen: its refrigerated units on one Modbus bus, a scenario
// playing on them, all driven by an injected clock. The models are advanced
// lazily, to clock.now(), whenever someone looks (a bus request, samples()),
// so a manual clock in a test sets time exactly and a real clock runs the demo.
import type { Clock } from '../contracts/clock.ts';
import { createDeviceSim, toSample, type DeviceSim, type DeviceSpec, type SimSample, type Simulated } from './device-sim.ts';
import { createModbusBus, type BusUnit, type OfflineReply } from './modbus-bus.ts';
import { deriveSeed } from './prng.ts';
import { decodeHoldingWrite, holdingRegisters, inputRegisters } from './registers.ts';
import { createTimeline, playUntil, schedule, type DeviceEvent, type Scenario } from './scenarios.ts';

export interface KitchenSimOptions {
  kitchenId: string;
  devices: readonly DeviceSpec[];
  clock: Clock;
  /** Default: the scenario's seed, else 1. */
  seed?: number;
  scenario?: Scenario;
  port?: number;
  host?: string;
  /** When the models and the scenario start (default clock.now()); earlier to backfill with historyOf. */
  startAt?: number;
  offlineReply?: OfflineReply;
}

export interface KitchenSim extends Simulated {
  readonly kitchenId: string;
  readonly devices: readonly DeviceSim[];
  start(): Promise<void>;
  stop(): Promise<void>;
  address(): { host: string; port: number };
  /** Applies an event now (clock.now()); `forMin` schedules its revert. */
  apply(event: DeviceEvent): void;
  device(deviceId: string): DeviceSim;
  /** One sample per device at `atMs` (default clock.now()). */
  samples(atMs?: number): SimSample[];
}

export function createKitchenSim(opts: KitchenSimOptions): KitchenSim {
  const startAt = opts.startAt ?? opts.clock.now();
  const seed = opts.seed ?? opts.scenario?.seed ?? 1;
  validate(opts);
  const devices = opts.devices.map((spec) => createDeviceSim(spec, { seed: deriveSeed(seed, spec.deviceId), atMs: startAt }));
  const byId = new Map(devices.map((d) => [d.spec.deviceId, d]));
  const timeline = createTimeline();
  if (opts.scenario) schedule(timeline, opts.scenario, startAt);
  let time = startAt;

  const target = {
    advanceDevicesTo: (ms: number) => devices.forEach((d) => d.advanceTo(ms)),
    applyNow: (event: DeviceEvent) => sim.device(event.device).apply(event),
  };
  const bus = createModbusBus({
    host: opts.host ?? '127.0.0.1',
    port: opts.port ?? 0,
    offlineReply: opts.offlineReply ?? 'silence',
    unit: (unitId) => {
      sim.advanceTo(opts.clock.now());
      const device = devices.find((d) => d.spec.unitId === unitId);
      return device && busUnit(device);
    },
  });

  const sim: KitchenSim = {
    kitchenId: opts.kitchenId, devices,
    start: () => bus.start(), stop: () => bus.stop(), address: () => bus.address(),
    get time() { return time; },
    advanceTo(ms) {
      if (ms <= time) return;
      time = ms;
      playUntil(timeline, target, ms);
    },
    apply(event) {
      sim.advanceTo(opts.clock.now());
      timeline.add(time, event);
      playUntil(timeline, target, time);
    },
    device(deviceId) {
      const d = byId.get(deviceId);
      if (!d) throw new Error(`unknown device ${deviceId} in kitchen ${opts.kitchenId}`);
      return d;
    },
    samples(atMs = opts.clock.now()) {
      sim.advanceTo(atMs);
      return devices.map((d) => toSample(d.spec.deviceId, atMs, d.measure()));
    },
  };
  return sim;
}

function busUnit(device: DeviceSim): BusUnit {
  return {
    answers: () => device.state.powered,
    inputRegisters: () => inputRegisters(device.measure(), device.physics.kind, device.physics.probe),
    holdingRegisters: () => holdingRegisters(device.state.settings),
    writeHolding: (addr, word) => device.configure(decodeHoldingWrite(addr, word)),
  };
}

/** Configuration errors fail at creation, not at the first request. */
function validate(opts: KitchenSimOptions): void {
  const ids = new Set<string>();
  const units = new Set<number>();
  for (const { deviceId, unitId } of opts.devices) {
    if (ids.has(deviceId)) throw new Error(`duplicate device id ${deviceId}`);
    if (!Number.isInteger(unitId) || unitId < 1 || unitId > 247) throw new Error(`bad unit id ${unitId} for ${deviceId}`);
    if (units.has(unitId)) throw new Error(`unit id ${unitId} used twice on the bus`);
    ids.add(deviceId);
    units.add(unitId);
  }
  const unknown = opts.scenario?.events.find((e) => !ids.has(e.device));
  if (unknown) throw new Error(`scenario ${opts.scenario?.name} names unknown device ${unknown.device}`);
}

/**
 * Raw samples of every device from `fromMs` to `toMs` every `stepMs`, without
 * a bus: the demo backfills 24 h in well under a second this way. It moves the
 * source forward in time (models never go back), so create the kitchen with
 * `startAt: fromMs`, backfill up to now, then start() it: the live readings
 * continue the same curves, and scenario events inside the window are played.
 */
export function historyOf(source: Simulated, fromMs: number, toMs: number, stepMs: number): SimSample[] {
  if (!(stepMs > 0)) throw new RangeError(`stepMs must be positive, got ${stepMs}`);
  if (fromMs < source.time) throw new RangeError(`the model is already at ${source.time}, cannot sample ${fromMs}`);
  const out: SimSample[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) out.push(...source.samples(t));
  return out;
}
