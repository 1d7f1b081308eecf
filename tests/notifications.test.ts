// A site's escalation chain on real parts (issue 5): a freezer door left open in a simulated
// kitchen raises FS-DOOR through a real gateway, broker and server; the kitchen's gateway channel
// sends `notify` back down to that gateway, whose display shows it, and the delivery is recorded
// sent once the gateway replied. Unacknowledged 15 min later it is escalated to the manager: the
// display shows that too and the history says so. And the channels' REST is scope-checked, and a
// channel cannot be made a way into the server's own network (SSRF), a signing secret does not
// follow a channel pointed elsewhere, and the regulator's channel is the administrators'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import type { Alert, Gateway as GatewayDto } from '../contracts/api.ts';
import type { AlertHistoryEntry } from '../contracts/alert-workflow.ts';
import type { Channel, Delivery } from '../contracts/notifications.ts';
import { createKitchenSim, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import { KITCHEN_DEVICES } from '../firmware-sim/scenarios.ts';
import { createKitchenDisplay } from '../firmware-sim/kitchen-display.ts';
import type { DisplayNotice } from '../gateway/display/display.ts';
import { createRobotReceiver, type RobotReceiver } from '../firmware-sim/robot-receiver.ts';
import { createModbusProbeDriver } from '../gateway/drivers/modbus-probe.ts';
import { createMemoryOutbox } from '../gateway/outbox/memory-outbox.ts';
import { createGateway, type Gateway } from '../gateway/gateway.ts';
import { startStack, testKitchen, type Session, type Stack } from './fixtures/stack.ts';
import { eventually } from './fixtures/influxd.ts';

const T0 = Date.UTC(2026, 10, 20, 2, 0, 0); // 10:00 in Shanghai
const clock = manualClock(T0);
const display = createKitchenDisplay();
let stack: Stack;
let sim: KitchenSim;
let gateway: Gateway;
let robot: RobotReceiver;

/** The display's notice of this alert and step: shown already, or the next one to match (no polling). */
async function noticeOf(alertId: number, step: string): Promise<DisplayNotice> {
  for (;;) {
    const shown = display.notices.find((n) => n.alertId === alertId && n.step === step);
    if (shown) return shown;
    await display.nextNotice();
  }
}

async function call<T = Record<string, unknown>>(as: Session, method: string, path: string, body?: unknown) {
  const res = await as.fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T & { error?: { code: string } } };
}

beforeAll(async () => {
  robot = createRobotReceiver();
  await robot.start();
  stack = await startStack({
    kitchens: [testKitchen('kn', '春晖社区长者饭堂'), testKitchen('ko', '和平社区长者饭堂')], clock, ruleTickMs: 100,
    allowedOrigins: [robot.url()], // the robots' stand-in listens on loopback, which channels may not reach otherwise
    server: { escalationCheckMs: 100, deliveryCheckMs: 100, publicUrl: 'http://kcw.test' },
  });
  sim = createKitchenSim({ kitchenId: 'kn', devices: KITCHEN_DEVICES, clock, port: 0 });
  await sim.start();
  gateway = createGateway({
    kitchenId: 'kn', gatewayId: 'gw-kn', mqttUrl: stack.mqttUrl, secret: await stack.addGateway('kn', 'gw-kn'), clock, display,
    devices: KITCHEN_DEVICES.map((d) => ({ device: d.deviceId, kind: d.kind, unitId: d.unitId, name: d.name, reportIntervalS: 60 })),
    driver: createModbusProbeDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 500, clock }),
    outbox: createMemoryOutbox(), pollIntervalMs: 3_600_000,
  });
  gateway.start();
  await eventually(async () => (await call<GatewayDto[]>(stack.admin, 'GET', '/gateways?kitchen=kn')).body, (g) => g[0]?.state === 'online');
});
afterAll(async () => {
  await gateway?.stop();
  await sim?.stop();
  await stack?.stop();
  await robot?.stop();
});

