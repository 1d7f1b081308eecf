// The administration pages (#/admin…): a heading, a tab for each page the user may open, and
// the page itself; #/admin alone shows what each page is for. Someone without the permission
// who types the address gets a polite "no access" page (the server refuses them anyway).
import type { Me } from '../../../../contracts/auth.ts';
import { adminSections, mayOpen } from '../../admin-access.ts';
import { homeHref } from '../../auth.ts';
import { h } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { pageParams } from '../../bright-kitchen.ts';
import { adminHref, type AdminSection } from '../../route.ts';
import type { Page } from '../page.ts';
import { mountDevices } from './devices.ts';
import { mountSites } from './sites.ts';
import { mountUsers } from './users.ts';

function noAccess(root: HTMLElement, me: Me): void {
  root.replaceChildren(
    h(
      'div',
      { class: 'page admin-page' },
      h(
        'section',
        { class: 'panel admin-no-access', role: 'alert' },
        h('h1', null, t('admin.noAccess.title')),
        h('p', null, t('admin.noAccess.text')),
        h('a', { class: 'btn btn-big btn-primary', href: homeHref(me) }, t('admin.noAccess.back')),
      ),
    ),
  );
}

function overview(root: HTMLElement, me: Me): void {
  root.replaceChildren(
    h(
      'div',
      { class: 'admin-cards' },
      adminSections(me).map((s) =>
        h('a', { class: 'panel admin-card', href: adminHref(s), 'data-section': s }, h('h2', null, t(`admin.tab.${s}`)), h('p', { class: 'muted' }, t(`admin.about.${s}`))),
      ),
    ),
  );
}

export function mountAdmin(root: HTMLElement, section: AdminSection, me: Me): Page {
  const abort = new AbortController();
  const destroy = (): void => {
    abort.abort();
    for (const d of document.querySelectorAll('dialog.admin-dialog')) (d as HTMLDialogElement).close();
  };
  if (!mayOpen(me, section)) {
    noAccess(root, me);
    return { update() {}, destroy };
  }
  const tabs = h(
    'nav',
    { class: 'admin-tabs', 'aria-label': t('admin.title') },
    adminSections(me).map((s) => h('a', { class: 'admin-tab', href: adminHref(s), 'aria-current': s === section ? 'page' : null }, t(`admin.tab.${s}`))),
  );
  const content = h('div', { class: 'admin-content' });
  root.replaceChildren(h('div', { class: 'page admin-page', 'data-section': section }, h('div', { class: 'admin-head' }, h('h1', null, t('admin.title')), tabs), content));
  const ctx = { me, signal: abort.signal };
  if (section === 'sites') mountSites(content, ctx);
  else if (section === 'devices') mountDevices(content, ctx, pageParams(window.location.href).get('kitchen'));
  else if (section === 'users') mountUsers(content, ctx);
  else overview(content, me);
  // Administration reads REST, not the live store: nothing to redraw on a store change.
  return { update() {}, destroy };
}
