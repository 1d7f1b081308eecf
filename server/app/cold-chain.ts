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

interface Unit<S> { kitchenId: string; deviceId: string; config: UnitConfig; state: S; severity: UnitState }

export function createColdChain<S>(deps: ColdChainDeps<S>) {
  const units = new Map<string, Unit<S>>();
  const dirty = new Set<string>();
  const key = (k: string, d: string) => `${k}/${d}`;

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

  function unitFor(gw: GatewayAddress, r: StoredReading): Unit<S> | undefined {
    const k = key(gw.kitchenId, r.device);
    let unit = units.get(k);
    if (unit) return unit;
    if (!deps.registry.getDevice(gw.kitchenId, r.device)) {
      // A device the gateway has not announced yet: judge it on defaults until it does.
      deps.registry.saveAnnouncedDevices(gw.kitchenId, gw.gatewayId, [{ device: r.device, kind: r.kind, reportIntervalS: 60 }]);
    }
    const config = configOf(gw.kitchenId, r.device);
    if (!config) return undefined;
    unit = { kitchenId: gw.kitchenId, deviceId: r.device, config, state: deps.engine.createUnitState(config, r.ts), severity: 'ok' };
    units.set(k, unit);
    return unit;
  }

  function apply(unit: Unit<S>, result: Evaluation<S>) {
    unit.state = result.state;
    dirty.add(key(unit.kitchenId, unit.deviceId));
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
        message: e.message, firstOutAt: e.firstOutAt, raisedAt: e.at, value: e.value,
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
    const open = deps.alerts.list({ kitchenId: unit.kitchenId, status: 'open' })
      .find((a) => a.deviceId === unit.deviceId && a.ruleId === ruleId);
    if (!open || open.status !== 'acknowledged') return;
    const { alert } = deps.alerts.raise({
      kitchenId: unit.kitchenId, deviceId: unit.deviceId, ruleId, severity: open.severity, profile: open.profile,
      message: open.message, firstOutAt: Date.parse(open.firstOutAt), raisedAt: at, value: null,
    });
    deps.onAlert('alert:raised', alert);
  }

  return {
    load() {
      for (const saved of deps.ruleStates.loadAll()) {
        const config = configOf(saved.kitchenId, saved.deviceId);
        if (!config) continue;
        const state = deps.engine.restoreUnitState(saved.state, config, deps.now());
        units.set(key(saved.kitchenId, saved.deviceId), {
          kitchenId: saved.kitchenId, deviceId: saved.deviceId, config, state, severity: deps.engine.unitStateSeverity(state),
        });
      }
    },
    onReadings(gw: GatewayAddress, readings: StoredReading[]) {
      for (const r of readings) {
        const unit = unitFor(gw, r);
        if (!unit) continue;
        const sample: UnitSample = { ts: r.ts, temp: r.tempC, door: r.door === true, defrost: r.defrost === true };
        apply(unit, deps.engine.evaluateSample(unit.state, unit.config, sample));
      }
    },
    /** Time-driven rules (FS-OFFLINE), on the server's clock. */
    tick() {
      const now = deps.now();
      for (const unit of units.values()) apply(unit, deps.engine.evaluateTime(unit.state, unit.config, now));
    },
    /** A gateway announced its devices again: re-read their configuration, keep their state. */
    refreshConfig(kitchenId: string) {
      for (const unit of units.values()) {
        if (unit.kitchenId !== kitchenId) continue;
        unit.config = configOf(kitchenId, unit.deviceId) ?? unit.config;
      }
    },
    stateOf(kitchenId: string, deviceId: string): UnitState {
      return units.get(key(kitchenId, deviceId))?.severity ?? 'unknown';
    },
    persist() {
      if (dirty.size === 0) return;
      const entries = [...dirty].flatMap((k) => {
        const u = units.get(k);
        return u ? [{ kitchenId: u.kitchenId, deviceId: u.deviceId, state: u.state }] : [];
      });
      dirty.clear();
      deps.ruleStates.saveMany(entries);
    },
  };
}

export type ColdChain = ReturnType<typeof createColdChain>;
