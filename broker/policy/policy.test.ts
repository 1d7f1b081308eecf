// The policy decisions as tables: pure functions, no broker.
import { describe, expect, it } from 'vitest';
import { PAYLOAD_LIMITS } from '../../contracts/payloads.ts';
import { SERVER_UP_FILTER, SERVER_VIDEO_FILTER, downTopic, gatewayDownFilter, upTopic, videoTopic } from '../../contracts/topics.ts';
import type { Client, PublishPacket } from 'aedes';
import type { CredentialStore, Principal } from '../credentials.ts';
import { publishVerdict } from './authorize-publish.ts';
import { filterCovers, subscribeAllowed } from './authorize-subscribe.ts';
import { createPrincipals, publisherOf } from './principals.ts';

const A = { kitchenId: 'kitchen-a', gatewayId: 'gw-a' };
const B = { kitchenId: 'kitchen-b', gatewayId: 'gw-b' };
const gwA: Principal = { role: 'gateway', username: 'gw-a', ...A };
const server: Principal = { role: 'server', username: 'kcw-server' };

describe('publishVerdict', () => {
  const cases: Array<[string, Principal | null, string, number, ReturnType<typeof publishVerdict>]> = [
    ['own reading', gwA, upTopic(A, 'reading'), 100, { ok: true, retainAllowed: false }],
    ['own status (may be retained)', gwA, upTopic(A, 'status'), 100, { ok: true, retainAllowed: true }],
    ['own batch at the limit', gwA, upTopic(A, 'batch'), PAYLOAD_LIMITS.batch!, { ok: true, retainAllowed: false }],
    ['own reading over the limit', gwA, upTopic(A, 'reading'), PAYLOAD_LIMITS.reading! + 1, { ok: false, reason: 'payload_too_large' }],
    ["another kitchen's uplink", gwA, upTopic(B, 'reading'), 100, { ok: false, reason: 'publish_not_owner' }],
    ['same gateway id, other kitchen', gwA, upTopic({ ...A, kitchenId: 'kitchen-b' }, 'status'), 10, { ok: false, reason: 'publish_not_owner' }],
    ['own downlink', gwA, downTopic(A, 'ack'), 10, { ok: false, reason: 'publish_not_owner' }],
    ['server ack to any gateway', server, downTopic(B, 'ack'), 1000, { ok: true, retainAllowed: false }],
    ['server command', server, downTopic(A, 'cmd'), 1000, { ok: true, retainAllowed: false }],
    ['server on an uplink', server, upTopic(A, 'reading'), 10, { ok: false, reason: 'publish_not_owner' }],
    ['unknown publisher (orphan will)', null, upTopic(A, 'status'), 10, { ok: false, reason: 'publish_not_owner' }],
    ['$SYS', server, '$SYS/broker/clients', 1, { ok: false, reason: 'publish_sys' }],
    ['wildcard will topic', gwA, `${gatewayDownFilter(A)}`, 1, { ok: false, reason: 'publish_wildcard' }],
    ['outside the tree', gwA, 'kcw/v1/kitchen-a/gw-a/up/secret', 1, { ok: false, reason: 'publish_bad_topic' }],
    ['own camera health', gwA, upTopic(A, 'camera'), 1000, { ok: true, retainAllowed: false }],
    ['own AI event with a snapshot at the limit', gwA, upTopic(A, 'ai'), PAYLOAD_LIMITS.ai!, { ok: true, retainAllowed: false }],
    ['own video chunk at the limit', gwA, videoTopic(A, 'cam-1'), PAYLOAD_LIMITS.video!, { ok: true, retainAllowed: false }],
    ['own video chunk over the limit', gwA, videoTopic(A, 'cam-1'), PAYLOAD_LIMITS.video! + 1, { ok: false, reason: 'payload_too_large' }],
    ["another kitchen's video", gwA, videoTopic(B, 'cam-1'), 100, { ok: false, reason: 'publish_not_owner' }],
    ['server on a video topic', server, videoTopic(A, 'cam-1'), 100, { ok: false, reason: 'publish_not_owner' }],
  ];
  it.each(cases)('%s', (_name, principal, topic, bytes, expected) => {
    expect(publishVerdict(principal, topic, bytes)).toEqual(expected);
  });
});

describe('subscribeAllowed', () => {
  const cases: Array<[string, Principal, string, boolean]> = [
    ['gateway: own downlink', gwA, gatewayDownFilter(A), true],
    ['gateway: own ack', gwA, downTopic(A, 'ack'), true],
    ["gateway: another's downlink", gwA, gatewayDownFilter(B), false],
    ['gateway: own uplink', gwA, upTopic(A, 'reading'), false],
    ['gateway: everything', gwA, '#', false],
    ['gateway: $SYS', gwA, '$SYS/#', false],
    ['gateway: own prefix with #', gwA, 'kcw/v1/kitchen-a/gw-a/#', false],
    ['server: all uplinks', server, SERVER_UP_FILTER, true],
    ['server: one kitchen', server, 'kcw/v1/kitchen-a/+/up/+', true],
    ['server: one status', server, upTopic(B, 'status'), true],
    ['server: uplinks with #', server, 'kcw/v1/+/+/up/#', false],
    ['server: downlinks', server, gatewayDownFilter(A), false],
    ['server: everything', server, '#', false],
    ['server: one camera', server, videoTopic(A, 'cam-1'), true],
    ['server: all video', server, SERVER_VIDEO_FILTER, true],
    ['gateway: own video', gwA, videoTopic(A, 'cam-1'), false],
    ["gateway: another's video", gwA, videoTopic(B, 'cam-1'), false],
  ];
  it.each(cases)('%s', (_name, principal, filter, expected) => {
    expect(subscribeAllowed(principal, filter)).toBe(expected);
  });
});

describe('filterCovers', () => {
  it.each([
    ['a/+', 'a/b', true],
    ['a/+', 'a/+', true],
    ['a/b', 'a/+', false],
    ['a/#', 'a', true],
    ['a/#', 'a/b/#', true],
    ['a/+', 'a/#', false],
    ['a/+', 'a/b/c', false],
    ['a/+/c', 'a/b', false],
  ])('%s covers %s: %s', (outer, inner, expected) => {
    expect(filterCovers(outer, inner)).toBe(expected);
  });
});

describe('publisherOf', () => {
  const credentials = { principal: (u: string) => ({ 'gw-a': gwA, 'kcw-server': server })[u] ?? null } as CredentialStore;
  const will = (clientId?: string) => ({ cmd: 'publish', topic: upTopic(A, 'status'), clientId }) as unknown as PublishPacket;

  it('reads the principal bound at CONNECT', () => {
    const principals = createPrincipals();
    const client = { id: 'gw-a' } as Client;
    principals.set(client, gwA);
    expect(publisherOf(principals, credentials, client, will())).toBe(gwA);
    expect(publisherOf(principals, credentials, { id: 'other' } as Client, will())).toBeNull();
  });

  it("finds the owner of an orphan will (no live client) by the gateway's clientId", () => {
    const principals = createPrincipals();
    expect(publisherOf(principals, credentials, null, will('gw-a'))).toBe(gwA);
    expect(publisherOf(principals, credentials, null, will('kcw-server'))).toBeNull();
    expect(publisherOf(principals, credentials, null, will())).toBeNull();
  });
});
