// An AI event's snapshot, large, with what it shows underneath.
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { openModal } from './modal.ts';

export function openSnapshot(url: string, alt: string, caption: string): void {
  const close = h('button', { type: 'button', class: 'modal-close', onclick: () => dialog.close() }, t('snapshot.close'));
  const dialog = openModal(
    'snapshot-dialog',
    alt,
    h('figure', null, h('img', { class: 'snapshot-large', src: url, alt }), h('figcaption', null, h('span', null, caption), close)),
  );
  close.focus();
}
