// The inspector home's derived views: each kitchen's tile state and order, the 督办 board
// (alerts escalated to the inspector), and the headline counts. Pure functions of the store's
// state and the reminders the server lists, so they are tested without a browser.
import type { Alert, Severity, UnitState } from '../../contracts/api.ts';
import type { Reminder } from '../../contracts/registry.ts';
import { t } from './i18n.ts';
import type { State } from './store.ts';
import { STATE_RANK, isOpen, kitchenView, needsAction, type KitchenView } from './summary.ts';

/** A reminder as GET /api/reminders lists it: with its kitchen. */
export type SiteReminder = Reminder & { kitchenId: string; kitchenName: string };

/** A food-safety severity in the units' vocabulary; a reminder never colours a kitchen. */
const SEVERITY_STATE: Readonly<Record<Severity, UnitState | null>> = {
  reminder: null,
  warning: 'warning',
  alarm: 'alarm',
  critical: 'critical',
};

export interface KitchenTile {
  view: KitchenView;
  /** The worst of its units and its unresolved alerts (cold chain, samples, cameras); not reminders. */
  state: UnitState;
  /** Unresolved critical alerts. */
  critical: number;
  /** How far its furthest open alert has been escalated. */
  escalated: 'inspector' | 'manager' | null;
  /** Open alerts other than reminders. */
  openAlerts: Alert[];
  /** Registry items due (licence, certificates, calibrations). */
  reminders: number;
  /** The alert a person should look at first: unresolved, worst, oldest. */
  top: Alert | null;
}

const rank = (s: UnitState): number => STATE_RANK[s];

/** The tile state: units and unresolved alerts, each by its severity; reminders do not count. */
export function tileState(view: Pick<KitchenView, 'worst' | 'openAlerts'>): UnitState {
  let worst = view.worst;
  for (const a of view.openAlerts) {
    const s = SEVERITY_STATE[a.severity];
    if (s && needsAction(a) && rank(s) > rank(worst)) worst = s;
  }
  return worst;
}

export function escalationOf(alerts: readonly Alert[]): KitchenTile['escalated'] {
  if (alerts.some((a) => isOpen(a) && a.escalatedTo === 'inspector')) return 'inspector';
  if (alerts.some((a) => isOpen(a) && a.escalatedTo === 'manager')) return 'manager';
  return null;
}

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { reminder: 0, warning: 1, alarm: 2, critical: 3 };
const ESCALATION_ORDER = { inspector: 2, manager: 1 } as const;

/** Unresolved first, then the worst severity, then the oldest. */
function topAlert(alerts: readonly Alert[]): Alert | null {
  const sorted = [...alerts].sort(
    (a, b) =>
      Number(needsAction(b)) - Number(needsAction(a)) ||
      SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
      Date.parse(a.raisedAt) - Date.parse(b.raisedAt),
  );
  return sorted[0] ?? null;
}

export function kitchenTile(view: KitchenView, reminders: number): KitchenTile {
  const openAlerts = view.openAlerts.filter((a) => a.severity !== 'reminder');
  return {
    view,
    state: tileState(view),
    critical: openAlerts.filter((a) => a.severity === 'critical' && needsAction(a)).length,
    escalated: escalationOf(openAlerts),
    openAlerts,
    reminders,
    top: topAlert(openAlerts),
  };
}

/** Open critical alerts first, then escalated, then worse states, then by name. */
export function sortTiles(tiles: readonly KitchenTile[]): KitchenTile[] {
  const esc = (t: KitchenTile): number => (t.escalated ? ESCALATION_ORDER[t.escalated] : 0);
  return [...tiles].sort(
    (a, b) =>
      Number(b.critical > 0) - Number(a.critical > 0) ||
      esc(b) - esc(a) ||
      rank(b.state) - rank(a.state) ||
      b.openAlerts.length - a.openAlerts.length ||
      a.view.kitchen.name.localeCompare(b.view.kitchen.name, 'zh-CN', { numeric: true }),
  );
}

