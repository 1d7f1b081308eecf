// Provisioning a gateway (POST /api/kitchens/{id}/gateways): the gateway id in, then its MQTT
// login out, shown ONCE: the server keeps only the secret's hash. The dialog warns so, offers
// copy buttons and a config to paste, and closes only by its button while the secret shows.
// Rotating an existing gateway's secret (rotate: true) goes straight to that answer.
import type { Kitchen } from '../../../../contracts/api.ts';
import type { ProvisionedGateway } from '../../../../contracts/registry.ts';
import { ApiRequestError } from '../../api.ts';
import { adminApi } from '../../admin-api.ts';
import { adminErrorText } from '../../admin-errors.ts';
import { checkGatewayId, credentialsText, gatewayConfig, MQTT_URL_PLACEHOLDER } from '../../admin-provision.ts';
import { h, icon } from '../../dom.ts';
import { t } from '../../i18n.ts';
import { ICONS } from '../../icons.ts';
import { confirmDialog, openAdminDialog, type AdminDialog } from './admin-dialog.ts';
import { clearErrors, errorLine, field, formActions, input, showCheck, showError } from './fields.ts';
import { copyButton } from './copy.ts';

export interface ProvisionOptions {
  kitchen: Pick<Kitchen, 'id' | 'name'>;
  /** Told after a gateway was provisioned or its secret replaced. */
  onProvisioned(p: ProvisionedGateway): void;
}

/** Asks first: the old secret stops working at once, and the gateway is offline until reconfigured. */
export async function rotateGatewaySecret(opts: ProvisionOptions, gatewayId: string): Promise<void> {
  const yes = await confirmDialog({
    title: t('admin.gw.rotateTitle', { id: gatewayId }),
    message: t('admin.gw.rotateWarning', { id: gatewayId }),
    confirmLabel: t('admin.gw.rotateConfirm'),
    danger: true,
  });
  if (!yes) return;
  const d = openAdminDialog('provision-dialog', t('admin.gw.rotateTitle', { id: gatewayId }), h('p', { class: 'muted' }, t('admin.working')));
  try {
    showSecret(d, await adminApi.provisionGateway(opts.kitchen.id, { gatewayId, rotate: true }), opts);
  } catch (err) {
    d.body.replaceChildren(h('p', { class: 'form-error', role: 'alert' }, adminErrorText(err)));
  }
}

export function openProvisionDialog(opts: ProvisionOptions): void {
  const d = openAdminDialog('provision-dialog', t('admin.gw.provisionTitle', { name: opts.kitchen.name }));
  const gatewayId = input('gatewayId', { maxlength: 64, required: true, autocapitalize: 'none', placeholder: 'gw-01' });
  const error = errorLine();
  const rotateInstead = h('button', { type: 'button', class: 'btn admin-rotate-instead', hidden: true }, t('admin.gw.rotateInstead'));
  const actions = formActions(t('admin.gw.provision'), d.close, error);
  error.after(rotateInstead); // the way out of `gateway_exists`, right under what it answers
  const form = h(
    'form',
    { class: 'admin-form provision-form', novalidate: true },
    h('p', { class: 'muted admin-form-note' }, t('admin.gw.provisionNote', { id: opts.kitchen.id })),
    field(t('admin.gw.id'), gatewayId, { required: true, hint: t('admin.hint.id') }),
    actions.el,
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearErrors(form, error);
    rotateInstead.hidden = true;
    const checked = checkGatewayId(gatewayId.value);
    if (!checked.ok) return showCheck(form, error, checked);
    actions.submit.disabled = true;
    adminApi.provisionGateway(opts.kitchen.id, { gatewayId: checked.value }).then(
      (p) => showSecret(d, p, opts),
      (err: unknown) => {
        actions.submit.disabled = false;
        showError(error, adminErrorText(err));
        // Taken in this kitchen: replacing its secret may be what was meant (the server says which).
        rotateInstead.hidden = !(err instanceof ApiRequestError && err.code === 'gateway_exists');
      },
    );
  });
  rotateInstead.addEventListener('click', () => {
    d.close();
    void rotateGatewaySecret(opts, gatewayId.value.trim());
  });
  d.body.append(form);
  gatewayId.focus();
}

/** One fact of the login: its name, its value in a fixed-width face. */
function fact(name: string, key: string, value: string): HTMLElement[] {
  return [h('dt', null, name), h('dd', null, h('code', { class: 'admin-code secret-value', 'data-field': key }, value))];
}

function showSecret(d: AdminDialog, p: ProvisionedGateway, opts: ProvisionOptions): void {
  opts.onProvisioned(p);
  d.setSticky(true);
  const secret = h('code', { class: 'admin-code secret-value secret-main', 'data-field': 'secret' }, p.secret);
  const config = h('pre', { class: 'gateway-config', 'data-field': 'config' }, gatewayConfig(p));
  const done = h('button', { type: 'button', class: 'btn btn-big btn-primary admin-secret-done', onclick: () => d.close() }, t('admin.gw.saved'));
  d.body.replaceChildren(
    h('div', { class: 'secret-warning', role: 'alert' }, icon(ICONS.warning), h('div', null, h('strong', null, t('admin.gw.onceTitle')), h('p', null, t('admin.gw.onceText')))),
    h(
      'dl',
      { class: 'secret-facts' },
      fact(t('admin.gw.mqttUrl'), 'mqttUrl', p.mqttUrl ?? MQTT_URL_PLACEHOLDER),
      fact(t('admin.gw.username'), 'username', p.username),
      h('dt', null, t('admin.gw.secret')),
      h('dd', { class: 'secret-row' }, secret, copyButton(t('admin.gw.copySecret'), () => p.secret, secret)),
      fact(t('admin.gw.topicPrefix'), 'topicPrefix', p.topicPrefix),
    ),
    ...(p.mqttUrl ? [] : [h('p', { class: 'muted' }, t('admin.gw.noUrl'))]),
    h('div', { class: 'secret-config-head' }, h('h3', null, t('admin.gw.config')), copyButton(t('admin.gw.copyConfig'), () => gatewayConfig(p), config)),
    h('p', { class: 'muted admin-form-note' }, t('admin.gw.configNote')),
    config,
    h('div', { class: 'form-actions' }, copyButton(t('admin.gw.copyAll'), () => credentialsText(p)), done),
  );
  done.focus();
}
