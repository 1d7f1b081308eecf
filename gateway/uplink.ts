// The gateway's one MQTT client. Its last will is the retained "offline"
// status, so the server and the dashboard learn of a dead gateway from the broker.
import mqtt, { type MqttClient } from 'mqtt';
import { gatewayDownFilter, parseTopic, upTopic, videoTopic, type GatewayAddress, type UpChannel } from '../contracts/topics.ts';
import type { BatchMessage, ReadingMessage, ReplyMessage, StatusMessage } from '../contracts/payloads.ts';
import { decodePayload, encodePayload, type ChannelMessages } from '../contracts/validate.ts';
import type { SampleMessage } from '../contracts/samples.ts';
import type { AiMessage, CameraMessage } from '../contracts/cameras.ts';
import { PAYLOAD_LIMITS } from '../contracts/payloads.ts';
import { TS_PACKET_BYTES } from '../contracts/mpeg-ts.ts';

/** Live video waits in the socket's buffer at most this much; beyond it chunks are dropped. */
export const VIDEO_BUFFER_BYTES = 1024 * 1024;

export interface UplinkOptions extends GatewayAddress {
  url: string;
  secret: string;
  onAck(message: ChannelMessages['ack']): void;
  onCommand(message: ChannelMessages['cmd']): void;
  onConnect(): void;
  onDisconnect(): void;
}

export function createUplink(opts: UplinkOptions) {
  let client: MqttClient | undefined;
  const gw: GatewayAddress = { kitchenId: opts.kitchenId, gatewayId: opts.gatewayId };
  const will: StatusMessage = { v: 1, state: 'offline' };

  function publish(channel: UpChannel, payload: string, retain = false): Promise<void> {
    return new Promise((resolve, reject) => {
      if (!client?.connected) return reject(new Error('uplink down'));
      client.publish(upTopic(gw, channel), payload, { qos: 1, retain }, (err) => (err ? reject(err) : resolve()));
    });
  }

  function onMessage(topic: string, payload: Buffer) {
    const parsed = parseTopic(topic);
    if (parsed?.direction !== 'down') return;
    if (parsed.channel === 'ack') {
      const decoded = decodePayload('ack', payload);
      if (decoded.ok) opts.onAck(decoded.value);
    } else {
      const decoded = decodePayload('cmd', payload);
      if (decoded.ok) opts.onCommand(decoded.value);
    }
  }

  return {
    start() {
      client = mqtt.connect(opts.url, {
        clientId: opts.gatewayId,
        username: opts.gatewayId,
        password: opts.secret,
        clean: false,
        reconnectPeriod: 1000,
        connectTimeout: 10_000,
        will: { topic: upTopic(gw, 'status'), payload: Buffer.from(encodePayload('status', will)), qos: 1, retain: true },
      });
      client.on('connect', () => {
        void client?.subscribeAsync(gatewayDownFilter(gw), { qos: 1 }).then(() => opts.onConnect(), () => undefined);
      });
      client.on('close', () => opts.onDisconnect());
      client.on('error', () => undefined); // reconnects on its own; the outbox keeps the data
      client.on('message', onMessage);
    },
    connected: () => client?.connected === true,
    sendReading: (m: ReadingMessage) => publish('reading', encodePayload('reading', m)),
    sendBatch: (m: BatchMessage) => publish('batch', encodePayload('batch', m)),
    sendSample: (m: SampleMessage) => publish('sample', encodePayload('sample', m)),
    sendStatus: (m: StatusMessage) => publish('status', encodePayload('status', m), true),
    sendReply: (m: ReplyMessage) => publish('reply', encodePayload('reply', m)),
    sendCamera: (m: CameraMessage) => publish('camera', encodePayload('camera', m)),
    sendAi: (m: AiMessage) => publish('ai', encodePayload('ai', m)),
    /** Live video, QoS 0: a lost chunk is not worth re-sending late. False (not sent) when the
     *  link is down or congested, so the caller can skip to the next decodable point. */
    publishVideo(cameraId: string, packets: Buffer): boolean {
      if (!client?.connected || (client.stream?.writableLength ?? 0) > VIDEO_BUFFER_BYTES) return false;
      const limit = PAYLOAD_LIMITS.video! - (PAYLOAD_LIMITS.video! % TS_PACKET_BYTES); // whole TS packets
      for (let at = 0; at < packets.length; at += limit) {
        client.publish(videoTopic(gw, cameraId), packets.subarray(at, at + limit), { qos: 0 });
      }
      return true;
    },
    /** Drops the connection at once, without DISCONNECT (tests: a lost uplink). */
    kill() {
      client?.stream.destroy();
    },
    async stop() {
      if (client?.connected) await this.sendStatus({ v: 1, state: 'offline' }).catch(() => undefined);
      await client?.endAsync();
    },
  };
}

export type Uplink = ReturnType<typeof createUplink>;
