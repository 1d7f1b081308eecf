// The kitchen's "今日留样" board: per service, each dish on the menu with its
// sample (weight, when and by whom, 48 h countdown) and a labelled status chip.
import type { SampleDay, SampleDto } from '../../../contracts/api.ts';
import { h, icon, type Child } from '../dom.ts';
import { formatTime } from '../format.ts';
import { t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import {
  formatWeight,
  isFlagged,
  retentionText,
  sampleChipClass,
  sampleChipIcon,
  sampleStatusLabel,
  sampleTone,
  shiftDate,
  showsCountdown,
  type SampleStatus,
} from '../samples.ts';

type Service = SampleDay['services'][number];

interface Row {
  dish: string;
  status: SampleStatus;
  sample: SampleDto | null;
  extra: boolean;
}

export function sampleChip(status: SampleStatus): HTMLElement {
  return h('span', { class: sampleChipClass(status) }, icon(ICONS[sampleChipIcon(status)]), sampleStatusLabel(status));
}

/** Everything the board shows, as text, so it is redrawn only when that changes. */
export function sampleBoardSignature(day: SampleDay, timeZone: string, now: number): string {
  return JSON.stringify([
    day,
    timeZone,
    day.services.map((s) => rows(s).map((r) => (r.sample && showsCountdown(r.status) ? retentionText(r.sample.retentionEndsAt, now) : null))),
  ]);
}

/** `isToday` false: a past (or other) day, so "no menu" speaks of that day, not today. */
export function renderSampleBoard(day: SampleDay, timeZone: string, now: number, isToday = true): HTMLElement {
  const noMenu = t(isToday ? 'samples.noMenu' : 'samples.noMenuDay');
  if (!day.services.length) return h('p', { class: 'placeholder' }, noMenu);
  return h('div', { class: 'sample-services' }, day.services.map((s) => renderService(s, timeZone, now, noMenu)));
}

export interface SampleNav {
  el: HTMLElement;
  /** `shown`: the day on the board (null while not known); `today`: the site's today (null while not known). */
  update(shown: string | null, today: string | null): void;
}

/**
 * The board's "‹ 前一天 · 后一天 ›" buttons, and "今天" when another day is shown.
 * Built once and updated in place, so a click does not lose the keyboard focus.
 * "Next day" stops at today: later days have no samples yet.
 */
export function createSampleNav(go: (date: string) => void): SampleNav {
  let shown: string | null = null;
  let today: string | null = null;
  const button = (cls: string, onclick: () => void, ...label: Child[]): HTMLButtonElement =>
    h('button', { type: 'button', class: `day-button ${cls}`, onclick }, ...label);
  const prev = button('day-prev', () => shown && go(shiftDate(shown, -1)), h('span', { 'aria-hidden': 'true' }, '‹'), t('samples.prevDay'));
  const next = button('day-next', () => shown && go(shiftDate(shown, 1)), t('samples.nextDay'), h('span', { 'aria-hidden': 'true' }, '›'));
  const todayButton = button('day-today', () => today && go(today), t('samples.today'));
  const el = h('div', { class: 'day-nav', role: 'group', 'aria-label': t('samples.dayNav') }, prev, next, todayButton);
  const update = (s: string | null, td: string | null): void => {
    shown = s;
    today = td;
    prev.disabled = !shown;
    next.disabled = !shown || !today || shown >= today;
    const hadFocus = document.activeElement === todayButton;
    todayButton.hidden = !today || shown === today;
    if (hadFocus && todayButton.hidden) prev.focus(); // not lost to the page
  };
  update(null, null);
  return { el, update };
}

function rows(service: Service): Row[] {
  return [
    ...service.dishes.map((d) => ({ dish: d.dish, status: d.status, sample: d.sample, extra: false })),
    ...service.extra.map((s) => ({ dish: s.dish, status: s.status, sample: s, extra: true })),
  ];
}

function renderService(service: Service, timeZone: string, now: number, noMenu: string): HTMLElement {
  const list = rows(service);
  return h(
    'div',
    { class: 'sample-service' },
    h(
      'h3',
      { class: 'sample-meal' },
      t(`meal.${service.meal}`),
      h('span', { class: 'muted' }, t('samples.starts', { t: formatTime(service.startsAt, { timeZone, now }) })),
    ),
    list.length
      ? h(
          'table',
          { class: 'sample-table' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              h('th', { scope: 'col' }, t('samples.dish')),
              h('th', { scope: 'col', class: 'num' }, t('samples.weight')),
              h('th', { scope: 'col' }, t('samples.placed')),
              h('th', { scope: 'col' }, t('samples.retention')),
              h('th', { scope: 'col' }, t('samples.status')),
            ),
          ),
          h('tbody', null, list.map((r) => renderRow(r, timeZone, now))),
        )
      : h('p', { class: 'placeholder' }, noMenu),
  );
}

function renderRow(row: Row, timeZone: string, now: number): HTMLElement {
  const s = row.sample;
  const flagged = isFlagged(row.status);
  return h(
    'tr',
    { class: `sample-row tone-${sampleTone(row.status)}${flagged ? ' flagged' : ''}` },
    h('th', { scope: 'row', class: 'sample-dish' }, row.dish, row.extra ? h('span', { class: 'badge badge-extra' }, t('samples.extra')) : null),
    h('td', { class: 'num' }, formatWeight(s?.netWeightG)),
    h(
      'td',
      { class: 'sample-placed' },
      s ? [h('span', null, formatTime(s.placedAt, { timeZone, now })), h('span', { class: 'badge badge-person' }, s.placedBy)] : t('samples.noSample'),
    ),
    h('td', { class: 'sample-countdown' }, s && showsCountdown(row.status) ? retentionText(s.retentionEndsAt, now) : t('samples.noSample')),
    h('td', null, sampleChip(row.status)),
  );
}
