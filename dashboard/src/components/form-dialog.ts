// A small form in a modal dialog, shared by the registry's and the notification settings'
// forms: read the fields (a message when something is wrong), send, close on success, and say
// a refusal in words. The dialog goes away with Esc, the backdrop or 取消.
import { ApiRequestError } from '../api.ts';
import { h, type Child } from '../dom.ts';
import { t, type Key } from '../i18n.ts';
import type { Parsed } from '../registry-view.ts';
import { openModal } from './modal.ts';
import { showError } from './resolve-form.ts';

export interface FormDialogOptions<T> {
  title: string;
  cls: string;
  fields: Child[];
  submitLabel?: string;
  read(): Parsed<T>;
  send(value: T, signal: AbortSignal): Promise<unknown>;
  /** The server accepted it. */
  done(): void;
}

/** A refusal in words: permission, the network, or the server's own message. */
export function sendErrorText(err: unknown): string {
  if (err instanceof ApiRequestError) {
    if (err.status === 403) return t('reg.err.forbidden');
    return t('reg.err.failed', { msg: err.message || err.code });
  }
  return t('reg.err.network');
}

export function openFormDialog<T>(opts: FormDialogOptions<T>): HTMLDialogElement {
  const abort = new AbortController();
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary' }, opts.submitLabel ?? t('reg.save'));
  const cancel = h('button', { type: 'button', class: 'btn', onclick: () => dialog.close() }, t('reg.cancel'));
  const form = h(
    'form',
    { class: `form-dialog ${opts.cls}`, novalidate: true },
    h('h3', null, opts.title),
    ...opts.fields,
    error,
    h('div', { class: 'form-actions' }, cancel, submit),
  );
  const dialog = openModal('form-modal', opts.title, form);
  dialog.addEventListener('close', () => abort.abort());
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const read = opts.read();
    if (!read.ok) {
      showError(error, t(read.error satisfies Key));
      return;
    }
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = t('reg.saving');
    opts.send(read.value, abort.signal).then(
      () => {
        opts.done();
        dialog.close();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        submit.disabled = false;
        submit.textContent = opts.submitLabel ?? t('reg.save');
        showError(error, sendErrorText(err));
      },
    );
  });
  form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  return dialog;
}

/** A labelled field: the label's words above the control. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h('label', { class: 'form-field' }, h('span', { class: 'form-label' }, label), control, hint ? h('span', { class: 'form-hint muted' }, hint) : null);
}

/** A <select> of values with their words; `value` chosen, or a "请选择" first when empty. */
export function select(name: string, options: ReadonlyArray<[string, string]>, value: string): HTMLSelectElement {
  return h(
    'select',
    { name },
    value ? null : h('option', { value: '', selected: true }, t('reg.choose')),
    options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)),
  );
}
