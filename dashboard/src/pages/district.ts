// The inspectors' page: district counts, every kitchen (problems first), and the live alert feed.
import { alertSignature, renderAlertItem, type AlertContext } from '../components/alert-item.ts';
import { alertSubjectName, cardSignature, renderKitchenCard } from '../components/kitchen-card.ts';
import { renderStats } from '../components/stats.ts';
import { h, patchKeyed } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { t } from '../i18n.ts';
import type { State } from '../store.ts';
import { districtCounts, districtViews, newestFirst } from '../summary.ts';
import type { Page } from './page.ts';

const FEED_MAX = 50;

export function mountDistrict(root: HTMLElement): Page {
  const stats = h('div', { class: 'stats-wrap' });
  const grid = h('div', { class: 'kitchen-grid' });
  const feedList = h('ol', { class: 'alert-list', 'aria-live': 'polite' });
  const feedCount = h('span', { class: 'count-pill' });
  root.replaceChildren(
    h(
      'div',
      { class: 'page district' },
      stats,
      h(
        'div',
        { class: 'district-body' },
        h(
          'section',
          { class: 'kitchens', 'aria-labelledby': 'kitchens-title' },
          h(
            'div',
            { class: 'section-head' },
            h('h2', { id: 'kitchens-title' }, t('district.title')),
            h('span', { class: 'muted' }, t('district.sortNote')),
          ),
          grid,
        ),
        h(
          'aside',
          { class: 'feed panel', 'aria-labelledby': 'feed-title' },
          h('div', { class: 'section-head' }, h('h2', { id: 'feed-title' }, t('feed.title')), feedCount),
          feedList,
        ),
      ),
    ),
  );

  return {
    update(state: State, now: number) {
      const views = districtViews(state);
      stats.replaceChildren(renderStats(state.ready ? districtCounts(views) : null));
      if (!state.ready) grid.replaceChildren(h('p', { class: 'placeholder' }, t('district.loading')));
      else if (!views.length) grid.replaceChildren(h('p', { class: 'placeholder' }, t('district.empty')));
      else if (grid.firstElementChild?.classList.contains('placeholder')) grid.replaceChildren();
      if (views.length) {
        patchKeyed(grid, views, (v) => v.kitchen.id, (v) => cardSignature(v, now), (v) => renderKitchenCard(v, now));
      }
      updateFeed(state, now);
    },
    destroy() {},
  };

  function updateFeed(state: State, now: number): void {
    const alerts = newestFirst(state.alerts.values()).slice(0, FEED_MAX);
    feedCount.textContent = String(state.alerts.size);
    const ctx = (a: (typeof alerts)[number]): AlertContext => {
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
