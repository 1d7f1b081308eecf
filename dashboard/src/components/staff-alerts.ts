// The kitchen staff's block at the top of their kitchen page: the alerts that still need doing,
// in large type, each with a one-tap 确认收到 and a 处理 button that opens the corrective-action
// form. Sized for a 1024×768 tablet and fingers.
import type { Alert } from '../../../contracts/api.ts';
import { api } from '../api.ts';
import { actionErrorText, alertActions, type Actor } from '../alert-workflow.ts';
import { h, patchKeyed } from '../dom.ts';
import { formatTime } from '../format.ts';
import { getLang, ruleName, t } from '../i18n.ts';
import { needsAction } from '../summary.ts';
import { alertValueText } from './alert-item.ts';
import { severityChip, statusChip } from './chips.ts';
import { escalationBadge } from './escalation.ts';

export interface StaffContext {
  me: Actor;
  /** The site's time zone (known once the kitchen is). */
  timeZone(): string;
  unitName(alert: Alert): string;
  /** Opens the alert's dialog; 'resolve' straight at the form. */
  open(alert: Alert, mode: 'view' | 'resolve'): void;
  /** The server's answer to an acknowledgement (for the store). */
  onChanged(alert: Alert): void;
}

export interface StaffAlerts {
  el: HTMLElement;
  update(alerts: readonly Alert[], now: number): void;
  destroy(): void;
}

export function createStaffAlerts(ctx: StaffContext): StaffAlerts {
  const abort = new AbortController();
  const count = h('span', { class: 'count-pill' });
  const list = h('ol', { class: 'staff-alert-list' });
  const none = h('p', { class: 'staff-none', hidden: true }, t('staff.none'));
  const hint = h('p', { class: 'muted staff-hint' }, t('staff.hint'));
  const el = h(
    'section',
    { class: 'panel staff-alerts', 'aria-labelledby': 'staff-title' },
    h('div', { class: 'section-head' }, h('h2', { id: 'staff-title' }, t('staff.title'), ' ', count), hint),
    none,
    list,
  );
  /** Acknowledgements in flight, and the last failure per alert, kept across redraws. */
  const pending = new Set<number>();
  const errors = new Map<number, string>();
  let last: { alerts: readonly Alert[]; now: number } = { alerts: [], now: Date.now() };

  const redraw = (): void => update(last.alerts, last.now);

  function ack(alert: Alert): void {
    pending.add(alert.id);
    errors.delete(alert.id);
    redraw();
    api.ackAlert(alert.id, abort.signal).then(
      (next) => {
        pending.delete(alert.id);
        ctx.onChanged(next);
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        pending.delete(alert.id);
        errors.set(alert.id, actionErrorText(err, 'ack'));
        redraw();
      },
    );
  }

  function render(alert: Alert, now: number): HTMLElement {
    const can = alertActions(alert, ctx.me);
    const busy = pending.has(alert.id);
    const error = errors.get(alert.id);
    const value = alertValueText(alert);
    return h(
      'li',
      { class: `staff-alert sev-${alert.severity} is-${alert.status}`, 'data-alert-id': String(alert.id) },
      h(
        'button',
        { type: 'button', class: 'staff-alert-main', 'aria-label': `${t('alert.open')}: ${ruleName(alert.ruleId)}`, onclick: () => ctx.open(alert, 'view') },
        h('span', { class: 'staff-alert-top' }, severityChip(alert.severity), statusChip(alert.status), escalationBadge(alert)),
        h('span', { class: 'staff-alert-rule' }, ruleName(alert.ruleId)),
        h('span', { class: 'staff-alert-unit' }, ctx.unitName(alert)),
        h(
          'span',
          { class: 'staff-alert-facts' },
          value ? h('strong', null, value) : null,
          alert.minutesOut > 0 ? h('span', null, t('alerts.minutes', { n: Math.round(alert.minutesOut) })) : null,
          h('time', { datetime: alert.firstOutAt }, `${t('alerts.firstOut')} ${formatTime(alert.firstOutAt, { timeZone: ctx.timeZone(), now })}`),
        ),
        alert.acknowledgedBy ? h('span', { class: 'staff-alert-acked' }, t('staff.acked', { who: alert.acknowledgedBy })) : null,
      ),
      h(
        'div',
        { class: 'staff-alert-buttons' },
        can.ack
          ? h('button', { type: 'button', class: 'btn btn-huge btn-danger alert-ack', disabled: busy, onclick: () => ack(alert) }, busy ? t('alert.acking') : t('alert.ack'))
          : null,
        can.resolve ? h('button', { type: 'button', class: 'btn btn-huge btn-primary alert-resolve', onclick: () => ctx.open(alert, 'resolve') }, t('alert.handle')) : null,
      ),
      error ? h('p', { class: 'form-error', role: 'alert' }, error) : null,
    );
  }

  function update(alerts: readonly Alert[], now: number): void {
    last = { alerts, now };
    // Reminders (a certificate or calibration due) are the manager's paperwork, not a tap at the fridge:
    // they stay in the kitchen's alert list and registry, out of the staff's urgent block.
    const open = alerts.filter((a) => needsAction(a) && a.severity !== 'reminder');
    count.textContent = t('staff.count', { n: open.length });
    el.classList.toggle('is-clear', open.length === 0);
    none.hidden = open.length > 0;
    hint.hidden = open.length === 0;
    patchKeyed(
      list,
      open,
      (a) => String(a.id),
      (a) => JSON.stringify([getLang(), a, ctx.unitName(a), pending.has(a.id), errors.get(a.id) ?? null, formatTime(a.firstOutAt, { timeZone: ctx.timeZone(), now })]),
      (a) => render(a, now),
    );
  }

  return {
    el,
    update,
    destroy: () => abort.abort(),
  };
}
