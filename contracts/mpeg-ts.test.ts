// The MPEG-TS framing that gateway and server share, on real ffmpeg output.
import { beforeAll, describe, expect, it } from 'vitest';
import { TS_PACKET_BYTES, createTsFramer, sequenceStart } from './mpeg-ts.ts';
import { makeMpegTs, sequenceHeaderCount } from '../tests/fixtures/mpeg-ts.ts';

let ts: Buffer;
beforeAll(async () => {
  ts = await makeMpegTs({ seconds: 2, fps: 25, gop: 25 });
});

describe('createTsFramer', () => {
  it('re-cuts odd-sized chunks into whole packets without losing or adding a byte', () => {
    const framer = createTsFramer();
    const out: Buffer[] = [];
    for (let at = 0; at < ts.length; at += 1000) out.push(framer.push(ts.subarray(at, at + 1000)));
    expect(out.every((b) => b.length % TS_PACKET_BYTES === 0)).toBe(true);
    expect(Buffer.concat(out).equals(ts.subarray(0, ts.length - (ts.length % TS_PACKET_BYTES)))).toBe(true);
  });

  it('resynchronises on a sync byte when a stream starts mid-packet', () => {
    const framer = createTsFramer();
    const out = framer.push(ts.subarray(100, 100 + TS_PACKET_BYTES * 4));
    expect(out[0]).toBe(0x47);
    expect(out.length).toBe(TS_PACKET_BYTES * 3);
  });
});

describe('sequenceStart', () => {
  it('finds each sequence header at the start of its packet, and none where there is none', () => {
    expect(sequenceHeaderCount(ts)).toBe(2); // 2 s at one header per second
    const first = sequenceStart(ts);
    expect(first).toBe(sequenceStart(ts.subarray(0, first + TS_PACKET_BYTES)));
    const afterFirst = first + TS_PACKET_BYTES;
    const second = sequenceStart(ts.subarray(afterFirst));
    expect(second).toBeGreaterThan(0);
    expect(sequenceHeaderCount(ts.subarray(afterFirst + second, afterFirst + second + TS_PACKET_BYTES))).toBe(1);
    expect(sequenceStart(ts.subarray(afterFirst, afterFirst + second))).toBe(-1);
  });
});
