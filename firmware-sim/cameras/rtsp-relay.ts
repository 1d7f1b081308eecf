// A small RTSP server (RFC 2326) as an IP camera or NVR serves one: cameras
// publish into a path (ANNOUNCE, SETUP mode=record, RECORD) and players read it
// (DESCRIBE, SETUP, PLAY), both over TCP-interleaved RTP only, which is what a
// gateway behind NAT uses anyway. UDP setups get 461, and ffmpeg then retries
// over TCP by itself. Frames are relayed as they come, never queued without
// bound: a player whose socket backs up loses frames, not the relay's memory.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { createRateMeter, frame, parseTransport, response, sdpTracks, takeMessage, uriPath, type RtspRequest, type SdpTrack } from './rtsp-wire.ts';

export interface RtspRelayOptions {
  host?: string;
  log?: (line: string) => void;
  /** A player with more than this waiting in its socket loses frames (default 2 MiB). */
  maxPlayerQueueBytes?: number;
}

export interface PathStats {
  publishing: boolean;
  /** Video frames (RTP packets with the marker bit) per second over the last ~2 s. */
  fps: number;
  bitrateKbps: number;
  players: number;
  /** Packets dropped for the path's current players because their sockets backed up. */
  droppedFrames: number;
  /** The largest backlog (bytes) of a current player's socket now. */
  maxQueuedBytes: number;
}

export interface RtspRelay {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly port: number;
  url(path: string): string;
  stats(path: string): PathStats;
}

interface Conn {
  socket: net.Socket;
  buf: Buffer;
  session?: string;
  /** Set by ANNOUNCE (publisher) or the first SETUP (player). */
  path?: string;
  publisher: boolean;
  /** Publisher: track index → its RTP channel. Player: publisher channel → own channel. */
  channels: Map<number, number>;
  playing: boolean;
  dropped: number;
}

interface Path {
  name: string;
  publisher: Conn;
  sdp: string;
  tracks: SdpTrack[];
  recording: boolean;
  players: Set<Conn>;
  meter: ReturnType<typeof createRateMeter>;
  /** The RTP channel of the first video track: its markers count frames. */
  videoChannel: number;
}

const PUBLIC = 'OPTIONS, DESCRIBE, ANNOUNCE, SETUP, PLAY, RECORD, TEARDOWN, GET_PARAMETER';

