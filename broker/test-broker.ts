// Test fixture: a real broker on an ephemeral port with two kitchens and a server
// account, plus helpers that wait on events or poll with a bound (never a fixed sleep).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { Registry } from 'prom-client';
import type { GatewayAddress } from '../contracts/topics.ts';
import { createBroker, type BrokerService } from './create-broker.ts';
import { createCredentialStore, generateSecret, type CredentialStore, type ScryptCost } from './credentials.ts';

/** Cheap enough for tests; production uses DEFAULT_SCRYPT_COST. */
export const TEST_SCRYPT_COST: ScryptCost = { N: 1024, r: 8, p: 1 };

export interface TestAccount {
  username: string;
  password: string;
}
export type TestGateway = GatewayAddress & TestAccount;

export interface TestBroker {
  service: BrokerService;
  credentials: CredentialStore;
  registry: Registry;
  url: string;
  dir: string;
  gatewayA: TestGateway;
  gatewayB: TestGateway;
  server: TestAccount;
  /** Connects without auto-reconnect; the client is ended by close(). */
  connect(account: TestAccount, opts?: IClientOptions): Promise<MqttClient>;
  close(): Promise<void>;
}

async function gateway(store: CredentialStore, kitchenId: string, gatewayId: string): Promise<TestGateway> {
  const password = generateSecret();
  await store.addGateway(kitchenId, gatewayId, password);
  return { kitchenId, gatewayId, username: gatewayId, password };
}

export async function startTestBroker(): Promise<TestBroker> {
  const dir = await mkdtemp(join(tmpdir(), 'kcw-broker-'));
  const credentials = createCredentialStore({ path: join(dir, 'broker-credentials.json'), cost: TEST_SCRYPT_COST });
  await credentials.load();
  const gatewayA = await gateway(credentials, 'kitchen-a', 'gw-a');
  const gatewayB = await gateway(credentials, 'kitchen-b', 'gw-b');
  const server = { username: 'server', password: generateSecret() };
  await credentials.addServer(server.username, server.password);

  const registry = new Registry();
  const service = await createBroker({ port: 0, host: '127.0.0.1', credentials, registry });
  await service.start();
  const url = `mqtt://127.0.0.1:${service.address().port}`;
  const clients: MqttClient[] = [];

  return {
    service, credentials, registry, url, dir, gatewayA, gatewayB, server,
    async connect(account, opts = {}) {
      const client = await mqtt.connectAsync(url, {
        clientId: account.username,
        username: account.username,
        password: account.password,
        reconnectPeriod: 0,
        ...opts,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.endAsync(true)));
      await service.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it holds; fails after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface Received {
  topic: string;
  payload: string;
  retain: boolean;
}

/** Records every message a client receives, from now on. */
export function recorder(client: MqttClient): Received[] {
  const seen: Received[] = [];
  client.on('message', (topic, payload, packet) => seen.push({ topic, payload: payload.toString(), retain: packet.retain }));
  return seen;
}

/** Resolves when the broker has closed this client's connection. */
export function closed(client: MqttClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => !client.connected, 'the connection to close', timeoutMs);
}

/** The SUBACK return codes for `filters`: mqtt.js rejects a SUBACK holding 0x80, so read them off the error. */
export async function subscribeCodes(client: MqttClient, filters: string[]): Promise<number[]> {
  try {
    const granted = await client.subscribeAsync(filters, { qos: 1 });
    return granted.map((g) => g.qos);
  } catch (err) {
    const granted = (err as { packet?: { granted?: unknown } }).packet?.granted;
    if (!Array.isArray(granted)) throw err;
    return granted.map((g: number | { qos: number }) => (typeof g === 'number' ? g : g.qos));
  }
}
