// Store-and-forward as a port with an explicit acknowledgement: a reading stays
// in the outbox until the server says it is stored (or will never be). The
// outbox also numbers what it keeps: a never-reused outbox id (oid) that the
// server echoes, and the per-device sequence number of the protocol.
import type { Reading } from '../../contracts/payloads.ts';

export type UnnumberedReading = Omit<Reading, 'oid' | 'seq'>;

export interface Outbox {
  /** Stores readings durably, numbering each; returns them as they will be sent. */
  append(readings: UnnumberedReading[]): Reading[];
  /** Unacknowledged readings not sent since `sentBefore` (ms), oldest first. */
  due(limit: number, sentBefore: number): Reading[];
  markSent(oids: number[], at: number): void;
  /** Forgets acknowledged readings; returns how many it held. */
  ack(oids: number[]): number;
  /** Makes every kept reading due again (after a restart or a resend command). */
  resetSent(): void;
  depth(): number;
  close(): void;
}
