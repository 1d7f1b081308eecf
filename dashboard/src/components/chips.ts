// Small labelled markers: a state or severity always carries an icon and a word, not colour alone.
import type { AlertStatus, LatestReading, Severity, UnitState } from '../../../contracts/api.ts';
import { h, icon } from '../dom.ts';
import { ICONS } from '../icons.ts';
import { t } from '../i18n.ts';

export function stateChip(state: UnitState): HTMLElement {
  return h('span', { class: `chip state-${state}` }, icon(ICONS[state]), t(`state.${state}`));
}

export function severityChip(severity: Severity): HTMLElement {
  return h('span', { class: `chip state-${severity}` }, icon(ICONS[severity]), t(`severity.${severity}`));
}

export function statusChip(status: AlertStatus): HTMLElement {
  return h('span', { class: `status status-${status}` }, t(`status.${status}`));
}

/** Door-open and defrost badges; nothing when neither is set. */
export function readingBadges(reading: LatestReading | undefined): HTMLElement[] {
  if (!reading) return [];
  const out: HTMLElement[] = [];
  if (reading.door) out.push(h('span', { class: 'badge badge-door' }, icon(ICONS.door), t('badge.door')));
  if (reading.defrost) out.push(h('span', { class: 'badge badge-defrost' }, icon(ICONS.defrost), t('badge.defrost')));
  return out;
}
