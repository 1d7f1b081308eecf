import type { Client } from 'aedes';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../contracts/clock.ts';
import { createRefusals } from './refusals.ts';

function setup() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino({}, { write: (line: string) => lines.push(JSON.parse(line)) });
  const clock = manualClock(1_700_000_000_000);
  const registry = new Registry();
  return { lines, clock, registry, refusals: createRefusals({ registry, logger, clock }) };
}
const client = (id: string) => ({ id }) as Client;

describe('refusals', () => {
  it('counts every refusal and logs at most once per client per minute', async () => {
    const { lines, clock, registry, refusals } = setup();
    for (let i = 0; i < 5; i++) refusals.refuse(client('gw-a'), 'publish_not_owner', { topic: 't' });
    refusals.refuse(client('gw-b'), 'bad_credentials');
    clock.advance(59_999);
    refusals.refuse(client('gw-a'), 'payload_too_large');
    clock.advance(1);
    refusals.refuse(client('gw-a'), 'payload_too_large');

    expect(refusals.counts()).toMatchObject({ publish_not_owner: 5, payload_too_large: 2, bad_credentials: 1, publish_sys: 0 });
    expect(lines.map((l) => [l.clientId, l.reason, l.suppressedSinceLastLog])).toEqual([
      ['gw-a', 'publish_not_owner', 0],
      ['gw-b', 'bad_credentials', 0],
      ['gw-a', 'payload_too_large', 5],
    ]);
    const metrics = await registry.metrics();
    expect(metrics).toContain('kcw_broker_refusals_total{reason="publish_not_owner"} 5');
    expect(metrics).toContain('kcw_broker_refusals_total{reason="publish_sys"} 0');
  });
});
