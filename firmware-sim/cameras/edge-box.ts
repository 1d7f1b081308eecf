// The kitchen's NVR and edge AI box, simulated: it knows the cameras and how
// their streams are doing (from the relay), keeps the recorder's retention, and
// reports detections with a JPEG grabbed from the live stream at that moment.
// A gateway polls its small JSON API, as it would a vendor's box:
//   GET /api/cameras                       [{ camera, name, area, rtspUrl, online, fps, bitrateKbps, recorderDays }]
//   GET /api/events?after=<seq>            { boot, events: [{ seq, id, camera, category, confidence, ts, snapshot }] }
//   GET /api/events/<id>/snapshot.jpg      the JPEG, 404 when the event has none
// Each start() is a boot, as a power cycle of the real box: a new boot id (its start time,
// ms), events forgotten, seq from 1 again, ids evt-<kitchen>-<boot>-<seq>, same address.
import http from 'node:http';
import type { EdgeCamera, EdgeEvent, EdgeEventPage } from '../../contracts/edge-box.ts';
import type { AddressInfo } from 'node:net';
import { AI_CATEGORIES, type AiCategory, type CameraArea } from '../../contracts/cameras.ts';
import { systemClock, type Clock } from '../../contracts/clock.ts';
import { grabJpeg } from './ffmpeg.ts';
import type { RtspRelay } from './rtsp-relay.ts';

export interface EdgeBoxCamera {
  id: string;
  name: string;
  area: CameraArea;
  /** The camera's path on the relay. */
  path: string;
  /** Switched off and on by setCameraOnline. */
  source: { start(): void; stop(): Promise<void> };
}

export interface EdgeBoxOptions {
  kitchenId: string;
  cameras: readonly EdgeBoxCamera[];
  relay: Pick<RtspRelay, 'url' | 'stats'>;
  clock?: Clock;
  /** Days of video the recorder keeps (default 30). */
  recorderDays?: number;
  /** Events kept for polling (default 500); older ones and their JPEGs are forgotten. */
  maxEvents?: number;
  host?: string;
  log?: (line: string) => void;
  /** How a still is taken (default: ffmpeg as an RTSP client of the relay). */
  grab?: (rtspUrl: string) => Promise<Buffer>;
}

/** The box's API types are the contract the gateway reads (contracts/edge-box.ts). */
export type CameraListing = EdgeCamera;
export type { EdgeEvent, EdgeEventPage };

export interface EdgeBox {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** http://host:port, once started. */
  readonly url: string;
  readonly recorderDays: number;
  /** Changes with every start(); 0 before the first. */
  readonly boot: number;
  cameras(): CameraListing[];
  events(after?: number): EdgeEventPage;
  snapshot(eventId: string): Buffer | undefined;
  setCameraOnline(camera: string, online: boolean): Promise<void>;
  setRecorderDays(days: number): void;
  detect(camera: string, category: AiCategory, confidence: number): Promise<EdgeEvent>;
}

