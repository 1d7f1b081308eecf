// The one socket module. On every (re)connect it asks for a snapshot and
// replaces the state, then applies deltas. Everything else reads the store.
// It is opened only once logged in: the server admits a socket by the session cookie of the
// page, which the browser sends by itself on the same origin (polling and the WebSocket
// upgrade alike), so `withCredentials` (for cross-origin requests only) stays off. A refusal
// (connect_error 'unauthenticated') means the session is gone: back to the login page.
import { io, type Socket } from 'socket.io-client';
import type { Alert, LatestReading, SampleDto } from '../../contracts/api.ts';
import type { ClientToServerEvents, ServerToClientEvents, Snapshot } from '../../contracts/events.ts';
import type { Store } from './store.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface Live {
  /** Narrows live readings to one kitchen (its page), or back to the district (null). */
  watch(kitchenId: string | null): void;
  /** Every reading as it arrives, for charts that extend live. */
  onReading(fn: (reading: LatestReading) => void): () => void;
  /** Every sample placed, removed, sealed, disposed or compromised. */
  onSample(fn: (sample: SampleDto) => void): () => void;
  /** Every newly raised alert (after the store has it). */
  onAlertRaised(fn: (alert: Alert) => void): () => void;
  close(): void;
}

export interface LiveOptions {
  /** The server refused the socket for want of a session. */
  onUnauthenticated(): void;
}

const SNAPSHOT_TIMEOUT_MS = 10_000;
const RECONNECT_AFTER_KICK_MS = 1_000;

/** The server's middleware refuses a socket without a session with this message. */
export const isUnauthenticated = (err: { message?: string } | null | undefined): boolean => err?.message === 'unauthenticated';

export function connectLive(store: Store, opts: LiveOptions): Live {
  // Relative to the page, so the app also works behind a path prefix.
  const path = new URL('socket.io', window.location.href).pathname;
  const socket: ClientSocket = io({ path });
  const readingListeners = new Set<(r: LatestReading) => void>();
  const sampleListeners = new Set<(s: SampleDto) => void>();
  const raisedListeners = new Set<(a: Alert) => void>();
  let watched: string | null = null;
  let closed = false;

  const requestSnapshot = (): void => {
    store.beginSnapshot();
    socket.timeout(SNAPSHOT_TIMEOUT_MS).emit('snapshot:get', (err: Error | null, snap: Snapshot) => {
      if (err) {
        // No answer in time: ask again on a live connection (a reconnect asks anyway).
        store.cancelSnapshot();
        if (socket.connected) requestSnapshot();
        return;
      }
      store.snapshot(snap);
    });
  };

  socket.on('connect', () => {
    store.connection('online');
    // The server forgets the watch with the old connection.
    if (watched !== null) socket.emit('kitchen:watch', watched);
    requestSnapshot();
  });
  socket.on('disconnect', (reason) => {
    store.connection('offline');
    // The server closed it (a logout elsewhere, say): the client does not retry by itself.
    // Try once more; without a session that ends in connect_error 'unauthenticated'.
    if (reason === 'io server disconnect') setTimeout(() => closed || socket.connect(), RECONNECT_AFTER_KICK_MS);
  });
  socket.io.on('reconnect_attempt', () => store.connection('offline'));
  socket.on('connect_error', (err) => {
    store.connection('offline');
    // A refusal by the server's middleware is not retried by the client.
    if (isUnauthenticated(err)) opts.onUnauthenticated();
  });

  socket.on('reading:new', (reading) => {
    store.delta({ type: 'reading', reading });
    for (const fn of readingListeners) fn(reading);
  });
  socket.on('alert:raised', (alert) => {
    store.delta({ type: 'alert', alert });
    for (const fn of raisedListeners) fn(alert);
  });
  socket.on('sample:updated', (sample) => {
    for (const fn of sampleListeners) fn(sample);
  });
  socket.on('alert:updated', (alert) => store.delta({ type: 'alert', alert }));
  socket.on('camera:updated', (camera) => store.delta({ type: 'camera', camera }));
  socket.on('ai:event', (event) => store.delta({ type: 'ai', event }));

  return {
    watch(kitchenId) {
      if (kitchenId === watched) return;
      watched = kitchenId;
      if (!socket.connected) return; // sent on connect
      socket.emit('kitchen:watch', kitchenId);
      // While narrowed, other kitchens' readings did not reach us: catch up.
      if (kitchenId === null) requestSnapshot();
    },
    onReading(fn) {
      readingListeners.add(fn);
      return () => readingListeners.delete(fn);
    },
    onSample(fn) {
      sampleListeners.add(fn);
      return () => sampleListeners.delete(fn);
    },
    onAlertRaised(fn) {
      raisedListeners.add(fn);
      return () => raisedListeners.delete(fn);
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}

