// Runs the pure cold-chain rules over incoming readings and turns their events
// into alert records. Rule state lives in memory, is saved to SQL every few
// seconds and on stop, and is loaded at start: alarms in progress survive a restart.
import type { Alert, UnitState } from '../../contracts/api.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import type { StoredReading } from '../adapters/influx/line-protocol.ts';
import type { AlertsRepo } from '../adapters/sql/alerts-repo.ts';
import type { RegistryRepo } from '../adapters/sql/registry-repo.ts';
import type { RuleStateRepo } from '../adapters/sql/rule-state-repo.ts';
import { profileById, DEFAULT_PROFILE_ID } from '../domain/profiles.ts';
import type { RuleEvent, UnitConfig, UnitSample } from '../domain/types.ts';

type Evaluation<S> = { state: S; events: RuleEvent[] };

/** The pure engine, injected (server/domain/rules). */
export interface RuleEngine<S> {
  createUnitState(config: UnitConfig, now: number): S;
  /** Checks a saved state (shape, version); a fresh state when it does not fit. */
  restoreUnitState(raw: unknown, config: UnitConfig, now: number): S;
  evaluateSample(state: S, config: UnitConfig, sample: UnitSample): Evaluation<S>;
  evaluateTime(state: S, config: UnitConfig, now: number): Evaluation<S>;
  unitStateSeverity(state: S): Exclude<UnitState, 'unknown'>;
}

export interface ColdChainDeps<S> {
  engine: RuleEngine<S>;
  registry: RegistryRepo;
  alerts: AlertsRepo;
  ruleStates: RuleStateRepo;
  now(): number;
  onAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  onUnitStateChange(kitchenId: string, deviceId: string): void;
  onRaised?(ruleId: string): void;
}

interface Unit<S> {
  kitchenId: string; deviceId: string; config: UnitConfig; state: S; severity: UnitState;
  /** Last known door and defrost flags: a unit that did not answer told us neither. */
  door: boolean; defrost: boolean;
}

