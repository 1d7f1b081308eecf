// What the broker must deliver: uplinks to the server, downlinks to their one gateway, last wills.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckMessage, ReadingMessage, StatusMessage } from '../contracts/payloads.ts';
import { SERVER_UP_FILTER, gatewayDownFilter, upTopic, downTopic } from '../contracts/topics.ts';
import { encodePayload } from '../contracts/validate.ts';
import { recorder, startTestBroker, waitFor, type TestBroker } from './test-broker.ts';

const readingMessage: ReadingMessage = {
  v: 1,
  reading: { oid: 7, device: 'fridge-1', kind: 'chiller', seq: 42, ts: 1_700_000_000_000, temp: 4.2, unit: 'Cel' },
};
const online = encodePayload('status', { v: 1, state: 'online' } satisfies StatusMessage);
const offline = encodePayload('status', { v: 1, state: 'offline' } satisfies StatusMessage);

let t: TestBroker;
beforeEach(async () => {
  t = await startTestBroker();
});
afterEach(async () => {
  await t.close();
});

async function serverSubscribed(clientId = 'kcw-server') {
  const server = await t.connect(t.server, { clientId });
  const seen = recorder(server);
  await server.subscribeAsync(SERVER_UP_FILTER, { qos: 1 });
  return { server, seen };
}

describe('uplink and downlink', () => {
  it("delivers a gateway's own reading to the server", async () => {
    const { seen } = await serverSubscribed();
    const gwA = await t.connect(t.gatewayA);
    const payload = encodePayload('reading', readingMessage);
    await gwA.publishAsync(upTopic(t.gatewayA, 'reading'), payload, { qos: 1 });
    await waitFor(() => seen.length === 1, 'the reading');
    expect(seen).toEqual([{ topic: upTopic(t.gatewayA, 'reading'), payload, retain: false }]);
    expect(t.service.counters().messages_published).toBe(1);
  });

  it('delivers a down/ack to its gateway only', async () => {
    const gwA = await t.connect(t.gatewayA);
    const gwB = await t.connect(t.gatewayB);
    const [seenA, seenB] = [recorder(gwA), recorder(gwB)];
    await gwA.subscribeAsync(gatewayDownFilter(t.gatewayA), { qos: 1 });
    await gwB.subscribeAsync(gatewayDownFilter(t.gatewayB), { qos: 1 });
    const server = await t.connect(t.server, { clientId: 'kcw-server' });

    const ackA = encodePayload('ack', { v: 1, stored: [7], rejected: [8] } satisfies AckMessage);
    const ackB = encodePayload('ack', { v: 1, stored: [1] } satisfies AckMessage);
    await server.publishAsync(downTopic(t.gatewayA, 'ack'), ackA, { qos: 1 });
    await server.publishAsync(downTopic(t.gatewayB, 'ack'), ackB, { qos: 1 });
    await waitFor(() => seenA.length === 1 && seenB.length === 1, 'both acks');
    expect(seenA).toEqual([{ topic: downTopic(t.gatewayA, 'ack'), payload: ackA, retain: false }]);
    expect(seenB.map((m) => m.payload)).toEqual([ackB]);
  });

  it('keeps a retained status but drops the retain flag of a reading', async () => {
    const gwA = await t.connect(t.gatewayA);
    await gwA.publishAsync(upTopic(t.gatewayA, 'reading'), encodePayload('reading', readingMessage), {
      qos: 1,
      retain: true,
    });
    await gwA.publishAsync(upTopic(t.gatewayA, 'status'), online, { qos: 1, retain: true });

    const { seen } = await serverSubscribed();
    await waitFor(() => seen.length >= 1, 'the retained status');
    const gwB = await t.connect(t.gatewayB);
    await gwB.publishAsync(upTopic(t.gatewayB, 'reading'), 'barrier', { qos: 1 });
    await waitFor(() => seen.some((m) => m.payload === 'barrier'), 'the barrier');
    expect(seen.filter((m) => m.retain)).toEqual([{ topic: upTopic(t.gatewayA, 'status'), payload: online, retain: true }]);
  });
});

describe('last will', () => {
  const will = (topic: string) => ({ topic, payload: Buffer.from(offline), qos: 1 as const, retain: true });

  it('publishes the retained offline status when a gateway drops', async () => {
    const { seen } = await serverSubscribed();
    const gwA = await t.connect(t.gatewayA, { will: will(upTopic(t.gatewayA, 'status')) });
    gwA.stream.destroy(); // gone without DISCONNECT
    await waitFor(() => seen.length === 1, 'the last will');
    expect(seen).toEqual([{ topic: upTopic(t.gatewayA, 'status'), payload: offline, retain: false }]);

    // A server that connects later still learns that gw-a is offline.
    const late = await serverSubscribed('kcw-server-late');
    await waitFor(() => late.seen.length === 1, 'the retained status');
    expect(late.seen).toEqual([{ topic: upTopic(t.gatewayA, 'status'), payload: offline, retain: true }]);
  });

  it('does not publish a will a gateway set on another gateway topic', async () => {
    const { seen } = await serverSubscribed();
    const gwA = await t.connect(t.gatewayA, { will: will(upTopic(t.gatewayB, 'status')) });
    gwA.stream.destroy();
    await waitFor(() => t.service.counters().publish_not_owner === 1, 'the refused will to be counted');

    const gwB = await t.connect(t.gatewayB);
    await gwB.publishAsync(upTopic(t.gatewayB, 'status'), online, { qos: 1, retain: true });
    await waitFor(() => seen.length === 1, 'the barrier');
    expect(seen.map((m) => m.payload)).toEqual([online]);
  });

  it('does not publish the will after a clean DISCONNECT', async () => {
    const { seen } = await serverSubscribed();
    const gwA = await t.connect(t.gatewayA, { will: will(upTopic(t.gatewayA, 'status')) });
    await gwA.endAsync();
    await waitFor(() => t.service.counters().clients_connected === 1, 'gw-a to be gone');
    const gwB = await t.connect(t.gatewayB);
    await gwB.publishAsync(upTopic(t.gatewayB, 'status'), online, { qos: 1 });
    await waitFor(() => seen.length === 1, 'the barrier');
    expect(seen.map((m) => m.topic)).toEqual([upTopic(t.gatewayB, 'status')]);
  });
});
