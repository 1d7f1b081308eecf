// What the notifier tests share: an in-memory store with kitchen k007, a dispatcher that posts
// to the robot stand-in (on loopback, so its origin is allowed) and has no broker, and a raise.
import type { Alert } from '../../contracts/api.ts';
import type { Clock } from '../../contracts/clock.ts';
import { openDatabase } from '../adapters/sql/database.ts';
import { createAlertsRepo } from '../adapters/sql/alerts-repo.ts';
import { createRegistryRepo } from '../adapters/sql/registry-repo.ts';
import { createChannelsRepo } from '../adapters/sql/channels-repo.ts';
import { createDeliveriesRepo } from '../adapters/sql/deliveries-repo.ts';
import { createHttpSender } from '../adapters/notify/http-sender.ts';
import type { RobotReceiver } from '../../firmware-sim/robot-receiver.ts';
import { createDispatcher } from './notify-dispatch.ts';

/** 2026-11-20 10:00 in Shanghai. */
export const T0 = Date.UTC(2026, 10, 20, 2, 0, 0);

export function notifierStore(clock: Clock) {
  const db = openDatabase(':memory:');
  const registry = createRegistryRepo(db);
  registry.saveKitchen({ id: 'k007', name: '春晖社区长者饭堂', district: '示范区', address: '', siteType: '长者饭堂', timezone: 'Asia/Shanghai', profile: 'CN-GB31654' });
  const alerts = createAlertsRepo(db);
  const channels = createChannelsRepo(db);
  const deliveries = createDeliveriesRepo(db);
  /** A door alert of k007 raised now (on `deviceId`). */
  const raise = (deviceId: string, severity: Alert['severity'] = 'alarm', ruleId = 'FS-DOOR') => alerts.raise({
    kitchenId: 'k007', deviceId, ruleId, severity, profile: 'CN-GB31654',
    message: 'door open', firstOutAt: clock.now(), raisedAt: clock.now(), value: null, storedAt: clock.now(),
  }).alert;
  return { registry, alerts, channels, deliveries, raise };
}

export function robotDispatcher(robot: RobotReceiver, timeoutMs: number, secretOf: (channelId: number) => string | null = () => null) {
  return createDispatcher({
    post: createHttpSender({ timeoutMs, allowedOrigins: [robot.url()] }), timeoutMs, wallClock: () => Date.now(), gatewaysOf: () => [],
    secretOf, commands: { send: () => Promise.reject(new Error('no broker in this test')) },
  });
}
