import { describe, expect, it } from 'vitest';
import type { ProvisionedGateway } from '../../contracts/registry.ts';
import { checkGatewayId, credentialsText, gatewayConfig, MQTT_URL_PLACEHOLDER } from './admin-provision.ts';

const p: ProvisionedGateway = {
  kitchenId: 'k-new', gatewayId: 'gw-01', username: 'gw-01', secret: 's3cret-once', mqttUrl: 'mqtt://broker.example:1883', topicPrefix: 'kcw/v1/k-new/gw-01',
};

describe('what the provisioning dialog shows once', () => {
  it('gives the gateway a config with its login and prefix', () => {
    expect(JSON.parse(gatewayConfig(p))).toEqual({
      kitchenId: 'k-new', gatewayId: 'gw-01', mqttUrl: 'mqtt://broker.example:1883', username: 'gw-01', secret: 's3cret-once', topicPrefix: 'kcw/v1/k-new/gw-01',
    });
    expect(credentialsText(p).split('\n')).toEqual([
      'mqttUrl: mqtt://broker.example:1883', 'username: gw-01', 'secret: s3cret-once', 'topicPrefix: kcw/v1/k-new/gw-01',
    ]);
  });

  it('puts a placeholder where the server knows no broker address', () => {
    expect(JSON.parse(gatewayConfig({ ...p, mqttUrl: null })).mqttUrl).toBe(MQTT_URL_PLACEHOLDER);
    expect(credentialsText({ ...p, mqttUrl: null })).toContain(MQTT_URL_PLACEHOLDER);
  });

  it('takes a gateway id that can live in a topic', () => {
    expect(checkGatewayId(' gw_01 ')).toEqual({ ok: true, value: 'gw_01' });
    expect(checkGatewayId('gw/01')).toMatchObject({ ok: false, field: 'gatewayId' });
    expect(checkGatewayId('gw+')).toMatchObject({ ok: false });
    expect(checkGatewayId('')).toMatchObject({ ok: false });
  });
});
