// A kitchen's alerts on its page: the list (open first), the detail an alert opens (history and
// actions), and, for the kitchen's own staff, their open alerts first in large type. Alerts come
// from REST (older ones) and the store (live), merged by id, the newer copy winning.
import type { Alert, Kitchen } from '../../../contracts/api.ts';
import type { Me } from '../../../contracts/auth.ts';
import { showsStaffView } from '../alert-workflow.ts';
import { h, patchKeyed } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { t } from '../i18n.ts';
import { lastChange, type State, type Store } from '../store.ts';
import { openFirst } from '../summary.ts';
import { openAlertDetail, type AlertDetail, type DetailMode } from './alert-detail.ts';
import { alertSignature, renderAlertItem, type AlertContext } from './alert-item.ts';
import { alertSubjectName } from './kitchen-card.ts';
import { createStaffAlerts } from './staff-alerts.ts';

export interface KitchenAlerts {
  /** The sidebar list. */
  readonly list: HTMLElement;
  /** The staff's own block (kitchen staff and managers on their kitchen), else undefined. */
  readonly staff: HTMLElement | undefined;
  /** Alerts fetched over REST (older than the snapshot's open ones). */
  addFetched(alerts: Alert[]): void;
  /** Redraws; returns the kitchen's alerts, open first (the charts mark them). */
  update(state: State, kitchen: Kitchen, now: number): Alert[];
  destroy(): void;
}

export function createKitchenAlerts(kitchenId: string, store: Store, me: Me): KitchenAlerts {
  const list = h('ol', { class: 'alert-list' });
  const fetched = new Map<number, Alert>();
  /** The alerts shown now, by id, for the detail to follow. */
  let shown = new Map<number, Alert>();
  let detail: AlertDetail | null = null;
  let timeZone = DEFAULT_TIME_ZONE;
  const subject = (a: Alert): string => alertSubjectName(store.get(), a);
  /** An action's answer: into the store, so every list (and the socket's later copy) agrees. */
  const changed = (a: Alert): void => {
    fetched.set(a.id, a);
    store.delta({ type: 'alert', alert: a });
  };
  const open = (a: Alert, mode: DetailMode = 'view'): void => {
    detail?.close();
    const d = openAlertDetail(shown.get(a.id) ?? a, {
      me, timeZone, unitName: subject, onChanged: changed,
      onClosed: () => {
        if (detail === d) detail = null;
      },
    }, mode);
    detail = d;
  };
  const staff = showsStaffView(me, kitchenId)
    ? createStaffAlerts({ me, timeZone: () => timeZone, unitName: subject, open, onChanged: changed })
    : null;

  function merged(state: State): Map<number, Alert> {
    const all = new Map(fetched);
    for (const a of state.alerts.values()) {
      const prev = all.get(a.id);
      if (a.kitchenId === kitchenId && (!prev || lastChange(a) >= lastChange(prev))) all.set(a.id, a);
    }
    return all;
  }

  function renderList(alerts: Alert[], state: State, kitchen: Kitchen, now: number): void {
    if (!alerts.length) {
      list.replaceChildren(h('li', { class: 'placeholder' }, t('kitchen.noAlerts')));
      return;
    }
    if (list.firstElementChild?.classList.contains('placeholder')) list.replaceChildren();
    const ctx = (a: Alert): AlertContext => ({
      kitchenName: kitchen.name, unitName: alertSubjectName(state, a), timeZone, now, link: false, onOpen: (alert) => open(alert),
    });
    patchKeyed(list, alerts, (a) => String(a.id), (a) => alertSignature(a, ctx(a)), (a) => renderAlertItem(a, ctx(a)));
  }

  return {
    list,
    staff: staff?.el,
    addFetched(alerts) {
      for (const a of alerts) fetched.set(a.id, a);
    },
    update(state, kitchen, now) {
      shown = merged(state);
      const alerts = openFirst(shown.values());
      timeZone = kitchen.timezone || DEFAULT_TIME_ZONE;
      staff?.update(alerts, now);
      const current = detail && shown.get(detail.alertId);
      if (current) detail?.update(current);
      renderList(alerts, state, kitchen, now);
      return alerts;
    },
    destroy() {
      staff?.destroy();
      detail?.close();
    },
  };
}
