// Registry reminders (rule book sections 3 and 8: FS-REG-LICENCE, FS-REG-HEALTH-CERT,
// FS-CAL-DUE): what lapses soon or has lapsed, with the days left in words and its state as an
// icon and a word. On the home each links to its kitchen; on the kitchen page it stands alone.
import type { Reminder } from '../../../contracts/registry.ts';
import { h, icon } from '../dom.ts';
import { t, type Key } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { sortReminders } from '../inspector-home.ts';
import { EXPIRY_LABEL, daysLeftText, type ExpiryState } from '../registry-view.ts';
import { kitchenHref } from '../route.ts';

type Listed = Reminder & { kitchenId?: string; kitchenName?: string };

/** A reminder is due by definition; lapsed once its day has passed, missing when nothing is on file. */
export function reminderState(r: Pick<Reminder, 'daysLeft' | 'dueOn'>): ExpiryState {
  if (r.daysLeft === null) return 'missing';
  return r.daysLeft < 0 ? 'lapsed' : 'due';
}

const EXPIRY_ICON: Readonly<Record<ExpiryState, keyof typeof ICONS>> = { missing: 'unknown', lapsed: 'alarm', due: 'reminder', ok: 'ok' };

/** An expiry's state as a chip: icon and word. */
export function expiryChip(state: ExpiryState): HTMLElement {
  return h('span', { class: `chip exp-${state}` }, icon(ICONS[EXPIRY_ICON[state]]), t(EXPIRY_LABEL[state]));
}

export function renderReminders(list: readonly Listed[], opts: { withKitchen: boolean; max?: number }): HTMLElement {
  if (!list.length) return h('p', { class: 'placeholder reminders-empty' }, t('home.reminders.empty'));
  const sorted = sortReminders(list);
  const shown = opts.max ? sorted.slice(0, opts.max) : sorted;
  const items = shown.map((r) => {
    const state = reminderState(r);
    const kind = t(`reg.kind.${r.kind}` satisfies Key);
    // The licence is its own subject: its name would only repeat the kind.
    const what = [opts.withKitchen ? r.kitchenName : null, r.subjectName === kind ? null : r.subjectName].filter((x): x is string => !!x);
    const body = [
      h(
        'span',
        { class: 'reminder-top' },
        h('span', { class: 'reminder-kind' }, kind),
        // The days left say the state in words ("已过期 3 天", "剩 12 天", "未登记"), with its icon.
        h('strong', { class: `reminder-days days-${state}` }, icon(ICONS[EXPIRY_ICON[state]]), daysLeftText(r.daysLeft)),
      ),
      h('span', { class: 'reminder-what' }, what.join(' · '), r.dueOn ? h('span', { class: 'muted' }, `${what.length ? ' · ' : ''}${r.dueOn}`) : null),
    ];
    const attrs = { class: `reminder exp-${state}`, 'data-rule': r.ruleId };
    return opts.withKitchen && r.kitchenId ? h('li', attrs, h('a', { class: 'reminder-link', href: kitchenHref(r.kitchenId) }, body)) : h('li', attrs, body);
  });
  const more = sorted.length - shown.length;
  return h('div', null, h('ol', { class: 'reminder-list' }, items), more > 0 ? h('p', { class: 'muted reminders-more' }, t('home.reminders.more', { n: more })) : null);
}
