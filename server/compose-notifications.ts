// The composition of escalation and notifications (rule book section 6, decision 0011): the
// site's channels and the delivery record, the notifier with its dispatcher (HTTP robots and the
// kitchen gateway's display), and the escalation tick that feeds it. Part of create-server.ts.
import type { Logger } from 'pino';
import type { Alert } from '../contracts/api.ts';
import type { Clock } from '../contracts/clock.ts';
import type { Db } from './adapters/sql/database.ts';
import type { AlertsRepo } from './adapters/sql/alerts-repo.ts';
import type { RegistryRepo } from './adapters/sql/registry-repo.ts';
import type { CamerasRepo } from './adapters/sql/cameras-repo.ts';
import { createChannelsRepo } from './adapters/sql/channels-repo.ts';
import { createDeliveriesRepo } from './adapters/sql/deliveries-repo.ts';
import { createHttpSender } from './adapters/notify/http-sender.ts';
import type { AuditPort } from './app/audit.ts';
import type { CommandService } from './app/commands.ts';
import { createDispatcher } from './app/notify-dispatch.ts';
import { createNotifier, type Notifier } from './app/notifier.ts';
import { createEscalation } from './app/escalation.ts';
import { ATTEMPT_TIMEOUT_MS } from './domain/notifications/retry.ts';
import { parseOrigins } from './domain/notifications/outbound.ts';
import { stepOfEscalation } from './domain/notifications/routing.ts';
import type { ServerOptions } from './server-options.ts';

export interface NotificationsDeps {
  opts: ServerOptions;
  db: Db;
  clock: Clock;
  log: Logger;
  alerts: AlertsRepo;
  audit: AuditPort;
  registry: RegistryRepo;
  cameras: CamerasRepo;
  commands: CommandService;
  emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert): void;
  /** Calls the notifier, logging (never throwing) what fails. */
  tellNotifier(what: string, alert: Alert, call: (n: Notifier) => void): void;
}

export function composeNotifications({ opts, db, clock, log, alerts, audit, registry, cameras, commands, emitAlert, tellNotifier }: NotificationsDeps) {
const channels = createChannelsRepo(db);
const deliveries = createDeliveriesRepo(db);
const notifyTimeoutMs = opts.notifyTimeoutMs ?? ATTEMPT_TIMEOUT_MS;
const notifyAllowedOrigins = parseOrigins(opts.notifyAllowedOrigins ?? []);
const notifications = createNotifier({
  channels, deliveries, alerts, now: () => clock.now(), publicUrl: opts.publicUrl, log,
  kitchenOf: (k) => registry.getKitchen(k),
  subjectOf: (a) => registry.getDevice(a.kitchenId, a.deviceId)?.name ?? cameras.getCamera(a.kitchenId, a.deviceId)?.name ?? a.deviceId,
  dispatcher: createDispatcher({
    post: createHttpSender({ timeoutMs: notifyTimeoutMs, allowedOrigins: notifyAllowedOrigins }), commands, timeoutMs: notifyTimeoutMs, wallClock: () => Date.now(),
    gatewaysOf: (k) => registry.listGateways(k).map((g) => g.gatewayId), secretOf: (id) => channels.secretOf(id),
  }),
});
const escalation = createEscalation({
  alerts, audit, now: () => clock.now(), kitchenOf: (k) => registry.getKitchen(k), emit: emitAlert,
  onEscalated: (alert, level) => tellNotifier(`escalation to ${level}`, alert, (n) => void n.notify(alert, stepOfEscalation(level))),
  onFailed: (alert, err) => log.error({ err, alertId: alert.id, kitchenId: alert.kitchenId }, 'escalation check failed'),
});
  return { channels, deliveries, notifications, escalation, notifyAllowedOrigins };
}
