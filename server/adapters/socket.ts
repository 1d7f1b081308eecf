// socket.io: a snapshot on every (re)connect, then deltas, only of the kitchens the
// user may see. A socket logs in with the session cookie of its page; it joins the room
// of each kitchen in its user's scope (or the room of everything, for admins and
// auditors), so an event reaches exactly the sockets allowed to see it.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Alert, LatestReading, SampleDto } from '../../contracts/api.ts';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../contracts/events.ts';
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';
import { sameOrigin, sessionToken, type AccountsPort, type AuthUser } from './http/auth.ts';

/** Admins and auditors: every kitchen, including ones added later. */
const EVERYTHING = 'all';
const kitchenRoom = (id: string) => `kitchen:${id}`;

export interface SocketDeps {
  accounts: Pick<AccountsPort, 'userOfToken' | 'canSee'> & { scopeOf(user: AuthUser): 'all' | ReadonlySet<string> };
  /** The snapshot of what this user may see. */
  snapshot(user: AuthUser): Snapshot;
}

export function createSocketAdapter(http: HttpServer, deps: SocketDeps) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, {
    serveClient: false,
    // Another origin's page must not read the live feed with an inspector's cookie.
    allowRequest: (req, callback) => callback(null, sameOrigin(req)),
  });
  io.use((socket, next) => {
    const token = sessionToken(socket.request.headers.cookie);
    const user = token ? deps.accounts.userOfToken(token) : undefined;
    if (!user) return next(new Error('unauthenticated'));
    socket.data.token = token;
    socket.data.user = user;
    next();
  });

  type AnySocket = (typeof io.sockets.sockets extends Map<string, infer S> ? S : never);
  /** The socket's user now: a session that ended (logout, expiry, a disabled account) disconnects it. */
  function current(socket: AnySocket): AuthUser | undefined {
    const user = deps.accounts.userOfToken(socket.data.token as string);
    if (!user) {
      socket.disconnect(true);
      return undefined;
    }
    socket.data.user = user;
    return user;
  }

  /** Joins the rooms of everything the user may see (or of one kitchen in it: the kitchen page). */
  function joinScope(socket: { rooms: Set<string>; join(r: string | string[]): unknown; leave(r: string): unknown }, user: AuthUser, only: string | null) {
    for (const room of socket.rooms) if (room.startsWith('kitchen:') || room === EVERYTHING) void socket.leave(room);
    if (only !== null) {
      if (deps.accounts.canSee(user, only)) void socket.join(kitchenRoom(only));
      return;
    }
    const scope = deps.accounts.scopeOf(user);
    void socket.join(scope === 'all' ? EVERYTHING : [...scope].map(kitchenRoom));
  }

  io.on('connection', (socket) => {
    socket.data.only = null;
    joinScope(socket, socket.data.user as AuthUser, null);
    socket.on('snapshot:get', (reply) => {
      // Every (re)connect asks again: the session and the scope are read afresh.
      const user = current(socket);
      if (!user) return;
      joinScope(socket, user, socket.data.only as string | null);
      if (typeof reply === 'function') reply(deps.snapshot(user));
    });
    socket.on('kitchen:watch', (kitchenId) => {
      const user = current(socket);
      if (!user) return;
      socket.data.only = typeof kitchenId === 'string' ? kitchenId : null;
      joinScope(socket, user, socket.data.only as string | null);
    });
  });
  const to = (kitchenId: string) => io.to(EVERYTHING).to(kitchenRoom(kitchenId));
  return {
    io,
    /** Re-reads every socket's session and scope: ended sessions are cut, changed scopes take effect. */
    revalidate() {
      for (const socket of io.sockets.sockets.values()) {
        const user = current(socket);
        if (user) joinScope(socket, user, socket.data.only as string | null);
      }
    },
    /** A logout ends its sockets at once, not at the next revalidation. */
    endSession(token: string) {
      for (const socket of io.sockets.sockets.values()) if (socket.data.token === token) socket.disconnect(true);
    },
    emitReading(reading: LatestReading) {
      to(reading.kitchenId).emit('reading:new', reading);
    },
    emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert) {
      to(alert.kitchenId).emit(event, alert);
    },
    emitSample(sample: SampleDto) {
      to(sample.kitchenId).emit('sample:updated', sample);
    },
    emitCamera(camera: CameraDto) {
      to(camera.kitchenId).emit('camera:updated', camera);
    },
    emitAiEvent(event: AiEventDto) {
      to(event.kitchenId).emit('ai:event', event);
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

export type SocketAdapter = ReturnType<typeof createSocketAdapter>;
