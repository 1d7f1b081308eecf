// The delivery record (rule book section 6): every attempt to tell a channel about an alert's
// step — its status as an icon and a word, the attempts, the last error, when it was sent or
// will be tried again. On the kitchen's settings and in an alert's detail.
import type { Delivery } from '../../../contracts/notifications.ts';
import { h, icon } from '../dom.ts';
import { formatTime } from '../format.ts';
import { t, type Key } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { DELIVERY_TONE, deliveryStatusText, newestDeliveries } from '../notify-view.ts';

const TONE_ICON = { ok: ICONS.ok, warning: ICONS.warning, alarm: ICONS.alarm, unknown: ICONS.reminder } as const;

export function deliveryChip(d: Pick<Delivery, 'status'>): HTMLElement {
  const tone = DELIVERY_TONE[d.status];
  return h('span', { class: `chip dl-chip state-${tone}` }, icon(TONE_ICON[tone]), deliveryStatusText(d.status));
}

export interface DeliveriesOptions {
  timeZone: string;
  now: number;
  /** On the kitchen's record each line names its alert; in an alert's detail it need not. */
  withAlert: boolean;
}

export function renderDeliveries(list: readonly Delivery[], opts: DeliveriesOptions): HTMLElement {
  if (!list.length) return h('p', { class: 'placeholder dl-empty' }, t('dl.empty'));
  const time = (iso: string): string => formatTime(iso, { timeZone: opts.timeZone, now: opts.now });
  return h(
    'ol',
    { class: 'dl-list' },
    newestDeliveries(list).map((d) =>
      h(
        'li',
        { class: `dl-item dl-status-${d.status}`, 'data-delivery-id': String(d.id) },
        h(
          'div',
          { class: 'dl-top' },
          deliveryChip(d),
          h('strong', { class: 'dl-channel' }, d.channelName),
          h('span', { class: 'muted' }, t(`ch.kind.${d.channelKind}` satisfies Key)),
          h('time', { class: 'dl-time muted', datetime: d.createdAt }, time(d.createdAt)),
        ),
        h(
          'div',
          { class: 'dl-facts muted' },
          opts.withAlert ? h('span', null, d.alertId > 0 ? t('dl.alert', { id: d.alertId }) : t('dl.test')) : null,
          h('span', null, t(`ch.step.${d.step}` satisfies Key)),
          h('span', null, t('dl.attempts', { n: d.attempts })),
          d.sentAt ? h('span', null, t('dl.sentAt', { t: time(d.sentAt) })) : null,
          d.nextAttemptAt && d.status !== 'sent' ? h('span', null, t('dl.next', { t: time(d.nextAttemptAt) })) : null,
        ),
        d.lastError && d.status !== 'sent' ? h('p', { class: 'dl-error' }, t('dl.error.last', { msg: d.lastError })) : null,
      ),
    ),
  );
}
