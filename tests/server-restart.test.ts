// Rule state survives a server restart: an excursion that began before the
// restart raises its alarm after it, on time, with its original start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import { gatewayDownFilter, upTopic } from '../contracts/topics.ts';
import type { Alert } from '../contracts/api.ts';
import type { Reading } from '../contracts/payloads.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const GW = { kitchenId: 'k-rs', gatewayId: 'gw-rs' };
const T0 = Date.UTC(2026, 10, 23, 4, 0, 0);
let stack: Stack;
let gw: MqttClient;
let oid = 0;

async function publishMinutes(fromMin: number, toMin: number, temp: number) {
  const readings: Reading[] = [];
  for (let m = fromMin; m <= toMin; m++) {
    oid++;
    readings.push({ oid, device: 'chiller-1', kind: 'chiller', seq: oid, ts: T0 + m * 60_000, temp, unit: 'Cel', door: false, defrost: false });
  }
  await gw.publishAsync(upTopic(GW, 'batch'), JSON.stringify({ v: 1, readings }), { qos: 1 });
  await eventually(() => stack.countReadings(`WHERE kitchen = 'k-rs'`), (n) => n === oid);
}

const alerts = async () => (await (await stack.fetch(`/api/alerts?kitchen=k-rs`)).json()) as Alert[];

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-rs')] });
  const secret = await stack.addGateway(GW.kitchenId, GW.gatewayId);
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: GW.gatewayId, username: GW.gatewayId, password: secret });
  await gw.subscribeAsync(gatewayDownFilter(GW), { qos: 1 });
  // A buffered probe: FS-COLD-ALARM's on-delay is 15 min.
  await gw.publishAsync(upTopic(GW, 'status'), JSON.stringify({
    v: 1, state: 'online', devices: [{ device: 'chiller-1', kind: 'chiller', probe: 'buffered', reportIntervalS: 60 }],
  }), { qos: 1, retain: true });
  await eventually(async () => (await (await stack.fetch(`/api/kitchens/k-rs/devices`)).json()) as unknown[], (d) => d.length === 1);
});
afterAll(async () => {
  await gw?.endAsync();
  await stack?.stop();
});

describe('server restart', () => {
  it('[FS-COLD-ALARM] keeps an on-delay running across a restart and raises on time', async () => {
    await publishMinutes(0, 2, 4);
    await publishMinutes(3, 12, 9.5); // out of range from minute 3; 9 of the 15 min on-delay pass
    expect(await alerts()).toEqual([]);
    await stack.restartServer();
    await publishMinutes(13, 17, 9.6); // minute 18 reaches 15 min out of range
    expect(await alerts()).toEqual([]);
    await publishMinutes(18, 19, 9.7);
    const raised = await eventually(alerts, (a) => a.some((x) => x.ruleId === 'FS-COLD-ALARM'));
    const alarm = raised.find((x) => x.ruleId === 'FS-COLD-ALARM')!;
    expect(alarm.firstOutAt).toBe(new Date(T0 + 3 * 60_000).toISOString());
    expect(alarm.raisedAt).toBe(new Date(T0 + 18 * 60_000).toISOString());
  });
});
