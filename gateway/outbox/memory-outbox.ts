// A volatile outbox for tests and for gateways that may lose their backlog on a
// restart. Same contract as the SQLite one (outbox-contract.test.ts).
import type { Reading } from '../../contracts/payloads.ts';
import type { Outbox, UnnumberedReading } from './outbox.ts';

export function createMemoryOutbox(): Outbox {
  const entries = new Map<number, { reading: Reading; sentAt: number }>();
  const seqs = new Map<string, number>();
  let nextOid = 1;
  return {
    append(readings: UnnumberedReading[]) {
      return readings.map((r) => {
        const seq = (seqs.get(r.device) ?? 0) + 1;
        seqs.set(r.device, seq);
        const reading = { ...r, oid: nextOid++, seq } as Reading;
        entries.set(reading.oid, { reading, sentAt: 0 });
        return reading;
      });
    },
    due(limit, sentBefore) {
      const out: Reading[] = [];
      for (const e of entries.values()) {
        if (out.length >= limit) break;
        if (e.sentAt < sentBefore) out.push(e.reading);
      }
      return out;
    },
    markSent(oids, at) {
      for (const oid of oids) {
        const e = entries.get(oid);
        if (e) e.sentAt = at;
      }
    },
    ack(oids) {
      let n = 0;
      for (const oid of oids) if (entries.delete(oid)) n++;
      return n;
    },
    resetSent() {
      for (const e of entries.values()) e.sentAt = 0;
    },
    depth: () => entries.size,
    close: () => undefined,
  };
}
