// The bar above every page: product name, the pages (district, video wall, administration for admins), live status, local clock,
// language, and who is logged in (name and role) with the logout button.
import type { Me } from '../../../contracts/auth.ts';
import { roleName } from '../auth.ts';
import { h, icon } from '../dom.ts';
import { langToggle } from './lang-toggle.ts';
import { formatDateTime } from '../format.ts';
import { t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { adminHref, DISTRICT_HREF, WALL_HREF, type Route } from '../route.ts';
import { mayAdminister } from '../admin-access.ts';
import type { Connection } from '../store.ts';

export interface TopBar {
  el: HTMLElement;
  setConnection(c: Connection): void;
  setClock(now: number, timeZone: string): void;
  /** Marks the page shown in the navigation (a kitchen page belongs to the district). */
  setRoute(route: Route): void;
}

export interface TopBarOptions {
  me: Me;
  /** Where the brand links to: the user's home (their kitchen, or the district). */
  homeHref: string;
  onLogout(): void;
}

export function createTopBar(opts: TopBarOptions): TopBar {
  const conn = h('span', { class: 'conn', role: 'status' });
  const clock = h('time', { class: 'clock' });
  const langButton = langToggle();
  const districtLink = h('a', { class: 'nav-link', href: DISTRICT_HREF }, t('nav.district'));
  const wallLink = h('a', { class: 'nav-link', href: WALL_HREF }, icon(ICONS.camera), t('nav.wall'));
  // Only for those who may administer something; the server refuses the others anyway.
  const adminLink = mayAdminister(opts.me) ? h('a', { class: 'nav-link nav-admin', href: adminHref() }, t('admin.nav')) : null;
  const role = roleName(opts.me.role);
  const logout = h(
    'button',
    { type: 'button', class: 'logout', title: t('user.logout'), 'aria-label': t('user.logout'), onclick: () => opts.onLogout() },
    icon(ICONS.logout),
    h('span', { class: 'logout-text' }, t('user.logoutShort')),
  );
  const userMenu = h(
    'div',
    { class: 'user-menu', role: 'group', 'aria-label': t('user.menu'), title: `${opts.me.displayName} · ${role} (${opts.me.username})` },
    icon(ICONS.user, 'icon user-icon'),
    h('span', { class: 'user-who' }, h('span', { class: 'user-name' }, opts.me.displayName), h('span', { class: 'user-role', 'data-role': opts.me.role }, role)),
    logout,
  );
  const el = h(
    'header',
    { class: 'top-bar' },
    h(
      'a',
      { class: 'brand', href: opts.homeHref },
      icon(ICONS.thermo, 'brand-mark'),
      h('span', { class: 'brand-name' }, t('app.name')),
      h('span', { class: 'brand-scope' }, t('app.scope')),
    ),
    h('nav', { class: 'top-nav', 'aria-label': t('app.name') }, districtLink, wallLink, adminLink),
    h('div', { class: 'top-right' }, conn, clock, langButton, userMenu),
  );
  let shown: Connection | null = null;
  return {
    el,
    setConnection(c) {
      if (c === shown) return;
      shown = c;
      conn.className = `conn conn-${c}`;
      conn.replaceChildren(h('span', { class: 'conn-dot', 'aria-hidden': 'true' }), t(`conn.${c}`));
    },
    setClock(now, timeZone) {
      clock.dateTime = new Date(now).toISOString();
      clock.title = timeZone;
      clock.textContent = formatDateTime(now, timeZone);
    },
    setRoute(route) {
      const on = route.page === 'wall' ? wallLink : route.page === 'admin' ? adminLink : districtLink;
      for (const link of [districtLink, wallLink, adminLink]) {
        if (link && link === on) link.setAttribute('aria-current', 'page');
        else link?.removeAttribute('aria-current');
      }
    },
  };
}
