// The district as a map: each kitchen at its registry lat/lng on a plain SVG (no tiles: the
// machine may be offline), its marker coloured by its worst state and carrying that state's
// icon, its name beside it when it needs a look, and a link to its page. Kitchens without a
// position are listed under the map; a legend says each state in words.
import type { UnitState } from '../../../contracts/api.ts';
import { h } from '../dom.ts';
import { getLang, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { TILE_STATES, type KitchenTile } from '../inspector-home.ts';
import { fitHeight, layoutPoints, placeLabels, splitPlaced, type MapBox } from '../map-layout.ts';
import { kitchenHref } from '../route.ts';
import { stateCountChip } from './kitchen-tiles.ts';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 800;
const MARGIN = 48;
/** With this few kitchens every one is named; beyond it only those that need a look. */
const LABEL_ALL_UP_TO = 12;
const LABEL_PX = 15;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export interface DistrictMap {
  el: HTMLElement;
  update(tiles: readonly KitchenTile[]): void;
}

export function createDistrictMap(): DistrictMap {
  const el = h('div', { class: 'district-map' });
  let sig = '';
  return {
    el,
    update(tiles) {
      const next = JSON.stringify([getLang(), tiles.map((x) => [x.view.kitchen.id, x.view.kitchen.name, x.view.kitchen.lat, x.view.kitchen.lng, x.state])]);
      if (next === sig) return; // a redraw per reading would be wasted work
      sig = next;
      el.replaceChildren(...render(tiles));
    },
  };
}

function render(tiles: readonly KitchenTile[]): Node[] {
  const byId = new Map(tiles.map((x) => [x.view.kitchen.id, x]));
  const { located, unlocated } = splitPlaced(tiles.map((x) => ({ id: x.view.kitchen.id, lat: x.view.kitchen.lat, lng: x.view.kitchen.lng })));
  const counts = new Map<UnitState, number>();
  for (const x of tiles) counts.set(x.state, (counts.get(x.state) ?? 0) + 1);
  const legend = h(
    'div',
    { class: 'map-legend', 'aria-label': t('home.map.legend') },
    TILE_STATES.filter((s) => counts.get(s)).map((s) => stateCountChip(s, counts.get(s)!)),
  );
  const out: Node[] = [];
  if (!located.length) out.push(h('p', { class: 'placeholder map-none' }, t('home.map.none')));
  else {
    const box = { width: WIDTH, height: fitHeight(located, WIDTH, MARGIN, 300, 560), margin: MARGIN };
    out.push(plot(layoutPoints(located, box), box, byId, tiles.length <= LABEL_ALL_UP_TO));
  }
  out.push(legend);
  if (unlocated.length && located.length) {
    out.push(
      h(
        'p',
        { class: 'map-unlocated muted' },
        t('home.map.unlocated'),
        unlocated.map((id, i) => [i ? '、' : '', h('a', { href: kitchenHref(id) }, byId.get(id)?.view.kitchen.name ?? id)]),
      ),
    );
  }
  return out;
}

function plot(points: ReturnType<typeof layoutPoints>, box: MapBox, byId: Map<string, KitchenTile>, labelAll: boolean): SVGSVGElement {
  const root = svg('svg', { viewBox: `0 0 ${box.width} ${box.height}`, class: 'map-svg', role: 'img', 'aria-label': t('home.map.label') });
  root.append(svg('rect', { x: 0, y: 0, width: box.width, height: box.height, rx: 10, class: 'map-bg' }));
  // The worst last, so it is drawn on top of its neighbours; its name is placed first.
  const stateOf = (id: string): UnitState => byId.get(id)!.state;
  const order = [...points].sort((a, b) => TILE_STATES.indexOf(stateOf(b.id)) - TILE_STATES.indexOf(stateOf(a.id)));
  const radius = (s: UnitState): number => (s === 'ok' ? 11 : 15);
  const links = new Map<string, SVGAElement>();
  for (const p of order) {
    const tile = byId.get(p.id)!;
    const name = tile.view.kitchen.name;
    const marker = svg('g', { transform: `translate(${p.x} ${p.y})`, class: `map-marker marker-${tile.state}` });
    marker.append(svg('title', {}, `${name} · ${t(`state.${tile.state}`)}`), svg('circle', { r: radius(tile.state), class: 'marker-dot' }));
    const glyph = svg('g', { class: 'marker-icon' });
    glyph.innerHTML = ICONS[tile.state]; // a trusted constant (icons.ts)
    const inner = glyph.firstElementChild;
    const size = tile.state === 'ok' ? 14 : 18;
    if (inner) for (const [k, v] of Object.entries({ x: -size / 2, y: -size / 2, width: size, height: size })) inner.setAttribute(k, String(v));
    marker.append(glyph);
    const link = svg('a', { href: kitchenHref(p.id), class: `map-link marker-${tile.state}`, 'data-kitchen-id': p.id, 'aria-label': `${name} · ${t(`state.${tile.state}`)}` }, marker);
    links.set(p.id, link);
    root.append(link);
  }
  const wanted = [...order].reverse().filter((p) => labelAll || stateOf(p.id) !== 'ok');
  const labels = placeLabels(
    wanted.map((p) => ({ id: p.id, x: p.x, y: p.y, r: radius(stateOf(p.id)), text: byId.get(p.id)!.view.kitchen.name })),
    box,
    LABEL_PX,
  );
  for (const l of labels) {
    // Inside the kitchen's link, so its name is clickable too.
    links.get(l.id)?.append(svg('text', { x: l.x, y: l.y, 'text-anchor': l.anchor, 'dominant-baseline': 'central', class: 'marker-label' }, byId.get(l.id)!.view.kitchen.name));
  }
  return root;
}
