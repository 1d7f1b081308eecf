// The server's one MQTT client: a persistent session (clean: false) with QoS 1,
// so uplink messages published while the server restarts wait for it at the
// broker. Publishes acknowledgements and commands on gateways' downlinks.
import type { Socket } from 'node:net';
import mqtt, { type MqttClient } from 'mqtt';
import { SERVER_UP_FILTER, downTopic, videoTopic, type GatewayAddress } from '../../contracts/topics.ts';
import type { AckMessage, CommandMessage } from '../../contracts/payloads.ts';
import { encodePayload } from '../../contracts/validate.ts';

export interface ServerMqttOptions {
  url: string;
  username: string;
  password: string;
  clientId?: string;
  onMessage(topic: string, payload: Buffer): void;
  onConnectionChange?(connected: boolean): void;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

/** Turns Nagle's algorithm off on the client's socket (each reconnect makes a
 *  new one): with it on, a small down/ack written while an earlier segment is
 *  unacknowledged can wait for the broker's delayed ACK (up to 40 ms on Linux).
 *  The broker's own sockets matter more (docs/decisions/0004-ingest-performance.md). */
function noDelay(client: MqttClient) {
  (client.stream as Partial<Socket> | undefined)?.setNoDelay?.(true);
}

export function createServerMqtt(opts: ServerMqttOptions) {
  let client: MqttClient | undefined;

  function publish(topic: string, payload: string) {
    client?.publish(topic, payload, { qos: 1 }, (err) => {
      if (err) opts.log.error({ err: err.message, topic }, 'downlink publish failed');
    });
  }

  return {
    async start() {
      client = await mqtt.connectAsync(opts.url, {
        clientId: opts.clientId ?? opts.username,
        username: opts.username,
        password: opts.password,
        clean: false,
        reconnectPeriod: 1000,
        connectTimeout: 10_000,
      });
      client.on('message', (topic, payload) => {
        try {
          opts.onMessage(topic, payload);
        } catch (err) {
          // A bug in handling one message must not stop the consumer.
          opts.log.error({ err, topic }, 'uplink handler failed');
        }
      });
      noDelay(client);
      client.on('connect', () => {
        if (client) noDelay(client);
        opts.onConnectionChange?.(true);
        // Rejects when the link drops before SUBACK; the next 'connect' subscribes again.
        client?.subscribeAsync(SERVER_UP_FILTER, { qos: 1 }).catch((err: Error) => opts.log.error({ err: err.message }, 'subscribe failed'));
      });
      client.on('close', () => opts.onConnectionChange?.(false));
      await client.subscribeAsync(SERVER_UP_FILTER, { qos: 1 });
      opts.onConnectionChange?.(true);
      opts.log.info({ url: opts.url }, 'connected to the broker');
    },
    connected: () => client?.connected === true,
    publishAck: (gw: GatewayAddress, message: AckMessage) => publish(downTopic(gw, 'ack'), encodePayload('ack', message)),
    publishCommand: (gw: GatewayAddress, command: CommandMessage) => publish(downTopic(gw, 'cmd'), encodePayload('cmd', command)),
    /** Live video is QoS 0 and subscribed only while someone watches the camera. */
    subscribeVideo(gw: GatewayAddress, cameraId: string) {
      client?.subscribeAsync(videoTopic(gw, cameraId), { qos: 0 }).catch((err: Error) => opts.log.error({ err: err.message }, 'video subscribe failed'));
    },
    unsubscribeVideo(gw: GatewayAddress, cameraId: string) {
      client?.unsubscribeAsync(videoTopic(gw, cameraId)).catch(() => undefined);
    },
    async stop() {
      await client?.endAsync();
    },
  };
}

export type ServerMqtt = ReturnType<typeof createServerMqtt>;
