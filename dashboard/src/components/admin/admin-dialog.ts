// Dialogs of the administration pages: a titled modal with a close button, removed when closed,
// and a confirmation that answers true or false. Unlike components/modal.ts, a click on the
// backdrop does not close them: a half-filled form or a secret shown once must not vanish by a
// stray tap on a tablet. Esc still closes, unless the dialog is marked `sticky`.
import { h, type Child } from '../../dom.ts';
import { t } from '../../i18n.ts';

export interface AdminDialog {
  dialog: HTMLDialogElement;
  /** Where the content goes (the head with the title and the × stays). */
  body: HTMLElement;
  close(): void;
  /** Esc closes, or not (while a secret shows, the dialog closes by its button only). */
  setSticky(sticky: boolean): void;
}

export function openAdminDialog(className: string, title: string, ...children: Child[]): AdminDialog {
  const heading = h('h2', { class: 'admin-dialog-title' }, title);
  const x = h('button', { type: 'button', class: 'btn admin-dialog-x', 'aria-label': t('admin.close'), title: t('admin.close') }, '×');
  const body = h('div', { class: 'admin-dialog-body' }, ...children);
  const dialog = h('dialog', { class: `modal admin-dialog ${className}`, 'aria-label': title }, h('div', { class: 'admin-dialog-head' }, heading, x), body);
  let sticky = false;
  x.addEventListener('click', () => dialog.close());
  dialog.addEventListener('cancel', (ev) => {
    if (sticky) ev.preventDefault();
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return {
    dialog,
    body,
    close: () => dialog.close(),
    setSticky(next) {
      sticky = next;
      x.hidden = next;
    },
  };
}

export interface ConfirmOptions {
  title: string;
  /** What will happen, in words: the consequence, not "are you sure". */
  message: string;
  confirmLabel: string;
  danger?: boolean;
}

/** Asks before an act that cannot be undone from here; true when confirmed. */
export function confirmDialog(opts: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    let answer = false;
    const yes = h(
      'button',
      { type: 'button', class: `btn btn-big ${opts.danger ? 'btn-danger' : 'btn-primary'} admin-confirm-yes` },
      opts.confirmLabel,
    );
    const no = h('button', { type: 'button', class: 'btn btn-big admin-confirm-no' }, t('admin.cancel'));
    const d = openAdminDialog('admin-confirm', opts.title, h('p', { class: 'admin-confirm-text' }, opts.message), h('div', { class: 'form-actions' }, no, yes));
    yes.addEventListener('click', () => {
      answer = true;
      d.close();
    });
    no.addEventListener('click', () => d.close());
    d.dialog.addEventListener('close', () => resolve(answer));
    no.focus(); // the safe choice has the focus
  });
}

/** Tells something that went wrong after a dialog had closed (a refused disable, say). */
export function noticeDialog(title: string, message: string): void {
  const ok = h('button', { type: 'button', class: 'btn btn-big btn-primary' }, t('admin.ok'));
  const d = openAdminDialog('admin-confirm', title, h('p', { class: 'admin-confirm-text', role: 'alert' }, message), h('div', { class: 'form-actions' }, ok));
  ok.addEventListener('click', d.close);
  ok.focus();
}
