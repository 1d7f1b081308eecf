// The inspector's grid: one compact tile per kitchen, coloured by its worst state (units and
// unresolved alerts, reminders apart) and always saying it with an icon and a word, with the
// one thing to look at first and its flags (critical, escalated, samples, cameras, reminders).
import type { UnitState } from '../../../contracts/api.ts';
import { h, icon, patchKeyed } from '../dom.ts';
import { formatAge, formatTemp, formatTempValue } from '../format.ts';
import { getLang, ruleName, t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import type { KitchenTile } from '../inspector-home.ts';
import { kitchenHref } from '../route.ts';
import { hasCameraIssue, hasSampleIssue } from '../samples.ts';
import type { State } from '../store.ts';
import { STATE_RANK, type UnitView } from '../summary.ts';
import { stateChip } from './chips.ts';
import { alertSubjectName, unitName } from './kitchen-card.ts';

export function renderTiles(grid: HTMLElement, tiles: readonly KitchenTile[], state: State, now: number): void {
  patchKeyed(grid, tiles, (x) => x.view.kitchen.id, (x) => tileSignature(x, state, now), (x) => renderTile(x, state, now));
}

/** What most needs a look: the top alert, else the worst unit that is not fine, else the units in short. */
function headline(tile: KitchenTile, state: State): HTMLElement {
  const { top, view } = tile;
  if (top) {
    return line(ICONS[top.severity], h('strong', null, ruleName(top.ruleId)), ' · ', alertSubjectName(state, top));
  }
  const bad = view.units.filter((u) => u.state !== 'ok').sort((a, b) => STATE_RANK[b.state] - STATE_RANK[a.state])[0];
  if (bad) return line(ICONS[bad.state], h('strong', null, unitName(bad)), ' ', formatTemp(bad.reading?.temp));
  if (!view.units.length) return line(ICONS.unknown, t('home.tile.noUnits'));
  return line(ICONS.ok, t('home.tile.allOk'));
}

/** An icon, then text that is cut with an ellipsis when the tile is narrow. */
function line(svg: string, ...text: (HTMLElement | string)[]): HTMLElement {
  return h('p', { class: 'tile-line' }, icon(svg), h('span', { class: 'tile-line-text' }, text));
}

function flags(tile: KitchenTile): HTMLElement[] {
  const id = tile.view.kitchen.id;
  const out: HTMLElement[] = [];
  if (tile.critical) out.push(h('span', { class: 'flag flag-critical' }, icon(ICONS.critical), t('home.tile.critical', { n: tile.critical })));
  if (tile.escalated) out.push(h('span', { class: `flag flag-esc-${tile.escalated}` }, icon(ICONS.bell), t(`esc.badge.${tile.escalated}`)));
  if (tile.openAlerts.length > tile.critical) out.push(h('span', { class: 'flag' }, t('home.tile.alerts', { n: tile.openAlerts.length })));
  if (hasSampleIssue(tile.openAlerts, id)) out.push(h('span', { class: 'flag flag-sample' }, t('samples.issue')));
  if (hasCameraIssue(tile.openAlerts, id)) out.push(h('span', { class: 'flag flag-sample' }, icon(ICONS.camera), t('cameras.issue')));
  if (tile.reminders) out.push(h('span', { class: 'flag flag-reminder' }, icon(ICONS.reminder), t('home.tile.reminders', { n: tile.reminders })));
  return out;
}

/** One unit, small: its temperature, and for a unit not fine its state's icon and word (in the tooltip too). */
function unitMini(u: UnitView): HTMLElement {
  const label = `${unitName(u)} · ${t(`state.${u.state}`)}`;
  return h(
    'li',
    { class: `unit-mini state-${u.state}`, title: label, 'aria-label': `${label} ${formatTemp(u.reading?.temp)}` },
    u.state === 'ok' ? null : icon(ICONS[u.state]),
    formatTempValue(u.reading?.temp),
  );
}

function unitsLine(tile: KitchenTile): string {
  const n = tile.view.units.length;
  const bad = tile.view.units.filter((u) => u.state !== 'ok').length;
  return bad ? t('home.tile.unitsBad', { bad, n }) : t('home.tile.units', { n });
}

export function renderTile(tile: KitchenTile, state: State, now: number): HTMLElement {
  const { kitchen, lastTs } = tile.view;
  const sub = [kitchen.siteType, kitchen.riskGrade ? t('home.tile.risk', { g: kitchen.riskGrade }) : null].filter(Boolean).join(' · ');
  const f = flags(tile);
  return h(
    'a',
    // `kitchen-card` as well: the district page's kitchens keep the name other stories look for.
    { class: `tile kitchen-card tile-${tile.state}`, href: kitchenHref(kitchen.id), 'data-kitchen-id': kitchen.id, 'data-state': tile.state },
    h('div', { class: 'tile-head' }, h('h3', { class: 'tile-name' }, kitchen.name), stateChip(tile.state)),
    h('p', { class: 'tile-sub muted' }, sub),
    headline(tile, state),
    tile.view.units.length ? h('ul', { class: 'tile-units', 'aria-label': t('home.tile.units', { n: tile.view.units.length }) }, [tile.view.units.map(unitMini), h('li', { class: 'unit-mini-unit muted', 'aria-hidden': 'true' }, '°C')]) : null,
    f.length ? h('div', { class: 'tile-flags' }, f) : null,
    h(
      'div',
      { class: 'tile-foot muted' },
      h('span', null, tile.view.units.length ? unitsLine(tile) : ''),
      h('span', null, lastTs ? formatAge(lastTs, now) : t('card.noData')),
    ),
  );
}

export function tileSignature(tile: KitchenTile, state: State, now: number): string {
  return JSON.stringify([
    getLang(),
    tile.view.kitchen,
    tile.state,
    tile.critical,
    tile.escalated,
    tile.reminders,
    tile.openAlerts.map((a) => [a.id, a.status, a.severity, a.ruleId]),
    tile.top ? alertSubjectName(state, tile.top) : null,
    tile.view.units.map((u) => [u.deviceId, u.device?.name, u.state, u.reading?.temp]),
    tile.view.lastTs ? formatAge(tile.view.lastTs, now) : null,
  ]);
}

/** "严重 2", with the state's icon: for the counts and the map legend. */
export function stateCountChip(s: UnitState, n: number): HTMLElement {
  return h('span', { class: `chip state-${s}` }, icon(ICONS[s]), t('home.count.stateOf', { label: t(`state.${s}`), n }));
}
