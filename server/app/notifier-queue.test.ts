// The notifier as a queue (rule book section 6, decision 0011), on an in-memory SQL store and a
// real HTTP robot endpoint on port 0: a few attempts at a time and each channel at its pace, every
// attempt counted before it is sent, notices gone stale given up instead of sent, and a stop that
// waits for a channel test. The rules' clock and the pacing's real clock are both manual here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import type { Alert } from '../../contracts/api.ts';
import type { ChannelRequest } from '../../contracts/notifications.ts';
import type { DeliveriesRepo } from '../adapters/sql/deliveries-repo.ts';
import { createRobotReceiver, type RobotReceiver } from '../../firmware-sim/robot-receiver.ts';
import { createNotifier } from './notifier.ts';
import { T0, notifierStore, robotDispatcher } from './notifier.fixtures.ts';

let robot: RobotReceiver;
beforeAll(async () => {
  robot = createRobotReceiver();
  await robot.start();
});
afterAll(() => robot?.stop());

function setup(o: { timeoutMs?: number; deliveriesAs?: (d: DeliveriesRepo) => DeliveriesRepo } = {}) {
  const clock = manualClock(T0);
  const wall = manualClock(Date.UTC(2030, 0, 1));
  const { registry, alerts, channels, deliveries, raise: raiseOn } = notifierStore(clock);
  const notifier = createNotifier({
    channels, deliveries: o.deliveriesAs?.(deliveries) ?? deliveries, alerts, now: () => clock.now(), wallClock: () => wall.now(),
    log: { warn: () => undefined }, kitchenOf: (k) => registry.getKitchen(k), subjectOf: () => '冷冻柜',
    dispatcher: robotDispatcher(robot, o.timeoutMs ?? 2_000),
  });
  let unit = 0;
  /** A new alert on a unit of its own. */
  const raise = (severity: Alert['severity'] = 'alarm') => raiseOn(`unit-${++unit}`, severity);
  const hook = (path: string, c: Partial<ChannelRequest> = {}) =>
    channels.create('k007', { kind: 'webhook', name: path, target: `${robot.url()}${path}`, steps: ['raised'], ...c });
  const received = (prefix: string) => robot.messages.filter((m) => m.path.startsWith(prefix)).length;
  return { clock, wall, alerts, channels, deliveries, notifier, raise, hook, received };
}

describe('notifier queue', () => {
  it('(§6) keeps at most 8 attempts in flight; the rest wait as pending for the next round', async () => {
    const { deliveries, notifier, raise, hook, received } = setup();
    for (let i = 0; i < 12; i++) hook(`/burst/${i}`);
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    expect(received('/burst/')).toBe(8);
    expect(deliveries.ofAlert(alert.id).map((d) => d.status).sort()).toEqual([...Array(4).fill('pending'), ...Array(8).fill('sent')]);
    notifier.retryDue();
    await notifier.idle();
    expect(received('/burst/')).toBe(12);
    expect(deliveries.ofAlert(alert.id).every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
  });

  it('(§6) sends at most 15 a minute to one channel (robots refuse about 20); the rest go in the next minute', async () => {
    const { wall, deliveries, notifier, raise, hook, received } = setup();
    hook('/paced');
    const raised = Array.from({ length: 20 }, () => raise());
    for (const a of raised) notifier.onAlert('alert:raised', a);
    await notifier.idle();
    notifier.retryDue();
    await notifier.idle();
    notifier.retryDue(); // the same minute: the channel has had its share
    await notifier.idle();
    expect(received('/paced')).toBe(15);
    expect(raised.filter((a) => deliveries.ofAlert(a.id)[0]!.status === 'pending')).toHaveLength(5);
    wall.advance(60_000);
    notifier.retryDue();
    await notifier.idle();
    expect(received('/paced')).toBe(20);
  });

  it('(§6) counts an attempt before sending it: an error while recording the outcome cannot resend it every round uncounted', async () => {
    let failRecord = true;
    const { clock, deliveries, notifier, raise, hook, received } = setup({
      deliveriesAs: (repo) => ({
        ...repo,
        record(id, p) {
          if (p.status === 'sent' && failRecord) {
            failRecord = false;
            throw new Error('disk I/O error');
          }
          return repo.record(id, p);
        },
      }),
    });
    hook('/counted');
    const alert = raise();
    notifier.onAlert('alert:raised', alert);
    await notifier.idle();
    expect(received('/counted')).toBe(1);
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{ status: 'failed', attempts: 1, nextAttemptAt: new Date(T0 + 30_000).toISOString(), lastError: 'no outcome recorded (interrupted)' }]);
    clock.advance(10_000); // the next round of the delivery check
    notifier.retryDue();
    await notifier.idle();
    expect(received('/counted')).toBe(1);
  });

  it('(§6) gives up a deferred raise whose alert was resolved meanwhile, as stale, without sending it', async () => {
    const { clock, alerts, deliveries, notifier, raise, hook, received } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 0, 0)); // 23:00 in Shanghai
    hook('/night-raise', { quietHours: { from: '22:00', to: '06:30' } });
    const alert = raise('warning');
    notifier.onAlert('alert:raised', alert);
    alerts.acknowledge(alert.id, '刘师傅', clock.advance(5 * 60_000));
    alerts.resolve(alert.id, clock.advance(20 * 60_000));
    clock.set(Date.UTC(2026, 10, 20, 22, 30, 0)); // 06:30
    notifier.retryDue();
    await notifier.idle();
    expect(deliveries.ofAlert(alert.id)).toMatchObject([{ status: 'gave_up', attempts: 0, lastError: 'stale: the alert was resolved' }]);
    expect(received('/night-raise')).toBe(0);
  });

  it('(§6) gives up the manager\'s step of an alert acknowledged after it was planned, and sends one acknowledged before', async () => {
    const { clock, alerts, deliveries, notifier, raise, hook, received } = setup();
    clock.set(Date.UTC(2026, 10, 20, 15, 0, 0)); // 23:00
    hook('/night-manager', { steps: ['escalated_manager'], quietHours: { from: '22:00', to: '06:30' } });
    const late = raise('warning');
    notifier.notify(late, 'escalated_manager');
    alerts.acknowledge(late.id, '刘师傅', clock.advance(10 * 60_000));
    const known = raise('warning'); // acknowledged first, told to the manager with the board's step later
    alerts.acknowledge(known.id, '刘师傅', clock.advance(60_000));
    clock.advance(60_000);
    notifier.notify(alerts.get(known.id)!, 'escalated_manager');
    clock.set(Date.UTC(2026, 10, 20, 22, 30, 0));
    notifier.retryDue();
    await notifier.idle();
    expect(deliveries.ofAlert(late.id)).toMatchObject([{ status: 'gave_up', attempts: 0, lastError: 'stale: the alert was acknowledged' }]);
    expect(deliveries.ofAlert(known.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
    expect(received('/night-manager')).toBe(1);
  });

  it('(§6) a stop waits for a channel test under way', async () => {
    const { deliveries, notifier, hook } = setup({ timeoutMs: 300 });
    const channel = hook('/test-hangs');
    robot.failNext('hang');
    const tested = notifier.test(channel);
    await notifier.stop();
    expect(deliveries.ofAlert(0)).toMatchObject([{ channelId: channel.id, status: 'failed', attempts: 1, lastError: 'timed out' }]);
    await expect(tested).resolves.toMatchObject({ status: 'failed' });
  });
});
