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
  // A write holds long runs of one gateway's readings (a batch is contiguous in
  // the buffer), so only a change of gateway costs a key and a map lookup; this
  // runs once per stored reading.
  const byGateway = new Map<string, { gw: GatewayAddress; oids: number[] }>();
  let entry: { gw: GatewayAddress; oids: number[] } | undefined;
  for (const ref of refs) {
    if (!entry || entry.gw.gatewayId !== ref.gatewayId || entry.gw.kitchenId !== ref.kitchenId) {
      const key = `${ref.kitchenId}/${ref.gatewayId}`;
      entry = byGateway.get(key);
      if (!entry) byGateway.set(key, (entry = { gw: { kitchenId: ref.kitchenId, gatewayId: ref.gatewayId }, oids: [] }));
    }
    entry.oids.push(ref.oid);
  }
  for (const { gw, oids } of byGateway.values()) {
    publish(gw, kind === 'stored' ? { v: 1, stored: oids } : { v: 1, stored: [], rejected: oids });
  }
}
