// The system's settings: one schema with each key's environment variable,
// default and meaning. Validated once at start, frozen, injected; the README's
// table is generated from it (npm run config-table).
import { parseOrigins } from './domain/notifications/outbound.ts';

interface Setting<T> { env: string; default: T | undefined; meaning: string; parse(raw: string): T }

const port = (env: string, def: number, meaning: string): Setting<number> => ({
  env, default: def, meaning,
  parse(raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${env} must be a port number 0..65535, got "${raw}"`);
    return n;
  },
});
const text = (env: string, def: string | undefined, meaning: string): Setting<string> => ({ env, default: def, meaning, parse: (raw) => raw });
const positive = (env: string, def: number, meaning: string): Setting<number> => ({
  env, default: def, meaning,
  parse(raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${env} must be a positive integer, got "${raw}"`);
    return n;
  },
});
/** Comma-separated http(s) origins, each written as scheme://host:port (a port left out is the scheme's). */
const origins = (env: string, meaning: string): Setting<readonly string[]> => ({
  env, default: undefined, meaning,
  parse(raw) {
    try {
      return Object.freeze(parseOrigins(raw.split(',').map((o) => o.trim()).filter((o) => o !== '')));
    } catch (err) {
      throw new Error(`${env}: ${(err as Error).message}`);
    }
  },
});

export const SETTINGS = {
  httpPort: port('HTTP_PORT', 8080, 'Port of the dashboard, REST API, /healthz and /metrics (0: any free port).'),
  httpHost: text('HTTP_HOST', '127.0.0.1', 'Address the dashboard and API listen on. Loopback by default: the demo accounts\' passwords are public; 0.0.0.0 exposes them.'),
  mqttPort: port('MQTT_PORT', 1883, 'Port of the MQTT broker (0: any free port).'),
  influxUrl: text('INFLUX_URL', undefined, 'URL of a running InfluxDB 1.x; unset: the project starts its own influxd under DATA_DIR.'),
  influxDatabase: text('INFLUX_DB', 'kitchen_cold_chain', 'InfluxDB database for the series.'),
  dataDir: text('DATA_DIR', './data', 'Where the SQL file, InfluxDB data, broker credentials and gateway outboxes live.'),
  demoKitchens: positive('DEMO_KITCHENS', 20, 'Kitchens in the simulated demo district (each: two chillers, a freezer and a sample cabinet).'),
  pollSeconds: positive('POLL_SECONDS', 10, 'How often the demo gateways poll their probes.'),
  logLevel: text('LOG_LEVEL', 'info', 'Log level (pino): fatal, error, warn, info, debug.'),
  trustProxy: text('TRUST_PROXY', undefined, 'Behind a reverse proxy: which proxies to believe for the client address and HTTPS (express "trust proxy": `loopback`, a hop count, or addresses). Unset: none, so the session cookie is Secure only on direct HTTPS.'),
  metricsToken: text('METRICS_TOKEN', undefined, 'Bearer token that /metrics requires. Unset: /metrics answers loopback clients only.'),
  notifyAllowOrigins: origins('NOTIFY_ALLOW_ORIGINS', 'Comma-separated origins (`http://10.0.0.5:8080`) that webhook, WeCom and DingTalk channels may target although they are private addresses or not the robots\' official hosts, e.g. an SMS gateway on the LAN. Unset: none; channels reach public hosts only.'),
} as const;

export interface Config {
  readonly httpPort: number;
  readonly httpHost: string;
  readonly mqttPort: number;
  readonly influxUrl: string | undefined;
  readonly influxDatabase: string;
  readonly dataDir: string;
  readonly demoKitchens: number;
  readonly pollSeconds: number;
  readonly logLevel: string;
  readonly trustProxy: string | undefined;
  readonly metricsToken: string | undefined;
  readonly notifyAllowOrigins: readonly string[] | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const out: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(SETTINGS) as Array<[string, Setting<unknown>]>) {
    const raw = env[setting.env];
    out[key] = raw === undefined || raw === '' ? setting.default : setting.parse(raw);
  }
  return Object.freeze(out) as unknown as Config;
}

export function configTable(): string {
  const rows = Object.values(SETTINGS).map((s) => `| \`${s.env}\` | ${s.default === undefined ? '—' : `\`${String(s.default)}\``} | ${s.meaning} |`);
  return ['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n');
}

// Every setting has a typed field, and every field a setting.
const _sameKeys: Record<keyof Config, unknown> = SETTINGS satisfies Record<keyof Config, unknown>;
void _sameKeys;
