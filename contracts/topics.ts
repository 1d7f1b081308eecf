// The MQTT topic tree. Nothing else in the project writes a topic string: every
// topic is built and parsed here (see docs/protocol.md).
//
//   kcw/v1/{kitchenId}/{gatewayId}/up/{channel}     gateway → server
//   kcw/v1/{kitchenId}/{gatewayId}/down/{channel}   server → gateway
//   kcw/v1/{kitchenId}/{gatewayId}/video/{cameraId} gateway → server, binary MPEG-TS,
//                                                   published only while the server asks
//
// The kitchen + gateway prefix is what lets the broker enforce ownership: a
// gateway's credentials are bound to exactly one such prefix.

export const TOPIC_ROOT = 'kcw/v1';

export const UP_CHANNELS = ['reading', 'batch', 'sample', 'status', 'reply', 'camera', 'ai'] as const;
export const DOWN_CHANNELS = ['ack', 'cmd'] as const;
export type UpChannel = (typeof UP_CHANNELS)[number];
export type DownChannel = (typeof DOWN_CHANNELS)[number];

export interface GatewayAddress {
  kitchenId: string;
  gatewayId: string;
}

export type ParsedTopic =
  | (GatewayAddress & { direction: 'up'; channel: UpChannel })
  | (GatewayAddress & { direction: 'down'; channel: DownChannel })
  | (GatewayAddress & { direction: 'video'; channel: 'video'; cameraId: string });

/** Identifiers travel inside topics, so they must not contain topic syntax. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

function prefix({ kitchenId, gatewayId }: GatewayAddress): string {
  if (!isValidId(kitchenId) || !isValidId(gatewayId)) {
    throw new Error(`invalid kitchen or gateway id: ${kitchenId}/${gatewayId}`);
  }
  return `${TOPIC_ROOT}/${kitchenId}/${gatewayId}`;
}

export function upTopic(gw: GatewayAddress, channel: UpChannel): string {
  return `${prefix(gw)}/up/${channel}`;
}

export function downTopic(gw: GatewayAddress, channel: DownChannel): string {
  return `${prefix(gw)}/down/${channel}`;
}

/** One camera's live stream (binary MPEG-TS chunks). */
export function videoTopic(gw: GatewayAddress, cameraId: string): string {
  if (!isValidId(cameraId)) throw new Error(`invalid camera id: ${cameraId}`);
  return `${prefix(gw)}/video/${cameraId}`;
}

/** What a gateway may publish to: its own uplink and nothing else. */
export function gatewayUpFilter(gw: GatewayAddress): string {
  return `${prefix(gw)}/up/+`;
}

/** What a gateway subscribes to: its own downlink. */
export function gatewayDownFilter(gw: GatewayAddress): string {
  return `${prefix(gw)}/down/+`;
}

/** What the server subscribes to: every gateway's uplink. */
export const SERVER_UP_FILTER = `${TOPIC_ROOT}/+/+/up/+`;

/** The widest video filter; the server subscribes to one camera at a time, while someone watches. */
export const SERVER_VIDEO_FILTER = `${TOPIC_ROOT}/+/+/video/+`;

/** Parses a concrete topic (no wildcards); null when it is not one of ours. */
export function parseTopic(topic: string): ParsedTopic | null {
  const parts = topic.split('/');
  if (parts.length !== 6) return null;
  const [root, version, kitchenId, gatewayId, direction, channel] = parts as [
    string, string, string, string, string, string,
  ];
  if (`${root}/${version}` !== TOPIC_ROOT) return null;
  if (!isValidId(kitchenId) || !isValidId(gatewayId)) return null;
  if (direction === 'up' && (UP_CHANNELS as readonly string[]).includes(channel)) {
    return { kitchenId, gatewayId, direction, channel: channel as UpChannel };
  }
  if (direction === 'down' && (DOWN_CHANNELS as readonly string[]).includes(channel)) {
    return { kitchenId, gatewayId, direction, channel: channel as DownChannel };
  }
  if (direction === 'video' && isValidId(channel)) {
    return { kitchenId, gatewayId, direction, channel: 'video', cameraId: channel };
  }
  return null;
}

/** True when an MQTT topic filter matches a concrete topic ([MQTT-4.7.1]). */
export function topicMatches(filter: string, topic: string): boolean {
  const f = filter.split('/');
  const t = topic.split('/');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '#') return true;
    if (i >= t.length) return false;
    if (f[i] !== '+' && f[i] !== t[i]) return false;
  }
  return f.length === t.length;
}