describe('notifications end to end', () => {
  it('shows a door alert on the kitchen display through the gateway, records it sent, and escalates it after 15 min', async () => {
    const created = await call<Channel>(stack.admin, 'POST', '/kitchens/kn/channels', { kind: 'gateway', name: '后厨屏', target: '*', steps: ['raised', 'escalated_manager'] });
    expect(created).toMatchObject({ status: 201, body: { kind: 'gateway', target: '*', hasSecret: false, minSeverity: 'warning', enabled: true } });
    const shown = display.nextNotice();
    await gateway.pollOnce();
    sim.apply({ device: 'freezer-1', action: 'door-open', forMin: 60 });
    for (let m = 1; m <= 6; m++) {
      clock.advance(60_000);
      await gateway.pollOnce();
    }
    const notice = await shown;
    expect(notice).toMatchObject({ step: 'raised', ruleId: 'FS-DOOR', severity: 'warning', subject: 'Upright freezer', buzzer: false });
    expect(notice.text).toMatch(/^【预警】Upright freezer 柜门未关 \d\d:\d\d$/);
    expect(notice.expiresAt).toBeGreaterThan(clock.now()); // sent with 5 min to live, by the clock the gateway shares
    expect(notice.expiresAt).toBeLessThanOrEqual(clock.now() + 5 * 60_000);
    const alert = (await call<Alert>(stack.admin, 'GET', `/alerts/${notice.alertId}`)).body;
    expect(alert).toMatchObject({ kitchenId: 'kn', deviceId: 'freezer-1', ruleId: 'FS-DOOR', status: 'active', escalatedTo: null });
    const sent = await eventually(async () => (await call<Delivery[]>(stack.admin, 'GET', `/alerts/${alert.id}/deliveries`)).body, (d) => d[0]?.status === 'sent');
    expect(sent).toMatchObject([{ channelId: created.body.id, channelKind: 'gateway', step: 'raised', status: 'sent', attempts: 1, lastError: null }]);

    clock.advance(15 * 60_000); // nobody acknowledged it
    await gateway.pollOnce();
    expect(await noticeOf(alert.id, 'escalated_manager')).toMatchObject({ ruleId: 'FS-DOOR', text: expect.stringContaining('已升级至店长') });
    const history = (await call<AlertHistoryEntry[]>(stack.admin, 'GET', `/alerts/${alert.id}/history`)).body;
    expect(history.map((h) => [h.act, h.actor])).toEqual([['raised', 'system'], ['escalated', 'system']]);
    expect(history[1]!.detail).toMatchObject({ to: 'manager', reason: 'unacknowledged' });
    const all = await eventually(async () => (await call<Delivery[]>(stack.admin, 'GET', `/kitchens/kn/deliveries?alert=${alert.id}`)).body,
      (d) => d.length === 2 && d.every((x) => x.status === 'sent'));
    expect(all.map((d) => d.step)).toEqual(['escalated_manager', 'raised']); // newest first
  });
});

