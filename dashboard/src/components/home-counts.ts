// The inspector home's headline numbers: kitchens by their worst state, open alerts by
// severity, alerts on the inspector's board, and registry reminders due. Each problem count
// says what it is in words and with an icon, never by colour alone.
import { h, icon } from '../dom.ts';
import { t } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { ALERT_SEVERITIES, TILE_STATES, type HomeCounts } from '../inspector-home.ts';
import { severityChip } from './chips.ts';
import { stateCountChip } from './kitchen-tiles.ts';

/** `null` before the first snapshot: dashes, not zeros that would look like an all-clear. */
export function renderHomeCounts(c: HomeCounts | null): HTMLElement {
  const dash = '—';
  const alerts = c ? ALERT_SEVERITIES.reduce((n, s) => n + c.bySeverity[s], 0) : null;
  const stateChips = c ? TILE_STATES.filter((s) => c.byState[s] > 0).map((s) => stateCountChip(s, c.byState[s])) : [];
  const severityChips = c
    ? ALERT_SEVERITIES.filter((s) => c.bySeverity[s] > 0).map((s) => {
        const chip = severityChip(s);
        chip.append(` ${c.bySeverity[s]}`);
        return chip;
      })
    : [];
  return h(
    'dl',
    { class: 'home-counts' },
    tile('kitchens', t('home.count.kitchens'), c ? c.kitchens : dash, stateChips, null),
    tile(alerts ? 'alerts has-some' : 'alerts', t('home.count.alerts'), alerts ?? dash, severityChips, alerts === 0 ? t('home.count.none') : null),
    tile(c?.board ? 'board has-some' : 'board', t('home.count.board'), c ? c.board : dash, c?.board ? [h('span', { class: 'chip state-critical' }, icon(ICONS.bell), t('home.count.boardNote'))] : [], c && !c.board ? t('home.count.none') : null),
    tile(c?.reminders ? 'reminders has-some' : 'reminders', t('home.count.reminders'), c?.reminders ?? dash, [], t('home.count.remindersNote')),
  );
}

function tile(kind: string, label: string, value: number | string, chips: HTMLElement[], note: string | null): HTMLElement {
  return h(
    'div',
    { class: `home-count count-${kind}` },
    h('dt', null, label),
    h('dd', null, h('span', { class: 'home-count-value' }, String(value)), chips.length ? h('span', { class: 'home-count-chips' }, chips) : null, note ? h('span', { class: 'home-count-note muted' }, note) : null),
  );
}