export function createRtspRelay(opts: RtspRelayOptions = {}): RtspRelay {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? (() => {});
  const maxQueue = opts.maxPlayerQueueBytes ?? 2 * 1024 * 1024;
  const paths = new Map<string, Path>();
  const conns = new Set<Conn>();
  const server = net.createServer(accept);
  let port = 0;

  function accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const conn: Conn = { socket, buf: Buffer.alloc(0), publisher: false, channels: new Map(), playing: false, dropped: 0 };
    conns.add(conn);
    socket.on('data', (chunk) => onData(conn, chunk));
    socket.on('error', () => {}); // a reset peer is routine; 'close' follows
    socket.on('close', () => forget(conn));
  }

  function onData(conn: Conn, chunk: Buffer): void {
    conn.buf = conn.buf.length ? Buffer.concat([conn.buf, chunk]) : chunk;
    try {
      for (let msg = takeMessage(conn.buf); msg; msg = takeMessage(conn.buf)) {
        if (msg.kind === 'frame') onFrame(conn, msg.channel, msg.payload);
        else conn.socket.write(handle(conn, msg.request));
        conn.buf = conn.buf.subarray(msg.size);
        if (conn.socket.destroyed) return;
      }
    } catch (err) {
      log(`rtsp: dropping ${conn.socket.remoteAddress}:${conn.socket.remotePort}: ${(err as Error).message}`);
      conn.socket.destroy();
    }
  }

  /** A publisher's packet goes to every player; players' own RTCP is ignored. */
  function onFrame(conn: Conn, channel: number, payload: Buffer): void {
    const path = conn.publisher && conn.path ? paths.get(conn.path) : undefined;
    if (!path || path.publisher !== conn || !path.recording) return;
    if (channel % 2 === 0) path.meter.add(payload.length, channel === path.videoChannel && ((payload[1] ?? 0) & 0x80) !== 0);
    for (const player of path.players) {
      const own = player.channels.get(channel);
      if (own === undefined || !player.playing) continue;
      if (player.socket.writableLength > maxQueue) player.dropped++;
      else player.socket.write(frame(own, payload));
    }
  }

  function handle(conn: Conn, req: RtspRequest): Buffer {
    const cseq = req.headers.get('cseq');
    const session = req.headers.get('session')?.split(';')[0];
    if (session !== undefined && conn.session !== undefined && session !== conn.session) return response(454, cseq);
    switch (req.method) {
      case 'OPTIONS': return response(200, cseq, { Public: PUBLIC });
      case 'GET_PARAMETER': return response(200, cseq, sessionHeader(conn));
      case 'DESCRIBE': return describe(req, cseq);
      case 'ANNOUNCE': return announce(conn, req, cseq);
      case 'SETUP': return setup(conn, req, cseq);
      case 'RECORD': return record(conn, cseq);
      case 'PLAY': return play(conn, cseq);
      case 'TEARDOWN':
        forget(conn);
        return response(200, cseq);
      default: return response(501, cseq);
    }
  }

  function describe(req: RtspRequest, cseq: string | undefined): Buffer {
    const path = paths.get(uriPath(req.uri));
    if (!path?.recording) return response(404, cseq);
    return response(200, cseq, { 'Content-Type': 'application/sdp', 'Content-Base': `${relay.url(path.name)}/` }, path.sdp);
  }

  function announce(conn: Conn, req: RtspRequest, cseq: string | undefined): Buffer {
    const name = uriPath(req.uri);
    const tracks = sdpTracks(req.body);
    if (!name || tracks.length === 0) return response(400, cseq);
    const old = paths.get(name);
    forget(conn); // a connection re-announcing starts over
    if (old && old.publisher !== conn) {
      // A camera that reconnects before its old TCP connection timed out replaces it.
      log(`rtsp: ${name}: new publisher replaces the old one`);
      unpublish(old);
      old.publisher.socket.destroy();
    }
    conn.publisher = true;
    conn.path = name;
    const path: Path = { name, publisher: conn, sdp: req.body, tracks, recording: false, players: new Set(), meter: createRateMeter(() => performance.now()), videoChannel: -1 };
    paths.set(name, path);
    return response(200, cseq);
  }

  function setup(conn: Conn, req: RtspRequest, cseq: string | undefined): Buffer {
    const transport = parseTransport(req.headers.get('transport'));
    if (!transport.tcp) return response(461, cseq);
    const target = resolveTrack(conn, uriPath(req.uri));
    if (!target) return response(404, cseq);
    const { path, track } = target;
    const next = Math.max(-1, ...conn.channels.values()) + 1;
    const free = next + (next % 2);
    const [rtp, rtcp] = transport.interleaved ?? [free, free + 1];
    if (conn.publisher) {
      conn.channels.set(track, rtp);
      if (path.videoChannel < 0 && path.tracks[track]?.media === 'video') path.videoChannel = rtp;
    } else {
      const source = path.publisher.channels.get(track);
      if (source === undefined) return response(404, cseq);
      conn.path = path.name;
      conn.channels.set(source, rtp).set(source + 1, rtcp);
    }
    conn.session ??= randomBytes(8).toString('hex');
    const mode = conn.publisher ? ';mode=record' : '';
    return response(200, cseq, { Transport: `RTP/AVP/TCP;unicast;interleaved=${rtp}-${rtcp}${mode}`, ...sessionHeader(conn) });
  }

  /** The path and track index a SETUP URI names: `<path>/<control>`, or the path itself for one track. */
  function resolveTrack(conn: Conn, uri: string): { path: Path; track: number } | undefined {
    const candidates = conn.path ? [conn.path] : [...paths.keys()];
    for (const name of candidates.sort((a, b) => b.length - a.length)) {
      const path = paths.get(name);
      if (!path || (uri !== name && !uri.startsWith(`${name}/`))) continue;
      if (!conn.publisher && !path.recording) continue;
      const rest = uri.slice(name.length + 1);
      const track = path.tracks.findIndex((t) => t.control === rest || uriPath(t.control) === uri);
      if (track >= 0) return { path, track };
      if (rest === '' && path.tracks.length === 1) return { path, track: 0 };
    }
    return undefined;
  }

  function record(conn: Conn, cseq: string | undefined): Buffer {
    const path = conn.publisher && conn.path ? paths.get(conn.path) : undefined;
    if (!path || path.publisher !== conn || conn.channels.size === 0) return response(455, cseq);
    path.recording = true;
    log(`rtsp: ${path.name}: publishing`);
    return response(200, cseq, sessionHeader(conn));
  }

  function play(conn: Conn, cseq: string | undefined): Buffer {
    const path = !conn.publisher && conn.path ? paths.get(conn.path) : undefined;
    if (!path?.recording || conn.channels.size === 0) return response(455, cseq);
    conn.playing = true;
    path.players.add(conn);
    return response(200, cseq, { Range: 'npt=0.000-', ...sessionHeader(conn) });
  }

  /** Ends what a connection takes part in (TEARDOWN or close); the socket may stay open. */
  function forget(conn: Conn): void {
    const path = conn.path ? paths.get(conn.path) : undefined;
    if (path?.publisher === conn) unpublish(path);
    else path?.players.delete(conn);
    if (conn.socket.destroyed) conns.delete(conn);
    Object.assign(conn, { path: undefined, publisher: false, playing: false, session: undefined, dropped: 0 });
    conn.channels.clear();
  }

  /** A path without its camera: its players' streams end, as with a real NVR. */
  function unpublish(path: Path): void {
    if (paths.get(path.name) !== path) return;
    paths.delete(path.name);
    if (path.recording) log(`rtsp: ${path.name}: publisher gone`);
    for (const player of path.players) player.socket.end();
  }

  const sessionHeader = (conn: Conn): Record<string, string> => (conn.session ? { Session: `${conn.session};timeout=60` } : {});

  const relay: RtspRelay = {
    get port() { return port; },
    url: (path) => `rtsp://${host}:${port}/${path}`,
    start: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => {
          server.off('error', reject);
          port = (server.address() as net.AddressInfo).port;
          resolve();
        });
      }),
    stop: () =>
      new Promise((resolve) => {
        for (const conn of conns) conn.socket.destroy();
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
    stats(name) {
      const path = paths.get(name);
      if (!path?.recording) return { publishing: false, fps: 0, bitrateKbps: 0, players: 0, droppedFrames: 0, maxQueuedBytes: 0 };
      const { fps, kbps } = path.meter.read();
      const players = [...path.players];
      return {
        publishing: true, fps, bitrateKbps: kbps, players: players.length,
        droppedFrames: players.reduce((sum, p) => sum + p.dropped, 0),
        maxQueuedBytes: Math.max(0, ...players.map((p) => p.socket.writableLength)),
      };
    },
  };
  return relay;
}
