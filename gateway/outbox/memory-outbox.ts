// A volatile outbox for tests and for gateways that may lose their backlog on a
// restart. Same contract as the SQLite one (outbox-contract.test.ts).
import type { Reading } from '../../contracts/payloads.ts';
import type { SampleEvent } from '../../contracts/samples.ts';
import type { AiEvent } from '../../contracts/cameras.ts';
import type { Outbox, OutboxEntry } from './outbox.ts';

export function createMemoryOutbox(): Outbox {
  const entries = new Map<number, { entry: OutboxEntry; sentAt: number }>();
  const seqs = new Map<string, number>();
  const cursors = new Map<string, number>();
  let nextOid = 1;
  function numbered<T extends { device: string }>(r: T): T & { oid: number; seq: number } {
    const seq = (seqs.get(r.device) ?? 0) + 1;
    seqs.set(r.device, seq);
    return { ...r, oid: nextOid++, seq };
  }
  return {
    append(readings) {
      return readings.map((r) => {
        const record = numbered(r) as Reading;
        entries.set(record.oid, { entry: { kind: 'reading', record }, sentAt: 0 });
        return record;
      });
    },
    appendSamples(events) {
      return events.map((e) => {
        const record = numbered(e) as SampleEvent;
        entries.set(record.oid, { entry: { kind: 'sample', record }, sentAt: 0 });
        return record;
      });
    },
    appendAiEvents(events) {
      return events.map((e) => {
        const record: AiEvent = { ...e, oid: nextOid++ };
        entries.set(record.oid, { entry: { kind: 'ai', record }, sentAt: 0 });
        return record;
      });
    },
    cursor: (name) => cursors.get(name) ?? 0,
    setCursor: (name, value) => void cursors.set(name, value),
    due(limit, sentBefore) {
      const out: OutboxEntry[] = [];
      for (const e of entries.values()) {
        if (out.length >= limit) break;
        if (e.sentAt < sentBefore) out.push(e.entry);
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
