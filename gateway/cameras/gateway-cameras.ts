// The gateway's cameras: it polls the kitchen's edge box for each camera's health
// (sent on up/camera every poll) and for new AI events, which it keeps in the outbox
// with their snapshot until the server acknowledges them, like readings. Live video
// runs on the server's command (live-streams.ts).
import type { CameraHealth } from '../../contracts/cameras.ts';
import type { Outbox, UnnumberedAiEvent } from '../outbox/outbox.ts';
import type { Uplink } from '../uplink.ts';
import type { EdgeBoxClient, EdgeCamera, EdgeEvent } from './edge-box-client.ts';
import { createLiveStreams } from './live-streams.ts';

export const EDGE_BOX_CURSOR = 'edge-box-events';

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
  const timers: NodeJS.Timeout[] = [];
  const streams = createLiveStreams({
    rtspUrlOf: (id) => known.get(id)?.rtspUrl,
    publish: (id, packets) => opts.uplink.publishVideo(id, packets),
    onChange: () => void sendHealth(),
    idleStopMs: opts.streamIdleStopMs,
    log: opts.log,
  });

  const health = (c: EdgeCamera): CameraHealth => ({
    camera: c.camera, name: c.name.slice(0, 80), area: c.area, online: reachable && c.online, fps: c.fps, bitrateKbps: c.bitrateKbps,
    recorderDays: c.recorderDays, streaming: streams.isStreaming(c.camera),
  });

  async function pollHealth() {
    try {
      known = new Map((await opts.edgeBox.cameras()).map((c) => [c.camera, c]));
      reachable = true;
    } catch (err) {
      // The box is down: its cameras cannot be seen, which is what FS-CAM-OFFLINE is about.
      if (reachable) opts.log?.warn({ err: (err as Error).message }, 'edge box unreachable');
      reachable = false;
    }
    await sendHealth();
  }

  async function sendHealth() {
    if (!opts.uplink.connected() || known.size === 0) return;
    await opts.uplink.sendCamera({ v: 1, ts: opts.now(), cameras: [...known.values()].map(health) }).catch(() => undefined);
  }

  async function toAiEvent(e: EdgeEvent): Promise<UnnumberedAiEvent> {
    const jpeg = e.snapshot === false ? null : await opts.edgeBox.snapshot(e.id).catch(() => null);
    return {
      id: e.id, camera: e.camera, category: e.category, confidence: e.confidence, ts: e.ts,
      ...(jpeg ? { snapshot: { mime: 'image/jpeg' as const, data: jpeg.toString('base64') } } : {}),
    };
  }

  async function pollEvents() {
    const after = opts.outbox.cursor(EDGE_BOX_CURSOR);
    const events = await opts.edgeBox.events(after).catch(() => []);
    for (const e of events.filter((x) => x.seq > after).sort((a, b) => a.seq - b.seq)) {
      const [kept] = opts.outbox.appendAiEvents([await toAiEvent(e)]);
      opts.outbox.setCursor(EDGE_BOX_CURSOR, e.seq);
      if (kept && opts.uplink.connected()) {
        opts.outbox.markSent([kept.oid], Date.now());
        opts.uplink.sendAi({ v: 1, event: kept }).catch(() => opts.outbox.markSent([kept.oid], 0));
      }
    }
  }

  function every(ms: number, job: () => Promise<void>) {
    let busy = false;
    timers.push(setInterval(() => {
      if (busy) return; // a slow edge box must not pile up requests
      busy = true;
      void job().finally(() => (busy = false));
    }, ms));
  }

  return {
    streams,
    pollHealth,
    pollEvents,
    startStream: (id: string) => streams.start(id),
    stopStream: (id: string) => streams.stop(id),
    start() {
      void pollHealth();
      every(opts.healthIntervalMs ?? 10_000, pollHealth);
      every(opts.eventIntervalMs ?? 2_000, pollEvents);
    },
    stop() {
      for (const t of timers) clearInterval(t);
      streams.stopAll();
    },
  };
}

export type GatewayCameras = ReturnType<typeof createGatewayCameras>;
