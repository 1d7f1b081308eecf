// socket.io: a snapshot on every (re)connect, then deltas, only of the kitchens the
// user may see. A socket logs in with the session cookie of its page; it joins the room
// of each kitchen in its user's scope (or the room of everything, for admins and
// auditors), so an event reaches exactly the sockets allowed to see it.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Alert, LatestReading, SampleDto } from '../../contracts/api.ts';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../contracts/events.ts';
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';
import { sessionToken, type AccountsPort, type AuthUser } from './http/auth.ts';

/** Admins and auditors: every kitchen, including ones added later. */
const EVERYTHING = 'all';
const kitchenRoom = (id: string) => `kitchen:${id}`;

export interface SocketDeps {
  accounts: Pick<AccountsPort, 'userOfToken' | 'canSee'> & { scopeOf(user: AuthUser): 'all' | ReadonlySet<string> };
  /** The snapshot of what this user may see. */
  snapshot(user: AuthUser): Snapshot;
}

export function createSocketAdapter(http: HttpServer, deps: SocketDeps) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false });
  io.use((socket, next) => {
    const token = sessionToken(socket.request.headers.cookie);
    const user = token ? deps.accounts.userOfToken(token) : undefined;
    if (!user) return next(new Error('unauthenticated'));
    socket.data.user = user;
    next();
  });

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
    const user = socket.data.user as AuthUser;
    joinScope(socket, user, null);
    socket.on('snapshot:get', (reply) => {
      // Every (re)connect asks again: the scope is read afresh (a kitchen may have been added to it).
      joinScope(socket, user, null);
      if (typeof reply === 'function') reply(deps.snapshot(user));
    });
    socket.on('kitchen:watch', (kitchenId) => joinScope(socket, user, typeof kitchenId === 'string' ? kitchenId : null));
  });
  const to = (kitchenId: string) => io.to(EVERYTHING).to(kitchenRoom(kitchenId));
  return {
    io,
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
