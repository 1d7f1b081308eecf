// The kitchen page's bright kitchen (明厨亮灶): its cameras as tiles with their health (a click
// on a picture watches it live; nothing plays by itself) and the kitchen's AI events.
import type { Kitchen } from '../../../contracts/api.ts';
import { cameraCounts, camerasOfKitchen } from '../bright-kitchen.ts';
import { h } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { t } from '../i18n.ts';
import type { State, Store } from '../store.ts';
import { createCameraTile } from '../video/camera-tile.ts';
import { createTileSet } from '../video/tile-set.ts';
import { createAiFeed } from './ai-feed.ts';

export interface BrightKitchenOptions {
  latency: boolean;
  /** A camera to start at once (`#/kitchen/<id>?play=<cameraId>`), for links and benchmarks. */
  play: string | null;
  /** Who may review AI events (see AiFeedOptions.reviewer). */
  reviewer: string | null;
}

export interface BrightKitchenSection {
  readonly el: HTMLElement;
  update(state: State, kitchen: Kitchen, now: number): void;
  destroy(): void;
}

const AI_FEED_LIMIT = 24;

export function createBrightKitchenSection(kitchenId: string, store: Store, opts: BrightKitchenOptions): BrightKitchenSection {
  const count = h('span', { class: 'muted bright-count' });
  const grid = h('div', { class: 'camera-grid' });
  const empty = h('p', { class: 'placeholder', hidden: true }, t('bright.noCameras'));
  const feed = createAiFeed(store, { kitchenId, limit: AI_FEED_LIMIT, layout: 'grid', reviewer: opts.reviewer });
  let timeZone = DEFAULT_TIME_ZONE;
  let toPlay = opts.play;
  const tiles = createTileSet(grid, (camera) =>
    createCameraTile(camera, { health: true, clickToPlay: true, latency: opts.latency, timeZone }),
  );
  const el = h(
    'section',
    { class: 'panel bright-kitchen', 'aria-labelledby': 'bright-title' },
    h(
      'div',
      { class: 'section-head' },
      h('h2', { id: 'bright-title' }, t('bright.title'), count),
      h('span', { class: 'muted' }, t('bright.hint')),
    ),
    grid,
    empty,
    feed.el,
  );

  return {
    el,
    update(state, kitchen, now) {
      timeZone = kitchen.timezone || DEFAULT_TIME_ZONE;
      const cameras = camerasOfKitchen(state.cameras.values(), kitchenId);
      const { online, total } = cameraCounts(cameras);
      count.textContent = total ? t('bright.count', { online, total }) : '';
      empty.hidden = !state.ready || total > 0;
      tiles.sync(cameras, now);
      if (toPlay !== null) {
        const tile = tiles.get(kitchenId, toPlay);
        if (tile) {
          tile.setWanted(true);
          toPlay = null;
        }
      }
      feed.update(state, now);
    },
    destroy() {
      tiles.destroy();
      feed.destroy();
    },
  };
}
