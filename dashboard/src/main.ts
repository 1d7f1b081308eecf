// Entry point. First the session: GET /api/auth/me answers who is logged in, or 401 and the
// login page (`#/login`) shows. With a session the app starts: one store, one socket, the top
// bar, and a hash router (`#/` district, `#/kitchen/<id>` kitchen, `#/wall` video wall, `#/admin…` administration); store
// changes re-render once per frame. A REST 401 or a socket refused for want of a session stops
// the app and shows the login page again; logging in again comes back to the same page.
import type { Me } from '../../contracts/auth.ts';
import { api, ApiRequestError, onSessionLost } from './api.ts';
import { homeHref, landingHash, returnHash, reviewerOf } from './auth.ts';
import { createTopBar, type TopBar } from './components/top-bar.ts';
import { startDeviceLoader } from './devices.ts';
import { h } from './dom.ts';
import { DEFAULT_TIME_ZONE } from './format.ts';
import { getLang, onLangChange, t } from './i18n.ts';
import { mountDistrict } from './pages/district.ts';
import { mountKitchen } from './pages/kitchen.ts';
import { mountLogin, type LoginPage } from './pages/login.ts';
import { mountWall } from './pages/wall.ts';
import { mountAdmin } from './pages/admin/index.ts';
import type { Page } from './pages/page.ts';
import { DISTRICT_HREF, LOGIN_HREF, parseRoute } from './route.ts';
import { connectLive } from './socket.ts';
import { createStore } from './store.ts';

/** Ages ("3 分钟前") and staleness move on even when no data arrive. */
const TICK_MS = 10_000;
/** GET /api/auth/me failed for another reason than 401 (no server): ask again this often. */
const BOOT_RETRY_MS = 5_000;
/** Logging out waits this long for the server before showing the login page anyway. */
const LOGOUT_WAIT_MS = 3_000;

interface RunningApp {
  /** The hash changed: show its page. */
  route(): void;
  /** The language changed: build everything again. */
  remount(): void;
  stop(): void;
}

/** AbortSignal.timeout, which Safari 15 lacks. */
function timeoutSignal(ms: number): AbortSignal {
  const ctl = new AbortController();
  setTimeout(() => ctl.abort(), ms);
  return ctl.signal;
}

/** Replaces the hash without a history entry and without a hashchange event. */
function replaceHash(hash: string): void {
  const url = new URL(window.location.href);
  url.hash = hash;
  history.replaceState(history.state, '', url);
}

function boot(app: HTMLElement): void {
  let running: RunningApp | null = null;
  let home = DISTRICT_HREF;
  let login: LoginPage | null = null;
  let loginNotice: 'expired' | 'loggedOut' | null = null;
  let typedUsername = '';
  /** The page to return to after logging in (a deep link, or where the session ended). */
  let back = returnHash(window.location.hash);

  const enter = (me: Me): void => {
    login?.destroy();
    login = null;
    loginNotice = null;
    home = homeHref(me);
    replaceHash(landingHash(me, back));
    back = '';
    running = startApp(app, me, {
      onSessionLost: () => showLogin('expired'),
      onLogout: () => {
        running?.stop();
        running = null;
        back = ''; // where they were is not where the next person should land
        showBoot(t('boot.loading'));
        // The login page once the cookie is cleared, so a quick next login cannot race the logout.
        api
          .logout(timeoutSignal(LOGOUT_WAIT_MS))
          .catch(() => undefined)
          .finally(() => showLogin('loggedOut'));
      },
    });
  };

  const renderLogin = (): void => {
    login?.destroy();
    document.documentElement.lang = getLang();
    document.title = `${t('login.title')} · ${t('app.name')}`;
    const notice = loginNotice === 'expired' ? t('login.expired') : loginNotice === 'loggedOut' ? t('login.loggedOut') : null;
    login = mountLogin(app, { notice, username: typedUsername, onLoggedIn: enter });
  };

  function showLogin(reason: 'expired' | 'loggedOut' | null): void {
    if (running) {
      back = returnHash(window.location.hash);
      running.stop();
      running = null;
    }
    if (login) return; // already there (several requests can fail with 401 at once)
    loginNotice = reason;
    replaceHash(LOGIN_HREF);
    renderLogin();
  }

  const showBoot = (text: string): void => {
    document.title = t('app.name');
    app.replaceChildren(h('div', { class: 'boot', role: 'status' }, text));
  };

  const check = (): void => {
    // (Two-argument then: a fault while starting the app is not taken for an unreachable server.)
    api.me().then(enter, (err: unknown) => {
      if (err instanceof ApiRequestError && err.status === 401) showLogin(null);
      else {
        showBoot(t('boot.unreachable'));
        setTimeout(check, BOOT_RETRY_MS);
      }
    });
  };

  window.addEventListener('hashchange', () => {
    if (running) {
      if (parseRoute(window.location.hash).page === 'login') replaceHash(home);
      running.route();
      return;
    }
    // No session: every page is the login page; remember where they were headed.
    if (parseRoute(window.location.hash).page !== 'login') {
      back = returnHash(window.location.hash);
      replaceHash(LOGIN_HREF);
    }
  });
  onLangChange(() => {
    if (running) running.remount();
    else if (login) {
      typedUsername = login.username();
      renderLogin();
    }
  });

  showBoot(t('boot.loading'));
  check();
}

