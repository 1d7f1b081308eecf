// The broker's settings: one table (env name, default, meaning), validated once at
// start and frozen. Only the entry points (main.ts, provision.ts) pass process.env in.
import { join } from 'node:path';
import { CREDENTIALS_FILE } from './credentials.ts';

export const BROKER_ENV = {
  MQTT_PORT: { default: '1883', meaning: 'TCP port of the MQTT listener (0 = any free port)' },
  DATA_DIR: { default: './data', meaning: `directory holding ${CREDENTIALS_FILE}` },
  BROKER_METRICS_PORT: { default: '0', meaning: 'port of the Prometheus /metrics endpoint; 0 = off' },
} as const;

export interface BrokerConfig {
  mqttPort: number;
  dataDir: string;
  credentialsPath: string;
  /** 0 = no metrics endpoint. */
  metricsPort: number;
}

type Env = Record<string, string | undefined>;

function setting(env: Env, name: keyof typeof BROKER_ENV): string {
  const value = env[name]?.trim();
  return value ? value : BROKER_ENV[name].default;
}

function port(env: Env, name: keyof typeof BROKER_ENV): number {
  const raw = setting(env, name);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a TCP port (0-65535), got "${raw}"`);
  }
  return value;
}

export function dataDirOf(env: Env): string {
  return setting(env, 'DATA_DIR');
}

export function credentialsPathOf(dataDir: string): string {
  return join(dataDir, CREDENTIALS_FILE);
}

export function readBrokerConfig(env: Env): Readonly<BrokerConfig> {
  const dataDir = dataDirOf(env);
  return Object.freeze({
    mqttPort: port(env, 'MQTT_PORT'),
    dataDir,
    credentialsPath: credentialsPathOf(dataDir),
    metricsPort: port(env, 'BROKER_METRICS_PORT'),
  });
}
