// The video channel's payload format: MPEG-TS (188-byte packets) carrying MPEG-1
// video, as JSMpeg decodes it. Gateway and server both need to know where a
// decodable run begins, so a viewer that joins late, or that fell behind and
// skipped data, starts at a sequence header instead of a torn picture.

export const TS_PACKET_BYTES = 188;
const SYNC_BYTE = 0x47;
/** How far into a PES packet's payload the sequence header may start (PES header included). */
const HEADER_SEARCH_BYTES = 48;

/** Re-cuts arbitrary byte chunks (pipe reads, MQTT messages) into whole TS packets. */
export function createTsFramer() {
  let rest: Buffer = Buffer.alloc(0);
  return {
    /** Whole packets now complete, as one buffer (may be empty); keeps the remainder. */
    push(chunk: Buffer): Buffer {
      let data = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      // Resynchronise on a sync byte: a stream that starts mid-packet must not stay misaligned.
      if (data.length && data[0] !== SYNC_BYTE) {
        const at = data.indexOf(SYNC_BYTE);
        data = at < 0 ? Buffer.alloc(0) : data.subarray(at);
      }
      const whole = data.length - (data.length % TS_PACKET_BYTES);
      rest = Buffer.from(data.subarray(whole));
      return data.subarray(0, whole);
    },
    reset() {
      rest = Buffer.alloc(0);
    },
  };
}

/** The payload of one TS packet (after the header and any adaptation field), or null. */
function payloadOf(packet: Buffer, at: number): Buffer | null {
  const control = ((packet[at + 3] ?? 0) >> 4) & 0x3;
  if (control === 0 || control === 2) return null; // no payload
  const start = control === 3 ? at + 5 + (packet[at + 4] ?? 0) : at + 4;
  return start < at + TS_PACKET_BYTES ? packet.subarray(start, at + TS_PACKET_BYTES) : null;
}

/** True when the packet at `at` starts a PES packet whose picture data opens with an
 *  MPEG-1 sequence header (00 00 01 B3): the point a decoder can start from. */
function startsSequence(packets: Buffer, at: number): boolean {
  if (packets[at] !== SYNC_BYTE || ((packets[at + 1] ?? 0) & 0x40) === 0) return false;
  const payload = payloadOf(packets, at);
  if (!payload) return false;
  const end = Math.min(payload.length - 3, HEADER_SEARCH_BYTES);
  for (let i = 0; i < end; i++) {
    if (payload[i] === 0 && payload[i + 1] === 0 && payload[i + 2] === 1 && payload[i + 3] === 0xb3) return true;
  }
  return false;
}

/** Byte offset of the first packet in `packets` (whole TS packets) that starts a
 *  sequence, or -1. */
export function sequenceStart(packets: Buffer): number {
  for (let at = 0; at + TS_PACKET_BYTES <= packets.length; at += TS_PACKET_BYTES) {
    if (startsSequence(packets, at)) return at;
  }
  return -1;
}
