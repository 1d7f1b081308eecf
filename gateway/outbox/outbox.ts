// Store-and-forward as a port with an explicit acknowledgement: an uplink record
// (a reading, or a food-sample event) stays in the outbox until the server says
// it is stored (or will never be). The outbox also numbers what it keeps: a
// never-reused outbox id (oid) that the server echoes, and the per-device
// sequence number of the protocol.
import type { Reading } from '../../contracts/payloads.ts';
import type { SampleEvent } from '../../contracts/samples.ts';

export type UnnumberedReading = Omit<Reading, 'oid' | 'seq'>;
export type UnnumberedSampleEvent = Omit<SampleEvent, 'oid' | 'seq'>;

/** What the outbox keeps, by the uplink channel it goes out on. */
export type OutboxEntry = { kind: 'reading'; record: Reading } | { kind: 'sample'; record: SampleEvent };

export interface Outbox {
  /** Stores readings durably, numbering each; returns them as they will be sent. */
  append(readings: UnnumberedReading[]): Reading[];
  /** Stores sample events durably, numbered like readings (one oid sequence). */
  appendSamples(events: UnnumberedSampleEvent[]): SampleEvent[];
  /** Unacknowledged records not sent since `sentBefore` (ms), oldest first. */
  due(limit: number, sentBefore: number): OutboxEntry[];
  markSent(oids: number[], at: number): void;
  /** Forgets acknowledged records; returns how many it held. */
  ack(oids: number[]): number;
  /** Makes every kept record due again (after a restart or a resend command). */
  resetSent(): void;
  depth(): number;
  close(): void;
}
