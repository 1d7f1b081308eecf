// Lightweight viewers for the server-load benchmark: plain WebSocket clients (the
// `ws` package) on the server's video path that read and count bytes, as a browser's
// socket would, without decoding. Fifty Chromiums would measure Chromium, not the server.
import WebSocket from 'ws';

export interface Target { kitchenId: string; cameraId: string }

export interface ViewerSet {
  /** Opens one viewer per target; resolves when every socket is open. */
  add(targets: readonly Target[]): Promise<void>;
  /** Bytes each viewer has received so far, in the order they were added. */
  bytes(): number[];
  readonly size: number;
  /** Closes every viewer and waits for the sockets to go. */
  close(): Promise<void>;
}

export function createViewerSet(wsUrl: string, cookie: string): ViewerSet {
  const viewers: { ws: WebSocket; bytes: number }[] = [];

  function open(t: Target): Promise<void> {
    const ws = new WebSocket(`${wsUrl}/video/${t.kitchenId}/${t.cameraId}`, { perMessageDeflate: false, headers: { cookie } });
    const v = { ws, bytes: 0 };
    viewers.push(v);
    ws.on('message', (data: Buffer) => void (v.bytes += data.length));
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      // Kept for the socket's life (a later error must not go unhandled); no-ops once open.
      ws.on('error', reject);
      ws.on('close', (code, reason) => reject(new Error(`viewer of ${t.kitchenId}/${t.cameraId} closed: ${code} ${reason.toString()}`)));
    });
  }

  return {
    add: async (targets) => void (await Promise.all(targets.map(open))),
    bytes: () => viewers.map((v) => v.bytes),
    get size() {
      return viewers.length;
    },
    async close() {
      await Promise.all(viewers.map(({ ws }) => new Promise<void>((resolve) => {
        if (ws.readyState === WebSocket.CLOSED) return resolve();
        ws.once('close', () => resolve());
        ws.close();
      })));
      viewers.length = 0;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it is true; throws `what` after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000, everyMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(everyMs);
  }
}
