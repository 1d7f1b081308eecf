// [FS-OFFLINE] for a unit that was announced but never reports, judged on the
// server's (here manual) clock by the periodic rule tick.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { manualClock } from '../contracts/clock.ts';
import { upTopic } from '../contracts/topics.ts';
import type { Alert } from '../contracts/api.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const clock = manualClock(Date.UTC(2026, 10, 23, 5, 0, 0));
const GW = { kitchenId: 'k-off', gatewayId: 'gw-off' };
let stack: Stack;
let gw: MqttClient;

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-off')], clock, ruleTickMs: 50 });
  const secret = await stack.addGateway(GW.kitchenId, GW.gatewayId);
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: GW.gatewayId, username: GW.gatewayId, password: secret });
});
afterAll(async () => {
  await gw?.endAsync();
  await stack?.stop();
});

describe('never-reporting unit', () => {
  it('[FS-OFFLINE] raises for an announced unit that never sends a reading, after max(3 × interval, 30 min)', async () => {
    await gw.publishAsync(upTopic(GW, 'status'), JSON.stringify({
      v: 1, state: 'online', devices: [{ device: 'probe-x', kind: 'chiller', reportIntervalS: 60 }],
    }), { qos: 1, retain: true });
    const alerts = async () => (await (await stack.fetch(`/api/alerts?kitchen=k-off`)).json()) as Alert[];
    await eventually(async () => (await (await stack.fetch(`/api/kitchens/k-off/devices`)).json()) as unknown[], (d) => d.length === 1);
    // The exact on-delay is proven by the domain's table tests; here: the app ticks a unit it never heard from.
    const ticks = () => stack.server.metrics.registry.getSingleMetricAsString('kcw_alerts_raised_total');
    clock.advance(31 * 60_000);
    const raised = await eventually(alerts, (a) => a.length > 0);
    expect(raised).toMatchObject([{ deviceId: 'probe-x', ruleId: 'FS-OFFLINE', status: 'active' }]);
    expect(await ticks()).toContain('rule="FS-OFFLINE"} 1');
  });
});
