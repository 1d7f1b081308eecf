// The gateway's cameras: it polls the kitchen's edge box for each camera's health
// (sent on up/camera every poll) and for new AI events, which it keeps in the outbox
// with their snapshot until the server acknowledges them, like readings. Live video
// runs on the server's command (live-streams.ts). Nothing the box answers may stop
// the gateway: bad entries are dropped and counted, failed polls counted, and what
// leaves is checked against the MQTT contract first (outgoing.ts).
import type { CameraHealth } from '../../contracts/cameras.ts';
import type { Outbox, UnnumberedAiEvent } from '../outbox/outbox.ts';
import type { Uplink } from '../uplink.ts';
import type { EdgeBoxClient, EdgeCamera, EdgeEvent } from './edge-box-client.ts';
import { createLiveStreams } from './live-streams.ts';
import { fitsAiMessage, isValidHealth } from './outgoing.ts';

/** The last event seq read from the box, and the box's boot that seq belongs to. */
/** Health polls that must fail in a row before the box's cameras are reported offline. */
export const UNREACHABLE_AFTER_POLLS = 3;

export const EDGE_BOX_CURSOR = 'edge-box-events';
export const EDGE_BOX_BOOT = 'edge-box-boot';

export interface GatewayCamerasOptions {
  edgeBox: EdgeBoxClient;
  uplink: Pick<Uplink, 'connected' | 'sendCamera' | 'sendAi' | 'publishVideo'>;
  outbox: Outbox;
  now(): number;
  healthIntervalMs?: number;
  eventIntervalMs?: number;
  streamIdleStopMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

export function createGatewayCameras(opts: GatewayCamerasOptions) {
  let known = new Map<string, EdgeCamera>();
  let reachable = true;
  let failedPolls = 0;
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const stats = { camerasInvalid: 0, eventsInvalid: 0, snapshotsTooLarge: 0, pollsFailed: 0 };
  const streams = createLiveStreams({
    rtspUrlOf: (id) => known.get(id)?.rtspUrl,
    publish: (id, packets) => opts.uplink.publishVideo(id, packets),
    onChange: () => void sendHealth(),
    idleStopMs: opts.streamIdleStopMs,
    log: opts.log,
  });

  /** Counts a problem; logs only its first occurrence (a bad box would otherwise flood the log). */
  function count(key: keyof typeof stats, detail: object, msg: string) {
    if (stats[key]++ === 0) opts.log?.warn(detail, msg);
  }

  async function pollHealth() {
    try {
      const cameras = await opts.edgeBox.cameras();
      known = new Map(cameras.map((c) => [c.camera, c]));
      failedPolls = 0;
      reachable = true;
    } catch (err) {
      // The box is down: its cameras cannot be seen, which is what FS-CAM-OFFLINE is about. One slow
      // answer is not that (a busy box, a busy gateway): only UNREACHABLE_AFTER_POLLS failures in a row.
      if (++failedPolls === UNREACHABLE_AFTER_POLLS) {
        opts.log?.warn({ err: (err as Error).message }, 'edge box unreachable');
        reachable = false;
      }
    }
    await sendHealth();
  }

  function healthOf(c: EdgeCamera): CameraHealth | undefined {
    const h = {
      camera: c.camera, name: c.name.slice(0, 80), area: c.area, online: reachable && c.online, fps: c.fps,
      bitrateKbps: c.bitrateKbps, recorderDays: c.recorderDays, streaming: streams.isStreaming(c.camera),
    };
    if (isValidHealth(h)) return h;
    count('camerasInvalid', { camera: c.camera }, 'camera health out of contract: not sent');
    return undefined;
  }

  async function sendHealth() {
    if (stopped || !opts.uplink.connected()) return;
    const cameras = [...known.values()].flatMap((c) => healthOf(c) ?? []);
    if (cameras.length === 0) return; // none known yet, or none valid: nothing to say
    await opts.uplink.sendCamera({ v: 1, ts: opts.now(), cameras }).catch(() => undefined);
  }

  /** The event as it may leave (without its snapshot when that makes it too large), or null. */
  async function toAiEvent(e: EdgeEvent): Promise<UnnumberedAiEvent | null> {
    const bare = { id: e.id, camera: e.camera, category: e.category, confidence: e.confidence, ts: e.ts };
    if (!fitsAiMessage(bare)) {
      count('eventsInvalid', { event: e.id }, 'AI event out of contract: dropped');
      return null;
    }
    const jpeg = e.snapshot ? await opts.edgeBox.snapshot(e.id).catch(() => null) : null;
    if (!jpeg) return bare;
    const full = { ...bare, snapshot: { mime: 'image/jpeg' as const, data: jpeg.toString('base64') } };
    if (fitsAiMessage(full)) return full;
    count('snapshotsTooLarge', { event: e.id, bytes: jpeg.length }, 'AI snapshot too large: event kept without it');
    return bare;
  }

  /** The box's events not read yet; after a restart of the box, all of its new boot's. */
  async function unreadEvents(): Promise<EdgeEvent[] | null> {
    const after = opts.outbox.cursor(EDGE_BOX_CURSOR);
    const page = await opts.edgeBox.events(after);
    if (stopped) return null;
    if (page.boot === opts.outbox.cursor(EDGE_BOX_BOOT)) return page.events.filter((e) => e.seq > after);
    // A new boot numbers from 1 again. The seq first: a crash in between only resets once more.
    opts.outbox.setCursor(EDGE_BOX_CURSOR, 0);
    opts.outbox.setCursor(EDGE_BOX_BOOT, page.boot);
    if (after === 0) return page.events;
    const again = await opts.edgeBox.events(0);
    return !stopped && again.boot === page.boot ? again.events : null; // restarted once more: the next poll
  }

  async function pollEvents() {
    const events = await unreadEvents();
    for (const e of (events ?? []).sort((a, b) => a.seq - b.seq)) {
      const event = await toAiEvent(e);
      if (stopped) return; // the outbox may be closed by now; the box still has the event
      if (event) keep(event);
      opts.outbox.setCursor(EDGE_BOX_CURSOR, e.seq);
    }
  }

  function keep(event: UnnumberedAiEvent) {
    const [kept] = opts.outbox.appendAiEvents([event]);
    if (!kept || !opts.uplink.connected()) return;
    opts.outbox.markSent([kept.oid], Date.now());
    opts.uplink.sendAi({ v: 1, event: kept }).catch(() => {
      if (!stopped) opts.outbox.markSent([kept.oid], 0); // due for the drain again (a stopped gateway's outbox is closed)
    });
  }

  /** Runs a job now, never letting it throw out of a timer (an unhandled rejection ends Node). */
  function run(job: () => Promise<void>): Promise<void> {
    return job().catch((err: unknown) => count('pollsFailed', { err: (err as Error)?.message }, 'edge box poll failed'));
  }

  function every(ms: number, job: () => Promise<void>) {
    let busy = false;
    timers.push(setInterval(() => {
      if (busy || stopped) return; // a slow edge box must not pile up requests
      busy = true;
      void run(job).finally(() => (busy = false));
    }, ms));
  }

  return {
    stats,
    streams,
    pollHealth,
    pollEvents,
    startStream: (id: string) => streams.start(id),
    stopStream: (id: string) => streams.stop(id),
    start() {
      void run(pollHealth);
      every(opts.healthIntervalMs ?? 10_000, pollHealth);
      every(opts.eventIntervalMs ?? 2_000, pollEvents);
    },
    stop() {
      stopped = true; // a poll awaiting the box ends without touching the outbox
      for (const t of timers) clearInterval(t);
      streams.stopAll();
    },
  };
}

export type GatewayCameras = ReturnType<typeof createGatewayCameras>;
