// Groups stored / rejected readings by gateway and sends each gateway one
// down/ack per write, so it can forget exactly what is safely stored.
import type { GatewayAddress } from '../../contracts/topics.ts';
import type { AckMessage } from '../../contracts/payloads.ts';

export interface AckRef {
  kitchenId: string;
  gatewayId: string;
  oid: number;
}

export type PublishAck = (gw: GatewayAddress, message: AckMessage) => void;

export function sendAcks(publish: PublishAck, refs: AckRef[], kind: 'stored' | 'rejected'): void {
  const byGateway = new Map<string, { gw: GatewayAddress; oids: number[] }>();
  for (const ref of refs) {
    const key = `${ref.kitchenId}/${ref.gatewayId}`;
    let entry = byGateway.get(key);
    if (!entry) byGateway.set(key, (entry = { gw: { kitchenId: ref.kitchenId, gatewayId: ref.gatewayId }, oids: [] }));
    entry.oids.push(ref.oid);
  }
  for (const { gw, oids } of byGateway.values()) {
    publish(gw, kind === 'stored' ? { v: 1, stored: oids } : { v: 1, stored: [], rejected: oids });
  }
}