export function createColdChain<S>(deps: ColdChainDeps<S>) {
  // kitchen → device → unit, and dirty units by identity: onReadings runs per
  // reading, and building a `${kitchen}/${device}` key twice for each was a
  // visible share of the ingest CPU (docs/decisions/0004-ingest-performance.md).
  const kitchens = new Map<string, Map<string, Unit<S>>>();
  const dirty = new Set<Unit<S>>();
  const unitsOf = (kitchenId: string) => {
    let devices = kitchens.get(kitchenId);
    if (!devices) kitchens.set(kitchenId, (devices = new Map()));
    return devices;
  };
  function* allUnits() {
    for (const devices of kitchens.values()) yield* devices.values();
  }

  function configOf(kitchenId: string, deviceId: string): UnitConfig | undefined {
    const device = deps.registry.getDevice(kitchenId, deviceId);
    if (!device) return undefined;
    const kitchen = deps.registry.getKitchen(kitchenId);
    return {
      kind: device.kind, probe: device.probe, reportIntervalS: device.reportIntervalS,
      defrostIntervalMin: device.defrostIntervalMin, defrostMaxMin: device.defrostMaxMin,
      profile: profileById(kitchen?.profile ?? DEFAULT_PROFILE_ID),
    };
  }

  function unitFor(gw: GatewayAddress, devices: Map<string, Unit<S>>, r: StoredReading): Unit<S> | undefined {
    let unit = devices.get(r.device);
    if (unit) return unit;
    if (!deps.registry.getDevice(gw.kitchenId, r.device)) {
      // A device the gateway has not announced yet: judge it on defaults until it does.
      deps.registry.saveAnnouncedDevices(gw.kitchenId, gw.gatewayId, [{ device: r.device, kind: r.kind, reportIntervalS: 60 }]);
    }
    const config = configOf(gw.kitchenId, r.device);
    if (!config) return undefined;
    unit = newUnit(gw.kitchenId, r.device, config, deps.engine.createUnitState(config, r.ts));
    devices.set(r.device, unit);
    return unit;
  }

  function newUnit(kitchenId: string, deviceId: string, config: UnitConfig, state: S): Unit<S> {
    return { kitchenId, deviceId, config, state, severity: deps.engine.unitStateSeverity(state), door: false, defrost: false };
  }

  /** Every announced device gets a unit, so one that never reports still goes FS-OFFLINE. */
  function ensureAnnouncedUnits(kitchenId: string) {
    const devices = unitsOf(kitchenId);
    for (const device of deps.registry.listDevices(kitchenId)) {
      if (devices.has(device.deviceId)) continue;
      const config = configOf(kitchenId, device.deviceId);
      if (config) devices.set(device.deviceId, newUnit(kitchenId, device.deviceId, config, deps.engine.createUnitState(config, deps.now())));
    }
  }

  function apply(unit: Unit<S>, result: Evaluation<S>) {
    if (result.state === unit.state && result.events.length === 0) return; // nothing changed (a late reading)
    unit.state = result.state;
    dirty.add(unit);
    for (const event of result.events) applyEvent(unit, event);
    const severity = deps.engine.unitStateSeverity(unit.state);
    if (severity !== unit.severity) {
      unit.severity = severity;
      deps.onUnitStateChange(unit.kitchenId, unit.deviceId);
    }
  }

  function applyEvent(unit: Unit<S>, e: RuleEvent) {
    const { kitchenId, deviceId } = unit;
    if (e.type === 'raise') {
      const { alert, created } = deps.alerts.raise({
        kitchenId, deviceId, ruleId: e.ruleId, severity: e.severity, profile: unit.config.profile.id,
        message: e.message, firstOutAt: e.firstOutAt, raisedAt: e.at, value: e.value, storedAt: deps.now(),
      });
      const complete = deps.alerts.progress(kitchenId, deviceId, e.ruleId, e.peakValue, e.minutesOut) ?? alert;
      if (created) deps.onRaised?.(e.ruleId);
      deps.onAlert('alert:raised', complete);
    } else if (e.type === 'progress') {
      const alert = deps.alerts.progress(kitchenId, deviceId, e.ruleId, e.peakValue, e.minutesOut);
      if (alert) deps.onAlert('alert:updated', alert);
    } else if (e.type === 'clear') {
      const alert = deps.alerts.clear(kitchenId, deviceId, e.ruleId, e.at, e.peakValue, e.minutesOut);
      if (alert) deps.onAlert('alert:updated', alert);
    } else {
      realarm(unit, e.ruleId, e.at);
    }
  }

  /** An acknowledged alert whose condition persists becomes active again. */
  function realarm(unit: Unit<S>, ruleId: string, at: number) {
    const open = deps.alerts.findLive(unit.kitchenId, unit.deviceId, ruleId);
    if (!open || open.status !== 'acknowledged') return;
    const { alert } = deps.alerts.raise({
      kitchenId: unit.kitchenId, deviceId: unit.deviceId, ruleId, severity: open.severity, profile: open.profile,
      message: open.message, firstOutAt: Date.parse(open.firstOutAt), raisedAt: at, value: null, storedAt: deps.now(),
    });
    deps.onAlert('alert:raised', alert);
  }

  return {
    load() {
      for (const saved of deps.ruleStates.loadAll()) {
        const config = configOf(saved.kitchenId, saved.deviceId);
        if (!config) continue;
        const state = deps.engine.restoreUnitState(saved.state, config, deps.now());
        unitsOf(saved.kitchenId).set(saved.deviceId, newUnit(saved.kitchenId, saved.deviceId, config, state));
      }
      for (const kitchen of deps.registry.listKitchens()) ensureAnnouncedUnits(kitchen.id);
    },
    onReadings(gw: GatewayAddress, readings: StoredReading[]) {
      const devices = unitsOf(gw.kitchenId);
      for (const r of readings) {
        const unit = unitFor(gw, devices, r);
        if (!unit) continue;
        // Unknown (a silent unit) is not "closed" or "not defrosting": keep what we knew.
        if (r.door !== undefined) unit.door = r.door;
        if (r.defrost !== undefined) unit.defrost = r.defrost;
        const sample: UnitSample = { ts: r.ts, temp: r.tempC, door: unit.door, defrost: unit.defrost };
        apply(unit, deps.engine.evaluateSample(unit.state, unit.config, sample));
      }
    },
    /** Time-driven rules (FS-OFFLINE), on the server's clock. */
    tick() {
      const now = deps.now();
      for (const unit of allUnits()) apply(unit, deps.engine.evaluateTime(unit.state, unit.config, now));
    },
    /** A gateway announced its devices again: re-read their configuration, keep their state. */
    refreshConfig(kitchenId: string) {
      for (const unit of kitchens.get(kitchenId)?.values() ?? []) {
        unit.config = configOf(kitchenId, unit.deviceId) ?? unit.config;
      }
      ensureAnnouncedUnits(kitchenId);
    },
    stateOf(kitchenId: string, deviceId: string): UnitState {
      return kitchens.get(kitchenId)?.get(deviceId)?.severity ?? 'unknown';
    },
    persist() {
      if (dirty.size === 0) return;
      const entries = [...dirty].map((u) => ({ kitchenId: u.kitchenId, deviceId: u.deviceId, state: u.state }));
      dirty.clear();
      deps.ruleStates.saveMany(entries);
    },
  };
}

export type ColdChain = ReturnType<typeof createColdChain>;
