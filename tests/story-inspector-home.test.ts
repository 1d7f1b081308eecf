// The inspector's home in a real browser (Debian's Chromium): the counts, the kitchen with an
// open critical alert first in the grid, the 督办 board filling live once the escalation check
// puts the alert on it, one click from the board to the alert on its kitchen's page, and the
// kitchen's registry there. Then the kitchen's own staff hear the buzzer once sound is enabled.
// Screenshots are kept in artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Alert } from '../contracts/api.ts';
import { PASSWORD, startStack, testKitchen, type Stack } from './fixtures/stack.ts';
import { ARTIFACTS, launchBrowser, logInThroughPage } from './fixtures/browser.ts';

const HOUR = 3_600_000;
let stack: Stack;
let browser: Browser;
let critical: Alert;

const logIn = (username: string, viewport?: { width: number; height: number }): Promise<Page> =>
  logInThroughPage(browser, stack.httpUrl, username, PASSWORD, viewport);

beforeAll(async () => {
  stack = await startStack({
    kitchens: [testKitchen('k-calm', '安康长者饭堂'), testKitchen('k-crit', '春晖长者饭堂'), testKitchen('k-also', '百合长者饭堂')],
    dashboard: true,
    // The test runs the escalation check itself, when it wants the board to fill.
    server: { escalationCheckMs: HOUR },
  });
  stack.server.accounts.upsertJurisdiction({ id: 'home-district', name: '示范区', level: 'district', parentId: null, videoRetentionDays: null });
  for (const k of ['k-calm', 'k-crit', 'k-also']) stack.server.accounts.linkKitchen(k, 'home-district');
  await stack.loginAs({ username: 'li-inspector', displayName: '李监管', role: 'inspector', jurisdictions: ['home-district'] });
  await stack.loginAs({ username: 'chen-staff', displayName: '陈师傅', role: 'kitchen_staff', kitchenId: 'k-crit' });
  const put = await stack.fetch('/api/kitchens/k-crit/registry', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteNumber: 'ZC-310104-088', licenceNumber: 'JY13101040088001', licenceExpiresOn: '2030-06-30', riskGrade: 'B', lat: 31.18, lng: 121.42 }),
  });
  expect(put.status).toBe(200);
  // A critical cold-chain alert raised 5 h ago and still unresolved: due for the inspector's board.
  const at = Date.now() - 5 * HOUR;
  critical = stack.server.alerts.raise({
    kitchenId: 'k-crit', deviceId: 'chiller-1', ruleId: 'FS-COLD-CRIT', severity: 'critical', profile: 'CN-GB31654',
    message: 'chilled critically warm', firstOutAt: at, raisedAt: at, value: 13.4, storedAt: at,
  }).alert;
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

describe('the inspector home', () => {
  it('shows the counts and the kitchen with an open critical alert first; the board fills once the alert is escalated; one click opens it and the kitchen shows its registry', async () => {
    const page = await logIn('li-inspector');
    await page.waitForSelector('.tile-grid .tile');
    expect(await page.textContent('.count-kitchens .home-count-value')).toBe('3');
    expect(await page.textContent('.count-board .home-count-value')).toBe('0');
    const first = await page.$eval('.tile-grid .tile', (el) => [el.getAttribute('data-kitchen-id'), el.getAttribute('data-state')]);
    expect(first).toEqual(['k-crit', 'critical']);
    expect(await page.textContent('.tile-grid .tile .chip')).toContain('严重'); // the state in words, not colour alone

    expect(stack.server.escalation.tick().map((a) => [a.id, a.escalatedTo])).toContainEqual([critical.id, 'inspector']);
    await page.waitForSelector(`.board-item[data-alert-id="${critical.id}"]`); // live, without a reload
    expect(await page.textContent('.count-board .home-count-value')).toBe('1');
    expect(await page.textContent('.board-item .board-kitchen')).toBe('春晖长者饭堂');
    await page.screenshot({ path: `${ARTIFACTS}/inspector-home-board.png` });

    await page.click(`.board-item[data-alert-id="${critical.id}"] a`);
    await page.waitForSelector(`dialog.alert-dialog[data-alert-id="${critical.id}"] .alert-detail-escalation`);
    expect(await page.textContent('dialog.alert-dialog .alert-detail-escalation')).toContain('已上报监管督办');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.registry .reg-facts');
    expect(await page.textContent('.registry .reg-site-number')).toContain('ZC-310104-088');
    expect(await page.textContent('.registry .reg-licence')).toContain('JY13101040088001');
    expect(await page.textContent('.registry .reg-risk')).toContain('B');
    await page.screenshot({ path: `${ARTIFACTS}/inspector-home-kitchen-registry.png`, fullPage: true });
    await page.close();
  }, 60_000);

  it("sounds the kitchen's buzzer for its unacknowledged critical alert once the staff enable sound", async () => {
    const staff = await logIn('chen-staff', { width: 1024, height: 768 });
    await staff.waitForSelector('.sound-control');
    // A fresh page has had no gesture since it loaded: the browser keeps audio off until one.
    if (await staff.$('.sound-control.is-locked')) await staff.click('.sound-control .sound-btn');
    await staff.waitForFunction(() => (window.__kcwBeeps ?? 0) >= 1, null, { timeout: 10_000 });
    expect(await staff.$('.sound-control.is-sounding')).not.toBeNull();
    await staff.screenshot({ path: `${ARTIFACTS}/inspector-home-staff-sound.png` });
    await staff.close();
  }, 30_000);
});
