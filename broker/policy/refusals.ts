// Every refusal of the policy is counted by reason and logged, at most once per
// client per minute: a misconfigured gateway retries forever and must not flood the log.
import type { Client } from 'aedes';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import { systemClock, type Clock } from '../../contracts/clock.ts';

export const REFUSAL_REASONS = [
  'bad_credentials',
  'client_id_mismatch',
  'publish_not_owner',
  'publish_bad_topic',
  'publish_wildcard',
  'publish_sys',
  'payload_too_large',
  'packet_too_large',
  'subscribe_not_owner',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusals {
  refuse(client: Client | null, reason: RefusalReason, detail?: Record<string, unknown>): void;
  counts(): Record<RefusalReason, number>;
}

export interface RefusalsDeps {
  registry: Registry;
  logger: Logger;
  clock?: Clock;
  logIntervalMs?: number;
}

/** Above this many remembered clients, forget the ones whose minute is over (clientIds are attacker-chosen). */
const MAX_REMEMBERED = 10_000;

export function createRefusals({ registry, logger, clock = systemClock, logIntervalMs = 60_000 }: RefusalsDeps): Refusals {
  const counter = new Counter({
    name: 'kcw_broker_refusals_total',
    help: 'MQTT operations refused by the broker policy, by reason',
    labelNames: ['reason'],
    registers: [registry],
  });
  const tally = Object.fromEntries(REFUSAL_REASONS.map((r) => [r, 0])) as Record<RefusalReason, number>;
  for (const reason of REFUSAL_REASONS) counter.inc({ reason }, 0);
  const lastLog = new Map<string, { at: number; suppressed: number }>();

  function forgetOld(now: number): void {
    if (lastLog.size < MAX_REMEMBERED) return;
    for (const [key, entry] of lastLog) if (now - entry.at >= logIntervalMs) lastLog.delete(key);
  }

  return {
    refuse(client, reason, detail = {}) {
      tally[reason] += 1;
      counter.inc({ reason });
      const clientId = client?.id ?? null;
      const key = clientId ?? '(no client)';
      const now = clock.now();
      const seen = lastLog.get(key);
      if (seen && now - seen.at < logIntervalMs) {
        seen.suppressed += 1;
        return;
      }
      forgetOld(now);
      lastLog.set(key, { at: now, suppressed: 0 });
      logger.warn({ clientId, reason, suppressedSinceLastLog: seen?.suppressed ?? 0, ...detail }, `refused: ${reason}`);
    },
    counts: () => ({ ...tally }),
  };
}
