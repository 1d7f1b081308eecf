// 通知设置: a kitchen's notification channels — its escalation chain (rule book section 6) —
// for its manager and administrators (channels:write): each channel's kind, target, steps,
// lowest severity, quiet hours and whether it is on; add, edit, delete, send a test; and the
// delivery record below. Nobody else sees this section.
import type { Kitchen } from '../../../contracts/api.ts';
import type { Me } from '../../../contracts/auth.ts';
import { CHANNEL_KINDS, NOTIFY_STEPS, type Channel, type Delivery } from '../../../contracts/notifications.ts';
import { ApiRequestError } from '../api.ts';
import { can } from '../auth.ts';
import { h, icon } from '../dom.ts';
import { DEFAULT_TIME_ZONE } from '../format.ts';
import { getLang, t, type Key } from '../i18n.ts';
import { ICONS } from '../icons.ts';
import { notifyApi } from '../notify-api.ts';
import { MIN_SEVERITIES, channelFields, quietText, readChannel, stepsText } from '../notify-view.ts';
import { severityChip } from './chips.ts';
import { deliveryChip, renderDeliveries } from './deliveries-list.ts';
import { field, openFormDialog, select, sendErrorText } from './form-dialog.ts';

const DELIVERIES_SHOWN = 20;
/** The record moves with the alerts; a slow poll keeps it current without a socket event of its own. */
const DELIVERIES_POLL_MS = 30_000;

export interface ChannelsPanel {
  el: HTMLElement;
  update(kitchen: Kitchen, now: number): void;
  destroy(): void;
}

