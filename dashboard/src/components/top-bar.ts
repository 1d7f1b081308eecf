// The bar above every page: product name, the pages (district, video wall), live status, local clock, language.
import { h, icon } from '../dom.ts';
import { formatDateTime } from '../format.ts';
import { getLang, setLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { DISTRICT_HREF, WALL_HREF, type Route } from '../route.ts';
import type { Connection } from '../store.ts';

export interface TopBar {
  el: HTMLElement;
  setConnection(c: Connection): void;
  setClock(now: number, timeZone: string): void;
  /** Marks the page shown in the navigation (a kitchen page belongs to the district). */
  setRoute(route: Route): void;
}

export function createTopBar(): TopBar {
  const conn = h('span', { class: 'conn', role: 'status' });
  const clock = h('time', { class: 'clock' });
  const langButton = h(
    'button',
    {
      type: 'button',
      class: 'lang-toggle',
      lang: getLang() === 'en' ? 'zh-CN' : 'en',
      'aria-label': t('lang.toggleLabel'),
      onclick: () => setLang(getLang() === 'en' ? 'zh-CN' : 'en'),
    },
    icon(ICONS.globe),
    t('lang.toggle'),
  );
  const districtLink = h('a', { class: 'nav-link', href: DISTRICT_HREF }, t('nav.district'));
  const wallLink = h('a', { class: 'nav-link', href: WALL_HREF }, icon(ICONS.camera), t('nav.wall'));
  const el = h(
    'header',
    { class: 'top-bar' },
    h(
      'a',
      { class: 'brand', href: DISTRICT_HREF },
      icon(ICONS.thermo, 'brand-mark'),
      h('span', { class: 'brand-name' }, t('app.name')),
      h('span', { class: 'brand-scope' }, t('app.scope')),
    ),
    h('nav', { class: 'top-nav', 'aria-label': t('app.name') }, districtLink, wallLink),
    h('div', { class: 'top-right' }, conn, clock, langButton),
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
      const [on, off] = route.page === 'wall' ? [wallLink, districtLink] : [districtLink, wallLink];
      on.setAttribute('aria-current', 'page');
      off.removeAttribute('aria-current');
    },
  };
}