describe('channels REST, scope-checked', () => {
  let staff: Session;
  let manager: Session;
  let otherStaff: Session;
  beforeAll(async () => {
    staff = await stack.loginAs({ username: 'kn-staff', role: 'kitchen_staff', kitchenId: 'kn' });
    manager = await stack.loginAs({ username: 'kn-manager', displayName: '王经理', role: 'kitchen_manager', kitchenId: 'kn' });
    otherStaff = await stack.loginAs({ username: 'ko-staff', role: 'kitchen_staff', kitchenId: 'ko' });
  });

  it('lets the administrator add the district\'s signed DingTalk robot, whose secret never comes back and whose key the manager does not see; the manager may test it', async () => {
    robot.requireDingTalkSecret('SECkn-secret-1');
    const target = `${robot.url()}/dingtalk/robot/send?access_token=kn-token`;
    const body = { kind: 'dingtalk', name: '街道监管群', target, secret: 'SECkn-secret-1', steps: ['escalated_inspector'] };
    const made = await call<Channel>(stack.admin, 'POST', '/kitchens/kn/channels', body);
    expect(made).toMatchObject({ status: 201, body: { kind: 'dingtalk', target, hasSecret: true } });
    expect(made.body).not.toHaveProperty('secret');
    const tested = await call<Delivery>(manager, 'POST', `/kitchens/kn/channels/${made.body.id}/test`);
    expect(tested).toMatchObject({ status: 200, body: { alertId: 0, channelId: made.body.id, status: 'sent', attempts: 1 } });
    expect(robot.messages.at(-1)).toMatchObject({ answered: 'ok', query: { access_token: 'kn-token' } });

    const kept = await call<Channel>(stack.admin, 'PUT', `/kitchens/kn/channels/${made.body.id}`, { ...body, secret: undefined, name: '街道监管群（钉钉）' });
    expect(kept).toMatchObject({ status: 200, body: { name: '街道监管群（钉钉）', hasSecret: true } });
    for (const reader of [staff, manager]) {
      const seen = await call<Channel[]>(reader, 'GET', '/kitchens/kn/channels');
      expect(seen.body.find((c) => c.id === made.body.id)).toMatchObject({ target: `${robot.url()}/***`, hasSecret: true });
    }
    const audit = await call<Array<{ action: string; subject: string; data: object }>>(stack.admin, 'GET', '/audit?kitchen=kn');
    expect(audit.body.filter((e) => e.subject === `channel:${made.body.id}`).map((e) => e.action)).toEqual(['channel.updated', 'channel.tested', 'channel.created']);
    const everything = JSON.stringify([audit.body, (await call(manager, 'GET', '/kitchens/kn/channels')).body, (await call(stack.admin, 'GET', '/kitchens/kn/channels')).body]);
    expect(everything).not.toContain('SECkn-secret-1');
    expect(JSON.stringify(audit.body)).not.toContain('kn-token');
    const cleared = await call<Channel>(stack.admin, 'PUT', `/kitchens/kn/channels/${made.body.id}`, { ...body, secret: null });
    expect(cleared.body.hasSecret).toBe(false);
  });

  it('[SSRF] refuses a private or loopback target, a user and password in the URL, and a robot off its official host (400 invalid_channel)', async () => {
    const base = { kind: 'webhook', name: '物业', steps: ['raised'] };
    const influx = new URL(stack.influxd.url);
    for (const [kind, target] of [
      ['webhook', `${stack.influxd.url}/query?q=DROP%20DATABASE%20e2e`],
      ['webhook', `http://localhost:${influx.port}/query?q=DROP%20DATABASE%20e2e`],
      ['webhook', `http://[::ffff:127.0.0.1]:${influx.port}/query`],
      ['webhook', 'http://169.254.169.254/latest/meta-data/'],
      ['webhook', 'http://192.168.1.1/admin'],
      ['webhook', 'https://user:pw@hooks.example.com/hook'],
      ['wecom', 'https://hooks.example.com/cgi-bin/webhook/send?key=x'],
      ['dingtalk', 'https://oapi.dingtalk.com.hooks.example.com/robot/send?access_token=x'],
    ]) {
      expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, kind, target }), target).toMatchObject({ status: 400, body: { error: { code: 'invalid_channel' } } });
    }
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, target: 'https://hooks.example.com/kn' })).toMatchObject({ status: 201 });
  });

  it('[SSRF] does not post to the InfluxDB on loopback from a channel stored before the check, and says only "blocked"', async () => {
    const probe = `ssrf_probe_${Date.now()}`;
    const planted = stack.server.channels.create('kn', { kind: 'webhook', name: '旧渠道', target: `${stack.influxd.url}/query?q=CREATE%20DATABASE%20${probe}`, steps: ['raised'] });
    const tested = await call<Delivery>(manager, 'POST', `/kitchens/kn/channels/${planted.id}/test`);
    expect(tested).toMatchObject({ status: 200, body: { channelId: planted.id, status: 'failed', lastError: 'blocked: private address' } });
    const shown = await (await fetch(`${stack.influxd.url}/query?q=SHOW%20DATABASES`)).json() as { results: Array<{ series: Array<{ values: string[][] }> }> };
    expect(shown.results[0]!.series[0]!.values.flat()).not.toContain(probe);
  });

  it('tests a channel at most once per 10 s (429 too_many_tests), and audits each test as channel.tested without the robot\'s key', async () => {
    const made = (await call<Channel>(manager, 'POST', '/kitchens/kn/channels', { kind: 'wecom', name: '食堂群', target: `${robot.url()}/wecom/send?key=kn-wecom-key`, steps: ['raised'] })).body;
    const test = () => manager.fetch(`/api/kitchens/kn/channels/${made.id}/test`, { method: 'POST' });
    expect((await test()).status).toBe(200);
    const again = await test();
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('10');
    expect(await again.json()).toMatchObject({ error: { code: 'too_many_tests' } });
    clock.advance(10_000);
    expect((await test()).status).toBe(200);
    const audit = (await call<Array<{ action: string; subject: string; data: Record<string, unknown> }>>(stack.admin, 'GET', '/audit?kitchen=kn')).body;
    const tests = audit.filter((e) => e.action === 'channel.tested' && e.subject === `channel:${made.id}`);
    expect(tests.map((e) => e.data)).toEqual([
      { channelId: made.id, kind: 'wecom', name: '食堂群', target: `${robot.url()}/***`, status: 'sent', lastError: null },
      { channelId: made.id, kind: 'wecom', name: '食堂群', target: `${robot.url()}/***`, status: 'sent', lastError: null },
    ]);
    expect(JSON.stringify(audit)).not.toContain('kn-wecom-key');
  });

  it('drops a DingTalk secret when the channel is pointed elsewhere, so nobody gets validly signed requests at their own URL', async () => {
    robot.requireDingTalkSecret('SECkn-canteen');
    const body = { kind: 'dingtalk', name: '食堂钉钉群', target: `${robot.url()}/dingtalk/robot/send?access_token=kn-canteen`, secret: 'SECkn-canteen', steps: ['raised'] };
    const made = (await call<Channel>(manager, 'POST', '/kitchens/kn/channels', body)).body;
    const renamed = await call<Channel>(manager, 'PUT', `/kitchens/kn/channels/${made.id}`, { ...body, secret: undefined, name: '食堂钉钉群 2' });
    expect(renamed.body.hasSecret).toBe(true); // the same robot keeps its secret
    const moved = await call<Channel>(manager, 'PUT', `/kitchens/kn/channels/${made.id}`, { ...body, secret: undefined, target: `${robot.url()}/dingtalk/mine?access_token=kn-canteen` });
    expect(moved).toMatchObject({ status: 200, body: { hasSecret: false } });
    const received = robot.nextMessage();
    await call(manager, 'POST', `/kitchens/kn/channels/${made.id}/test`);
    const message = await received;
    expect(message.path).toBe('/dingtalk/mine');
    expect(message.query).not.toHaveProperty('sign');
  });

  it('lets only an administrator create, change or remove the channel that tells the inspectors (403 for the manager)', async () => {
    const inspectors = { kind: 'webhook', name: '监管平台', target: 'https://hooks.example.com/inspectors', steps: ['escalated_inspector'] };
    expect(await call(manager, 'POST', '/kitchens/kn/channels', inspectors)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const theirs = (await call<Channel>(stack.admin, 'POST', '/kitchens/kn/channels', inspectors)).body;
    const path = `/kitchens/kn/channels/${theirs.id}`;
    expect(await call(manager, 'PUT', path, { ...inspectors, target: 'https://hooks.example.com/mine' })).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(manager, 'PUT', path, { ...inspectors, steps: ['raised'] })).toMatchObject({ status: 403 });
    expect(await call(manager, 'DELETE', path)).toMatchObject({ status: 403 });
    const own = (await call<Channel>(manager, 'POST', '/kitchens/kn/channels', { ...inspectors, name: '店长', steps: ['raised'] })).body;
    expect(await call(manager, 'PUT', `/kitchens/kn/channels/${own.id}`, { ...inspectors, name: '店长' })).toMatchObject({ status: 403 });
    expect((await call<Channel[]>(stack.admin, 'GET', '/kitchens/kn/channels')).body.find((c) => c.id === theirs.id)).toMatchObject({ target: inspectors.target });
    expect(await call(stack.admin, 'DELETE', path)).toMatchObject({ status: 204 });
  });

  it('shows readers and the audit log only scheme://host/*** of a hook whose key is in its path', async () => {
    const target = 'https://open.feishu.cn/open-apis/bot/v2/hook/feishu-kn-token';
    const made = (await call<Channel>(manager, 'POST', '/kitchens/kn/channels', { kind: 'webhook', name: '飞书群', target, steps: ['raised'] })).body;
    expect(made.target).toBe(target); // its manager may change it, so sees it whole
    const seen = (await call<Channel[]>(staff, 'GET', '/kitchens/kn/channels')).body.find((c) => c.id === made.id);
    expect(seen).toMatchObject({ target: 'https://open.feishu.cn/***' });
    const audit = (await call(stack.admin, 'GET', '/audit?kitchen=kn')).body;
    expect(JSON.stringify(audit)).not.toContain('feishu-kn-token');
  });

  it('refuses writes to kitchen staff (403) and hides the kitchen from another kitchen\'s staff (404)', async () => {
    const body = { kind: 'gateway', name: 'x', target: '*', steps: ['raised'] };
    const { id } = (await call<Channel>(stack.admin, 'POST', '/kitchens/kn/channels', { ...body, name: '后厨屏 2' })).body;
    expect(await call(staff, 'POST', '/kitchens/kn/channels', body)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(staff, 'PUT', `/kitchens/kn/channels/${id}`, body)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(staff, 'DELETE', `/kitchens/kn/channels/${id}`)).toMatchObject({ status: 403 });
    expect(await call(staff, 'POST', `/kitchens/kn/channels/${id}/test`)).toMatchObject({ status: 403 });
    for (const path of ['/kitchens/kn/channels', '/kitchens/kn/deliveries']) {
      expect(await call(otherStaff, 'GET', path)).toMatchObject({ status: 404, body: { error: { code: 'kitchen_not_found' } } });
    }
    const theirAlert = stack.server.alerts.raise({
      kitchenId: 'kn', deviceId: 'chiller-9', ruleId: 'FS-DOOR', severity: 'warning', profile: 'CN-GB31654', message: 'door open',
      firstOutAt: clock.now(), raisedAt: clock.now(), value: null, storedAt: clock.now(),
    }).alert;
    expect(await call(staff, 'GET', `/alerts/${theirAlert.id}/deliveries`)).toMatchObject({ status: 200 });
    expect(await call(otherStaff, 'GET', `/alerts/${theirAlert.id}/deliveries`)).toMatchObject({ status: 404, body: { error: { code: 'alert_not_found' } } });
  });

  it('refuses malformed channels, and another kitchen\'s channel answers as a missing one', async () => {
    const base = { kind: 'webhook', name: '物业', steps: ['raised'] };
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, target: 'ftp://10.0.0.1/x' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_channel' } } });
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, kind: 'gateway', target: 'gw/../1' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_channel' } } });
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, target: 'http://x', steps: ['sometimes'] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    const theirs = (await call<Channel>(stack.admin, 'POST', '/kitchens/ko/channels', { ...base, target: 'https://hooks.example.com/ko' })).body;
    expect(await call(manager, 'PUT', `/kitchens/kn/channels/${theirs.id}`, { ...base, target: 'http://x' })).toMatchObject({ status: 404, body: { error: { code: 'channel_not_found' } } });
    expect(await call(manager, 'DELETE', `/kitchens/kn/channels/${theirs.id}`)).toMatchObject({ status: 404, body: { error: { code: 'channel_not_found' } } });
    expect(await call(manager, 'GET', '/kitchens/kn/deliveries?limit=0')).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });
  });
});
