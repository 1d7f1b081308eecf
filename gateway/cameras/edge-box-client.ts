// The kitchen's NVR + edge AI box, as the gateway reads it: a small HTTP JSON API
// on the kitchen network (cameras with their health, AI events after a cursor, and
// each event's snapshot). One adapter file: the rest of the gateway sees this interface.
import type { EdgeCamera, EdgeEvent } from '../../contracts/edge-box.ts';

export type { EdgeCamera, EdgeEvent };

export interface EdgeBoxClient {
  cameras(): Promise<EdgeCamera[]>;
  events(after: number): Promise<EdgeEvent[]>;
  /** The event's JPEG, or null when the box has none (the camera was offline). */
  snapshot(eventId: string): Promise<Buffer | null>;
}

export function createEdgeBoxClient(baseUrl: string, timeoutMs = 3_000): EdgeBoxClient {
  async function get(path: string): Promise<Response> {
    const res = await fetch(new URL(path, baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    if (!res.ok && res.status !== 404) throw new Error(`edge box ${path}: HTTP ${res.status}`);
    return res;
  }
  return {
    cameras: async () => (await (await get('/api/cameras')).json()) as EdgeCamera[],
    events: async (after) => (await (await get(`/api/events?after=${after}`)).json()) as EdgeEvent[],
    async snapshot(eventId) {
      const res = await get(`/api/events/${encodeURIComponent(eventId)}/snapshot.jpg`);
      return res.status === 404 ? null : Buffer.from(await res.arrayBuffer());
    },
  };
}
