// aedes reads a whole MQTT packet into memory before any policy hook sees it, and
// MQTT allows 256 MB. This guard reads each packet's fixed header as the bytes
// arrive ([MQTT-2.2.3]: remaining length, 1–4 bytes of 7 bits) and cuts a
// connection that announces a packet larger than the largest the protocol needs,
// before the broker buffers it — even before login.
import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';

/** Feeds raw bytes; false once a packet announces more than `maxRemaining` bytes (or a malformed length). */
export function createPacketSizeCheck(maxRemaining: number): (chunk: Buffer) => boolean {
  let state: 'type' | 'length' | 'body' = 'type';
  let length = 0;
  let multiplier = 1;
  let lengthBytes = 0;
  let toSkip = 0;
  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (state === 'body') {
        const n = Math.min(toSkip, chunk.length - i);
        toSkip -= n;
        i += n;
        if (toSkip === 0) state = 'type';
      } else if (state === 'type') {
        i++;
        [state, length, multiplier, lengthBytes] = ['length', 0, 1, 0];
      } else {
        const byte = chunk[i++]!;
        length += (byte & 0x7f) * multiplier;
        multiplier *= 128;
        lengthBytes++;
        if (length > maxRemaining || (byte & 0x80 && lengthBytes >= 4)) return false;
        if (!(byte & 0x80)) [state, toSkip] = length === 0 ? ['type', 0] : ['body', length];
      }
    }
    return true;
  };
}

/** The socket as aedes should see it: the same bytes, unless a packet is too large. */
export function guardPacketSize(socket: Socket, maxRemaining: number, onTooLarge: () => void): Duplex {
  const fits = createPacketSizeCheck(maxRemaining);
  const guarded = new Duplex({
    read: () => void socket.resume(),
    write: (chunk: Buffer, encoding, done) => void socket.write(chunk, encoding, done),
    final: (done) => void socket.end(done),
    destroy: (err, done) => {
      socket.destroy();
      done(err);
    },
  });
  socket.on('data', (chunk: Buffer) => {
    if (!fits(chunk)) {
      onTooLarge();
      socket.destroy();
      return;
    }
    if (!guarded.push(chunk)) socket.pause();
  });
  socket.on('end', () => guarded.push(null));
  socket.on('close', () => guarded.destroy());
  socket.on('error', (err) => guarded.destroy(err));
  return guarded;
}
