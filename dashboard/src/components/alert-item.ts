// One alert as a compact card: severity, rule name (with its ID), where, when, peak and status.
import type { Alert } from '../../../contracts/api.ts';
import { h } from '../dom.ts';
import { formatTemp, formatTime } from '../format.ts';
import { getLang, ruleName, t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import { correctiveRecord } from '../alert-workflow.ts';
import { needsAction } from '../summary.ts';
import { severityChip, statusChip } from './chips.ts';
import { escalationBadge } from './escalation.ts';

export interface AlertContext {
  kitchenName: string;
  unitName: string;
  timeZone: string;
  now: number;
  /** On the district feed an alert links to its kitchen; on the kitchen page it does not. */
  link: boolean;
  /** On the kitchen page an alert opens its detail (history and actions). */
  onOpen?: (alert: Alert) => void;
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
      escalationBadge(alert),
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
    renderCorrectiveRecord(alert),
  ];
  const cls = `alert-item sev-${alert.severity}${needsAction(alert) ? ' is-open' : ' is-done'}`;
  const id = String(alert.id);
  if (ctx.link) return h('li', { class: cls, 'data-alert-id': id }, h('a', { href: kitchenHref(alert.kitchenId), class: 'alert-link' }, body));
  const onOpen = ctx.onOpen;
  if (!onOpen) return h('li', { class: cls, 'data-alert-id': id }, body);
  return h(
    'li',
    {
      class: `${cls} is-openable`,
      'data-alert-id': id,
      role: 'button',
      tabindex: 0,
      'aria-label': `${t('alert.open')}: ${ruleName(alert.ruleId)} · ${ctx.unitName}`,
      onclick: () => onOpen(alert),
      onkeydown: (ev: Event) => {
        const key = (ev as KeyboardEvent).key;
        if (key !== 'Enter' && key !== ' ') return;
        ev.preventDefault();
        onOpen(alert);
      },
    },
    body,
  );
}

/** A resolved or closed alert's corrective action: cause and action, the food, who resolved, who verified. */
export function renderCorrectiveRecord(alert: Alert): HTMLElement | null {
  const rec = correctiveRecord(alert);
  if (!rec) return null;
  const line = rec.cause && rec.action ? t('alert.record', { cause: rec.cause, action: rec.action }) : rec.cause || rec.action;
  return h(
    'div',
    { class: 'alert-record' },
    line ? h('p', { class: 'alert-record-action' }, line) : null,
    rec.food ? h('p', { class: 'alert-record-food' }, t('alert.food', { food: rec.food })) : null,
    rec.resolvedBy || rec.closedBy
      ? h(
          'p',
          { class: 'alert-record-who muted' },
          rec.resolvedBy ? h('span', { class: 'alert-resolved-by' }, t('alert.resolvedBy', { who: rec.resolvedBy })) : null,
          rec.closedBy ? h('span', { class: 'alert-closed-by' }, t('alert.closedBy', { who: rec.closedBy })) : null,
        )
      : null,
  );
}

/** When the data cleared the alert; an AI detection is a moment, so it has nothing to recover from. */
const clearedAt = (alert: Alert): string | null => (alert.ruleId === 'FS-AI-EVENT' ? null : alert.clearedAt);

/** The alert's peak in its rule's terms: a temperature, or an AI detection's confidence. */
function alertValue(alert: Alert): HTMLElement | null {
  const text = alertValueText(alert);
  return text === null ? null : h('span', { class: 'alert-peak' }, text);
}

export function alertValueText(alert: Alert): string | null {
  if (alert.peakValue === null) return null;
  if (alert.ruleId === 'FS-AI-EVENT') return t('ai.confidence', { v: `${Math.round(alert.peakValue * 100)}%` });
  return t('feed.peak', { v: formatTemp(alert.peakValue) });
}

/** The peak alone ("9.4 °C", "91%"), for a labelled fact. */
export function peakText(alert: Alert): string {
  if (alert.peakValue === null) return '—';
  if (alert.ruleId === 'FS-AI-EVENT') return `${Math.round(alert.peakValue * 100)}%`;
  return formatTemp(alert.peakValue);
}

export function alertSignature(alert: Alert, ctx: AlertContext): string {
  return JSON.stringify([getLang(), alert, ctx.kitchenName, ctx.unitName, formatTime(alert.raisedAt, ctx)]);
}
