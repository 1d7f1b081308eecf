// The RTSP 1.0 wire (RFC 2326) as the relay needs it: requests and `$`-framed
// interleaved packets sharing one TCP stream, responses, the Transport header,
// the SDP's track controls, and a sliding-window rate meter for the stats.
// Pure functions, so the relay file keeps only the session logic.

export interface RtspRequest {
  method: string;
  uri: string;
  /** Header names lower-cased. */
  headers: Map<string, string>;
  body: string;
}

export type Message =
  | { kind: 'frame'; channel: number; payload: Buffer; size: number }
  | { kind: 'request'; request: RtspRequest; size: number };

/** A request head larger than this is not RTSP: the connection is dropped. */
export const MAX_HEAD_BYTES = 16 * 1024;

/**
 * The first complete message at the start of `buf`, with how many bytes it
 * used; null when more bytes are needed. Throws on garbage, so the caller
 * closes the connection rather than buffering forever.
 */
export function takeMessage(buf: Buffer): Message | null {
  if (buf.length === 0) return null;
  if (buf[0] === 0x24) {
    if (buf.length < 4) return null;
    const size = 4 + buf.readUInt16BE(2);
    if (buf.length < size) return null;
    return { kind: 'frame', channel: buf[1] ?? 0, payload: buf.subarray(4, size), size };
  }
  const end = buf.indexOf('\r\n\r\n');
  if (end < 0) {
    if (buf.length > MAX_HEAD_BYTES) throw new Error('RTSP request head too large');
    return null;
  }
  const head = buf.subarray(0, end).toString('utf8');
  const [line = '', ...fields] = head.split('\r\n');
  const [method, uri, version] = line.split(' ');
  if (!method || !uri || !version?.startsWith('RTSP/')) throw new Error(`not an RTSP request: ${line.slice(0, 80)}`);
  const headers = new Map<string, string>();
  for (const field of fields) {
    const colon = field.indexOf(':');
    if (colon > 0) headers.set(field.slice(0, colon).trim().toLowerCase(), field.slice(colon + 1).trim());
  }
  const length = Number(headers.get('content-length') ?? 0);
  if (!Number.isInteger(length) || length < 0) throw new Error('bad Content-Length');
  const size = end + 4 + length;
  if (buf.length < size) return null;
  const body = buf.subarray(end + 4, size).toString('utf8');
  return { kind: 'request', request: { method, uri, headers, body }, size };
}

export const REASONS: Record<number, string> = {
  200: 'OK', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 454: 'Session Not Found',
  455: 'Method Not Valid in This State', 459: 'Aggregate Operation Not Allowed', 461: 'Unsupported Transport',
  500: 'Internal Server Error', 501: 'Not Implemented',
};

export function response(status: number, cseq: string | undefined, headers: Record<string, string> = {}, body = ''): Buffer {
  const lines = [`RTSP/1.0 ${status} ${REASONS[status] ?? 'Error'}`];
  if (cseq !== undefined) lines.push(`CSeq: ${cseq}`);
  lines.push('Server: kcw-nvr-sim/1.0');
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n\r\n${body}`, 'utf8');
}

/** `$`, channel, 16-bit length, then the payload: one interleaved packet. */
export function frame(channel: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(4 + payload.length);
  out[0] = 0x24;
  out[1] = channel;
  out.writeUInt16BE(payload.length, 2);
  payload.copy(out, 4);
  return out;
}

/** The path of a request URI: no scheme, host, query, nor leading or trailing slash. */
export function uriPath(uri: string): string {
  const noQuery = uri.split('?')[0] ?? '';
  const path = noQuery.replace(/^rtsp:\/\/[^/]*/i, '');
  return decodeURIComponent(path).replace(/^\/+|\/+$/g, '');
}

export interface TransportChoice {
  /** The client offered RTP over the RTSP connection itself. */
  tcp: boolean;
  /** The interleaved channel pair it asked for, if any. */
  interleaved?: [number, number];
  record: boolean;
}

/** The first TCP-interleaved alternative of a Transport header, else `tcp: false`. */
export function parseTransport(header: string | undefined): TransportChoice {
  for (const spec of (header ?? '').split(',')) {
    const params = spec.trim().split(';');
    if (!/^RTP\/AVP\/TCP$/i.test(params[0] ?? '')) continue;
    const pair = params.find((p) => p.startsWith('interleaved='))?.slice('interleaved='.length).split('-');
    const record = params.some((p) => /^mode="?record"?$/i.test(p));
    const a = Number(pair?.[0]);
    const b = pair?.[1] === undefined ? a + 1 : Number(pair[1]);
    const valid = Number.isInteger(a) && Number.isInteger(b) && a >= 0 && b <= 255;
    return { tcp: true, record, ...(valid ? { interleaved: [a, b] as [number, number] } : {}) };
  }
  return { tcp: false, record: false };
}

export interface SdpTrack {
  media: string;
  /** The `a=control:` of the track, relative (`streamid=0`) or absolute. */
  control: string;
}

/** The media sections of an SDP with their controls (`trackN` when it has none). */
export function sdpTracks(sdp: string): SdpTrack[] {
  const tracks: SdpTrack[] = [];
  for (const line of sdp.split(/\r?\n/)) {
    if (line.startsWith('m=')) tracks.push({ media: line.slice(2).split(' ')[0] ?? '', control: `track${tracks.length}` });
    const last = tracks[tracks.length - 1];
    if (last && line.startsWith('a=control:')) last.control = line.slice('a=control:'.length).trim();
  }
  return tracks;
}

/**
 * Bytes and frames per second over the last `windowMs`, in 100 ms buckets so
 * that a burst of thousands of packets costs no more than a trickle.
 */
export function createRateMeter(now: () => number, windowMs = 2000, bucketMs = 100) {
  const n = Math.round(windowMs / bucketMs);
  const ids = new Float64Array(n).fill(-Infinity);
  const bytes = new Float64Array(n);
  const frames = new Float64Array(n);
  const since = now();
  return {
    add(size: number, endOfFrame: boolean): void {
      const id = Math.floor(now() / bucketMs);
      const i = id % n;
      if (ids[i] !== id) {
        ids[i] = id;
        bytes[i] = 0;
        frames[i] = 0;
      }
      bytes[i] = (bytes[i] ?? 0) + size;
      if (endOfFrame) frames[i] = (frames[i] ?? 0) + 1;
    },
    read(): { fps: number; kbps: number } {
      const t = now();
      const id = Math.floor(t / bucketMs);
      const spanMs = t - Math.max(since, (id - n + 1) * bucketMs);
      if (spanMs < 250) return { fps: 0, kbps: 0 }; // too short to mean anything
      let b = 0;
      let f = 0;
      for (let i = 0; i < n; i++) {
        if ((ids[i] ?? -Infinity) > id - n) {
          b += bytes[i] ?? 0;
          f += frames[i] ?? 0;
        }
      }
      return { fps: (f * 1000) / spanMs, kbps: (b * 8) / spanMs };
    },
  };
}
