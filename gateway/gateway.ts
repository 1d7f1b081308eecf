// A kitchen gateway: polls its devices, numbers and keeps every reading in the
// durable outbox, publishes live readings at once, and drains the backlog in
// batches, oldest first, with a bounded window so catch-up never starves live
// readings. A reading leaves the outbox only when the server acknowledges it.
import type { Clock } from '../contracts/clock.ts';
import type { DeviceInfo, Reading } from '../contracts/payloads.ts';
import type { ChannelMessages } from '../contracts/validate.ts';
import type { Outbox, OutboxEntry, UnnumberedSampleEvent } from './outbox/outbox.ts';
import { createUplink } from './uplink.ts';
import type { DeviceDriver, GatewayDevice, RawSample } from './device-driver.ts';
import { handleCommand } from './commands.ts';
import { toUnnumberedReading } from './convert.ts';
import { createEdgeBoxClient } from './cameras/edge-box-client.ts';
import { createGatewayCameras, type GatewayCameras } from './cameras/gateway-cameras.ts';
import { aiBudget } from './cameras/ai-drain.ts';
import { showNotice, type KitchenDisplay } from './display/display.ts';

export interface GatewayOptions {
  kitchenId: string;
  gatewayId: string;
  mqttUrl: string;
  secret: string;
  devices: GatewayDevice[];
  driver: DeviceDriver;
  outbox: Outbox;
  /** The device clock that stamps readings (injected: tests and scenarios run fast). */
  clock: Clock;
  pollIntervalMs: number;
  batchSize?: number;
  maxBatchesInFlight?: number;
  /** Re-send a reading not acknowledged within this time (transport timing, real clock). */
  resendAfterMs?: number;
  firmware?: string;
  /** Wait up to this long for the outbox to empty before the first poll (the demo's
   *  backfilled history is then judged by the rules in device-time order). Default 0. */
  holdFirstPollForBacklogMs?: number;
  /** The kitchen's NVR + edge AI box (bright kitchen); none: a gateway without cameras. */
  edgeBoxUrl?: string;
  cameraHealthMs?: number;
  cameraEventMs?: number;
  streamIdleStopMs?: number;
  /** The kitchen display and buzzer that `notify` commands drive; none: they are refused (no_display). */
  display?: KitchenDisplay;
  /** Where the camera side reports trouble with the edge box (each kind once). */
  log?: { warn(obj: object, msg: string): void };
}

