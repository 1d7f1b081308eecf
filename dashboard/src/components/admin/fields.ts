// Form parts the administration forms share: a labelled field, a select from value/label pairs,
// an error line that names the field in error (and marks it, not by colour alone), and a
// submit that shows it is busy and turns a failure into words.
import { adminErrorText } from '../../admin-errors.ts';
import type { Checked } from '../../admin-sites.ts';
import { h, type Attrs, type Child } from '../../dom.ts';
import { t } from '../../i18n.ts';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldOptions {
  hint?: string;
  required?: boolean;
  /** Spans the whole row of a two-column form. */
  wide?: boolean;
}

/** A field: its label (with * when required), the control, and a hint under it. */
export function field(label: string, control: Child, opts: FieldOptions = {}): HTMLLabelElement {
  return h(
    'label',
    { class: `admin-field${opts.wide ? ' admin-field-wide' : ''}` },
    h('span', { class: 'admin-label' }, label, opts.required ? h('em', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    control,
    opts.hint ? h('span', { class: 'admin-hint' }, opts.hint) : null,
  );
}

export function input(name: string, attrs: Attrs = {}): HTMLInputElement {
  return h('input', { name, type: 'text', autocomplete: 'off', spellcheck: 'false', ...attrs });
}

/** A select; `value` picks the option shown first, and one not among the options is added so it is not lost. */
export function select(name: string, options: readonly (readonly [string, string])[], value = '', attrs: Attrs = {}): HTMLSelectElement {
  const all = value && !options.some(([v]) => v === value) ? [[value, value] as const, ...options] : options;
  const el = h('select', { name, ...attrs }, ...all.map(([v, label]) => h('option', { value: v }, label)));
  el.value = value;
  return el;
}

/** The form's error line. */
export function errorLine(): HTMLParagraphElement {
  return h('p', { class: 'form-error admin-form-error', role: 'alert', hidden: true });
}

export function showError(line: HTMLElement, message: string): void {
  line.textContent = message;
  line.hidden = false;
}

export function clearErrors(form: HTMLElement, line: HTMLElement): void {
  line.hidden = true;
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** Shows a failed check: its words, and the control it names marked and focused. */
export function showCheck(form: HTMLFormElement, line: HTMLElement, checked: Extract<Checked<unknown>, { ok: false }>): void {
  showError(line, t(checked.error));
  const control = form.querySelector<HTMLElement>(`[name="${checked.field}"]`) ?? form.querySelector<HTMLElement>(`[data-name="${checked.field}"]`);
  if (!control) return;
  control.setAttribute('aria-invalid', 'true');
  control.focus();
}

/**
 * Runs `act` with the submit button busy; a failure shows in the error line. Resolves with the
 * act's answer, or undefined when it failed.
 */
export async function submitting<T>(button: HTMLButtonElement, line: HTMLElement, act: () => Promise<T>): Promise<T | undefined> {
  button.disabled = true;
  try {
    return await act();
  } catch (err) {
    showError(line, adminErrorText(err));
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/**
 * The form's foot: its error line above cancel and submit, the primary act last (where the thumb
 * is on a tablet). It stays at the bottom of a long dialog, so the error is seen wherever the field is.
 */
export function formActions(submitLabel: string, onCancel: () => void, error: HTMLElement): { el: HTMLElement; submit: HTMLButtonElement } {
  const submit = h('button', { type: 'submit', class: 'btn btn-big btn-primary admin-submit' }, submitLabel);
  const cancel = h('button', { type: 'button', class: 'btn btn-big', onclick: onCancel }, t('admin.cancel'));
  return { el: h('div', { class: 'admin-form-foot' }, error, h('div', { class: 'form-actions' }, cancel, submit)), submit };
}
