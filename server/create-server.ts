// The composition root: builds every adapter and use case from injected options
// and returns { start, stop, address }. Reads no environment (that is main.ts).
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { Alert } from '../contracts/api.ts';
import { systemClock } from '../contracts/clock.ts';
import { createSeriesStore } from './adapters/influx/series-store.ts';
import { createBatchWriter } from './adapters/influx/batch-writer.ts';
import { openDatabase, isHealthy } from './adapters/sql/database.ts';
import { createRegistryRepo } from './adapters/sql/registry-repo.ts';
import { createAlertsRepo } from './adapters/sql/alerts-repo.ts';
import { createAuditRepo } from './adapters/sql/audit-repo.ts';
import { createAudit } from './app/audit.ts';
import { createRuleStateRepo } from './adapters/sql/rule-state-repo.ts';
import { createServerMqtt } from './adapters/mqtt-client.ts';
import { createSocketAdapter } from './adapters/socket.ts';
import { createHttpApp } from './adapters/http/create-http-app.ts';
import { createMetrics, videoMetrics, writerMetrics } from './app/metrics.ts';
import { createThrottledLog } from './app/throttled-log.ts';
import { sendAcks, type AckRef } from './app/acks.ts';
import { createIngest } from './app/ingest.ts';
import { createLiveHub } from './app/live.ts';
import { createColdChain, type RuleEngine } from './app/cold-chain.ts';
import { createAlertActions } from './app/alert-actions.ts';
import { createCommandService } from './app/commands.ts';
import { createSampleLedger } from './app/sample-ledger.ts';
import { createSamplesRepo } from './adapters/sql/samples-repo.ts';
import { defaultRuleEngine } from './app/rule-engine.ts';
import { createCamerasRepo } from './adapters/sql/cameras-repo.ts';
import { createCameraMonitor } from './app/camera-monitor.ts';
import { createAiEvents } from './app/ai-events.ts';
import { createVideoHub } from './app/video-hub.ts';
import { attachVideoSockets } from './adapters/video/ws-video.ts';
import { parseTopic } from '../contracts/topics.ts';
import { createUsersRepo } from './adapters/sql/users-repo.ts';
import { createAccounts } from './app/accounts.ts';
import type { Notifier } from './app/notifier.ts';
import type { ServerOptions } from './server-options.ts';
import { composeNotifications } from './compose-notifications.ts';
import { composeRegistry } from './compose-registry.ts';

export type { ServerOptions };


