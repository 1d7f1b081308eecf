// The inspector's district page in a real browser: it shows the kitchens and
// their units from the snapshot, then a new reading and a raised alert arrive
// live, without a reload. Screenshots are kept in artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { upTopic } from '../contracts/topics.ts';
import type { Reading } from '../contracts/payloads.ts';
import { startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { ARTIFACTS, launchBrowser } from './fixtures/browser.ts';

const GW = { kitchenId: 'k-web', gatewayId: 'gw-web' };
const T0 = Date.now() - 60 * 60_000;
let stack: Stack;
let gw: MqttClient;
let browser: Browser;
let page: Page;
let oid = 0;

async function publish(minute: number, temp: number, door = false) {
  oid++;
  const reading: Reading = { oid, device: 'chiller-1', kind: 'chiller', seq: oid, ts: T0 + minute * 60_000, temp, unit: 'Cel', door, defrost: false };
  await gw.publishAsync(upTopic(GW, 'reading'), JSON.stringify({ v: 1, reading }), { qos: 1 });
}

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-web', '幸福里长者饭堂')], dashboard: true });
  const secret = await stack.addGateway(GW.kitchenId, GW.gatewayId);
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: GW.gatewayId, username: GW.gatewayId, password: secret });
  await gw.publishAsync(upTopic(GW, 'status'), JSON.stringify({
    v: 1, state: 'online', devices: [{ device: 'chiller-1', kind: 'chiller', name: '冷藏柜 1', probe: 'buffered', reportIntervalS: 60 }],
  }), { qos: 1, retain: true });
  await publish(0, 3.4);
  browser = await launchBrowser();
  page = await stack.newPage(browser, { viewport: { width: 1440, height: 900 } });
});
afterAll(async () => {
  await browser?.close();
  await gw?.endAsync();
  await stack?.stop();
});

// A kitchen tile shows each unit's temperature in °C (the unit is written once, after the list).
const unitTemp = () => page.locator('.kitchen-card .unit-mini').first();

describe('dashboard, live', () => {
  it('shows the kitchen with its unit from the snapshot, in Chinese', async () => {
    await page.goto(stack.httpUrl);
    await page.getByText('幸福里长者饭堂').first().waitFor();
    await expect.poll(() => unitTemp().textContent()).toMatch(/^3\.4$/);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-district-snapshot.png` });
  });

  it('[FS-DOOR] shows a new reading and a raised alert as they arrive, without a reload', async () => {
    let loads = 0;
    page.on('load', () => loads++);
    await publish(1, 9.6, true);
    await expect.poll(() => unitTemp().textContent(), { timeout: 10_000 }).toMatch(/^9\.6$/);
    for (let m = 2; m <= 7; m++) await publish(m, 9.6, true); // door open past 5 min
    await page.getByText('FS-DOOR').first().waitFor({ timeout: 10_000 });
    expect(loads).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-district-live.png` });
  });
});
