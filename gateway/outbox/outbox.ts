// Store-and-forward as a port with an explicit acknowledgement: an uplink record
// (a reading, or a food-sample event) stays in the outbox until the server says
// it is stored (or will never be). The outbox also numbers what it keeps: a
// never-reused outbox id (oid) that the server echoes, and the per-device
// sequence number of the protocol.
import type { Reading } from '../../contracts/payloads.ts';
import type { SampleEvent } from '../../contracts/samples.ts';
import type { AiEvent } from '../../contracts/cameras.ts';

export type UnnumberedReading = Omit<Reading, 'oid' | 'seq'>;
export type UnnumberedSampleEvent = Omit<SampleEvent, 'oid' | 'seq'>;
export type UnnumberedAiEvent = Omit<AiEvent, 'oid'>;

/** What the outbox keeps, by the uplink channel it goes out on. */
export type OutboxEntry =
  | { kind: 'reading'; record: Reading }
  | { kind: 'sample'; record: SampleEvent }
  | { kind: 'ai'; record: AiEvent };

export interface Outbox {
  /** Stores readings durably, numbering each; returns them as they will be sent. */
  append(readings: UnnumberedReading[]): Reading[];
  /** Stores sample events durably, numbered like readings (one oid sequence). */
  appendSamples(events: UnnumberedSampleEvent[]): SampleEvent[];
  /** Stores AI events (with their snapshots) durably; they carry an oid only (the edge box ids them). */
  appendAiEvents(events: UnnumberedAiEvent[]): AiEvent[];
  /** A named read position in a device's own log (the edge box's event seq), kept with the outbox. */
  cursor(name: string): number;
  setCursor(name: string, value: number): void;
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