export function createServer(opts: ServerOptions) {
  const log = opts.logger ?? pino({ name: 'server' });
  const clock = opts.clock ?? systemClock;
  const metrics = createMetrics();
  const db = openDatabase(opts.sqlitePath);
  const registry = createRegistryRepo(db);
  const alerts = createAlertsRepo(db);
  // Audit times are the rules' clock, like the alert times they sit beside in a history.
  const audit = createAudit({ repo: createAuditRepo(db), now: () => clock.now() });
  const series = createSeriesStore(opts.influx);
  const http: HttpServer = createHttpServer();
  let socket: ReturnType<typeof createSocketAdapter> | undefined;
  let notifier: Notifier | undefined;
  // Every alert emitted, from whichever rules, also reaches the notifier: raises go to the site's channels.
  // A notifier error is logged here and goes no further: the rules and ingest that raised the alert carry on.
  const tellNotifier = (what: string, alert: Alert, call: (n: Notifier) => void) => {
    try {
      if (notifier) call(notifier);
    } catch (err) {
      log.error({ err, alertId: alert.id, kitchenId: alert.kitchenId }, `notifier failed on ${what}`);
    }
  };
  const emitAlert = (event: 'alert:raised' | 'alert:updated', alert: Alert) => {
    socket?.emitAlert(event, alert);
    tellNotifier(event, alert, (n) => n.onAlert(event, alert));
  };
  const samples = createSamplesRepo(db);
  const sampleLedger = createSampleLedger({
    samples, registry, alerts, now: () => clock.now(), emitAlert,
    emitSample: (sample) => socket?.emitSample(sample),
    onRaised: (rule) => metrics.alertsRaised.inc({ rule }),
    onCheckFailed: (kitchenId, err) => log.error({ err, kitchenId }, 'missing-sample check failed'),
  });

  // Sessions and login limits run on real time, like transport timeouts: the injected clock is the
  // rules' (tests move it days ahead), and must not log people out.
  const accounts = createAccounts({ users: createUsersRepo(db), now: () => Date.now(), cost: opts.passwordCost, log, audit: audit.record });
  const cameras = createCamerasRepo(db);
  let linkUpSince: number | null = null;
  const cameraMonitor = createCameraMonitor({
    linkUpSince: () => linkUpSince,
    jurisdictionRetentionDays: (kitchenId) => accounts.retentionDaysOf(kitchenId), // [FS-CAM-RETENTION] strictest wins
    cameras, registry, samples, alerts, now: () => clock.now(), emitAlert,
    emitCamera: (dto) => socket?.emitCamera(dto),
    viewersOf: (k, c) => video.viewersOf(k, c),
    onRaised: (rule) => metrics.alertsRaised.inc({ rule }),
    onCheckFailed: (kitchenId, err) => log.error({ err, kitchenId }, 'camera check failed'),
  });
  const aiEvents = createAiEvents({
    cameras, alerts, registry, now: () => clock.now(), emitAlert,
    emitAiEvent: (dto) => socket?.emitAiEvent(dto),
    onRaised: (rule) => metrics.alertsRaised.inc({ rule }),
    audit: audit.record,
  });

  const coldChain = createColdChain({
    engine: opts.engine ?? (defaultRuleEngine as RuleEngine<unknown>),
    registry, alerts, ruleStates: createRuleStateRepo(db), now: () => clock.now(),
    onAlert: (event, alert) => {
      emitAlert(event, alert);
      if (event === 'alert:raised') sampleLedger.onColdAlert(alert); // [FS-SAMPLE-TEMP]
    },
    onUnitStateChange: (k, d) => live.onStateChange(k, d),
    onRaised: (rule) => metrics.alertsRaised.inc({ rule }),
  });
  const live = createLiveHub({
    stateOf: (k, d) => coldChain.stateOf(k, d),
    emit: (reading) => socket?.emitReading(reading),
    coalesceMs: opts.liveCoalesceMs,
  });
  const mqtt = createServerMqtt({
    ...opts.mqtt, log,
    onMessage: (topic, payload) => {
      const parsed = parseTopic(topic);
      if (parsed?.direction === 'video') return video.onChunk(parsed, parsed.cameraId, payload);
      ingest(topic, payload);
    },
    onConnectionChange: (up) => {
      metrics.mqttConnected.set(up ? 1 : 0);
      if (!up) linkUpSince = null;
      else linkUpSince ??= clock.now();
    },
  });
  const ack = (refs: AckRef[], kind: 'stored' | 'rejected') => {
    metrics.acksSent.inc({ kind }, refs.length);
    sendAcks((gw, m) => mqtt.publishAck(gw, m), refs, kind);
  };
  const writer = createBatchWriter<AckRef>({
    store: series, ...opts.writer, metrics: writerMetrics(metrics), log,
    onStored: (refs) => ack(refs, 'stored'),
    onRejected: (refs, err) => {
      log.error({ err: err.message, points: refs.length }, 'InfluxDB refused points');
      ack(refs, 'rejected');
    },
  });
  const commands = createCommandService({ publish: (gw, command) => mqtt.publishCommand(gw, command), timeoutMs: opts.commandTimeoutMs });
  const { channels, deliveries, notifications, escalation, notifyAllowedOrigins } = composeNotifications({
    opts, db, clock, log, alerts, audit, registry, cameras, commands, emitAlert, tellNotifier,
  });
  notifier = notifications;
  const video = createVideoHub({
    gatewayOf: (k, c) => cameras.getCamera(k, c)?.gatewayId,
    sendCommand: (gw, name, args) => commands.send(gw, name, args),
    subscribe: (gw, c) => mqtt.subscribeVideo(gw, c),
    unsubscribe: (gw, c) => mqtt.unsubscribeVideo(gw, c),
    onViewers: (k, c) => cameraMonitor.refresh(k, c),
    lingerMs: opts.videoLingerMs,
    log,
  });
  videoMetrics(metrics, video);
  const ingest = createIngest({
    writer, metrics, warnOnce: createThrottledLog(log), now: () => clock.now(),
    onReadings: (gw, readings) => {
      coldChain.onReadings(gw, readings);
      live.onReadings(readings);
    },
    onStatus: (gw, status, receivedAt) => {
      // The last will carries no time of its own: the broker sends it when the gateway is gone.
      registry.saveGatewayStatus(gw.kitchenId, gw.gatewayId, {
        state: status.state, at: status.ts ?? receivedAt, firmware: status.firmware, outboxDepth: status.outboxDepth,
      });
      if (status.state === 'offline') {
        video.dropGateway(gw);
        cameraMonitor.onGatewayOffline(gw);
      }
      if (status.devices?.length) {
        registry.saveAnnouncedDevices(gw.kitchenId, gw.gatewayId, status.devices);
        coldChain.refreshConfig(gw.kitchenId);
      }
    },
    onRejectedOids: (gw, oids) => ack(oids.map((oid) => ({ ...gw, oid })), 'rejected'),
    onReply: (gw, reply) => void commands.onReply(gw, reply),
    onSample: (gw, event) => sampleLedger.onEvent(gw, event),
    onStoredOids: (gw, oids) => ack(oids.map((oid) => ({ ...gw, oid })), 'stored'),
    onCameras: (gw, message) => cameraMonitor.onHealth(gw, message),
    onAiEvent: (gw, event) => aiEvents.onEvent(gw, event),
  });
  const alertActions = createAlertActions({ alerts, audit, now: () => clock.now(), emit: emitAlert });
  const timers: NodeJS.Timeout[] = [];
  const { registryFacts, staff, calibrations, registryReminders, siteRegistry, provisioning } = composeRegistry({
    opts, db, clock, log, metrics, alerts, audit, registry, accounts, emitAlert,
  });

  const app = createHttpApp({
    registry, alerts, audit, series, live, alertActions, commands, sampleLedger, samples, cameraMonitor, aiEvents, accounts,
    siteRegistry, provisioning, accountAdmin: accounts, onAccountsChanged: () => {
      socket?.revalidate();
      videoSockets?.revalidate(); // an ended or narrowed session stops its video too
    },
    notifications: { channels, deliveries, test: (c) => notifications.test(c), allowedOrigins: notifyAllowedOrigins }, onLogout: (token) => socket?.endSession(token), now: () => clock.now(), log, metricsRegistry: metrics.registry, dashboardDir: opts.dashboardDir, trustProxy: opts.trustProxy, metricsToken: opts.metricsToken,
    health: async () => ({ broker: mqtt.connected(), influxdb: await series.ping(), sql: isHealthy(db) }),
  });
  http.on('request', app);

  let videoSockets: ReturnType<typeof attachVideoSockets> | undefined;

  return {
    metrics, registry, alerts, audit, writer, live, coldChain, samples, sampleLedger, cameraMonitor, aiEvents, video, accounts,
    channels, deliveries, notifier: notifications, escalation, siteRegistry, registryReminders, registryFacts, staff, calibrations,
    async start() {
      coldChain.load();
      socket = createSocketAdapter(http, {
        accounts,
        snapshot: (user) => {
          const mine = <T extends { kitchenId: string }>(items: T[]) => items.filter((i) => accounts.canSee(user, i.kitchenId));
          const scope = accounts.scopeOf(user);
          // Every open alert of the user's kitchens: the scope goes into the query, before its limit.
          const kitchenIds = scope === 'all' ? undefined : [...scope];
          return {
            kitchens: registry.listKitchens().filter((k) => accounts.canSee(user, k.id)), devices: mine(registry.listDevices()),
            latest: mine(live.latest()), alerts: mine(alerts.list({ status: 'open', kitchenIds, limit: 5000 })), cameras: mine(cameraMonitor.list()),
          };
        },
      });
      videoSockets = attachVideoSockets(http, video, accounts);
      await ensureDatabaseWithRetry(series, log);
      await mqtt.start();
      timers.push(every(opts.ruleTickMs ?? 30_000, () => coldChain.tick(), log, 'rule tick'));
      timers.push(every(5_000, () => coldChain.persist(), log, 'saving rule state'));
      timers.push(every(opts.sampleCheckMs ?? 60_000, () => sampleLedger.checkServices(), log, 'missing-sample check'));
      timers.push(every(opts.cameraCheckMs ?? 5_000, () => cameraMonitor.tick(), log, 'camera check'));
      timers.push(every(opts.registryCheckMs ?? 3_600_000, () => registryReminders.checkAll(), log, 'registry reminder check'));
      timers.push(every(opts.escalationCheckMs ?? 30_000, () => escalation.tick(), log, 'escalation check'));
      timers.push(every(opts.deliveryCheckMs ?? 10_000, () => notifications.retryDue(), log, 'notification retries'));
      // Live sockets re-read their sessions: an expired or disabled account, or a narrowed scope, stops its feed.
      timers.push(every(opts.sessionCheckMs ?? 30_000, () => {
        socket?.revalidate();
        videoSockets?.revalidate();
      }, log, 'session check'));
      await new Promise<void>((resolve, reject) => {
        http.once('error', reject); // e.g. the port is taken: fail the start, do not crash later
        http.listen(opts.httpPort, opts.httpHost ?? '127.0.0.1', () => {
          http.off('error', reject);
          resolve();
        });
      });
      log.info({ port: (http.address() as AddressInfo).port }, 'server listening');
    },
    address: () => http.address() as AddressInfo,
    async stop() {
      for (const t of timers) clearInterval(t);
      video.stop();
      videoSockets?.close();
      await notifications.stop();
      commands.stop();
      // Drain the writer while the link is up, so the last acknowledgements reach the gateways.
      await writer.stop();
      await mqtt.stop();
      live.stop();
      coldChain.persist();
      await socket?.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      db.close();
    },
  };
}

/** A periodic job whose failure is logged, never thrown out of a timer (which would end the process). */
function every(ms: number, job: () => void, log: Logger, what: string): NodeJS.Timeout {
  return setInterval(() => {
    try {
      job();
    } catch (err) {
      log.error({ err }, `${what} failed`);
    }
  }, ms);
}

async function ensureDatabaseWithRetry(series: ReturnType<typeof createSeriesStore>, log: Logger) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await series.ensureDatabase();
    } catch (err) {
      if (attempt >= 30) throw err;
      log.warn({ err: (err as Error).message, attempt }, 'InfluxDB not ready; retrying');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export type KitchenServer = ReturnType<typeof createServer>;
