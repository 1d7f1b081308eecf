// The bright-kitchen (明厨亮灶) cameras of one kitchen: one RTSP relay (the NVR's
// streaming side), one ffmpeg source per camera publishing into the path named
// after the camera, and the edge box with its JSON API on top. Ports are 0.
import type { CameraArea } from '../../contracts/cameras.ts';
import { systemClock, type Clock } from '../../contracts/clock.ts';
import { createCameraSource, type CameraSource } from './camera-source.ts';
import { createEdgeBox, type EdgeBox } from './edge-box.ts';
import { createRtspRelay, type RtspRelay } from './rtsp-relay.ts';

export interface KitchenCameraSpec {
  id: string;
  name: string;
  area: CameraArea;
  /** What the camera burns into its picture (ASCII: the label font has no CJK); default the name. */
  label?: string;
}

export interface KitchenCamerasOptions {
  kitchenId: string;
  cameras: readonly KitchenCameraSpec[];
  width?: number;
  height?: number;
  fps?: number;
  bitrateKbps?: number;
  recorderDays?: number;
  clock?: Clock;
  host?: string;
  log?: (line: string) => void;
  /** How long start() waits for every camera to publish (default 15 s). */
  readyTimeoutMs?: number;
}

export interface KitchenCameras {
  readonly kitchenId: string;
  /** Resolves once every camera's stream is on the relay; throws if one is not in time. */
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly edgeBoxUrl: string;
  rtspUrl(cameraId: string): string;
  readonly edgeBox: EdgeBox;
  readonly relay: RtspRelay;
  readonly sources: ReadonlyMap<string, CameraSource>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/; // contracts/cameras.ts: camera ids on the wire

export function createKitchenCameras(opts: KitchenCamerasOptions): KitchenCameras {
  validate(opts);
  const log = opts.log ?? (() => {});
  const host = opts.host ?? '127.0.0.1';
  const relay = createRtspRelay({ host, log });
  // Created in start(): a source publishes to the relay's URL, whose port is known only then.
  let current = new Map<string, CameraSource>();
  const edgeBox = createEdgeBox({
    kitchenId: opts.kitchenId, relay, clock: opts.clock ?? systemClock, recorderDays: opts.recorderDays, host, log,
    cameras: opts.cameras.map((c) => ({ ...c, path: c.id, source: { start: () => source(c.id).start(), stop: () => source(c.id).stop() } })),
  });

  const source = (id: string): CameraSource => {
    const s = current.get(id);
    if (!s) throw new Error(`camera ${id} unknown in kitchen ${opts.kitchenId}, or the kitchen is not started`);
    return s;
  };

  return {
    kitchenId: opts.kitchenId,
    edgeBox, relay,
    get sources() { return current; },
    get edgeBoxUrl() { return edgeBox.url; },
    rtspUrl(id) {
      if (!opts.cameras.some((c) => c.id === id)) throw new Error(`unknown camera ${id} in kitchen ${opts.kitchenId}`);
      return relay.url(id);
    },
    async start() {
      await relay.start();
      const picture = { width: opts.width, height: opts.height, fps: opts.fps, bitrateKbps: opts.bitrateKbps, log };
      current = new Map(opts.cameras.map((c) => [c.id, createCameraSource({ ...picture, url: relay.url(c.id), name: c.label ?? c.name })]));
      await edgeBox.start();
      current.forEach((s) => s.start());
      await untilPublishing(relay, opts.cameras.map((c) => c.id), opts.readyTimeoutMs ?? 15_000);
    },
    async stop() {
      await edgeBox.stop();
      await Promise.all([...current.values()].map((s) => s.stop()));
      await relay.stop();
    },
  };
}

async function untilPublishing(relay: RtspRelay, paths: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const missing = paths.filter((p) => !relay.stats(p).publishing);
    if (missing.length === 0) return;
    if (Date.now() > deadline) throw new Error(`cameras not publishing after ${timeoutMs} ms: ${missing.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function validate(opts: KitchenCamerasOptions): void {
  const ids = new Set<string>();
  for (const { id } of opts.cameras) {
    if (!ID.test(id)) throw new Error(`bad camera id ${JSON.stringify(id)}`);
    if (ids.has(id)) throw new Error(`duplicate camera id ${id}`);
    ids.add(id);
  }
}
