// How far an alert has been escalated (rule book section 6): to the site manager after 15 min
// unacknowledged, to the inspector's board when critical and unresolved after 4 h or at the
// day end. A badge on alert items, a line in the alert's detail; always a word, not colour alone.
import type { Alert } from '../../../contracts/api.ts';
import { h, icon } from '../dom.ts';
import { formatTime } from '../format.ts';
import { t } from '../i18n.ts';
import { ICONS } from '../icons.ts';

/** Escalation matters while the alert is open; a closed alert's badge would only be noise. */
export function escalationBadge(alert: Pick<Alert, 'escalatedTo' | 'status'>): HTMLElement | null {
  if (!alert.escalatedTo || alert.status === 'closed') return null;
  return h('span', { class: `esc-badge esc-${alert.escalatedTo}` }, icon(ICONS.bell), t(`esc.badge.${alert.escalatedTo}`));
}

/** "已上报监管督办（14:05）", or null when it has not been escalated. */
export function escalationLine(alert: Pick<Alert, 'escalatedTo' | 'escalatedAt'>, timeZone: string, now: number): HTMLElement | null {
  if (!alert.escalatedTo) return null;
  const what = t(alert.escalatedTo === 'inspector' ? 'esc.inspector' : 'esc.manager');
  const text = alert.escalatedAt ? t('esc.at', { what, t: formatTime(alert.escalatedAt, { timeZone, now }) }) : what;
  return h('p', { class: `alert-detail-escalation esc-line-${alert.escalatedTo}` }, h('span', { class: `esc-badge esc-${alert.escalatedTo}` }, icon(ICONS.bell)), text);
}
