// A cap on the AI events one drain of the outbox sends. Each carries a snapshot of up to
// ~500 KB, and a backlog of them (after an outage) would otherwise all be handed to the
// MQTT client at once, to sit in its buffers until acknowledged. Readings and sample
// events are never held back; AI events keep their order: once one is deferred, every
// later one waits too, until the next drain.
import type { OutboxEntry } from '../outbox/outbox.ts';

export const AI_BYTES_PER_DRAIN = 4 * 1024 * 1024;

/** An event's weight: its snapshot (base64) plus room for its other fields. */
const bytesOf = (e: Extract<OutboxEntry, { kind: 'ai' }>) => (e.record.snapshot?.data.length ?? 0) + 256;

/** A filter for one drain's due entries: AI events until `budget` bytes, the first always. */
export function aiBudget(budget = AI_BYTES_PER_DRAIN): (due: OutboxEntry[]) => OutboxEntry[] {
  let used = 0;
  let full = false;
  return (due) => due.filter((e) => {
    if (e.kind !== 'ai') return true;
    const bytes = bytesOf(e);
    full ||= used > 0 && used + bytes > budget;
    if (full) return false;
    used += bytes;
    return true;
  });
}