export function createChannelsPanel(kitchenId: string, me: Me): ChannelsPanel {
  const abort = new AbortController();
  const allowed = can(me, 'channels:write');
  const mayChange = (c: Channel) => me.role === 'admin' || !c.steps.includes('escalated_inspector');
  const list = h('div', { class: 'ch-body' }, h('p', { class: 'placeholder' }, t('ch.loading')));
  const record = h('div', { class: 'dl-body' }, h('p', { class: 'placeholder' }, t('dl.loading')));
  const el = h(
    'section',
    { class: 'panel channels', id: 'channels', 'aria-labelledby': 'channels-title', hidden: true },
    h(
      'div',
      { class: 'section-head' },
      h('div', null, h('h2', { id: 'channels-title' }, t('ch.title')), h('p', { class: 'muted ch-hint' }, t('ch.hint'))),
      h('button', { type: 'button', class: 'btn btn-primary ch-add', onclick: () => openChannelForm(null) }, t('ch.add')),
    ),
    list,
    h('h3', { class: 'dl-title' }, t('dl.title')),
    record,
  );
  let channels: Channel[] | null = null;
  let deliveries: Delivery[] | null = null;
  let failure: string | null = null;
  const tests = new Map<number, HTMLElement>();
  let sig = '';
  let last: { kitchen: Kitchen; now: number } | null = null;
  const redraw = (): void => {
    if (last) panel.update(last.kitchen, last.now);
  };

  const loadChannels = (): void => {
    notifyApi.channels(kitchenId, abort.signal).then(
      (c) => {
        channels = c;
        failure = null;
        redraw();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        failure = err instanceof ApiRequestError ? err.message || err.code : t('reg.err.network');
        redraw();
      },
    );
  };
  const loadDeliveries = (): void => {
    notifyApi.deliveries(kitchenId, { limit: DELIVERIES_SHOWN }, abort.signal).then(
      (d) => {
        deliveries = d;
        redraw();
      },
      () => undefined, // keep the last record; the channels say what is wrong
    );
  };
  const reload = (): void => {
    loadChannels();
    loadDeliveries();
  };
  let poll: ReturnType<typeof setInterval> | undefined;
  if (allowed) {
    reload();
    poll = setInterval(loadDeliveries, DELIVERIES_POLL_MS);
  }

  const panel: ChannelsPanel = {
    el,
    update(kitchen, now) {
      last = { kitchen, now };
      if (!allowed) return;
      el.hidden = false;
      const zone = kitchen.timezone || DEFAULT_TIME_ZONE;
      const next = JSON.stringify([getLang(), channels, deliveries, failure, Math.floor(now / 60_000)]);
      if (next === sig) return;
      sig = next;
      if (failure && !channels) list.replaceChildren(h('p', { class: 'placeholder error' }, t('ch.error', { msg: failure })));
      else if (!channels) list.replaceChildren(h('p', { class: 'placeholder' }, t('ch.loading')));
      else if (!channels.length) list.replaceChildren(h('p', { class: 'placeholder' }, t('ch.empty')));
      else list.replaceChildren(h('ol', { class: 'ch-list' }, channels.map(renderChannel)));
      record.replaceChildren(deliveries ? renderDeliveries(deliveries, { timeZone: zone, now, withAlert: true }) : h('p', { class: 'placeholder' }, t('dl.loading')));
    },
    destroy() {
      abort.abort();
      clearInterval(poll);
    },
  };
  return panel;

  function renderChannel(c: Channel): HTMLElement {
    const result = tests.get(c.id) ?? h('span', { class: 'ch-test-result', role: 'status' });
    tests.set(c.id, result);
    const test = h('button', { type: 'button', class: 'btn btn-small ch-test', onclick: () => sendTest(c, test, result) }, t('ch.test'));
    return h(
      'li',
      { class: `ch-item${c.enabled ? '' : ' is-off'}`, 'data-channel-id': String(c.id) },
      h(
        'div',
        { class: 'ch-top' },
        h('span', { class: `chip ${c.enabled ? 'state-ok' : 'state-offline'}` }, icon(c.enabled ? ICONS.ok : ICONS.offline), t(c.enabled ? 'ch.on' : 'ch.off')),
        h('strong', { class: 'ch-name' }, c.name),
        h('span', { class: 'muted' }, t(`ch.kind.${c.kind}` satisfies Key)),
        c.hasSecret ? h('span', { class: 'badge ch-signed' }, t('ch.secretSet')) : null,
      ),
      h('div', { class: 'ch-target mono', title: c.target }, c.target),
      h(
        'dl',
        { class: 'ch-facts' },
        h('div', null, h('dt', null, t('ch.steps')), h('dd', null, stepsText(c.steps))),
        h('div', null, h('dt', null, t('ch.minSeverity')), h('dd', null, severityChip(c.minSeverity))),
        h('div', null, h('dt', null, t('ch.quiet')), h('dd', null, quietText(c.quietHours))),
      ),
      h(
        'div',
        { class: 'ch-actions' },
        test,
        // The regulator's channel (it hears the inspector-board step) is the administrators' to change.
        mayChange(c) ? h('button', { type: 'button', class: 'btn btn-small ch-edit', onclick: () => openChannelForm(c) }, t('ch.edit')) : null,
        mayChange(c) ? h('button', { type: 'button', class: 'btn btn-small ch-delete', onclick: () => confirmDelete(c) }, t('ch.delete')) : null,
        result,
      ),
    );
  }

  function sendTest(c: Channel, button: HTMLButtonElement, result: HTMLElement): void {
    button.disabled = true;
    result.replaceChildren(t('ch.testing'));
    notifyApi.testChannel(kitchenId, c.id, abort.signal).then(
      (d) => {
        button.disabled = false;
        result.replaceChildren(d && typeof d === 'object' && 'status' in d ? deliveryChip(d) : t('ch.testDone', { status: '' }));
        loadDeliveries();
      },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        button.disabled = false;
        result.replaceChildren(h('span', { class: 'form-error' }, sendErrorText(err)));
      },
    );
  }

  function confirmDelete(c: Channel): void {
    openFormDialog({
      title: t('ch.deleteConfirm', { name: c.name }),
      cls: 'ch-delete-form',
      fields: [],
      submitLabel: t('ch.delete'),
      read: () => ({ ok: true, value: c.id }),
      send: (id, signal) => notifyApi.deleteChannel(kitchenId, id, signal),
      done: reload,
    });
  }

  function openChannelForm(c: Channel | null): void {
    const f = channelFields(c);
    const kind = select('kind', CHANNEL_KINDS.map((k) => [k, t(`ch.kind.${k}` satisfies Key)]), f.kind);
    const name = h('input', { type: 'text', name: 'name', value: f.name, maxlength: 60, placeholder: t('ch.nameHint') });
    const target = h('input', { type: 'text', name: 'target', value: f.target, maxlength: 500, autocomplete: 'off', spellcheck: false });
    const targetField = field(t('ch.target.url'), target);
    const secret = h('input', { type: 'password', name: 'secret', maxlength: 200, autocomplete: 'new-password', placeholder: c?.hasSecret ? t('ch.secretKeep') : '' });
    const secretField = field(t('ch.secret'), secret);
    const steps = NOTIFY_STEPS.map((s) => h('input', { type: 'checkbox', name: 'steps', value: s, checked: f.steps.includes(s) }));
    const minSeverity = select('minSeverity', MIN_SEVERITIES.map((s) => [s, t(`severity.${s}`)]), f.minSeverity);
    const quietFrom = h('input', { type: 'time', name: 'quietFrom', value: f.quietFrom });
    const quietTo = h('input', { type: 'time', name: 'quietTo', value: f.quietTo });
    const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: f.enabled });
    // The target is a gateway's id for a gateway channel, a URL for the rest; only DingTalk signs.
    const syncKind = (): void => {
      targetField.querySelector('.form-label')!.textContent = t(kind.value === 'gateway' ? 'ch.target.gateway' : 'ch.target.url');
      secretField.hidden = kind.value !== 'dingtalk';
    };
    kind.addEventListener('change', syncKind);
    syncKind();
    openFormDialog({
      title: t(c ? 'ch.editTitle' : 'ch.addTitle'),
      cls: 'channel-form',
      fields: [
        h('div', { class: 'form-row' }, field(t('ch.kind'), kind), field(t('ch.name'), name)),
        targetField,
        secretField,
        h('fieldset', { class: 'form-checks' }, h('legend', null, t('ch.steps')), NOTIFY_STEPS.map((s, i) => h('label', { class: 'form-check' }, steps[i]!, t(`ch.step.${s}` satisfies Key)))),
        h('div', { class: 'form-row' }, field(t('ch.minSeverity'), minSeverity), field(`${t('ch.quiet')} · ${t('ch.quietFrom')}`, quietFrom), field(t('ch.quietTo'), quietTo)),
        h('label', { class: 'form-check' }, enabled, t('ch.enabled')),
      ],
      read: () =>
        readChannel({
          kind: kind.value, name: name.value, target: target.value, secret: secret.value, steps: steps.filter((s) => s.checked).map((s) => s.value),
          minSeverity: minSeverity.value, quietFrom: quietFrom.value, quietTo: quietTo.value, enabled: enabled.checked,
        }),
      send: (req, signal) => (c ? notifyApi.updateChannel(kitchenId, c.id, req, signal) : notifyApi.addChannel(kitchenId, req, signal)),
      done: reload,
    });
  }
}
