// The video wall: every camera of the district, labelled by kitchen, in a grid that suits a
// tablet. Only the tiles on screen stream: a tile starts its player once it has been visible
// for a moment and destroys it once it has been gone for a moment, so scrolling does not open
// and close streams. Beside the grid, the district's AI events.
import type { CameraDto } from '../../../contracts/camera-api.ts';
import { createAiFeed } from '../components/ai-feed.ts';
import { cameraCounts, latencyRequested, sortCameras } from '../bright-kitchen.ts';
import { h } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import type { State, Store } from '../store.ts';
import { createCameraTile, type CameraTile } from '../video/camera-tile.ts';
import { createTileSet } from '../video/tile-set.ts';
import { createVisibilityGate, type VisibilityGate } from '../video/visibility-gate.ts';
import type { Page } from './page.ts';

/** How long a tile must stay on (or off) screen before its stream starts (or stops). */
const VISIBILITY_DEBOUNCE_MS = 400;
/** The share of a tile that must be on screen to count as visible. */
const VISIBLE_RATIO = 0.25;
const AI_FEED_LIMIT = 40;

export function mountWall(root: HTMLElement, store: Store, reviewer: string | null): Page {
  const latency = latencyRequested(window.location.href);
  const summary = h('span', { class: 'muted wall-summary' });
  const grid = h('div', { class: 'wall-grid' });
  const placeholder = h('p', { class: 'placeholder' }, t('district.loading'));
  const feed = createAiFeed(store, { kitchenId: null, limit: AI_FEED_LIMIT, layout: 'list', reviewer });
  const gates = new Map<Element, VisibilityGate>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) gates.get(entry.target)?.set(entry.isIntersecting && entry.intersectionRatio >= VISIBLE_RATIO);
    },
    { threshold: [0, VISIBLE_RATIO] },
  );
  let state = store.get();

  const makeTile = (camera: CameraDto): CameraTile => {
    const kitchen = state.kitchens.get(camera.kitchenId);
    const tile = createCameraTile(camera, {
      kitchen: { name: kitchen?.name ?? camera.kitchenId, href: kitchenHref(camera.kitchenId) },
      health: false,
      clickToPlay: false,
      latency,
      timeZone: kitchen?.timezone || DEFAULT_TIME_ZONE,
    });
    gates.set(tile.el, createVisibilityGate(VISIBILITY_DEBOUNCE_MS, (visible) => tile.setWanted(visible)));
    observer.observe(tile.el);
    return tile;
  };
  const tiles = createTileSet(grid, makeTile, (tile) => {
    observer.unobserve(tile.el);
    gates.get(tile.el)?.cancel();
    gates.delete(tile.el);
  });

  root.replaceChildren(
    h(
      'div',
      { class: 'page wall' },
      h(
        'div',
        { class: 'wall-body' },
        h(
          'section',
          { class: 'wall-main', 'aria-labelledby': 'wall-title' },
          h('div', { class: 'section-head' }, h('h1', { id: 'wall-title' }, t('wall.title'), summary), h('span', { class: 'muted' }, t('wall.hint'))),
          placeholder,
          grid,
        ),
        h('aside', { class: 'panel wall-feed' }, feed.el),
      ),
    ),
  );

  return {
    update(next: State, now: number) {
      state = next;
      const cameras = sortCameras(next.cameras.values(), (id) => next.kitchens.get(id)?.name ?? id);
      const { online, total } = cameraCounts(cameras);
      const kitchens = new Set(cameras.map((c) => c.kitchenId)).size;
      summary.textContent = next.ready ? t('wall.summary', { kitchens, online, total }) : '';
      placeholder.hidden = next.ready && total > 0;
      placeholder.textContent = next.ready ? t('wall.empty') : t('district.loading');
      tiles.sync(cameras, now);
      feed.update(next, now);
    },
    destroy() {
      observer.disconnect();
      tiles.destroy();
      feed.destroy();
    },
  };
}
