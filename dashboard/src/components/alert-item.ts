// One alert as a compact card: severity, rule name (with its ID), where, when, peak and status.
import type { Alert } from '../../../contracts/api.ts';
import { h } from '../dom.ts';
import { formatTemp, formatTime } from '../format.ts';
import { getLang, ruleName, t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import { needsAction } from '../summary.ts';
import { severityChip, statusChip } from './chips.ts';

export interface AlertContext {
  kitchenName: string;
  unitName: string;
  timeZone: string;
  now: number;
  /** On the district feed an alert links to its kitchen; on the kitchen page it does not. */
  link: boolean;
}

export function renderAlertItem(alert: Alert, ctx: AlertContext): HTMLElement {
  const where = ctx.link ? `${ctx.kitchenName} · ${ctx.unitName}` : ctx.unitName;
  const body = [
    h(
      'div',
      { class: 'alert-row' },
      severityChip(alert.severity),
      h('span', { class: 'alert-rule' }, ruleName(alert.ruleId)),
      h('time', { class: 'alert-time', datetime: alert.raisedAt }, formatTime(alert.raisedAt, ctx)),
    ),
    h('div', { class: 'alert-row' }, h('span', { class: 'alert-where' }, where), statusChip(alert.status)),
    h(
      'div',
      { class: 'alert-row alert-facts' },
      alertValue(alert),
      alert.minutesOut > 0 ? h('span', { class: 'muted' }, t('alerts.minutes', { n: Math.round(alert.minutesOut) })) : null,
      h('span', { class: 'alert-id muted' }, alert.ruleId),
    ),
    alert.acknowledgedBy || clearedAt(alert)
      ? h(
          'div',
          { class: 'alert-trail muted' },
          alert.acknowledgedBy ? h('span', null, t('alerts.ackBy', { who: alert.acknowledgedBy })) : null,
          clearedAt(alert) ? h('span', null, t('alerts.cleared', { t: formatTime(clearedAt(alert)!, ctx) })) : null,
        )
      : null,
  ];
  const cls = `alert-item sev-${alert.severity}${needsAction(alert) ? ' is-open' : ' is-done'}`;
  return ctx.link
    ? h('li', { class: cls }, h('a', { href: kitchenHref(alert.kitchenId), class: 'alert-link' }, body))
    : h('li', { class: cls }, body);
}

/** When the data cleared the alert; an AI detection is a moment, so it has nothing to recover from. */
const clearedAt = (alert: Alert): string | null => (alert.ruleId === 'FS-AI-EVENT' ? null : alert.clearedAt);

/** The alert's peak in its rule's terms: a temperature, or an AI detection's confidence. */
function alertValue(alert: Alert): HTMLElement | null {
  if (alert.peakValue === null) return null;
  if (alert.ruleId === 'FS-AI-EVENT') return h('span', { class: 'alert-peak' }, t('ai.confidence', { v: `${Math.round(alert.peakValue * 100)}%` }));
  return h('span', { class: 'alert-peak' }, t('feed.peak', { v: formatTemp(alert.peakValue) }));
}

export function alertSignature(alert: Alert, ctx: AlertContext): string {
  return JSON.stringify([getLang(), alert, ctx.kitchenName, ctx.unitName, formatTime(alert.raisedAt, ctx)]);
}
