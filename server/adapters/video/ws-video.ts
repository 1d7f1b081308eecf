// The live-video transport: a WebSocket per viewer at /video/{kitchenId}/{cameraId}
// on the server's HTTP port, sending binary MPEG-TS as JSMpeg's WebSocket source
// expects. socket.io (events) and this share the port; socket.io answers its own
// path and leaves other upgrades alone. Why not socket.io for video: see
// docs/decisions/0007-live-video.md.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { isValidId } from '../../../contracts/topics.ts';
import type { VideoHub } from '../../app/video-hub.ts';
import { sameOrigin, sessionToken, type AccountsPort } from '../http/auth.ts';

const PATH = /^\/video\/([^/?#]+)\/([^/?#]+)\/?(?:\?.*)?$/;

function target(req: IncomingMessage): { kitchenId: string; cameraId: string } | null {
  const m = PATH.exec(req.url ?? '');
  if (!m) return null;
  try {
    const kitchenId = decodeURIComponent(m[1]!);
    const cameraId = decodeURIComponent(m[2]!);
    return isValidId(kitchenId) && isValidId(cameraId) ? { kitchenId, cameraId } : null;
  } catch {
    return null;
  }
}

export function attachVideoSockets(http: HttpServer, hub: VideoHub, accounts: Pick<AccountsPort, 'userOfToken' | 'canSee'>) {
  /** Each viewer's session and kitchen, so an ended session or a narrowed scope stops its video. */
  const viewers = new Map<WebSocket, { token: string; kitchenId: string }>();
  // perMessageDeflate off: MPEG-TS does not compress, and deflating per viewer costs CPU.
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 4096 });

  function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    if (!req.url?.startsWith('/video/')) return; // socket.io's, or nobody's
    // A browser always sends Origin on a WebSocket; another site's page must not watch kitchens
    // through an inspector's browser (cross-site WebSocket hijacking): same origin only.
    if (!sameOrigin(req)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const token = sessionToken(req.headers.cookie);
    const user = token ? accounts.userOfToken(token) : undefined;
    if (!user) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    const to = target(req);
    // Outside the user's scope looks the same as a camera path that does not exist.
    if (!to || !accounts.canSee(user, to.kitchenId)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      viewers.set(ws, { token: token!, kitchenId: to.kitchenId });
      ws.on('close', () => viewers.delete(ws));
      watch(ws, to.kitchenId, to.cameraId);
    });
  }

  function watch(ws: WebSocket, kitchenId: string, cameraId: string) {
    (ws as unknown as { _socket?: { setNoDelay?(v: boolean): void } })._socket?.setNoDelay?.(true);
    const leave = hub.addViewer(kitchenId, cameraId, {
      send: (data) => ws.send(data, { binary: true }),
      buffered: () => ws.bufferedAmount,
      close: (code, reason) => ws.close(code, reason),
    });
    ws.on('close', () => leave?.());
    ws.on('error', () => leave?.());
  }

  http.on('upgrade', onUpgrade);
  return {
    revalidate() {
      for (const [ws, v] of viewers) {
        const user = accounts.userOfToken(v.token);
        if (!user || !accounts.canSee(user, v.kitchenId)) ws.close(4401, 'session ended');
      }
    },
    close() {
      http.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
