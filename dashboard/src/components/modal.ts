// A modal <dialog> made on demand and removed when closed (Esc, the backdrop, or a button).
import { h, type Child } from '../dom.ts';

export function openModal(className: string, label: string, ...children: Child[]): HTMLDialogElement {
  const dialog = h('dialog', { class: `modal ${className}`, 'aria-label': label }, ...children);
  dialog.addEventListener('close', () => dialog.remove());
  // A click on the backdrop lands on the dialog element itself, outside its content box.
  dialog.addEventListener('click', (ev) => {
    if (ev.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    const inside = ev.clientX >= r.left && ev.clientX <= r.right && ev.clientY >= r.top && ev.clientY <= r.bottom;
    if (!inside) dialog.close();
  });
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