interface AppHooks {
  onSessionLost(): void;
  onLogout(): void;
}

function startApp(app: HTMLElement, me: Me, hooks: AppHooks): RunningApp {
  const store = createStore();
  let stopped = false;
  const lost = (): void => {
    if (!stopped) hooks.onSessionLost();
  };
  onSessionLost(lost);
  const live = connectLive(store, { onUnauthenticated: lost });
  const stopDevices = startDeviceLoader(store);
  const reviewer = reviewerOf(me);
  const home = homeHref(me);

  let topBar: TopBar;
  let banner: HTMLElement;
  let main: HTMLElement;
  let page: Page | null = null;

  const render = (): void => {
    if (stopped) return;
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
        ? mountKitchen(main, route.kitchenId, store, live, me)
        : route.page === 'wall'
          ? mountWall(main, store, reviewer)
          : route.page === 'admin'
            ? mountAdmin(main, route.section, me)
            : mountDistrict(main);
    topBar.setRoute(route);
    render();
    window.scrollTo(0, 0);
  };

  const mountAll = (): void => {
    document.documentElement.lang = getLang();
    document.title = `${t('app.name')} · ${t('app.scope')}`;
    topBar = createTopBar({ me, homeHref: home, onLogout: hooks.onLogout });
    banner = h('div', { class: 'offline-banner', role: 'alert', hidden: true }, `${t('conn.reconnecting')} ${t('conn.staleNote')}`);
    main = h('main', { id: 'main' });
    app.replaceChildren(topBar.el, banner, main);
    topBar.setClock(Date.now(), DEFAULT_TIME_ZONE);
    preloadGlyphs(`${t('conn.connecting')}${t('conn.offline')}${t('conn.reconnecting')}${t('conn.staleNote')}`);
    mountPage();
  };

  let frame = 0;
  const unsubscribe = store.subscribe(() => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      render();
    });
  });
  const tick = setInterval(render, TICK_MS);
  const clock = setInterval(() => topBar.setClock(Date.now(), DEFAULT_TIME_ZONE), 1000);
  mountAll();

  return {
    route: mountPage,
    remount: mountAll,
    stop() {
      if (stopped) return;
      stopped = true;
      onSessionLost(null);
      for (const d of document.querySelectorAll('dialog')) d.close(); // a review left open
      page?.destroy();
      page = null;
      unsubscribe();
      stopDevices();
      live.close();
      cancelAnimationFrame(frame);
      clearInterval(tick);
      clearInterval(clock);
    },
  };
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
if (app) boot(app);
