// The devices page's rules, without the DOM: a kitchen's gateways as reported, plus the ones
// provisioned here that have not connected yet (the server lists a gateway once it reports),
// and a report interval in the largest whole unit.
import type { Gateway } from '../../contracts/api.ts';

export type GatewayRow =
  | { kind: 'reported'; gateway: Gateway }
  /** Provisioned from this page and not yet reported: its secret is out, its first connection awaited. */
  | { kind: 'pending'; gatewayId: string };

export function gatewayRows(reported: readonly Gateway[], provisioned: Iterable<string>): GatewayRow[] {
  const known = new Set(reported.map((g) => g.gatewayId));
  const pending = [...new Set(provisioned)].filter((id) => !known.has(id)).sort();
  return [
    ...[...reported].sort((a, b) => a.gatewayId.localeCompare(b.gatewayId)).map((gateway) => ({ kind: 'reported' as const, gateway })),
    ...pending.map((gatewayId) => ({ kind: 'pending' as const, gatewayId })),
  ];
}

/** 60 → 1 min, 90 → 90 s, 7200 → 2 h. */
export function intervalParts(seconds: number): { n: number; unit: 's' | 'min' | 'h' } {
  if (seconds >= 3600 && seconds % 3600 === 0) return { n: seconds / 3600, unit: 'h' };
  if (seconds >= 60 && seconds % 60 === 0) return { n: seconds / 60, unit: 'min' };
  return { n: seconds, unit: 's' };
}
