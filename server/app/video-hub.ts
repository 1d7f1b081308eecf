// Live video relay: one stream per camera, started on its first viewer and stopped a
// little after its last one leaves. The server never transcodes: it re-cuts the
// gateway's MPEG-TS into whole packets, keeps the run since the last sequence header
// (so a viewer who joins late sees a picture at once), and hands the same buffers to
// every viewer. A viewer whose connection falls behind skips to the next sequence
// header instead of making the server queue for it.
import { createTsFramer, sequenceStart } from '../../contracts/mpeg-ts.ts';
import type { GatewayAddress } from '../../contracts/topics.ts';
import type { CommandMessage, ReplyMessage } from '../../contracts/payloads.ts';
import { STREAM_IDLE_STOP_S } from '../../contracts/cameras.ts';

/** One browser watching: the transport's three moves. */
export interface Viewer {
  send(data: Buffer): void;
  /** Bytes queued for this viewer and not yet written to its socket. */
  buffered(): number;
  close(code: number, reason: string): void;
}

export const VIEWER_BUFFER_BYTES = 512 * 1024;
/** The sequence-header cache; a run longer than this (a broken GOP) is dropped, not kept. */
const MAX_CACHE_BYTES = 4 * 1024 * 1024;
/** Close codes a player can tell apart (4000–4999 are the application's). */
export const VIDEO_CLOSE = { unknownCamera: 4404, gatewayGone: 4410, gatewayRefused: 4502, serverStopping: 4503 } as const;

export interface VideoHubDeps {
  gatewayOf(kitchenId: string, cameraId: string): string | undefined;
  sendCommand(gw: GatewayAddress, name: CommandMessage['name'], args: CommandMessage['args']): Promise<ReplyMessage>;
  subscribe(gw: GatewayAddress, cameraId: string): void;
  unsubscribe(gw: GatewayAddress, cameraId: string): void;
  onViewers?(kitchenId: string, cameraId: string, viewers: number): void;
  lingerMs?: number;
  keepAliveMs?: number;
  log?: { warn(obj: object, msg: string): void };
}

interface ViewerState { viewer: Viewer; skipping: boolean }

interface Session {
  gw: GatewayAddress;
  cameraId: string;
  viewers: Set<ViewerState>;
  framer: ReturnType<typeof createTsFramer>;
  cache: Buffer[];
  cacheBytes: number;
  keepAlive: NodeJS.Timeout;
  linger?: NodeJS.Timeout;
}

