// The broker's refusals, end to end: real broker on port 0, real mqtt.js clients.
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PAYLOAD_LIMITS, type ReadingMessage } from '../contracts/payloads.ts';
import { SERVER_UP_FILTER, downTopic, gatewayDownFilter, upTopic, type GatewayAddress } from '../contracts/topics.ts';
import { encodePayload } from '../contracts/validate.ts';
import type { RefusalReason } from './policy/refusals.ts';
import { closed, recorder, startTestBroker, subscribeCodes, waitFor, type Received, type TestBroker } from './test-broker.ts';

function reading(device: string, oid = 1): string {
  const message: ReadingMessage = {
    v: 1,
    reading: { oid, device, kind: 'chiller', seq: oid, ts: 1_700_000_000_000, temp: 3.5, unit: 'Cel' },
  };
  return encodePayload('reading', message);
}

let t: TestBroker;
beforeEach(async () => {
  t = await startTestBroker();
});
afterEach(async () => {
  await t.close();
});

async function serverListening(): Promise<Received[]> {
  const server = await t.connect(t.server, { clientId: 'kcw-server' });
  const seen = recorder(server);
  await server.subscribeAsync(SERVER_UP_FILTER, { qos: 1 });
  return seen;
}

/** A legitimate message from gateway B that the server must receive: once it has, anything refused earlier is settled. */
async function barrier(seen: Received[]): Promise<void> {
  const gwB = await t.connect(t.gatewayB);
  const before = seen.length;
  await gwB.publishAsync(upTopic(t.gatewayB, 'reading'), reading('barrier'), { qos: 1 });
  await waitFor(() => seen.length > before, 'the barrier message');
}

async function refusedPublish(client: MqttClient, topic: string, payload: string, reason: RefusalReason): Promise<void> {
  client.publish(topic, payload, { qos: 1 });
  await waitFor(() => t.service.counters()[reason] === 1, `${reason} to be counted`);
  await closed(client); // MQTT 3.1.1 has no negative PUBACK: the broker drops the connection
}

describe('publish policy', () => {
  it('a gateway of kitchen A cannot publish as kitchen B', async () => {
    const seen = await serverListening();
    const gwA = await t.connect(t.gatewayA);
    await refusedPublish(gwA, upTopic(t.gatewayB, 'reading'), reading('forged'), 'publish_not_owner');
    await barrier(seen);
    expect(seen.map((m) => m.payload)).toEqual([reading('barrier')]);
  });

  it('a gateway cannot publish to a downlink, not even its own', async () => {
    const gwA = await t.connect(t.gatewayA);
    await refusedPublish(gwA, downTopic(t.gatewayA, 'cmd'), '{}', 'publish_not_owner');
  });

  it('refuses $SYS topics', async () => {
    const gwA = await t.connect(t.gatewayA);
    await refusedPublish(gwA, '$SYS/broker/uptime', 'x', 'publish_sys');
  });

  it('refuses wildcard topics', async () => {
    const seen = await serverListening();
    const gwA = await t.connect(t.gatewayA);
    await refusedPublish(gwA, upTopic(t.gatewayA, 'reading').replace(/reading$/, '+'), reading('wild'), 'publish_wildcard');
    await barrier(seen);
    expect(seen.map((m) => m.payload)).toEqual([reading('barrier')]);
  });

  it('refuses topics outside the contract', async () => {
    const gwA = await t.connect(t.gatewayA);
    await refusedPublish(gwA, 'kitchen/a/temperature', '3.5', 'publish_bad_topic');
  });

  it('refuses and counts an oversize payload', async () => {
    const seen = await serverListening();
    const gwA = await t.connect(t.gatewayA);
    const oversize = 'x'.repeat(PAYLOAD_LIMITS.reading! + 1);
    await refusedPublish(gwA, upTopic(t.gatewayA, 'reading'), oversize, 'payload_too_large');
    await barrier(seen);
    expect(seen.map((m) => m.payload)).toEqual([reading('barrier')]);
  });

  it('the server cannot publish on a gateway uplink', async () => {
    const server = await t.connect(t.server, { clientId: 'kcw-server' });
    await refusedPublish(server, upTopic(t.gatewayA, 'reading'), reading('spoofed'), 'publish_not_owner');
  });
});

describe('subscribe policy', () => {
  const refusedFilters = (gw: GatewayAddress) => [gatewayDownFilter(gw), downTopic(gw, 'ack'), '#', '$SYS/#', SERVER_UP_FILTER];

  it('a gateway cannot subscribe to another kitchen, to everything or to $SYS', async () => {
    const gwA = await t.connect(t.gatewayA);
    const seenA = recorder(gwA);
    const filters = refusedFilters(t.gatewayB);
    expect(await subscribeCodes(gwA, filters)).toEqual(filters.map(() => 128));
    expect(t.service.counters().subscribe_not_owner).toBe(filters.length);
    expect(gwA.connected).toBe(true); // a negated subscription is not a disconnect

    // B's ack reaches B (the barrier) and nobody else.
    const gwB = await t.connect(t.gatewayB);
    const seenB = recorder(gwB);
    await gwB.subscribeAsync(gatewayDownFilter(t.gatewayB), { qos: 1 });
    const server = await t.connect(t.server, { clientId: 'kcw-server' });
    await server.publishAsync(downTopic(t.gatewayB, 'ack'), '{"v":1,"stored":[1]}', { qos: 1 });
    await waitFor(() => seenB.length === 1, 'B to receive its ack');
    expect(seenA).toEqual([]);
  });

  it('the server may subscribe to uplinks only', async () => {
    const server = await t.connect(t.server, { clientId: 'kcw-server' });
    const filters = [SERVER_UP_FILTER, upTopic(t.gatewayA, 'status'), gatewayDownFilter(t.gatewayA), '#', '$SYS/#'];
    expect(await subscribeCodes(server, filters)).toEqual([1, 1, 128, 128, 128]);
    expect(t.service.counters().subscribe_not_owner).toBe(3);
  });
});

describe('authentication', () => {
  it('refuses a wrong password with "bad username or password"', async () => {
    const attempt = t.connect({ ...t.gatewayA, password: 'not-the-secret-at-all' });
    await expect(attempt).rejects.toMatchObject({ code: 4 });
    await expect(t.connect({ username: 'nobody', password: 'whatever-it-is-long' })).rejects.toMatchObject({ code: 4 });
    expect(t.service.counters().bad_credentials).toBe(2);
  });

  it("refuses a gateway using another gateway's clientId, leaving that session alone", async () => {
    const gwB = await t.connect(t.gatewayB);
    const takeover = t.connect(t.gatewayA, { clientId: t.gatewayB.gatewayId });
    await expect(takeover).rejects.toMatchObject({ code: 2 });
    expect(t.service.counters().client_id_mismatch).toBe(1);
    expect(gwB.connected).toBe(true);
    expect(t.service.counters().clients_connected).toBe(1);
  });

  it("refuses the server using a gateway's clientId", async () => {
    await expect(t.connect(t.server, { clientId: t.gatewayA.gatewayId })).rejects.toMatchObject({ code: 2 });
    expect(t.service.counters().client_id_mismatch).toBe(1);
  });
});
