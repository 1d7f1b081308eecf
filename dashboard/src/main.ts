// Entry point: one store, one socket, the top bar, and a hash router
// (`#/` district, `#/kitchen/<id>` kitchen, `#/wall` video wall). Store changes re-render once per frame.
import { createTopBar, type TopBar } from './components/top-bar.ts';
import { startDeviceLoader } from './devices.ts';
import { h } from './dom.ts';
import { DEFAULT_TIME_ZONE } from './format.ts';
import { getLang, onLangChange, t } from './i18n.ts';
import { mountDistrict } from './pages/district.ts';
import { mountKitchen } from './pages/kitchen.ts';
import { mountWall } from './pages/wall.ts';
import type { Page } from './pages/page.ts';
import { parseRoute } from './route.ts';
import { connectLive } from './socket.ts';
import { createStore } from './store.ts';

/** Ages ("3 分钟前") and staleness move on even when no data arrive. */
const TICK_MS = 10_000;

function start(app: HTMLElement): void {
  const store = createStore();
  const live = connectLive(store);
  startDeviceLoader(store);

  let topBar: TopBar;
  let banner: HTMLElement;
  let main: HTMLElement;
  let page: Page | null = null;

  const render = (): void => {
    const state = store.get();
    topBar.setConnection(state.connection);
    banner.hidden = state.connection !== 'offline';
    page?.update(state, Date.now());
  };

  const mountPage = (): void => {
    page?.destroy();
    const route = parseRoute(window.location.hash);
    page =
      route.page === 'kitchen'
        ? mountKitchen(main, route.kitchenId, store, live)
        : route.page === 'wall'
          ? mountWall(main, store)
          : mountDistrict(main);
    topBar.setRoute(route);
    render();
    window.scrollTo(0, 0);
  };

  const mountAll = (): void => {
    document.documentElement.lang = getLang();
    document.title = `${t('app.name')} · ${t('app.scope')}`;
    topBar = createTopBar();
    banner = h('div', { class: 'offline-banner', role: 'alert', hidden: true }, `${t('conn.reconnecting')} ${t('conn.staleNote')}`);
    main = h('main', { id: 'main' });
    app.replaceChildren(topBar.el, banner, main);
    topBar.setClock(Date.now(), DEFAULT_TIME_ZONE);
    preloadGlyphs(`${t('conn.connecting')}${t('conn.offline')}${t('conn.reconnecting')}${t('conn.staleNote')}`);
    mountPage();
  };

  let frame = 0;
  store.subscribe(() => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  });
  window.addEventListener('hashchange', mountPage);
  onLangChange(mountAll);
  setInterval(render, TICK_MS);
  setInterval(() => topBar.setClock(Date.now(), DEFAULT_TIME_ZONE), 1000);
  mountAll();
}

/**
 * The web font is split by Unicode range and each part is fetched on first use,
 * so the "connection lost" text would show as boxes if its glyphs were first
 * needed after the server went away. Fetch them while it is there.
 */
function preloadGlyphs(text: string): void {
  for (const weight of [400, 700]) {
    document.fonts?.load(`${weight} 16px "Noto Sans SC"`, text).catch(() => undefined);
  }
}

const app = document.getElementById('app');
if (app) start(app);