export function createEdgeBox(opts: EdgeBoxOptions): EdgeBox {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? (() => {});
  const grab = opts.grab ?? ((url: string) => grabJpeg(url));
  const maxEvents = opts.maxEvents ?? 500;
  const host = opts.host ?? '127.0.0.1';
  const byId = new Map(opts.cameras.map((c) => [c.id, c]));
  const stored: Array<{ event: EdgeEvent; jpeg?: Buffer }> = [];
  let recorderDays = opts.recorderDays ?? 30;
  let seq = 0;
  let boot = 0;
  let port = 0; // kept across restarts: the gateway knows the box by its address
  let url = '';
  const server = http.createServer((req, res) => serve(req, res));

  function camera(id: string): EdgeBoxCamera {
    const cam = byId.get(id);
    if (!cam) throw new Error(`unknown camera ${id} in kitchen ${opts.kitchenId}`);
    return cam;
  }

  function listing(cam: EdgeBoxCamera): CameraListing {
    const s = opts.relay.stats(cam.path);
    return {
      camera: cam.id, name: cam.name, area: cam.area, rtspUrl: opts.relay.url(cam.path), online: s.publishing,
      fps: s.publishing ? Math.round(s.fps * 10) / 10 : null,
      bitrateKbps: s.publishing ? Math.round(s.bitrateKbps) : null,
      recorderDays,
    };
  }

  function serve(req: http.IncomingMessage, res: http.ServerResponse): void {
    const u = new URL(req.url ?? '/', 'http://edge-box');
    const snapshotOf = /^\/api\/events\/([^/]+)\/snapshot\.jpg$/.exec(u.pathname);
    if (req.method !== 'GET') return reply(res, 405, { error: 'GET only' });
    if (u.pathname === '/api/cameras') return reply(res, 200, box.cameras());
    if (u.pathname === '/api/events') {
      const after = Number(u.searchParams.get('after') ?? 0);
      if (!Number.isInteger(after)) return reply(res, 400, { error: 'after must be an integer seq' });
      return reply(res, 200, box.events(after));
    }
    const jpeg = snapshotOf?.[1] && box.snapshot(decodeURIComponent(snapshotOf[1]));
    if (!jpeg) return reply(res, 404, { error: 'not found' });
    res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length, 'cache-control': 'max-age=86400' });
    res.end(jpeg);
  }

  const box: EdgeBox = {
    get url() { return url; },
    get recorderDays() { return recorderDays; },
    get boot() { return boot; },
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          port = (server.address() as AddressInfo).port;
          url = `http://${host}:${port}`;
          reboot();
          resolve();
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
    cameras: () => opts.cameras.map(listing),
    events: (after = 0) => ({ boot, events: stored.filter((s) => s.event.seq > after).map((s) => ({ ...s.event })) }),
    snapshot: (id) => stored.find((s) => s.event.id === id)?.jpeg,
    async setCameraOnline(id, online) {
      const cam = camera(id);
      if (online) cam.source.start();
      else await cam.source.stop();
    },
    setRecorderDays(days) {
      if (!(Number.isFinite(days) && days >= 0 && days <= 3650)) throw new RangeError(`recorder days out of range: ${days}`);
      recorderDays = days;
    },
    async detect(id, category, confidence) {
      const cam = camera(id);
      if (!AI_CATEGORIES.includes(category)) throw new RangeError(`unknown AI category ${category}`);
      if (!(confidence >= 0 && confidence <= 1)) throw new RangeError(`confidence must be within 0..1, got ${confidence}`);
      const ts = clock.now();
      const jpeg = await still(cam);
      // The seq is taken when the event is listed, so a poller never misses one that took longer to grab.
      seq += 1;
      const event: EdgeEvent = { seq, id: `evt-${opts.kitchenId}-${boot}-${seq}`, camera: id, category, confidence, ts, snapshot: jpeg !== undefined };
      stored.push(jpeg ? { event, jpeg } : { event });
      stored.splice(0, Math.max(0, stored.length - maxEvents));
      log(`edge box: ${category} on ${id} (${confidence})${jpeg ? '' : ', no snapshot'}`);
      return { ...event };
    },
  };

  /** A new boot: what a power cycle does to the box's events. The real clock, not the injected one
   *  (a manual clock would give a restarted simulator its old boot id), strictly increasing. */
  function reboot(): void {
    boot = Math.max(Date.now(), boot + 1);
    seq = 0;
    stored.length = 0;
  }

  /** The live picture, or nothing when the camera is offline or the grab fails. */
  async function still(cam: EdgeBoxCamera): Promise<Buffer | undefined> {
    if (!opts.relay.stats(cam.path).publishing) return undefined;
    try {
      return await grab(opts.relay.url(cam.path));
    } catch (err) {
      log(`edge box: ${(err as Error).message}`);
      return undefined;
    }
  }
  return box;
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