export function createVideoHub(deps: VideoHubDeps) {
  const sessions = new Map<string, Session>();
  const lingerMs = deps.lingerMs ?? 10_000;
  // Renew the gateway's lease well within its idle stop.
  const keepAliveMs = deps.keepAliveMs ?? (STREAM_IDLE_STOP_S * 1000) / 3;
  const stats = { chunksIn: 0, bytesIn: 0, framesOut: 0, bytesDropped: 0, viewerSkips: 0 };
  const keyOf = (kitchenId: string, cameraId: string) => `${kitchenId}/${cameraId}`;

  function requestStream(s: Session) {
    deps.sendCommand(s.gw, 'stream-start', { camera: s.cameraId }).then((reply) => {
      if (reply.ok || sessions.get(keyOf(s.gw.kitchenId, s.cameraId)) !== s) return;
      for (const v of s.viewers) v.viewer.close(VIDEO_CLOSE.gatewayRefused, reply.error?.code ?? 'refused');
    }, (err: Error) => deps.log?.warn({ camera: s.cameraId, err: err.message }, 'stream-start not answered'));
  }

  function open(kitchenId: string, cameraId: string, gatewayId: string): Session {
    const gw = { kitchenId, gatewayId };
    const s: Session = {
      gw, cameraId, viewers: new Set(), framer: createTsFramer(), cache: [], cacheBytes: 0,
      keepAlive: setInterval(() => requestStream(s), keepAliveMs),
    };
    sessions.set(keyOf(kitchenId, cameraId), s);
    deps.subscribe(gw, cameraId);
    requestStream(s);
    return s;
  }

  function close(s: Session) {
    clearInterval(s.keepAlive);
    clearTimeout(s.linger);
    sessions.delete(keyOf(s.gw.kitchenId, s.cameraId));
    deps.unsubscribe(s.gw, s.cameraId);
    deps.sendCommand(s.gw, 'stream-stop', { camera: s.cameraId }).catch(() => undefined);
  }

  function remember(s: Session, packets: Buffer) {
    const at = sequenceStart(packets);
    if (at >= 0) {
      s.cache = [packets.subarray(at)];
      s.cacheBytes = packets.length - at;
    } else if (s.cache.length > 0) {
      s.cache.push(packets);
      s.cacheBytes += packets.length;
      if (s.cacheBytes > MAX_CACHE_BYTES) [s.cache, s.cacheBytes] = [[], 0];
    }
    return at;
  }

  function deliver(v: ViewerState, packets: Buffer, seqAt: number) {
    if (v.viewer.buffered() > VIEWER_BUFFER_BYTES) {
      if (!v.skipping) stats.viewerSkips++;
      v.skipping = true;
    } else if (v.skipping && seqAt >= 0) {
      v.skipping = false;
      packets = packets.subarray(seqAt);
    }
    if (v.skipping) return void (stats.bytesDropped += packets.length);
    v.viewer.send(packets);
    stats.framesOut++;
  }

  return {
    stats,
    /** A viewer arrives; returns what to call when it leaves, or null (unknown camera: closed). */
    addViewer(kitchenId: string, cameraId: string, viewer: Viewer): (() => void) | null {
      const gatewayId = deps.gatewayOf(kitchenId, cameraId);
      if (!gatewayId) {
        viewer.close(VIDEO_CLOSE.unknownCamera, 'unknown camera');
        return null;
      }
      const s = sessions.get(keyOf(kitchenId, cameraId)) ?? open(kitchenId, cameraId, gatewayId);
      clearTimeout(s.linger);
      const state: ViewerState = { viewer, skipping: false };
      if (s.cache.length > 0) viewer.send(Buffer.concat(s.cache));
      s.viewers.add(state);
      deps.onViewers?.(kitchenId, cameraId, s.viewers.size);
      return () => {
        if (!s.viewers.delete(state)) return;
        deps.onViewers?.(kitchenId, cameraId, s.viewers.size);
        if (s.viewers.size === 0 && sessions.get(keyOf(kitchenId, cameraId)) === s) s.linger = setTimeout(() => close(s), lingerMs);
      };
    },
    /** A chunk from the gateway (MQTT). Chunks of a camera no one asked for are dropped. */
    onChunk(gw: GatewayAddress, cameraId: string, chunk: Buffer) {
      const s = sessions.get(keyOf(gw.kitchenId, cameraId));
      if (!s || s.gw.gatewayId !== gw.gatewayId) return;
      stats.chunksIn++;
      stats.bytesIn += chunk.length;
      const packets = s.framer.push(chunk);
      if (packets.length === 0) return;
      const seqAt = remember(s, packets);
      for (const v of s.viewers) deliver(v, packets, seqAt);
    },
    /** The gateway is gone (its last will): its streams cannot go on; viewers are told at once
     *  rather than left on a frozen picture, and no more commands queue up for it. */
    dropGateway(gw: GatewayAddress) {
      for (const s of [...sessions.values()]) {
        if (s.gw.kitchenId !== gw.kitchenId || s.gw.gatewayId !== gw.gatewayId) continue;
        for (const v of s.viewers) v.viewer.close(VIDEO_CLOSE.gatewayGone, 'gateway offline');
        clearInterval(s.keepAlive);
        clearTimeout(s.linger);
        sessions.delete(keyOf(s.gw.kitchenId, s.cameraId));
        deps.unsubscribe(s.gw, s.cameraId);
      }
    },
    viewersOf: (kitchenId: string, cameraId: string) => sessions.get(keyOf(kitchenId, cameraId))?.viewers.size ?? 0,
    streaming: () => [...sessions.values()].map((s) => ({ ...s.gw, cameraId: s.cameraId, viewers: s.viewers.size })),
    stop() {
      for (const s of [...sessions.values()]) {
        for (const v of s.viewers) v.viewer.close(VIDEO_CLOSE.serverStopping, 'server stopping');
        close(s);
      }
    },
  };
}

export type VideoHub = ReturnType<typeof createVideoHub>;
