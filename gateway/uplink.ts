// The gateway's one MQTT client. Its last will is the retained "offline"
// status, so the server and the dashboard learn of a dead gateway from the broker.
import mqtt, { type MqttClient } from 'mqtt';
import { gatewayDownFilter, parseTopic, upTopic, type GatewayAddress } from '../contracts/topics.ts';
import type { BatchMessage, ReadingMessage, ReplyMessage, StatusMessage } from '../contracts/payloads.ts';
import { decodePayload, encodePayload, type ChannelMessages } from '../contracts/validate.ts';
import type { SampleMessage } from '../contracts/samples.ts';

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

  function publish(channel: 'reading' | 'batch' | 'sample' | 'status' | 'reply', payload: string, retain = false): Promise<void> {
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
