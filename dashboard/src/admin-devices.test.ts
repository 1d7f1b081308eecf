import { describe, expect, it } from 'vitest';
import type { Gateway } from '../../contracts/api.ts';
import { gatewayRows, intervalParts } from './admin-devices.ts';

const gw = (gatewayId: string): Gateway => ({ kitchenId: 'k1', gatewayId, state: 'online', since: '2026-01-01T00:00:00Z', firmware: '1.0', outboxDepth: 0 });

describe('the devices page', () => {
  it('lists reported gateways, then those provisioned here that have not connected yet', () => {
    const rows = gatewayRows([gw('gw-b'), gw('gw-a')], ['gw-new', 'gw-a', 'gw-new']);
    expect(rows.map((r) => (r.kind === 'reported' ? `reported:${r.gateway.gatewayId}` : `pending:${r.gatewayId}`)))
      .toEqual(['reported:gw-a', 'reported:gw-b', 'pending:gw-new']);
  });

  it('says a report interval in the largest whole unit', () => {
    expect(intervalParts(30)).toEqual({ n: 30, unit: 's' });
    expect(intervalParts(90)).toEqual({ n: 90, unit: 's' });
    expect(intervalParts(300)).toEqual({ n: 5, unit: 'min' });
    expect(intervalParts(7200)).toEqual({ n: 2, unit: 'h' });
  });
});
