// The kitchen's NVR + edge AI box, as the gateway reads it: a small HTTP JSON API
// on the kitchen network (cameras with their health, AI events after a cursor, and
// each event's snapshot). One adapter file: the rest of the gateway sees this interface,
// and only well-formed entries: a vendor's box may answer anything, and one bad entry
// must cost only itself.
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { EdgeCamera, EdgeEvent, type EdgeEventPage } from '../../contracts/edge-box.ts';

export type { EdgeCamera, EdgeEvent, EdgeEventPage };

export interface EdgeBoxClient {
  cameras(): Promise<EdgeCamera[]>;
  /** The box's events after `after` in its current boot (see contracts/edge-box.ts). */
  events(after: number): Promise<EdgeEventPage>;
  /** The event's JPEG, or null when the box has none (the camera was offline). */
  snapshot(eventId: string): Promise<Buffer | null>;
}

export interface EdgeBoxClientOptions {
  timeoutMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

const cameraShape = TypeCompiler.Compile(EdgeCamera);
const eventShape = TypeCompiler.Compile(EdgeEvent);

export function createEdgeBoxClient(baseUrl: string, opts: EdgeBoxClientOptions = {}) {
  const timeoutMs = opts.timeoutMs ?? 3_000;
  const stats = { malformedCameras: 0, malformedEvents: 0 };

  /** The response; null for a 404, which only a snapshot may take as an answer (the event has none). */
  async function get(path: string): Promise<Response | null> {
    const res = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    if (res.ok) return res;
    await res.body?.cancel(); // frees the connection for the next request
    if (res.status === 404) return null;
    throw new Error(`edge box ${path}: HTTP ${res.status}`);
  }

  async function json(path: string): Promise<unknown> {
    const res = await get(path);
    if (res === null) throw new Error(`edge box ${path}: HTTP 404`);
    return res.json();
  }

  /** The well-formed entries; the others are counted, and the first one logged. */
  function wellFormed<T>(entries: unknown[], check: (x: unknown) => x is T, key: keyof typeof stats): T[] {
    const good = entries.filter(check);
    const bad = entries.length - good.length;
    if (bad > 0 && stats[key] === 0) opts.log?.warn({ example: entries.find((e) => !check(e)) }, `edge box: ${key} dropped`);
    stats[key] += bad;
    return good;
  }

  const client: EdgeBoxClient = {
    async cameras() {
      const body = await json('/api/cameras');
      if (!Array.isArray(body)) throw new Error('edge box /api/cameras: malformed answer (not a list)');
      return wellFormed(body, (x): x is EdgeCamera => cameraShape.Check(x), 'malformedCameras');
    },
    async events(after) {
      const body = (await json(`/api/events?after=${after}`)) as Partial<Record<'boot' | 'events', unknown>> | null;
      const boot = body?.boot;
      if (!(Number.isSafeInteger(boot) && (boot as number) >= 0 && Array.isArray(body?.events))) {
        throw new Error('edge box /api/events: malformed answer (expected { boot, events })');
      }
      return { boot: boot as number, events: wellFormed(body.events as unknown[], (x): x is EdgeEvent => eventShape.Check(x), 'malformedEvents') };
    },
    async snapshot(eventId) {
      const res = await get(`/api/events/${encodeURIComponent(eventId)}/snapshot.jpg`);
      return res === null ? null : Buffer.from(await res.arrayBuffer());
    },
  };
  return { ...client, stats };
}

export type HttpEdgeBoxClient = ReturnType<typeof createEdgeBoxClient>;
