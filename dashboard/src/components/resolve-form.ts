// The corrective-action form of an alert (rule book section 6): why the unit went out of range,
// what was done (with suggestions for the chosen cause), and what became of the food, with the
// quantity or the reason where the server requires one. Checked here as the server checks it.
import type { Alert } from '../../../contracts/api.ts';
import { api } from '../api.ts';
import {
  CAUSES, DISPOSITIONS, LIMITS, actionErrorText, actionSuggestions, appendSuggestion, causeLabel, dispositionLabel,
  needsQuantity, needsReason, validateResolve, type Cause,
} from '../alert-workflow.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';

/** Shows a form's error message. */
export function showError(el: HTMLElement, message: string): void {
  el.textContent = message;
  el.hidden = false;
}

export interface ResolveFormOptions {
  alertId: number;
  /** Aborted when the dialog goes away: a late answer must not touch it. */
  signal: AbortSignal;
  /** The server's answer: the alert, resolved. */
  onResolved(alert: Alert): void;
  onCancel(): void;
}

/** The kitchen's corrective-action form: cause (with suggested actions), the action, and what became of the food. */
export function createResolveForm(opts: ResolveFormOptions): HTMLFormElement {
  const cause = h(
    'select',
    { name: 'cause', required: true },
    h('option', { value: '' }, t('resolve.choose')),
    ...CAUSES.map((c) => h('option', { value: c }, causeLabel(c))),
  );
  const action = h('textarea', { name: 'correctiveAction', rows: 3, maxlength: LIMITS.correctiveAction, required: true });
  const suggestions = h('div', { class: 'suggestions', 'aria-label': t('resolve.suggest') });
  const disposition = h(
    'select',
    { name: 'disposition', required: true },
    h('option', { value: '' }, t('resolve.choose')),
    ...DISPOSITIONS.map((d) => h('option', { value: d }, dispositionLabel(d))),
  );
  const quantity = h('input', { name: 'quantity', type: 'text', maxlength: LIMITS.quantity, placeholder: t('resolve.quantityHint'), autocomplete: 'off' });
  const reason = h('input', { name: 'reason', type: 'text', maxlength: LIMITS.reason, placeholder: t('resolve.reasonHint'), autocomplete: 'off' });
  const quantityField = h('label', { class: 'field', hidden: true }, h('span', null, t('resolve.quantity'), h('em', { class: 'req' }, ' *')), quantity);
  const reasonField = h('label', { class: 'field', hidden: true }, h('span', null, t('resolve.reason'), h('em', { class: 'req' }, ' *')), reason);
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-big btn-primary' }, t('resolve.submit'));
  const cancel = h('button', { type: 'button', class: 'btn btn-big', onclick: opts.onCancel }, t('resolve.cancel'));

  const showSuggestions = (): void => {
    const list = actionSuggestions(cause.value as Cause | '');
    suggestions.replaceChildren(
      ...(list.length ? [h('span', { class: 'muted suggestions-label' }, t('resolve.suggest'))] : []),
      ...list.map((s) =>
        h(
          'button',
          {
            type: 'button',
            class: 'suggestion',
            onclick: () => {
              action.value = appendSuggestion(action.value, s).slice(0, LIMITS.correctiveAction);
              action.focus();
            },
          },
          s,
        ),
      ),
    );
    suggestions.hidden = !list.length;
  };
  const showDispositionFields = (): void => {
    quantityField.hidden = !needsQuantity(disposition.value);
    reasonField.hidden = !needsReason(disposition.value);
  };
  cause.addEventListener('change', showSuggestions);
  disposition.addEventListener('change', showDispositionFields);
  showSuggestions();

  const fields = { cause, correctiveAction: action, disposition, quantity, reason };
  const form = h(
    'form',
    { class: 'resolve-form', novalidate: true },
    h('h3', null, t('resolve.title')),
    h('label', { class: 'field' }, h('span', null, t('resolve.cause'), h('em', { class: 'req' }, ' *')), cause),
    h('label', { class: 'field' }, h('span', null, t('resolve.action'), h('em', { class: 'req' }, ' *')), action),
    suggestions,
    h('label', { class: 'field' }, h('span', null, t('resolve.disposition'), h('em', { class: 'req' }, ' *')), disposition),
    quantityField,
    reasonField,
    error,
    h('div', { class: 'form-actions' }, cancel, submit),
  );
  // A message about what was typed goes once the user types again.
  form.addEventListener('input', (ev) => {
    if (submit.disabled) return;
    (ev.target as HTMLElement).removeAttribute('aria-invalid');
    error.hidden = true;
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const el of Object.values(fields)) el.removeAttribute('aria-invalid');
    const check = validateResolve({
      cause: cause.value,
      correctiveAction: action.value,
      disposition: disposition.value,
      quantity: quantity.value,
      reason: reason.value,
    });
    if (!check.ok) {
      showError(error, check.message);
      fields[check.field].setAttribute('aria-invalid', 'true');
      fields[check.field].focus();
      return;
    }
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = t('resolve.sending');
    api.resolveAlert(opts.alertId, check.request, opts.signal).then(opts.onResolved, (err: unknown) => {
      if (opts.signal.aborted) return;
      submit.disabled = false;
      submit.textContent = t('resolve.submit');
      showError(error, actionErrorText(err, 'resolve'));
    });
  });
  return form;
}
