// The server's options: every part is injected by whoever starts it (server/config.ts and
// scripts/demo.ts for the demo, tests/fixtures/stack.ts for the stories). Nothing here reads env.
import type { Logger } from 'pino';
import type { Clock } from '../contracts/clock.ts';
import type { RuleEngine } from './app/cold-chain.ts';
import type { ScryptCost } from '../broker/credentials.ts';

export interface ServerOptions {
  httpPort: number;
  httpHost?: string;
  mqtt: { url: string; username: string; password: string };
  influx: { url: string; database: string };
  sqlitePath: string;
  dashboardDir?: string;
  engine?: RuleEngine<unknown>;
  clock?: Clock;
  logger?: Logger;
  ruleTickMs?: number;
  writer?: { maxBatch?: number; flushIntervalMs?: number; maxBuffer?: number };
  liveCoalesceMs?: number;
  commandTimeoutMs?: number;
  sampleCheckMs?: number;
  /** Bright kitchen: how often cameras are judged (FS-CAM-OFFLINE), and how long a stream
   *  outlives its last viewer (a viewer who comes back within it gets a picture at once). */
  cameraCheckMs?: number;
  videoLingerMs?: number;
  /** How often live sockets re-check their session and scope. */
  sessionCheckMs?: number;
  /** TRUST_PROXY and METRICS_TOKEN (server/config.ts). */
  trustProxy?: string;
  metricsToken?: string;
  /** scrypt cost of password hashes (tests use a cheap one). */
  passwordCost?: ScryptCost;
  /** The broker's credentials file, where gateways are provisioned from the administration; absent: 503. */
  credentialsPath?: string;
  /** The broker's address as gateways reach it, shown with a provisioned secret. */
  mqttPublicUrl?: string;
  /** How often every kitchen's registry reminders are checked (FS-CAL-DUE, FS-REG-*); each registry change checks its kitchen at once. */
  registryCheckMs?: number;
  /** Escalation and notifications (rule book section 6): how often open alerts are judged for
   *  escalation, how often due deliveries are attempted, one attempt's time limit, and the
   *  dashboard's public address for the links in messages (none: no links). */
  escalationCheckMs?: number;
  deliveryCheckMs?: number;
  notifyTimeoutMs?: number;
  publicUrl?: string;
  /** Origins (scheme://host:port) that webhook and robot channels may target although private or not
   *  the robots' official hosts (NOTIFY_ALLOW_ORIGINS; the demo's and the tests' local robot stand-in). */
  notifyAllowedOrigins?: string[];
}
