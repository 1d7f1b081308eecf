// The inspector home: the headline counts, the 督办 board (alerts escalated to the inspector),
// every kitchen of the jurisdiction as a grid or a map (problems first), the live alert feed,
// and the registry reminders due (licences, health certificates, calibrations).
import type { Alert } from '../../../contracts/api.ts';
import { alertSignature, renderAlertItem, type AlertContext } from '../components/alert-item.ts';
import { createBoard } from '../components/board.ts';
import { createDistrictMap } from '../components/district-map.ts';
import { renderHomeCounts } from '../components/home-counts.ts';
import { alertSubjectName } from '../components/kitchen-card.ts';
import { renderTiles } from '../components/kitchen-tiles.ts';
import { renderReminders } from '../components/reminders.ts';
import { h, patchKeyed } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { boardAlerts, homeCounts, homeTiles, type SiteReminder } from '../inspector-home.ts';
import { registryApi } from '../registry-api.ts';
import type { State } from '../store.ts';
import { isOpen, newestFirst } from '../summary.ts';
import type { Page } from './page.ts';

const FEED_MAX = 50;
const REMINDERS_SHOWN = 12;
/** Reminders move by the day; a slow poll, plus a fetch whenever a reminder alert comes or goes. */
const REMINDERS_POLL_MS = 10 * 60_000;
const VIEW_KEY = 'kcw.homeView';
type View = 'grid' | 'map';

function storedView(): View {
  try {
    return globalThis.localStorage?.getItem(VIEW_KEY) === 'map' ? 'map' : 'grid';
  } catch {
    return 'grid';
  }
}

