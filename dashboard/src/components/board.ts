// The 督办 board (rule book section 6): alerts escalated to the inspector — critical and
// unresolved after 4 h, or at the site's day end — critical first, each with how long it has
// lasted and its kitchen, and one click to the alert on its kitchen's page.
import type { Alert } from '../../../contracts/api.ts';
import { h, patchKeyed } from '../dom.ts';
import { DEFAULT_TIME_ZONE, formatTime } from '../format.ts';
import { getLang, ruleName, t } from '../i18n.ts';
import { durationText } from '../inspector-home.ts';
import { kitchenHref } from '../route.ts';
import type { State } from '../store.ts';
import { severityChip, statusChip } from './chips.ts';
import { alertSubjectName } from './kitchen-card.ts';

/** The kitchen page, opening this alert's detail (the page reads `?alert=`). */
export const alertHref = (a: Pick<Alert, 'kitchenId' | 'id'>): string => `${kitchenHref(a.kitchenId)}?alert=${a.id}`;

export interface Board {
  el: HTMLElement;
  update(alerts: readonly Alert[], state: State, now: number): void;
}

export function createBoard(): Board {
  const count = h('span', { class: 'count-pill' });
  const list = h('ol', { class: 'board-list' });
  const empty = h('p', { class: 'board-empty muted' }, t('home.board.empty'));
  const el = h(
    'section',
    { class: 'panel board', 'aria-labelledby': 'board-title' },
    h('div', { class: 'section-head' }, h('h2', { id: 'board-title' }, t('home.board.title'), ' ', count), h('span', { class: 'muted board-hint' }, t('home.board.hint'))),
    empty,
    list,
  );
  return {
    el,
    update(alerts, state, now) {
      count.textContent = String(alerts.length);
      el.classList.toggle('has-items', alerts.length > 0);
      empty.hidden = alerts.length > 0;
      const ctx = (a: Alert) => {
        const kitchen = state.kitchens.get(a.kitchenId);
        return { kitchen: kitchen?.name ?? a.kitchenId, subject: alertSubjectName(state, a), zone: kitchen?.timezone || DEFAULT_TIME_ZONE };
      };
      patchKeyed(
        list,
        alerts,
        (a) => String(a.id),
        (a) => JSON.stringify([getLang(), a, ctx(a), durationText(now - Date.parse(a.firstOutAt))]),
        (a) => renderItem(a, ctx(a), now),
      );
    },
  };
}

function renderItem(a: Alert, c: { kitchen: string; subject: string; zone: string }, now: number): HTMLElement {
  return h(
    'li',
    { class: `board-item sev-${a.severity}`, 'data-alert-id': String(a.id) },
    h(
      'a',
      { class: 'board-link', href: alertHref(a), 'aria-label': `${t('home.board.open')}: ${c.kitchen} · ${ruleName(a.ruleId)}` },
      h('span', { class: 'board-sev' }, severityChip(a.severity)),
      h(
        'span',
        { class: 'board-main' },
        h('span', { class: 'board-kitchen' }, c.kitchen),
        h('span', { class: 'board-what' }, h('strong', null, ruleName(a.ruleId)), ' · ', c.subject),
      ),
      h(
        'span',
        { class: 'board-when' },
        h('strong', { class: 'board-age' }, t('home.board.for', { d: durationText(now - Date.parse(a.firstOutAt)) })),
        a.escalatedAt ? h('span', { class: 'muted' }, t('home.board.since', { t: formatTime(a.escalatedAt, { timeZone: c.zone, now }) })) : null,
      ),
      statusChip(a.status),
    ),
  );
}
