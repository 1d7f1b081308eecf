// One alert in a dialog: what happened (rule, unit, first out-of-range time, peak, minutes out,
// status), its history (GET /api/alerts/{id}/history, fetched again whenever the alert changes),
// and what the user may do now: acknowledge, record the corrective action, verify and close,
// comment. The server decides who may; the buttons shown follow Me.can (see alert-workflow.ts).
import type { Alert } from '../../../contracts/api.ts';
import { api } from '../api.ts';
import { LIMITS, actionErrorText, alertActions, type Actor } from '../alert-workflow.ts';
import { h } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { ruleName, t } from '../i18n.ts';
import { peakText, renderCorrectiveRecord } from './alert-item.ts';
import { severityChip, statusChip } from './chips.ts';
import { createAlertHistory } from './alert-history.ts';
import { renderDeliveries } from './deliveries-list.ts';
import { escalationLine } from './escalation.ts';
import { notifyApi } from '../notify-api.ts';
import { openModal } from './modal.ts';
import { createResolveForm, showError } from './resolve-form.ts';

export type DetailMode = 'view' | 'resolve' | 'close';

export interface AlertDetailContext {
  me: Actor;
  timeZone: string;
  unitName(alert: Alert): string;
  /** The server's answer to an action: the alert as it is now (for the store). */
  onChanged(alert: Alert): void;
  /** The dialog went away. */
  onClosed(): void;
}

export interface AlertDetail {
  readonly alertId: number;
  /** The alert changed (live or by us): redraw, and fetch the history again. */
  update(alert: Alert): void;
  close(): void;
}

