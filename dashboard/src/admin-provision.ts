// What the provisioning dialog shows once (contracts/registry.ts ProvisionedGateway): the
// gateway's MQTT login and a config to paste into it. The secret is never kept by the page:
// it lives only in the dialog, which is removed when closed.
import type { ProvisionedGateway } from '../../contracts/registry.ts';
import { isValidId } from '../../contracts/topics.ts';
import type { Checked } from './admin-sites.ts';

/** Shown when the server does not know the broker address the gateways reach. */
export const MQTT_URL_PLACEHOLDER = 'mqtt://<broker-host>:1883';

export function checkGatewayId(text: string): Checked<string> {
  const id = text.trim();
  return isValidId(id) ? { ok: true, value: id } : { ok: false, field: 'gatewayId', error: 'admin.err.gatewayId' };
}

/**
 * The gateway's settings (the keys of gateway/gateway.ts GatewayOptions). The broker takes the
 * gateway id as both MQTT client id and username and binds it to the topic prefix.
 */
export function gatewayConfig(p: ProvisionedGateway): string {
  const config = {
    kitchenId: p.kitchenId,
    gatewayId: p.gatewayId,
    mqttUrl: p.mqttUrl ?? MQTT_URL_PLACEHOLDER,
    username: p.username,
    secret: p.secret,
    topicPrefix: p.topicPrefix,
  };
  return JSON.stringify(config, null, 2);
}

/** The login lines to copy, one fact a line. */
export function credentialsText(p: ProvisionedGateway): string {
  return [`mqttUrl: ${p.mqttUrl ?? MQTT_URL_PLACEHOLDER}`, `username: ${p.username}`, `secret: ${p.secret}`, `topicPrefix: ${p.topicPrefix}`].join('\n');
}
