// The notifier on real parts: an in-memory SQL store and a real HTTP robot endpoint on port 0
// (firmware-sim/robot-receiver.ts) that fails as robots fail. The clock is the rules' (manual):
// retries come when it reaches their time, never by sleeping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { Alert } from '../../contracts/api.ts';
import type { ChannelRequest } from '../../contracts/notifications.ts';
import { createRobotReceiver, type RobotReceiver } from '../../firmware-sim/robot-receiver.ts';
import { createNotifier } from './notifier.ts';
import { T0, notifierStore, robotDispatcher } from './notifier.fixtures.ts';

let robot: RobotReceiver;
beforeAll(async () => {
  robot = createRobotReceiver();
  await robot.start();
});
afterAll(() => robot?.stop());

function setup(timeoutMs = 2_000) {
  const clock = manualClock(T0);
  const { registry, alerts, channels, deliveries, raise: raiseOn } = notifierStore(clock);
  const warnings: string[] = [];
  const make = () => createNotifier({
    channels, deliveries, alerts, now: () => clock.now(), publicUrl: 'http://kcw.local:8080', log: { warn: (_o, msg) => void warnings.push(msg) },
    kitchenOf: (k) => registry.getKitchen(k), subjectOf: () => '冷冻柜',
    dispatcher: robotDispatcher(robot, timeoutMs, (id) => channels.secretOf(id)),
  });
  const raise = (severity: Alert['severity'] = 'alarm', ruleId = 'FS-DOOR') => raiseOn('freezer-1', severity, ruleId);
  return { clock, channels, deliveries, alerts, notifier: make(), make, raise, warnings };
}

const robotChannel = (path: string, c: Partial<ChannelRequest> = {}): ChannelRequest => ({
  kind: 'wecom', name: '食堂管理群', target: `${robot.url()}${path}`, steps: ['raised'], ...c,
});