export function openAlertDetail(initial: Alert, ctx: AlertDetailContext, mode: DetailMode = 'view'): AlertDetail {
  let alert = initial;
  let sig = '';
  let current: DetailMode = mode;
  const abort = new AbortController();

  const headEl = h('header', { class: 'alert-detail-head' });
  const factsEl = h('dl', { class: 'alert-detail-facts' });
  const recordEl = h('div', { class: 'alert-detail-record' });
  const actionsEl = h('div', { class: 'alert-detail-actions' });
  const historyList = createAlertHistory(ctx.timeZone, abort.signal);
  const escalationEl = h('div', { class: 'alert-detail-esc', hidden: true });
  // Who was told, how, and whether it got through (rule book section 6); hidden if it cannot be read.
  const deliveriesEl = h('div', { class: 'alert-deliveries' });
  const deliveriesSection = h('section', { class: 'alert-detail-deliveries', hidden: true }, h('h3', null, t('dl.title')), deliveriesEl);
  let deliveriesSeq = 0;
  const commentEl = h('div', { class: 'alert-detail-comment' });
  const body = h(
    'div',
    { class: 'alert-detail' },
    headEl,
    escalationEl,
    factsEl,
    recordEl,
    actionsEl,
    h('section', { class: 'alert-detail-history' }, h('h3', null, t('alert.history')), historyList.el),
    commentEl,
    deliveriesSection,
  );
  const dialog = openModal('alert-dialog', t('alert.detail'), body);
  dialog.dataset.alertId = String(alert.id);
  dialog.addEventListener('close', () => {
    abort.abort();
    ctx.onClosed();
  });

  const render = (): void => {
    sig = JSON.stringify(alert);
    headEl.replaceChildren(
      severityChip(alert.severity),
      h('h2', null, ruleName(alert.ruleId)),
      statusChip(alert.status),
      h('button', { type: 'button', class: 'modal-close alert-detail-x', 'aria-label': t('alert.close'), onclick: () => dialog.close() }, '×'),
    );
    const fact = (label: string, value: string, cls = ''): HTMLElement => h('div', null, h('dt', null, label), h('dd', { class: cls || null }, value));
    const when = (iso: string): string => formatDateTime(iso, ctx.timeZone);
    factsEl.replaceChildren(
      fact(t('alerts.unit'), ctx.unitName(alert)),
      fact(t('alerts.firstOut'), when(alert.firstOutAt)),
      fact(t('alerts.peak'), peakText(alert), 'alert-detail-peak'),
      fact(t('alerts.minutesOut'), t('alerts.minutes', { n: Math.round(alert.minutesOut) })),
      fact(t('alerts.status'), t(`status.${alert.status}`)),
      fact(t('alerts.rule'), alert.ruleId),
    );
    const esc = escalationLine(alert, ctx.timeZone, Date.now());
    escalationEl.replaceChildren(esc ?? '');
    escalationEl.hidden = !esc;
    const rec = renderCorrectiveRecord(alert);
    if (rec) recordEl.replaceChildren(rec);
    else recordEl.replaceChildren();
    recordEl.hidden = !rec;
    renderActions();
    renderComment();
  };

  function renderActions(): void {
    const can = alertActions(alert, ctx.me);
    if (current === 'resolve' && can.resolve) {
      if (!actionsEl.querySelector('form.resolve-form')) actionsEl.replaceChildren(createResolveForm({ alertId: alert.id, signal: abort.signal, onResolved: changed, onCancel: () => switchTo('view') }));
      return;
    }
    if (current === 'close' && can.close) {
      if (!actionsEl.querySelector('form.close-form')) actionsEl.replaceChildren(closeForm());
      return;
    }
    current = 'view';
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const buttons: HTMLElement[] = [];
    if (can.ack) {
      const ack: HTMLButtonElement = h(
        'button',
        {
          type: 'button',
          class: 'btn btn-big btn-danger alert-ack',
          onclick: () => {
            ack.disabled = true;
            ack.textContent = t('alert.acking');
            error.hidden = true;
            api.ackAlert(alert.id, abort.signal).then(changed, (err: unknown) => {
              if (abort.signal.aborted) return;
              ack.disabled = false;
              ack.textContent = t('alert.ack');
              showError(error, actionErrorText(err, 'ack'));
            });
          },
        },
        t('alert.ack'),
      );
      buttons.push(ack);
    }
    if (can.resolve) buttons.push(h('button', { type: 'button', class: 'btn btn-big btn-primary alert-resolve', onclick: () => switchTo('resolve') }, t('alert.resolve')));
    if (can.close) buttons.push(h('button', { type: 'button', class: 'btn btn-big btn-primary alert-close', onclick: () => switchTo('close') }, t('alert.verify')));
    actionsEl.replaceChildren(
      h('div', { class: 'action-buttons', hidden: !buttons.length }, ...buttons),
      h('p', { class: 'notice', hidden: !can.closeNeedsOther }, t('alert.closeNeedsOther')),
      error,
    );
    actionsEl.hidden = !buttons.length && !can.closeNeedsOther;
  }

  function switchTo(next: DetailMode): void {
    current = next;
    actionsEl.replaceChildren();
    renderActions();
    actionsEl.querySelector<HTMLElement>('select, textarea')?.focus();
  }

  function changed(next: Alert): void {
    if (abort.signal.aborted) return;
    ctx.onChanged(next);
    current = 'view';
    actionsEl.replaceChildren();
    detail.update(next);
  }

  function closeForm(): HTMLFormElement {
    const note = h('textarea', { name: 'note', rows: 3, maxlength: LIMITS.note });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-big btn-primary' }, t('close.submit'));
    const cancel = h('button', { type: 'button', class: 'btn btn-big', onclick: () => switchTo('view') }, t('resolve.cancel'));
    const form = h(
      'form',
      { class: 'close-form', novalidate: true },
      h('h3', null, t('close.title')),
      h('p', { class: 'review-as' }, h('span', { class: 'muted' }, t('close.who')), h('strong', null, ctx.me.displayName)),
      h('label', { class: 'field' }, h('span', null, t('close.note')), note),
      error,
      h('div', { class: 'form-actions' }, cancel, submit),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      const text = note.value.trim();
      api.closeAlert(alert.id, text ? { note: text } : {}, abort.signal).then(changed, (err: unknown) => {
        if (abort.signal.aborted) return;
        submit.disabled = false;
        showError(error, actionErrorText(err, 'close'));
      });
    });
    return form;
  }

  function renderComment(): void {
    if (!alertActions(alert, ctx.me).comment) {
      commentEl.replaceChildren();
      commentEl.hidden = true;
      return;
    }
    commentEl.hidden = false;
    if (commentEl.querySelector('form')) return; // keep what is being typed
    const text = h('textarea', { name: 'text', rows: 2, maxlength: LIMITS.comment, placeholder: t('comment.placeholder'), 'aria-label': t('comment.label') });
    const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'btn btn-big alert-comment' }, t('comment.submit'));
    const form = h('form', { class: 'comment-form', novalidate: true }, text, submit, error);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const value = text.value.trim();
      if (!value) {
        showError(error, t('comment.empty'));
        text.focus();
        return;
      }
      error.hidden = true;
      submit.disabled = true;
      api.commentAlert(alert.id, { text: value }, abort.signal).then(
        () => {
          submit.disabled = false;
          text.value = '';
          historyList.load(alert.id);
        },
        (err: unknown) => {
          if (abort.signal.aborted) return;
          submit.disabled = false;
          showError(error, actionErrorText(err, 'comment'));
        },
      );
    });
    commentEl.replaceChildren(form);
  }

  function loadDeliveries(): void {
    const seq = ++deliveriesSeq;
    notifyApi.alertDeliveries(alert.id, abort.signal).then(
      (list) => {
        if (seq !== deliveriesSeq) return;
        deliveriesEl.replaceChildren(renderDeliveries(list, { timeZone: ctx.timeZone, now: Date.now(), withAlert: false }));
        deliveriesSection.hidden = false;
      },
      () => undefined, // not readable here (or not yet served): the section stays hidden
    );
  }

  const detail: AlertDetail = {
    alertId: alert.id,
    update(next: Alert) {
      if (next.id !== alert.id) return;
      alert = next;
      if (JSON.stringify(next) === sig) return;
      render();
      historyList.load(alert.id);
      loadDeliveries();
    },
    close() {
      if (dialog.open) dialog.close();
    },
  };

  render();
  historyList.load(alert.id);
  loadDeliveries();
  if (current !== 'view') actionsEl.querySelector<HTMLElement>('select, textarea')?.focus();
  return detail;
}

