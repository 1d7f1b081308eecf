// One kitchen on the district grid: each unit's temperature, large, with its state in words.
import { h } from '../dom.ts';
import { formatAge, formatTempValue } from '../format.ts';
import { getLang, t } from '../i18n.ts';
import { kitchenHref } from '../route.ts';
import { hasCameraIssue, hasSampleIssue } from '../samples.ts';
import type { KitchenView, UnitView } from '../summary.ts';
import { readingBadges, stateChip } from './chips.ts';
import { unitKey, type State } from '../store.ts';
import { cameraKey } from '../bright-kitchen.ts';

/** A unit's name; for a food-sample alert, its subject (the server's `menu:<date>:<meal>:<dish>` or `sample-<id>`);
 *  for a bright-kitchen alert, its camera. */
export function unitName(unit: Pick<UnitView, 'device' | 'deviceId'> & { camera?: { name: string } }): string {
  if (unit.device) return unit.device.name;
  if (unit.camera) return t('alerts.camera', { name: unit.camera.name });
  const menu = /^menu:(\d{4}-\d{2}-\d{2}):(breakfast|lunch|dinner):(.+)$/.exec(unit.deviceId);
  if (menu) return t('samples.subjectDish', { dish: menu[3]!, date: menu[1]!, meal: t(`meal.${menu[2]}` as never) });
  const sample = /^sample-(\d+)$/.exec(unit.deviceId);
  if (sample) return t('samples.subjectSample', { id: sample[1]! });
  return unit.deviceId;
}

/** What an alert is about, by name: its unit, its camera, or its sample subject. */
export function alertSubjectName(state: Pick<State, 'devices' | 'cameras'>, a: { kitchenId: string; deviceId: string }): string {
  return unitName({ device: state.devices.get(unitKey(a.kitchenId, a.deviceId)), deviceId: a.deviceId, camera: state.cameras.get(cameraKey(a.kitchenId, a.deviceId)) });
}

export function renderKitchenCard(view: KitchenView, now: number): HTMLElement {
  const { kitchen, units, worst, openAlerts } = view;
  return h(
    'a',
    { class: `card kitchen-card worst-${worst}`, href: kitchenHref(kitchen.id) },
    h(
      'div',
      { class: 'card-head' },
      h('div', { class: 'card-title' }, h('h3', null, kitchen.name), h('p', { class: 'muted' }, kitchen.siteType)),
      h(
        'div',
        { class: 'card-flags' },
        worst === 'ok' ? null : stateChip(worst),
        hasSampleIssue(openAlerts, kitchen.id) ? h('span', { class: 'badge badge-sample' }, t('samples.issue')) : null,
        hasCameraIssue(openAlerts, kitchen.id) ? h('span', { class: 'badge badge-sample badge-camera' }, t('cameras.issue')) : null,
      ),
    ),
    units.length
      ? h('ul', { class: 'unit-rows' }, units.map((u) => renderUnitRow(u, now)))
      : h('p', { class: 'card-empty muted' }, t('card.noData')),
    h(
      'div',
      { class: 'card-foot' },
      h('span', { class: 'muted' }, view.lastTs ? t('card.updated', { age: formatAge(view.lastTs, now) }) : t('card.noData')),
      openAlerts.length
        ? h('span', { class: 'open-count' }, openAlerts.length === 1 ? t('card.openAlertsOne') : t('card.openAlerts', { n: openAlerts.length }))
        : null,
    ),
  );
}

function renderUnitRow(unit: UnitView, now: number): HTMLElement {
  const r = unit.reading;
  const kind = unit.device ? t(`kind.${unit.device.kind}`) : null;
  const age = unit.state === 'offline' && r ? formatAge(r.ts, now) : null;
  return h(
    'li',
    { class: `unit-row state-${unit.state}` },
    h(
      'div',
      { class: 'unit-label' },
      h('span', { class: 'unit-name' }, unitName(unit)),
      h('span', { class: 'unit-sub' }, h('span', { class: 'muted' }, [kind, age].filter(Boolean).join(' · ')), readingBadges(r)),
    ),
    h('span', { class: 'unit-temp' }, formatTempValue(r?.temp), h('small', null, '°C')),
    stateChip(unit.state),
  );
}

/** Changes when anything the card shows changes (the age text included). */
export function cardSignature(view: KitchenView, now: number): string {
  return JSON.stringify([
    getLang(),
    view.kitchen,
    view.worst,
    view.openAlerts.length,
    hasSampleIssue(view.openAlerts, view.kitchen.id),
    hasCameraIssue(view.openAlerts, view.kitchen.id),
    view.lastTs ? formatAge(view.lastTs, now) : null,
    view.units.map((u) => [
      u.deviceId,
      u.device?.name,
      u.device?.kind,
      u.state,
      u.reading?.temp,
      u.reading?.door,
      u.reading?.defrost,
      u.state === 'offline' && u.reading ? formatAge(u.reading.ts, now) : null,
    ]),
  ]);
}
