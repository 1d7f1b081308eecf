// Test helpers: a raw RTSP client that shows exactly what the relay says (ffmpeg
// would hide it), a fake RTP packet, and a polling wait with a deadline.
import net from 'node:net';

export interface RtspReply {
  status: number;
  headers: Map<string, string>;
  body: string;
}

export interface RawRtspClient {
  socket: net.Socket;
  /** Interleaved packets received, in order. */
  frames: Array<{ channel: number; payload: Buffer }>;
  request(method: string, uri: string, headers?: Record<string, string>, body?: string): Promise<RtspReply>;
  send(channel: number, payload: Buffer): boolean;
  close(): void;
}

export async function connectRtsp(port: number): Promise<RawRtspClient> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.on('error', () => {});
  let buf = Buffer.alloc(0);
  let cseq = 0;
  const waiting = new Map<string, (reply: RtspReply) => void>();
  const frames: RawRtspClient['frames'] = [];
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf[0] === 0x24) {
        if (buf.length < 4 || buf.length < 4 + buf.readUInt16BE(2)) return;
        const size = 4 + buf.readUInt16BE(2);
        frames.push({ channel: buf[1] ?? -1, payload: Buffer.from(buf.subarray(4, size)) });
        buf = buf.subarray(size);
        continue;
      }
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [line = '', ...fields] = buf.subarray(0, end).toString().split('\r\n');
      const headers = new Map(fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]));
      const size = end + 4 + Number(headers.get('content-length') ?? 0);
      if (buf.length < size) return;
      const body = buf.subarray(end + 4, size).toString();
      buf = buf.subarray(size);
      waiting.get(headers.get('cseq') ?? '')?.({ status: Number(line.split(' ')[1]), headers, body });
    }
  });
  return {
    socket, frames,
    request(method, uri, headers = {}, body = '') {
      const n = String(++cseq);
      const lines = [`${method} ${uri} RTSP/1.0`, `CSeq: ${n}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no reply to ${method} ${uri}`)), 5000);
        waiting.set(n, (reply) => {
          clearTimeout(timer);
          resolve(reply);
        });
        socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`);
      });
    },
    send(channel, payload) {
      const head = Buffer.from([0x24, channel, payload.length >> 8, payload.length & 0xff]);
      return socket.write(Buffer.concat([head, payload]));
    },
    close: () => socket.destroy(),
  };
}

/** An RTP packet (version 2, payload type 96) with `size` bytes of payload. */
export function rtpPacket(seq: number, marker: boolean, size = 1000): Buffer {
  const packet = Buffer.alloc(12 + size, seq & 0xff);
  packet[0] = 0x80;
  packet[1] = (marker ? 0x80 : 0) | 96;
  packet.writeUInt16BE(seq & 0xffff, 2);
  packet.writeUInt32BE((seq * 3000) >>> 0, 4);
  packet.writeUInt32BE(0x12345678, 8);
  return packet;
}

type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 10_000, everyMs = 50): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Truthy<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const TEST_SDP = [
  'v=0', 'o=- 0 0 IN IP4 127.0.0.1', 's=test', 'c=IN IP4 127.0.0.1', 't=0 0',
  'm=video 0 RTP/AVP 96', 'b=AS:600', 'a=rtpmap:96 H264/90000', 'a=control:streamid=0', '',
].join('\r\n');
