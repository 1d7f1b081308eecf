// socket.io: a snapshot on every (re)connect, then deltas. Readings go to the
// district room and to the room of their kitchen; alerts to both as well.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Alert, LatestReading, SampleDto } from '../../contracts/api.ts';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../contracts/events.ts';
import type { AiEventDto, CameraDto } from '../../contracts/camera-api.ts';

const DISTRICT = 'district';
const kitchenRoom = (id: string) => `kitchen:${id}`;

export function createSocketAdapter(http: HttpServer, deps: { snapshot(): Snapshot }) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(http, { serveClient: false });
  io.on('connection', (socket) => {
    void socket.join(DISTRICT);
    socket.on('snapshot:get', (reply) => {
      if (typeof reply === 'function') reply(deps.snapshot());
    });
    socket.on('kitchen:watch', (kitchenId) => {
      for (const room of socket.rooms) if (room.startsWith('kitchen:') || room === DISTRICT) void socket.leave(room);
      void socket.join(typeof kitchenId === 'string' ? kitchenRoom(kitchenId) : DISTRICT);
    });
  });
  return {
    io,
    emitReading(reading: LatestReading) {
      io.to(DISTRICT).to(kitchenRoom(reading.kitchenId)).emit('reading:new', reading);
    },
    emitAlert(event: 'alert:raised' | 'alert:updated', alert: Alert) {
      io.to(DISTRICT).to(kitchenRoom(alert.kitchenId)).emit(event, alert);
    },
    emitSample(sample: SampleDto) {
      io.to(DISTRICT).to(kitchenRoom(sample.kitchenId)).emit('sample:updated', sample);
    },
    emitCamera(camera: CameraDto) {
      io.to(DISTRICT).to(kitchenRoom(camera.kitchenId)).emit('camera:updated', camera);
    },
    emitAiEvent(event: AiEventDto) {
      io.to(DISTRICT).to(kitchenRoom(event.kitchenId)).emit('ai:event', event);
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

export type SocketAdapter = ReturnType<typeof createSocketAdapter>;
