// The pre-policy packet-size guard: byte-level header parsing, and a real broker
// cutting a connection that announces a huge packet before it logs in.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upTopic } from '../contracts/topics.ts';
import { createPacketSizeCheck } from './packet-guard.ts';
import { MAX_PACKET_BYTES } from './create-broker.ts';
import { recorder, startTestBroker, waitFor, type TestBroker } from './test-broker.ts';

/** A PUBLISH fixed header (QoS 0) announcing `length` bytes, with the length's 1–4 byte encoding. */
function header(length: number): Buffer {
  const bytes = [0x30];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

describe('packet size check', () => {
  it('passes packets within the limit, however the bytes are split', () => {
    const fits = createPacketSizeCheck(1000);
    const stream = Buffer.concat([header(3), Buffer.from('abc'), header(0), header(200), Buffer.alloc(200), header(1000), Buffer.alloc(1000)]);
    for (const byte of stream) expect(fits(Buffer.from([byte]))).toBe(true);
  });

  it('fails as soon as a header announces more than the limit, and on a five-byte length', () => {
    expect(createPacketSizeCheck(1000)(header(1001))).toBe(false);
    expect(createPacketSizeCheck(1000)(Buffer.concat([header(10), Buffer.alloc(10), header(268_435_455)]))).toBe(false);
    expect(createPacketSizeCheck(1000)(Buffer.from([0x30, 0x80, 0x80, 0x80, 0x80, 0x01]))).toBe(false);
  });
});

describe('broker: packets larger than the protocol needs', () => {
  let t: TestBroker;
  beforeAll(async () => {
    t = await startTestBroker();
  });
  afterAll(() => t.close());

  it('cuts a connection that announces a 268 MB packet, counts it, and keeps serving others', async () => {
    const raw = connect(t.service.address().port, '127.0.0.1');
    await new Promise((resolve) => raw.once('connect', resolve));
    const closed = new Promise((resolve) => raw.once('close', resolve));
    raw.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f])); // a CONNECT of 268,435,455 bytes, before any login
    await closed;
    expect(t.service.counters().packet_too_large).toBe(1);
    expect(MAX_PACKET_BYTES).toBeLessThan(1024 * 1024);

    const server = await t.connect(t.server);
    const got = recorder(server);
    await server.subscribeAsync(upTopic(t.gatewayA, 'reading'), { qos: 1 });
    const gw = await t.connect(t.gatewayA);
    await gw.publishAsync(upTopic(t.gatewayA, 'reading'), 'still here', { qos: 1 });
    await waitFor(() => got.length === 1, 'the reading to arrive');
  });
});