describe('notifier', () => {
  it('retries a WeCom robot that answers HTTP 500, then errcode ≠ 0, and records the delivery sent on the third attempt', async () => {
    const { clock, channels, deliveries, notifier, raise } = setup();
    const channel = channels.create('k007', robotChannel('/wecom/send?key=k1'));
    robot.failNext('http500', 'errcode');
    const before = robot.messages.length;
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{
      channelId: channel.id, channelName: '食堂管理群', channelKind: 'wecom', step: 'raised', status: 'failed', attempts: 1,
      lastError: 'HTTP 500', nextAttemptAt: new Date(T0 + 30_000).toISOString(),
    }]);
    clock.advance(29_000);
    notifier.retryDue(); // not yet due
    await notifier.idle();
    expect(robot.messages.length).toBe(before + 1);
    clock.advance(1_000);
    notifier.retryDue();
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: 'errcode 45009', /* errmsg from the official robot hosts only */ nextAttemptAt: new Date(T0 + 30_000 + 120_000).toISOString() });
    clock.advance(120_000);
    notifier.retryDue();
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)[0]).toMatchObject({ status: 'sent', attempts: 3, sentAt: new Date(T0 + 150_000).toISOString(), lastError: null, nextAttemptAt: null });
    const got = robot.messages.slice(before);
    expect(got.map((m) => m.answered)).toEqual(['http500', 'errcode', 'ok']);
    expect(got[2]).toMatchObject({ path: '/wecom/send', query: { key: 'k1' }, body: { msgtype: 'markdown', markdown: { content: expect.stringContaining('### 【报警】春晖社区长者饭堂 · 柜门未关') } } });
    expect((got[2]!.body as { markdown: { content: string } }).markdown.content).toContain(`(http://kcw.local:8080/#/kitchen/k007?alert=${alert.id})`);
  });

  it('signs DingTalk messages with the channel\'s secret, which the robot checks', async () => {
    const { channels, deliveries, notifier, raise } = setup();
    robot.requireDingTalkSecret('SECgood');
    const good = channels.create('k007', robotChannel('/dingtalk/robot/send?access_token=t1', { kind: 'dingtalk', name: '监管群', secret: 'SECgood' }));
    const bad = channels.create('k007', robotChannel('/dingtalk/robot/send?access_token=t2', { kind: 'dingtalk', name: '旧群', secret: 'SECwrong' }));
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    const byChannel = new Map(deliveries.ofAlert(alert.id).map((d) => [d.channelId, d]));
    expect(byChannel.get(good.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byChannel.get(bad.id)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'errcode 310000' });
    const signed = robot.messages.find((m) => m.query.access_token === 't1')!;
    expect(signed.query).toMatchObject({ timestamp: expect.stringMatching(/^\d{13}$/), sign: expect.any(String) });
    expect(signed.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '【报警】春晖社区长者饭堂 · 柜门未关' } });
  });

  it('posts the Notification JSON to a webhook, and gives up after the sixth failure', async () => {
    const { clock, channels, deliveries, notifier, raise, warnings } = setup();
    channels.create('k007', robotChannel('/hook', { kind: 'webhook', name: '物业系统' }));
    robot.failNext('http500', 'http500', 'http500', 'http500', 'http500', 'http500');
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    for (const wait of [30_000, 120_000, 600_000, 1_800_000, 7_200_000]) {
      clock.advance(wait);
      notifier.retryDue();
      await notifier.idle();
    }
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{ status: 'gave_up', attempts: 6, lastError: 'HTTP 500', nextAttemptAt: null }]);
    expect(warnings).toEqual(['notification given up']);
    const last = robot.messages.at(-1)!;
    expect(last.body).toMatchObject({ step: 'raised', alertId: alert.id, kitchenId: 'k007', kitchenName: '春晖社区长者饭堂', ruleId: 'FS-DOOR', severity: 'alarm' });
  });

  it('counts an attempt that gets no answer in time as failed', async () => {
    const { channels, deliveries, notifier, raise } = setup(300);
    channels.create('k007', robotChannel('/slow'));
    robot.failNext('hang');
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{ status: 'failed', attempts: 1, lastError: 'timed out' }]);
  });

  it('defers a non-critical notification in quiet hours; a restarted notifier sends it when they end', async () => {
    const { clock, channels, deliveries, notifier, make, raise } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 0, 0)); // 23:00 in Shanghai
    channels.create('k007', robotChannel('/night', { quietHours: { from: '22:00', to: '06:30' }, steps: ['raised'] }));
    const warning = raise('warning');
    const critical = raise('critical', 'FS-COLD-CRIT');
    notifier.onAlert('alert:raised', warning);
    notifier.onAlert('alert:raised', critical);
    await notifier.idle();
    const morning = new Date(Date.UTC(2026, 10, 20, 22, 30, 0)).toISOString(); // 06:30 on the 21st
    expect(deliveries.ofAlert(warning.id)).toMatchObject([{ status: 'deferred', attempts: 0, nextAttemptAt: morning }]);
    expect(deliveries.ofAlert(critical.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
    await notifier.stop();
    const restarted = make(); // only the rows carry the deferred delivery over
    clock.set(Date.parse(morning) - 1);
    restarted.retryDue();
    await restarted.idle();
    expect(deliveries.ofAlert(warning.id)[0]!.status).toBe('deferred');
    clock.set(Date.parse(morning));
    restarted.retryDue();
    await restarted.idle();
    expect(deliveries.ofAlert(warning.id)).toMatchObject([{ status: 'sent', attempts: 1, sentAt: morning }]);
  });

  it('announces one raise once, a re-alarm again, and not history arriving late', async () => {
    const { clock, channels, deliveries, notifier, raise, alerts } = setup();
    channels.create('k007', robotChannel('/once'));
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toHaveLength(1);
    alerts.acknowledge(alert.id, '刘师傅', clock.advance(60_000));
    clock.advance(3_600_000);
    const again = raise(); // the rules re-raise the live alert: active again, new raisedAt
    expect(again.id).toBe(alert.id);
    notifier.onAlert('alert:raised', again);
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toHaveLength(2);
    const late = alerts.raise({ ...rawOf(again), ruleId: 'FS-OFFLINE', raisedAt: clock.now() - 2 * 3_600_000, firstOutAt: clock.now() - 2 * 3_600_000 }).alert;
    notifier.onAlert('alert:raised', late);
    expect(deliveries.ofAlert(late.id)).toEqual([]);
  });

  it('gives up a planned delivery whose channel was removed meanwhile, and tests a channel at once', async () => {
    const { clock, channels, deliveries, notifier, raise } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 0, 0));
    const night = channels.create('k007', robotChannel('/removed', { quietHours: { from: '22:00', to: '06:30' } }));
    const alert = raise('warning');
    notifier.onAlert('alert:raised', alert);
    channels.remove('k007', night.id, clock.now());
    clock.advance(12 * 3_600_000);
    notifier.retryDue();
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{ status: 'gave_up', attempts: 0, lastError: 'channel removed' }]);
    const tested = channels.create('k007', robotChannel('/test'));
    const d = await notifier.test(tested);
    expect(d).toMatchObject({ alertId: 0, channelId: tested.id, status: 'sent', attempts: 1 });
    expect((robot.messages.at(-1)!.body as { markdown: { content: string } }).markdown.content).toContain('【测试】春晖社区长者饭堂 · 通知渠道测试');
  });
});

const rawOf = (a: Alert) => ({
  kitchenId: a.kitchenId, deviceId: a.deviceId, ruleId: a.ruleId, severity: a.severity, profile: a.profile, message: a.message,
  firstOutAt: Date.parse(a.firstOutAt), raisedAt: Date.parse(a.raisedAt), value: null, storedAt: Date.parse(a.raisedAt),
});
