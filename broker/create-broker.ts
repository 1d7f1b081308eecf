// The broker: aedes with the project's policy hooks, a TCP listener and its metrics.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Aedes, type Client } from 'aedes';
import { pino, type Logger } from 'pino';
import { Counter, Gauge, Registry } from 'prom-client';
import type { Clock } from '../contracts/clock.ts';
import { parseTopic } from '../contracts/topics.ts';
import type { CredentialStore } from './credentials.ts';
import { createAuthenticate } from './policy/authenticate.ts';
import { createAuthorizePublish } from './policy/authorize-publish.ts';
import { createAuthorizeSubscribe } from './policy/authorize-subscribe.ts';
import { createPrincipals } from './policy/principals.ts';
import { createRefusals, type RefusalReason } from './policy/refusals.ts';
import { guardPacketSize } from './packet-guard.ts';
import { PAYLOAD_LIMITS } from '../contracts/payloads.ts';

/** The largest packet the protocol needs: the largest payload plus room for the topic and headers. */
export const MAX_PACKET_BYTES = Math.max(...Object.values(PAYLOAD_LIMITS)) + 64 * 1024;

export interface BrokerDeps {
  /** 0 picks a free port; read it back with address(). */
  port: number;
  host?: string;
  credentials: CredentialStore;
  registry?: Registry;
  logger?: Logger;
  clock?: Clock;
}

export type BrokerCounters = Record<RefusalReason, number> & {
  messages_published: number;
  clients_connected: number;
};

export interface BrokerService {
  start(): Promise<void>;
  stop(): Promise<void>;
  address(): { port: number };
  counters(): BrokerCounters;
  broker: Aedes;
  registry: Registry;
}

// aedes rejects wildcards in a wire PUBLISH before the policy hook runs
// [MQTT-3.3.2-2]; its error is the only trace left to count.
const WILDCARD_PUBLISH_ERROR = /^[+#] is not allowed in PUBLISH$/;

export async function createBroker(deps: BrokerDeps): Promise<BrokerService> {
  const { credentials, clock } = deps;
  const registry = deps.registry ?? new Registry();
  const logger = deps.logger ?? pino({ enabled: false });
  const refusals = createRefusals({ registry, logger, clock });
  const principals = createPrincipals();

  const broker = await Aedes.createBroker({
    authenticate: createAuthenticate({ credentials, principals, refusals, logger }),
    authorizePublish: createAuthorizePublish({ credentials, principals, refusals }),
    authorizeSubscribe: createAuthorizeSubscribe({ principals, refusals }),
  });

  const published = new Counter({
    name: 'kcw_broker_messages_published_total',
    help: 'Client messages accepted by the broker (wills included), by channel',
    labelNames: ['channel'],
    registers: [registry],
  });
  new Gauge({
    name: 'kcw_broker_connected_clients',
    help: 'Authenticated MQTT clients currently connected',
    registers: [registry],
    collect() {
      this.set(broker.connectedClients);
    },
  });
  let publishedCount = 0;

  broker.on('publish', (packet, client) => {
    if (!client) return; // the broker's own $SYS traffic
    publishedCount += 1;
    published.inc({ channel: parseTopic(packet.topic)?.channel ?? 'other' });
  });
  broker.on('clientError', (client: Client, err: Error) => {
    if (WILDCARD_PUBLISH_ERROR.test(err.message)) refusals.refuse(client, 'publish_wildcard');
    else logger.debug({ clientId: client.id, err: err.message }, 'client error');
  });

  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // Small MQTT packets (PUBACKs, acks, live readings) must not wait up to 40 ms for
    // Nagle's algorithm: it dominated publish-to-stored latency at moderate load (0004).
    socket.setNoDelay(true);
    broker.handle(guardPacketSize(socket, MAX_PACKET_BYTES, () => refusals.refuse(null, 'packet_too_large', {
      remoteAddress: socket.remoteAddress, maxBytes: MAX_PACKET_BYTES,
    })));
  });
  let stopped: Promise<void> | null = null;

  async function stop(): Promise<void> {
    const serverClosed = new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
    await new Promise<void>((resolve) => broker.close(() => resolve()));
    // aedes ends its clients; whatever never got as far as CONNECT is ours to end.
    for (const socket of sockets) socket.destroy();
    await serverClosed;
    logger.info('broker stopped');
  }

  return {
    broker,
    registry,
    start: () =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(deps.port, deps.host, () => {
          server.off('error', reject);
          logger.info({ port: (server.address() as AddressInfo).port, host: deps.host }, 'broker listening');
          resolve();
        });
      }),
    stop: () => (stopped ??= stop()),
    address: () => ({ port: (server.address() as AddressInfo | null)?.port ?? deps.port }),
    counters: () => ({
      ...refusals.counts(),
      messages_published: publishedCount,
      clients_connected: broker.connectedClients,
    }),
  };
}
