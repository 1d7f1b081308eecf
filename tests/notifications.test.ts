// A site's escalation chain on real parts (issue 5): a freezer door left open in a simulated
// kitchen raises FS-DOOR through a real gateway, broker and server; the kitchen's gateway channel
// sends `notify` back down to that gateway, whose display shows it, and the delivery is recorded
// sent once the gateway replied. Unacknowledged 15 min later it is escalated to the manager: the
// display shows that too and the history says so. And the channels' REST is scope-checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../contracts/clock.ts';
import type { Alert, Gateway as GatewayDto } from '../contracts/api.ts';
import type { AlertHistoryEntry } from '../contracts/alert-workflow.ts';
import type { Channel, Delivery } from '../contracts/notifications.ts';
import { createKitchenSim, type KitchenSim } from '../firmware-sim/kitchen-sim.ts';
import { KITCHEN_DEVICES } from '../firmware-sim/scenarios.ts';
import { createKitchenDisplay } from '../firmware-sim/kitchen-display.ts';
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

async function call<T = Record<string, unknown>>(as: Session, method: string, path: string, body?: unknown) {
  const res = await as.fetch(`/api${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (res.status === 204 ? null : await res.json()) as T & { error?: { code: string } } };
}

beforeAll(async () => {
  robot = createRobotReceiver();
  await robot.start();
  stack = await startStack({
    kitchens: [testKitchen('kn', '春晖社区长者饭堂'), testKitchen('ko', '和平社区长者饭堂')], clock, ruleTickMs: 100,
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
    const alert = (await call<Alert>(stack.admin, 'GET', `/alerts/${notice.alertId}`)).body;
    expect(alert).toMatchObject({ kitchenId: 'kn', deviceId: 'freezer-1', ruleId: 'FS-DOOR', status: 'active', escalatedTo: null });
    const sent = await eventually(async () => (await call<Delivery[]>(stack.admin, 'GET', `/alerts/${alert.id}/deliveries`)).body, (d) => d[0]?.status === 'sent');
    expect(sent).toMatchObject([{ channelId: created.body.id, channelKind: 'gateway', step: 'raised', status: 'sent', attempts: 1, lastError: null }]);

    clock.advance(15 * 60_000); // nobody acknowledged it
    await gateway.pollOnce();
    await eventually(() => display.notices, (n) => n.some((x) => x.alertId === alert.id && x.step === 'escalated_manager'));
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

  it('lets the manager add a signed DingTalk robot whose secret never comes back, and tests it', async () => {
    robot.requireDingTalkSecret('SECkn-secret-1');
    const target = `${robot.url()}/dingtalk/robot/send?access_token=kn-token`;
    const body = { kind: 'dingtalk', name: '街道监管群', target, secret: 'SECkn-secret-1', steps: ['escalated_inspector'] };
    const made = await call<Channel>(manager, 'POST', '/kitchens/kn/channels', body);
    expect(made).toMatchObject({ status: 201, body: { kind: 'dingtalk', target, hasSecret: true } });
    expect(made.body).not.toHaveProperty('secret');
    const tested = await call<Delivery>(manager, 'POST', `/kitchens/kn/channels/${made.body.id}/test`);
    expect(tested).toMatchObject({ status: 200, body: { alertId: 0, channelId: made.body.id, status: 'sent', attempts: 1 } });
    expect(robot.messages.at(-1)).toMatchObject({ answered: 'ok', query: { access_token: 'kn-token' } });

    const kept = await call<Channel>(manager, 'PUT', `/kitchens/kn/channels/${made.body.id}`, { ...body, secret: undefined, name: '街道监管群（钉钉）' });
    expect(kept).toMatchObject({ status: 200, body: { name: '街道监管群（钉钉）', hasSecret: true } });
    const seenByStaff = await call<Channel[]>(staff, 'GET', '/kitchens/kn/channels');
    expect(seenByStaff.status).toBe(200);
    expect(seenByStaff.body.find((c) => c.id === made.body.id)).toMatchObject({ target: `${robot.url()}/dingtalk/robot/send?access_token=***`, hasSecret: true });
    const audit = await call<Array<{ action: string; data: object }>>(stack.admin, 'GET', '/audit?kitchen=kn');
    expect(audit.body.filter((e) => e.action.startsWith('channel.')).map((e) => e.action)).toEqual(['channel.updated', 'channel.created', 'channel.created']);
    const everything = JSON.stringify([seenByStaff.body, audit.body, (await call(manager, 'GET', '/kitchens/kn/channels')).body]);
    expect(everything).not.toContain('SECkn-secret-1');
    expect(JSON.stringify(audit.body)).not.toContain('kn-token');
    const cleared = await call<Channel>(manager, 'PUT', `/kitchens/kn/channels/${made.body.id}`, { ...body, secret: null });
    expect(cleared.body.hasSecret).toBe(false);
  });

  it('refuses writes to kitchen staff (403) and hides the kitchen from another kitchen\'s staff (404)', async () => {
    const channels = (await call<Channel[]>(staff, 'GET', '/kitchens/kn/channels')).body;
    const id = channels[0]!.id;
    const body = { kind: 'gateway', name: 'x', target: '*', steps: ['raised'] };
    expect(await call(staff, 'POST', '/kitchens/kn/channels', body)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(staff, 'PUT', `/kitchens/kn/channels/${id}`, body)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await call(staff, 'DELETE', `/kitchens/kn/channels/${id}`)).toMatchObject({ status: 403 });
    expect(await call(staff, 'POST', `/kitchens/kn/channels/${id}/test`)).toMatchObject({ status: 403 });
    for (const path of ['/kitchens/kn/channels', '/kitchens/kn/deliveries']) {
      expect(await call(otherStaff, 'GET', path)).toMatchObject({ status: 404, body: { error: { code: 'kitchen_not_found' } } });
    }
    const anyAlert = (await call<Delivery[]>(stack.admin, 'GET', '/kitchens/kn/deliveries')).body.find((d) => d.alertId > 0)!;
    expect(await call(otherStaff, 'GET', `/alerts/${anyAlert.alertId}/deliveries`)).toMatchObject({ status: 404, body: { error: { code: 'alert_not_found' } } });
  });

  it('refuses malformed channels, and another kitchen\'s channel answers as a missing one', async () => {
    const base = { kind: 'webhook', name: '物业', steps: ['raised'] };
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, target: 'ftp://10.0.0.1/x' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_channel' } } });
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, kind: 'gateway', target: 'gw/../1' })).toMatchObject({ status: 400, body: { error: { code: 'invalid_channel' } } });
    expect(await call(manager, 'POST', '/kitchens/kn/channels', { ...base, target: 'http://x', steps: ['sometimes'] })).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    const theirs = (await call<Channel>(stack.admin, 'POST', '/kitchens/ko/channels', { ...base, target: 'http://10.0.0.2/hook' })).body;
    expect(await call(manager, 'PUT', `/kitchens/kn/channels/${theirs.id}`, { ...base, target: 'http://x' })).toMatchObject({ status: 404, body: { error: { code: 'channel_not_found' } } });
    expect(await call(manager, 'DELETE', `/kitchens/kn/channels/${theirs.id}`)).toMatchObject({ status: 404, body: { error: { code: 'channel_not_found' } } });
    expect(await call(manager, 'GET', '/kitchens/kn/deliveries?limit=0')).toMatchObject({ status: 400, body: { error: { code: 'invalid_query' } } });
  });
});
