// The wire contract: topics round-trip, payloads decode or fail with a stable
// reason, and the TypeScript types match the schemas (checked by tsc).
import { describe, expect, expectTypeOf, it } from 'vitest';
import { downTopic, gatewayDownFilter, parseTopic, SERVER_UP_FILTER, upTopic, videoTopic } from './topics.ts';
import { decodePayload, salvageBatch, type ChannelMessages } from './validate.ts';
import type { Reading } from './payloads.ts';

const gw = { kitchenId: 'k001', gatewayId: 'gw-k001' };
const reading: Reading = { oid: 1, device: 'chiller-1', kind: 'chiller', seq: 1, ts: 1_795_000_000_000, temp: 4.2, unit: 'Cel' };

describe('topics', () => {
  it('builds and parses every channel under the kitchen + gateway prefix', () => {
    expect(upTopic(gw, 'batch')).toBe('kcw/v1/k001/gw-k001/up/batch');
    expect(parseTopic(upTopic(gw, 'reading'))).toEqual({ ...gw, direction: 'up', channel: 'reading' });
    expect(parseTopic(downTopic(gw, 'ack'))).toEqual({ ...gw, direction: 'down', channel: 'ack' });
    expect(gatewayDownFilter(gw)).toBe('kcw/v1/k001/gw-k001/down/+');
    expect(SERVER_UP_FILTER).toBe('kcw/v1/+/+/up/+');
    expect(videoTopic(gw, 'cam-1')).toBe('kcw/v1/k001/gw-k001/video/cam-1');
    expect(parseTopic(videoTopic(gw, 'cam-1'))).toEqual({ ...gw, direction: 'video', channel: 'video', cameraId: 'cam-1' });
    expect(parseTopic(upTopic(gw, 'ai'))).toEqual({ ...gw, direction: 'up', channel: 'ai' });
  });

  it('refuses topics of another version, unknown channels, wildcards and ids with topic syntax', () => {
    for (const topic of ['kcw/v2/k1/g1/up/reading', 'kcw/v1/k1/g1/up/video', 'kcw/v1/k1/g1/video/a+b', 'kcw/v1/k1/g1/video', 'kcw/v1/+/g1/up/reading', 'kcw/v1/k1/g1/up', '$SYS/broker/uptime']) {
      expect(parseTopic(topic)).toBeNull();
    }
    expect(() => upTopic({ kitchenId: 'a/b', gatewayId: 'g' }, 'reading')).toThrow(/invalid kitchen or gateway id/);
  });
});

describe('payload decoding', () => {
  it('accepts a valid reading and batch', () => {
    expect(decodePayload('reading', JSON.stringify({ v: 1, reading }))).toEqual({ ok: true, value: { v: 1, reading } });
    expect(decodePayload('batch', JSON.stringify({ v: 1, readings: [reading] })).ok).toBe(true);
  });

  it.each([
    ['not JSON', '{oops', 'bad_json'],
    ['another version', JSON.stringify({ v: 2, reading }), 'bad_version'],
    ['a temperature as text', JSON.stringify({ v: 1, reading: { ...reading, temp: 'cold' } }), 'schema'],
    ['an unknown unit', JSON.stringify({ v: 1, reading: { ...reading, unit: 'K' } }), 'schema'],
    ['an extra field', JSON.stringify({ v: 1, reading: { ...reading, kitchen: 'k999' } }), 'schema'],
    ['a negative seq', JSON.stringify({ v: 1, reading: { ...reading, seq: -1 } }), 'schema'],
  ])('rejects %s with reason %s', (_what, payload, reason) => {
    const decoded = decodePayload('reading', payload);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toBe(reason);
  });

  it('salvages the valid readings of a batch and names the outbox ids of the bad ones', () => {
    const payload = JSON.stringify({ v: 1, readings: [reading, { ...reading, oid: 2, temp: 'warm' }, { ...reading, oid: 3, seq: 3 }] });
    expect(decodePayload('batch', payload).ok).toBe(false);
    const salvaged = salvageBatch(payload);
    expect(salvaged?.valid.map((r) => r.oid)).toEqual([1, 3]);
    expect(salvaged?.invalidOids).toEqual([2]);
  });

  it('accepts camera health and an AI event, and rejects what the bright-kitchen schemas forbid', () => {
    const health = { camera: 'cam-1', name: '后厨', area: 'cooking', online: true, fps: 15, bitrateKbps: 600, recorderDays: 30, streaming: false };
    expect(decodePayload('camera', JSON.stringify({ v: 1, ts: 1, cameras: [health] })).ok).toBe(true);
    const event = { oid: 1, id: 'evt-1', camera: 'cam-1', category: 'smoking', confidence: 0.9, ts: 1, snapshot: { mime: 'image/jpeg', data: '/9j/' } };
    expect(decodePayload('ai', JSON.stringify({ v: 1, event })).ok).toBe(true);
    for (const bad of [
      { ...event, category: 'dancing' }, { ...event, confidence: 1.5 }, { ...event, camera: 'cam/1' },
      { ...event, snapshot: { mime: 'image/png', data: '' } }, { ...event, kitchen: 'k999' },
    ]) {
      expect(decodePayload('ai', JSON.stringify({ v: 1, event: bad }))).toMatchObject({ ok: false, reason: 'schema' });
    }
    expect(decodePayload('camera', JSON.stringify({ v: 1, ts: 1, cameras: [{ ...health, area: 'roof' }] }))).toMatchObject({ ok: false, reason: 'schema' });
  });

  it('types each channel by its schema', () => {
    expectTypeOf<ChannelMessages['reading']['reading']>().toEqualTypeOf<Reading>();
    expectTypeOf<ChannelMessages['ack']['stored']>().toEqualTypeOf<number[]>();
    expectTypeOf<Reading['temp']>().toEqualTypeOf<number | null>();
    expectTypeOf<Reading['unit']>().toEqualTypeOf<'Cel' | '[degF]'>();
  });
});
