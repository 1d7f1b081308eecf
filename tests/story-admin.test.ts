// Administration in a real browser (Debian's Chromium): the administrator registers a site,
// provisions its gateway through the dialog and reads the secret off the page, and the secret
// is proven on the real broker by a real MQTT client; then a kitchen-staff account is created
// for the site, who logs in, lands on their kitchen and is kept out of the admin pages.
// Screenshots are kept in artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt, { type MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import type { Gateway, Kitchen } from '../contracts/api.ts';
import type { UserDto } from '../contracts/auth.ts';
import { upTopic } from '../contracts/topics.ts';
import { PASSWORD, startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';
import { ARTIFACTS, launchBrowser, logInThroughPage } from './fixtures/browser.ts';

const STAFF_PASSWORD = 'staff-pass-2026';
let stack: Stack;
let browser: Browser;
let gw: MqttClient | undefined;

const logIn = (username: string, password: string, viewport?: { width: number; height: number }): Promise<Page> =>
  logInThroughPage(browser, stack.httpUrl, username, password, viewport);

beforeAll(async () => {
  stack = await startStack({ kitchens: [testKitchen('k-old', '老站点')], dashboard: true });
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await gw?.endAsync();
  await browser?.close();
  await stack?.stop();
});

describe('administration: a new site, its gateway and its staff', () => {
  it('registers a site, provisions its gateway with a secret that works on the broker, and gives the site a staff account', async () => {
    const admin = await logIn('e2e-admin', PASSWORD, { width: 1024, height: 768 });

    await admin.click('.top-nav .nav-admin');
    await admin.click('.admin-card[data-section=sites]');
    await admin.click('.admin-new-site');
    await admin.fill('.site-create-form input[name=id]', 'k-adm');
    await admin.fill('.site-create-form input[name=name]', '晨光社区长者饭堂');
    await admin.selectOption('.site-create-form select[name=siteType]', '助餐点');
    await admin.fill('.site-create-form input[name=district]', '示范区');
    await admin.click('.site-create-form button[type=submit]');
    await admin.waitForSelector('.sites-table tr[data-kitchen-id="k-adm"] [data-licence]');
    const site = (await (await stack.fetch('/api/kitchens/k-adm')).json()) as Kitchen;
    expect(site).toMatchObject({ id: 'k-adm', name: '晨光社区长者饭堂', siteType: '助餐点', district: '示范区' });
    await admin.screenshot({ path: `${ARTIFACTS}/admin-sites.png` });

    await admin.goto(`${stack.httpUrl}/#/admin/devices?kitchen=k-adm`);
    await admin.click('.admin-provision');
    await admin.fill('.provision-form input[name=gatewayId]', 'gw-adm');
    await admin.click('.provision-form button[type=submit]');
    const secret = (await admin.textContent('.provision-dialog [data-field=secret]'))!.trim();
    expect(await admin.textContent('.provision-dialog [data-field=topicPrefix]')).toBe('kcw/v1/k-adm/gw-adm');
    expect(JSON.parse((await admin.textContent('.provision-dialog [data-field=config]'))!)).toMatchObject({ gatewayId: 'gw-adm', secret });
    await admin.screenshot({ path: `${ARTIFACTS}/admin-provisioned.png` });

    // The secret from the page logs the gateway in; a wrong one does not.
    await expect(mqtt.connectAsync(stack.mqttUrl, { clientId: 'gw-adm', username: 'gw-adm', password: `${secret}x`, reconnectPeriod: 0 }))
      .rejects.toThrow();
    gw = await mqtt.connectAsync(stack.mqttUrl, { clientId: 'gw-adm', username: 'gw-adm', password: secret, reconnectPeriod: 0 });
    await gw.publishAsync(upTopic({ kitchenId: 'k-adm', gatewayId: 'gw-adm' }, 'status'), JSON.stringify({ v: 1, state: 'online', devices: [] }), { qos: 1, retain: true });
    await eventually(async () => (await (await stack.fetch('/api/gateways?kitchen=k-adm')).json()) as Gateway[], (l) => l.some((g) => g.state === 'online'));
    await admin.click('.admin-secret-done');
    await admin.click('.admin-refresh');
    await admin.waitForSelector('.gateways-table tr[data-gateway-id="gw-adm"] [data-tone=ok]');

    await admin.goto(`${stack.httpUrl}/#/admin/users`);
    await admin.click('.admin-new-user:not([disabled])');
    await admin.fill('.user-create-form input[name=username]', 'adm-staff');
    await admin.fill('.user-create-form input[name=displayName]', '赵师傅');
    await admin.fill('.user-create-form input[name=password]', STAFF_PASSWORD);
    await admin.selectOption('.user-create-form select[name=role]', 'kitchen_staff');
    await admin.selectOption('.user-create-form select[name=kitchenId]', 'k-adm');
    await admin.click('.user-create-form button[type=submit]');
    await admin.waitForSelector('.users-table tr[data-username="adm-staff"]');
    const users = (await (await stack.fetch('/api/users')).json()) as UserDto[];
    expect(users.find((u) => u.username === 'adm-staff')).toMatchObject({ role: 'kitchen_staff', kitchenId: 'k-adm', disabled: false });
    await admin.screenshot({ path: `${ARTIFACTS}/admin-users.png` });
    await admin.close();

    const staff = await logIn('adm-staff', STAFF_PASSWORD, { width: 1024, height: 768 });
    await staff.waitForFunction(() => window.location.hash === '#/kitchen/k-adm');
    expect(await staff.$$('.nav-admin')).toHaveLength(0);
    await staff.goto(`${stack.httpUrl}/#/admin/users`);
    await staff.waitForSelector('.admin-no-access');
    expect(await staff.$$('.users-table')).toHaveLength(0);
    await staff.screenshot({ path: `${ARTIFACTS}/admin-no-access.png` });
    await staff.close();
  }, 150_000);
});