export function mountDistrict(root: HTMLElement): Page {
  const abort = new AbortController();
  const counts = h('div', { class: 'home-counts-wrap' });
  const board = createBoard();
  const grid = h('div', { class: 'tile-grid' });
  const map = createDistrictMap();
  const feedList = h('ol', { class: 'alert-list', 'aria-live': 'polite' });
  const feedCount = h('span', { class: 'count-pill' });
  const remindersBody = h('div', { class: 'reminders-body' }, h('p', { class: 'placeholder' }, t('home.reminders.loading')));
  const remindersCount = h('span', { class: 'count-pill' });
  let view: View = storedView();
  const toggles = (['grid', 'map'] as const).map((v) =>
    h('button', { type: 'button', class: 'seg-btn', 'data-view': v, onclick: () => setView(v) }, t(`home.view.${v}`)),
  );
  root.replaceChildren(
    h(
      'div',
      { class: 'page home' },
      counts,
      h(
        'div',
        { class: 'home-body' },
        h(
          'div',
          { class: 'home-main' },
          board.el,
          h(
            'section',
            { class: 'kitchens', 'aria-labelledby': 'kitchens-title' },
            h(
              'div',
              { class: 'section-head' },
              h('h2', { id: 'kitchens-title' }, t('district.title')),
              h('span', { class: 'muted home-sort' }, t('home.sortNote')),
              h('div', { class: 'seg', role: 'group', 'aria-label': t('home.view.label') }, toggles),
            ),
            grid,
            map.el,
          ),
        ),
        h(
          'aside',
          { class: 'home-side' },
          h(
            'section',
            { class: 'feed panel', 'aria-labelledby': 'feed-title' },
            h('div', { class: 'section-head' }, h('h2', { id: 'feed-title' }, t('feed.title')), feedCount),
            feedList,
          ),
          h(
            'section',
            { class: 'panel reminders-panel', 'aria-labelledby': 'reminders-title' },
            h('div', { class: 'section-head' }, h('h2', { id: 'reminders-title' }, t('home.reminders.title')), remindersCount),
            remindersBody,
          ),
        ),
      ),
    ),
  );

  let reminders: SiteReminder[] | null = null;
  let remindersFailed = false;
  let remindersSig = '';
  let reminderAlerts = '';
  let last: { state: State; now: number } | null = null;
  const loadReminders = (): void => {
    registryApi.reminders(abort.signal).then(
      (list) => {
        reminders = list;
        remindersFailed = false;
        if (last) page.update(last.state, last.now);
      },
      () => {
        if (abort.signal.aborted) return;
        remindersFailed = reminders === null; // keep the last list we had
        if (last) page.update(last.state, last.now);
      },
    );
  };
  loadReminders();
  const poll = setInterval(loadReminders, REMINDERS_POLL_MS);

  function setView(v: View): void {
    view = v;
    try {
      globalThis.localStorage?.setItem(VIEW_KEY, v);
    } catch {
      // not remembered; the choice still applies now
    }
    if (last) page.update(last.state, last.now);
  }

  const page: Page = {
    update(state: State, now: number) {
      last = { state, now };
      const tiles = homeTiles(state, reminders);
      const onBoard = boardAlerts(state.alerts.values());
      counts.replaceChildren(renderHomeCounts(state.ready ? homeCounts(tiles, onBoard, reminders) : null));
      board.update(onBoard, state, now);
      for (const b of toggles) b.setAttribute('aria-pressed', String(b.dataset.view === view));
      grid.hidden = view !== 'grid';
      map.el.hidden = view !== 'map';
      if (!state.ready) grid.replaceChildren(h('p', { class: 'placeholder' }, t('district.loading')));
      else if (!tiles.length) grid.replaceChildren(h('p', { class: 'placeholder' }, t('district.empty')));
      else {
        if (grid.firstElementChild?.classList.contains('placeholder')) grid.replaceChildren();
        if (view === 'grid') renderTiles(grid, tiles, state, now);
        else map.update(tiles);
      }
      updateFeed(state, now);
      updateReminders(state);
    },
    destroy() {
      abort.abort();
      clearInterval(poll);
    },
  };
  return page;

  function updateReminders(state: State): void {
    // A reminder alert raised or closed means the list changed: fetch it again.
    const open = [...state.alerts.values()].filter((a) => a.severity === 'reminder' && isOpen(a)).map((a) => a.id).join(',');
    if (state.ready && open !== reminderAlerts) {
      const first = reminderAlerts === '';
      reminderAlerts = open;
      if (!first) loadReminders();
    }
    const sig = JSON.stringify([getLang(), reminders, remindersFailed]);
    if (sig === remindersSig) return;
    remindersSig = sig;
    remindersCount.textContent = reminders ? String(reminders.length) : '';
    if (reminders) remindersBody.replaceChildren(renderReminders(reminders, { withKitchen: true, max: REMINDERS_SHOWN }));
    else remindersBody.replaceChildren(h('p', { class: remindersFailed ? 'placeholder error' : 'placeholder' }, t(remindersFailed ? 'home.reminders.error' : 'home.reminders.loading')));
  }

  function updateFeed(state: State, now: number): void {
    // Reminders have their own list; the feed is for what is happening now.
    const live = [...state.alerts.values()].filter((a) => a.severity !== 'reminder');
    const alerts = newestFirst(live).slice(0, FEED_MAX);
    feedCount.textContent = String(live.length);
    const ctx = (a: Alert): AlertContext => {
      const kitchen = state.kitchens.get(a.kitchenId);
      return {
        kitchenName: kitchen?.name ?? a.kitchenId,
        unitName: alertSubjectName(state, a),
        timeZone: kitchen?.timezone ?? DEFAULT_TIME_ZONE,
        now,
        link: true,
      };
    };
    if (!alerts.length) {
      feedList.replaceChildren(h('li', { class: 'placeholder' }, t('feed.empty')));
      return;
    }
    if (feedList.firstElementChild?.classList.contains('placeholder')) feedList.replaceChildren();
    patchKeyed(feedList, alerts, (a) => String(a.id), (a) => alertSignature(a, ctx(a)), (a) => renderAlertItem(a, ctx(a)));
  }
}