/**
 * Registry items due per kitchen. The server's list when we have it; until then (or when it
 * cannot be had) the open reminder alerts, which the registry raises for the same items.
 */
export function remindersByKitchen(state: Pick<State, 'alerts'>, listed: readonly SiteReminder[] | null): Map<string, number> {
  const out = new Map<string, number>();
  const add = (id: string): void => void out.set(id, (out.get(id) ?? 0) + 1);
  if (listed) for (const r of listed) add(r.kitchenId);
  else for (const a of state.alerts.values()) if (a.severity === 'reminder' && isOpen(a)) add(a.kitchenId);
  return out;
}

export function homeTiles(state: State, listed: readonly SiteReminder[] | null): KitchenTile[] {
  const due = remindersByKitchen(state, listed);
  return sortTiles([...state.kitchens.values()].map((k) => kitchenTile(kitchenView(state, k), due.get(k.id) ?? 0)));
}

/** The 督办 board: open alerts escalated to the inspector; unresolved first, critical first, oldest first. */
export function boardAlerts(alerts: Iterable<Alert>): Alert[] {
  const since = (a: Alert): number => Date.parse(a.escalatedAt ?? a.raisedAt);
  return [...alerts]
    .filter((a) => a.escalatedTo === 'inspector' && isOpen(a))
    .sort(
      (a, b) =>
        Number(needsAction(b)) - Number(needsAction(a)) ||
        SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
        Date.parse(a.raisedAt) - Date.parse(b.raisedAt) ||
        since(a) - since(b),
    );
}

export const TILE_STATES: readonly UnitState[] = ['critical', 'alarm', 'warning', 'offline', 'unknown', 'ok'];
export const ALERT_SEVERITIES = ['critical', 'alarm', 'warning'] as const;

export interface HomeCounts {
  kitchens: number;
  byState: Record<UnitState, number>;
  /** Open alerts (not closed) by food-safety severity. */
  bySeverity: Record<(typeof ALERT_SEVERITIES)[number], number>;
  board: number;
  /** Registry items due; null while unknown. */
  reminders: number | null;
}

export function homeCounts(tiles: readonly KitchenTile[], board: readonly Alert[], listed: readonly SiteReminder[] | null): HomeCounts {
  const byState = Object.fromEntries(TILE_STATES.map((s) => [s, 0])) as Record<UnitState, number>;
  const bySeverity = { critical: 0, alarm: 0, warning: 0 };
  for (const tile of tiles) {
    byState[tile.state] += 1;
    for (const a of tile.openAlerts) if (a.severity !== 'reminder') bySeverity[a.severity] += 1;
  }
  return { kitchens: tiles.length, byState, bySeverity, board: board.length, reminders: listed ? listed.length : null };
}

/** Lapsed first, then nothing on file, then the fewest days left; then by kitchen. */
export function sortReminders<R extends Reminder & { kitchenName?: string }>(list: readonly R[]): R[] {
  const key = (r: R): number => (r.daysLeft === null ? -0.5 : r.daysLeft);
  return [...list].sort(
    (a, b) =>
      key(a) - key(b) ||
      (a.kitchenName ?? '').localeCompare(b.kitchenName ?? '', 'zh-CN', { numeric: true }) ||
      a.subjectName.localeCompare(b.subjectName, 'zh-CN', { numeric: true }),
  );
}

/** How long something has lasted: "40 分钟", "5 小时 20 分钟" (under a day), "2 天". */
export function durationText(ms: number): string {
  const min = Math.max(0, Math.floor(ms / 60_000));
  if (min < 60) return t('home.dur.min', { n: min });
  const h = Math.floor(min / 60);
  if (h >= 24) return t('home.dur.day', { n: Math.floor(h / 24) });
  const m = min % 60;
  return h >= 10 || m === 0 ? t('home.dur.hour', { n: h }) : t('home.dur.hourMin', { h, m });
}
