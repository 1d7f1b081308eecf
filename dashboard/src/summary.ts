// Derived views of the state: a kitchen and its units, alert order and state ranks.
import type { Alert, Device, Kitchen, LatestReading, Severity, UnitState } from '../../contracts/api.ts';
import { unitKey, type State } from './store.ts';

/** Higher is worse. Offline outranks a warning's absence but not an alarm: an unmonitored unit needs a look. */
export const STATE_RANK: Readonly<Record<UnitState, number>> = {
  ok: 0,
  unknown: 1,
  offline: 2,
  warning: 3,
  alarm: 4,
  critical: 5,
};

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { reminder: 0, warning: 3, alarm: 4, critical: 5 };

export function worstState(states: Iterable<UnitState>): UnitState {
  let worst: UnitState | null = null;
  for (const s of states) if (worst === null || STATE_RANK[s] > STATE_RANK[worst]) worst = s;
  return worst ?? 'unknown';
}

/** Open: not yet closed by a person, as the REST filter `status=open` means it. */
export function isOpen(alert: Alert): boolean {
  return alert.status !== 'closed';
}

/** Still unresolved: what ranks a kitchen up; a resolved alert only waits to be closed. */
export function needsAction(alert: Alert): boolean {
  return alert.status === 'active' || alert.status === 'acknowledged';
}

export interface UnitView {
  deviceId: string;
  device: Device | undefined;
  reading: LatestReading | undefined;
  state: UnitState;
}

export interface KitchenView {
  kitchen: Kitchen;
  units: UnitView[];
  worst: UnitState;
  openAlerts: Alert[];
  /** Worst of the unit states and unresolved alert severities, for ordering. */
  rank: number;
  lastTs: string | null;
}

const KIND_ORDER: Record<string, number> = { chiller: 0, coldroom: 1, sample_cabinet: 2, freezer: 3 };

export function unitsOf(state: State, kitchenId: string): UnitView[] {
  const ids = new Set<string>();
  for (const d of state.devices.values()) if (d.kitchenId === kitchenId) ids.add(d.deviceId);
  for (const r of state.latest.values()) if (r.kitchenId === kitchenId) ids.add(r.deviceId);
  const units = [...ids].map((deviceId): UnitView => {
    const key = unitKey(kitchenId, deviceId);
    const reading = state.latest.get(key);
    return { deviceId, device: state.devices.get(key), reading, state: reading?.state ?? 'unknown' };
  });
  return units.sort(
    (a, b) =>
      (KIND_ORDER[a.device?.kind ?? ''] ?? 9) - (KIND_ORDER[b.device?.kind ?? ''] ?? 9) ||
      (a.device?.name ?? a.deviceId).localeCompare(b.device?.name ?? b.deviceId, 'zh-CN', { numeric: true }),
  );
}

export function kitchenView(state: State, kitchen: Kitchen): KitchenView {
  const units = unitsOf(state, kitchen.id);
  const openAlerts = [...state.alerts.values()].filter((a) => a.kitchenId === kitchen.id && isOpen(a));
  const worst = worstState(units.map((u) => u.state));
  const rank = Math.max(STATE_RANK[worst], ...openAlerts.filter(needsAction).map((a) => SEVERITY_RANK[a.severity]));
  let lastTs: string | null = null;
  for (const u of units) if (u.reading && (!lastTs || u.reading.ts > lastTs)) lastTs = u.reading.ts;
  return { kitchen, units, worst, openAlerts, rank, lastTs };
}

export function newestFirst(alerts: Iterable<Alert>): Alert[] {
  return [...alerts].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt) || b.id - a.id);
}

/** Unresolved alerts first (worst first), then resolved, then closed; newest first within each group. */
export function openFirst(alerts: Iterable<Alert>): Alert[] {
  const group = (a: Alert): number => (needsAction(a) ? 0 : isOpen(a) ? 1 : 2);
  return newestFirst(alerts).sort(
    (a, b) => group(a) - group(b) || (group(a) === 0 ? SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] : 0),
  );
}
