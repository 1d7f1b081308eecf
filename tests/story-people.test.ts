// People in a real browser (Debian's Chromium): an inspector logs in through the login page
// and sees a live update arrive; the kitchen's staff log in on a tablet and take an alert
// from raised through acknowledged to resolved with a corrective action; the manager
// verifies and closes it. Each sees only their own. Screenshots are kept in artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import type { Alert } from '../contracts/api.ts';
import type { Reading } from '../contracts/payloads.ts';
import { upTopic } from '../contracts/topics.ts';
import { PASSWORD, startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';
import { ARTIFACTS, launchBrowser, logInThroughPage } from './fixtures/browser.ts';

const T0 = Date.now() - 30 * 60_000;
let stack: Stack;
let gw: MqttClient;
let browser: Browser;
let oid = 0;

async function publish(minute: number, temp: number, door = false) {
  oid++;
  const reading: Reading = { oid, device: 'chiller-1', kind: 'chiller', seq: oid, ts: T0 + minute * 60_000, temp, unit: 'Cel', door, defrost: false };
  await gw.publishAsync(upTopic({ kitchenId: 'k-ppl', gatewayId: 'gw-ppl' }, 'reading'), JSON.stringify({ v: 1, reading }), { qos: 1 });
}

const logIn = (username: string, viewport?: { width: number; height: number }): Promise<Page> =>
  logInThroughPage(browser, stack.httpUrl, username, PASSWORD, viewport);

const doorAlert = async () => (await (await stack.fetch('/api/alerts?kitchen=k-ppl')).json() as Alert[]).find((a) => a.ruleId === 'FS-DOOR');

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-ppl', '幸福里长者饭堂'), testKitchen('k-other', '和平长者饭堂')], dashboard: true, ruleTickMs: 200 });
  stack.server.accounts.upsertJurisdiction({ id: 'ppl-district', name: '示范区', level: 'district', parentId: null, videoRetentionDays: null });
  stack.server.accounts.linkKitchen('k-ppl', 'ppl-district');
  stack.server.accounts.linkKitchen('k-other', 'ppl-district');
  await stack.loginAs({ username: 'zhang-inspector', displayName: '张监管', role: 'inspector', jurisdictions: ['ppl-district'] });
  await stack.loginAs({ username: 'liu-staff', displayName: '刘师傅', role: 'kitchen_staff', kitchenId: 'k-ppl' });
  await stack.loginAs({ username: 'wang-manager', displayName: '王经理', role: 'kitchen_manager', kitchenId: 'k-ppl' });
  const secret = await stack.addGateway('k-ppl', 'gw-ppl');
  gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: 'gw-ppl', username: 'gw-ppl', password: secret });
  await gw.publishAsync(upTopic({ kitchenId: 'k-ppl', gatewayId: 'gw-ppl' }, 'status'), JSON.stringify({
    v: 1, state: 'online', devices: [{ device: 'chiller-1', kind: 'chiller', name: '冷藏柜 1', probe: 'buffered', reportIntervalS: 60 }],
  }), { qos: 1, retain: true });
  await publish(0, 3.2);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await gw?.endAsync();
  await stack?.stop();
});

describe('people: inspector and kitchen staff in the browser', () => {
  it('an inspector logs in, sees their district, and a live reading arrives without a reload', async () => {
    const page = await logIn('zhang-inspector');
    await page.waitForSelector('.kitchen-card');
    expect(await page.$$eval('.kitchen-card h3', (l) => l.map((e) => e.textContent))).toEqual(expect.arrayContaining(['幸福里长者饭堂', '和平长者饭堂']));
    await publish(1, 6.4);
    await page.waitForFunction(() => document.body.textContent?.includes('6.4'), null, { timeout: 15_000 });
    await page.screenshot({ path: `${ARTIFACTS}/people-inspector-district.png` });
    await page.close();
  });

  it('kitchen staff acknowledge and resolve an alert with a corrective action; the manager verifies and closes it', async () => {
    for (let m = 2; m <= 8; m++) await publish(m, 4.1, true); // the door stays open: FS-DOOR after 5 min
    const alert = await eventually(doorAlert, (a) => a !== undefined);

    const staff = await logIn('liu-staff', { width: 1024, height: 768 });
    await staff.waitForSelector(`.staff-alerts [data-alert-id="${alert!.id}"]`);
    expect(await staff.$$eval('.kitchen-card', (l) => l.length)).toBe(0); // their kitchen's page, not the district
    await staff.screenshot({ path: `${ARTIFACTS}/people-staff-open-alert.png` });
    await staff.click(`.staff-alerts [data-alert-id="${alert!.id}"] .alert-ack`);
    await eventually(doorAlert, (a) => a?.status === 'acknowledged');
    await staff.click(`.staff-alerts [data-alert-id="${alert!.id}"] .alert-resolve`);
    await staff.selectOption('form.resolve-form select[name=cause]', 'door');
    await staff.fill('form.resolve-form textarea[name=correctiveAction]', '关好冷藏柜门，检查门封条，复测温度 4 °C');
    await staff.selectOption('form.resolve-form select[name=disposition]', 'kept');
    await staff.fill('form.resolve-form input[name=reason]', '开门期间温度未超过 8 °C');
    await staff.screenshot({ path: `${ARTIFACTS}/people-staff-resolve-form.png` });
    await staff.click('form.resolve-form button[type=submit]');
    const resolved = await eventually(doorAlert, (a) => a?.status === 'resolved');
    expect(resolved).toMatchObject({
      acknowledgedBy: '刘师傅', resolvedBy: '刘师傅', cause: 'door', disposition: { kind: 'kept', reason: '开门期间温度未超过 8 °C' },
    });
    await staff.close();

    const manager = await logIn('wang-manager', { width: 1024, height: 768 });
    await manager.click(`.alert-item[data-alert-id="${alert!.id}"]`);
    await manager.click('.alert-close');
    await manager.fill('form.close-form textarea[name=note]', '已现场核实');
    await manager.click('form.close-form button[type=submit]');
    const closed = await eventually(doorAlert, (a) => a?.status === 'closed');
    expect(closed).toMatchObject({ closedBy: '王经理' });
    await manager.waitForSelector('.alert-history li[data-act="closed"]');
    expect(await manager.$$eval('.alert-history li[data-act]', (l) => l.map((e) => e.getAttribute('data-act'))))
      .toEqual(expect.arrayContaining(['raised', 'acknowledged', 'resolved', 'closed']));
    await manager.screenshot({ path: `${ARTIFACTS}/people-manager-closed.png` });
    await manager.close();
  }, 90_000);

  it('keeps the staff on their own kitchen: another kitchen is not found', async () => {
    const staff = await logIn('liu-staff', { width: 1024, height: 768 });
    await staff.goto(`${stack.httpUrl}/#/kitchen/k-other`);
    await staff.waitForFunction(() => document.body.textContent?.includes('未找到该饭堂')); // "no such kitchen"
    expect(await staff.textContent('body')).not.toContain('和平长者饭堂');
    expect(await (await stack.loginAs({ username: 'liu-check', role: 'kitchen_staff', kitchenId: 'k-ppl' })).fetch('/api/kitchens/k-other')
      .then((r) => r.status)).toBe(404);
    await staff.close();
  });
});
