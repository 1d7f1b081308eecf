// A copy button. The Clipboard API exists only in a secure context (HTTPS or localhost), and a
// canteen's server is often reached over plain HTTP on its LAN: then the old selection copy is
// used, and if that fails too the text is selected for the person to copy by hand.
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';

async function copyText(text: string): Promise<boolean> {
  if (window.isSecureContext && navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // refused (no permission): try the selection copy
    }
  }
  const area = h('textarea', { class: 'admin-copy-buffer', readonly: true, 'aria-hidden': 'true' });
  area.value = text;
  // Inside the open modal dialog: outside it nothing can be selected.
  (document.activeElement?.closest('dialog') ?? document.body).append(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/**
 * A button that copies `text()`, saying so beside it. When nothing could copy, `fallback`
 * (the element showing the text) is selected so a long press or Ctrl+C finishes the job.
 */
export function copyButton(label: string, text: () => string, fallback?: HTMLElement): HTMLElement {
  const said = h('span', { class: 'admin-copied', role: 'status' });
  const button = h('button', { type: 'button', class: 'btn admin-copy' }, label);
  button.addEventListener('click', () => {
    void copyText(text()).then((ok) => {
      said.textContent = ok ? t('admin.copied') : t('admin.copyByHand');
      if (!ok && fallback) window.getSelection()?.selectAllChildren(fallback);
    });
  });
  return h('span', { class: 'admin-copy-wrap' }, button, said);
}