export function createGateway(opts: GatewayOptions) {
  const batchSize = opts.batchSize ?? 500;
  const maxInFlight = opts.maxBatchesInFlight ?? 2;
  const resendAfterMs = opts.resendAfterMs ?? 15_000;
  const inFlight = new Map<number, { oids: Set<number>; sentAt: number }>();
  let pollIntervalMs = opts.pollIntervalMs;
  let pollTimer: NodeJS.Timeout | undefined;
  let drainTimer: NodeJS.Timeout | undefined;
  let statusTimer: NodeJS.Timeout | undefined;
  let stopped = false;
  let polling = true;
  let currentPoll: Promise<void> = Promise.resolve();
  let nextBatchId = 1;
  const stats = { polled: 0, liveSent: 0, batchesSent: 0, acked: 0 };

  const uplink = createUplink({
    kitchenId: opts.kitchenId, gatewayId: opts.gatewayId, url: opts.mqttUrl, secret: opts.secret,
    onAck, onCommand: (cmd) => void handleCommand(cmd, commandTarget).then((reply) => uplink.sendReply(reply)).catch(() => undefined),
    onConnect: () => {
      void sendStatus();
      drain();
    },
    onDisconnect: () => inFlight.clear(),
  });

  const cameras: GatewayCameras | undefined = opts.edgeBoxUrl === undefined ? undefined : createGatewayCameras({
    edgeBox: createEdgeBoxClient(opts.edgeBoxUrl, { log: opts.log }), uplink, outbox: opts.outbox, now: () => opts.clock.now(), log: opts.log,
    healthIntervalMs: opts.cameraHealthMs, eventIntervalMs: opts.cameraEventMs, streamIdleStopMs: opts.streamIdleStopMs,
  });

  const commandTarget = {
    depth: () => opts.outbox.depth(),
    setPollInterval(ms: number) {
      pollIntervalMs = ms;
    },
    resend() {
      opts.outbox.resetSent();
      inFlight.clear();
      drain();
    },
    startStream: (camera: string) => cameras?.startStream(camera) ?? false,
    stopStream: (camera: string) => cameras?.stopStream(camera) ?? false,
    notify: (args: Parameters<typeof showNotice>[1]) => showNotice(opts.display, args, opts.clock.now()),
  };

  function onAck(message: ChannelMessages['ack']) {
    const oids = [...message.stored, ...(message.rejected ?? [])];
    stats.acked += opts.outbox.ack(oids);
    for (const [id, batch] of inFlight) {
      for (const oid of oids) batch.oids.delete(oid);
      if (batch.oids.size === 0) inFlight.delete(id);
    }
    drain();
  }

  function deviceInfos(): DeviceInfo[] {
    return opts.devices.map(({ unitId: _unitId, ...info }) => info);
  }

  async function sendStatus() {
    await uplink.sendStatus({
      v: 1, state: 'online', ts: opts.clock.now(), firmware: opts.firmware ?? 'kcw-gateway/0.1',
      outboxDepth: opts.outbox.depth(), devices: deviceInfos(),
    }).catch(() => undefined);
  }

  async function pollOnce() {
    const samples = await Promise.all(opts.devices.map((d) => opts.driver.read(d).then((raw) => toUnnumberedReading(raw, d.kind))));
    const readings = opts.outbox.append(samples);
    stats.polled += readings.length;
    // Never await the uplink here: a PUBACK lost with a dropped connection would
    // stall polling, and the outbox already guarantees delivery.
    if (uplink.connected()) void publishLive(readings);
  }

  async function publishLive(readings: Reading[]) {
    const now = Date.now();
    opts.outbox.markSent(readings.map((r) => r.oid), now);
    await Promise.all(readings.map((reading) => uplink.sendReading({ v: 1, reading }).then(
      () => void stats.liveSent++,
      () => opts.outbox.markSent([reading.oid], 0), // not sent after all: due for the catch-up
    )));
  }

  function expireStuckBatches(now: number) {
    for (const [id, batch] of inFlight) if (now - batch.sentAt > resendAfterMs) inFlight.delete(id);
  }

  function drain() {
    if (stopped || !uplink.connected()) return;
    const now = Date.now();
    expireStuckBatches(now);
    const withinAiBudget = aiBudget(); // AI events past it stay due for the next drain
    while (inFlight.size < maxInFlight) {
      const due = withinAiBudget(opts.outbox.due(batchSize, now - resendAfterMs));
      if (due.length === 0) return;
      const oids = due.map((e) => e.record.oid);
      const id = nextBatchId++;
      inFlight.set(id, { oids: new Set(oids), sentAt: now });
      opts.outbox.markSent(oids, now);
      stats.batchesSent++;
      sendDue(due).catch(() => {
        inFlight.delete(id);
        opts.outbox.markSent(oids, 0);
      });
    }
  }

  /** Readings go out as one batch; sample and AI events (rare, a few per meal) one by one. */
  async function sendDue(due: OutboxEntry[]) {
    const readings: Reading[] = [];
    const sends: Promise<void>[] = [];
    for (const e of due) {
      if (e.kind === 'reading') readings.push(e.record);
      else if (e.kind === 'sample') sends.push(uplink.sendSample({ v: 1, event: e.record }));
      else sends.push(uplink.sendAi({ v: 1, event: e.record }));
    }
    if (readings.length) sends.push(uplink.sendBatch({ v: 1, readings }));
    await Promise.all(sends);
  }

  async function waitForBacklog(maxMs: number) {
    const deadline = Date.now() + maxMs;
    while (!stopped && opts.outbox.depth() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  }

  function schedulePoll() {
    if (stopped || !polling) return;
    pollTimer = setTimeout(() => {
      currentPoll = pollOnce().catch(() => undefined);
      void currentPoll.finally(schedulePoll);
    }, pollIntervalMs);
  }

  /** Keeps sample events (from the cabinet's scale) and sends them at once when the uplink is up. */
  function recordSamples(events: UnnumberedSampleEvent[]) {
    const numbered = opts.outbox.appendSamples(events);
    if (!uplink.connected() || numbered.length === 0) return numbered;
    const now = Date.now();
    opts.outbox.markSent(numbered.map((e) => e.oid), now);
    for (const event of numbered) {
      uplink.sendSample({ v: 1, event }).catch(() => opts.outbox.markSent([event.oid], 0));
    }
    return numbered;
  }

  return {
    stats,
    uplink,
    outbox: opts.outbox,
    cameras,
    pollOnce,
    recordSamples,
    /** Stops taking readings (the uplink and the outbox's drain go on), resolving once a poll in
     *  progress has kept its readings: for a clean hand-over, or a test's final count. */
    pausePolling(): Promise<void> {
      polling = false;
      clearTimeout(pollTimer);
      return currentPoll;
    },
    start() {
      opts.outbox.resetSent(); // after a restart, nothing kept is known to be in flight
      uplink.start();
      void waitForBacklog(opts.holdFirstPollForBacklogMs ?? 0).then(schedulePoll);
      drainTimer = setInterval(drain, 500);
      statusTimer = setInterval(() => void sendStatus(), 60_000);
      cameras?.start();
    },
    async stop() {
      stopped = true;
      clearTimeout(pollTimer);
      clearInterval(drainTimer);
      clearInterval(statusTimer);
      cameras?.stop();
      await uplink.stop();
      await opts.driver.close();
      opts.outbox.close();
    },
  };
}

export type Gateway = ReturnType<typeof createGateway>;
