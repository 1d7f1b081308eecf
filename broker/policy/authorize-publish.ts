// PUBLISH (and last wills): a gateway writes only its own uplink, the server only downlinks.
import type { AedesOptions } from 'aedes';
import { PAYLOAD_LIMITS } from '../../contracts/payloads.ts';
import { parseTopic, type ParsedTopic } from '../../contracts/topics.ts';
import type { CredentialStore, Principal } from '../credentials.ts';
import { publisherOf, type Principals } from './principals.ts';
import type { RefusalReason, Refusals } from './refusals.ts';

type AuthorizePublishHandler = NonNullable<AedesOptions['authorizePublish']>;

export type PublishVerdict = { ok: true; retainAllowed: boolean } | { ok: false; reason: RefusalReason };

function owns(principal: Principal, topic: ParsedTopic): boolean {
  if (principal.role === 'server') return topic.direction === 'down';
  return (
    (topic.direction === 'up' || topic.direction === 'video') &&
    topic.kitchenId === principal.kitchenId && topic.gatewayId === principal.gatewayId
  );
}

/** Pure decision for one PUBLISH; `principal` is null when the publisher is unknown. */
export function publishVerdict(principal: Principal | null, topic: string, payloadBytes: number): PublishVerdict {
  // The default aedes hook refuses $SYS (aedes #597); replacing it means doing it here.
  if (topic.startsWith('$')) return { ok: false, reason: 'publish_sys' };
  // aedes already drops wire PUBLISHes with wildcards [MQTT-3.3.2-2]; a will topic is not checked by it.
  if (topic.includes('+') || topic.includes('#')) return { ok: false, reason: 'publish_wildcard' };
  const parsed = parseTopic(topic);
  if (!parsed) return { ok: false, reason: 'publish_bad_topic' };
  if (!principal || !owns(principal, parsed)) return { ok: false, reason: 'publish_not_owner' };
  const limit = PAYLOAD_LIMITS[parsed.channel];
  if (limit === undefined || payloadBytes > limit) return { ok: false, reason: 'payload_too_large' };
  return { ok: true, retainAllowed: parsed.channel === 'status' };
}

export interface AuthorizePublishDeps {
  credentials: CredentialStore;
  principals: Principals;
  refusals: Refusals;
}

export function createAuthorizePublish({ credentials, principals, refusals }: AuthorizePublishDeps): AuthorizePublishHandler {
  return (client, packet, callback) => {
    const principal = publisherOf(principals, credentials, client, packet);
    const bytes = Buffer.byteLength(packet.payload);
    const verdict = publishVerdict(principal, packet.topic, bytes);
    if (!verdict.ok) {
      refusals.refuse(client, verdict.reason, { topic: packet.topic.slice(0, 200), bytes });
      // MQTT 3.1.1 has no negative PUBACK: aedes closes the connection [MQTT-3.3.5-2].
      callback(new Error(`publish refused: ${verdict.reason}`));
      return;
    }
    // A retained message is replayed on every subscribe: right for the status
    // (and its last will), wrong for readings, acks or commands, so the flag is dropped there.
    if (packet.retain && !verdict.retainAllowed) packet.retain = false;
    callback(null);
  };
}
