// Line protocol for cold-chain readings. Tags are contract ids ([A-Za-z0-9_-]),
// so they need no escaping; the point identity (measurement + tags + device
// timestamp) makes a re-sent reading overwrite itself instead of counting twice.
import type { Reading } from '../../../contracts/payloads.ts';

export const READINGS_MEASUREMENT = 'cold_reading';

export interface StoredReading extends Reading {
  kitchenId: string;
  gatewayId: string;
  /** Celsius, normalised from the reading's unit. */
  tempC: number | null;
}

/** One line per reading. Built as a single template, not an array of fields
 *  joined: this runs for every reading and was a visible share of the ingest
 *  profile (see docs/decisions/0004-ingest-performance.md). */
export function readingLine(r: StoredReading): string {
  const temp = r.tempC !== null ? `,temp=${r.tempC}` : '';
  const fault = r.fault ? `,fault="${r.fault}"` : '';
  // A silent unit reports no door or defrost state: store none rather than "false".
  const door = r.door === undefined ? '' : `,door=${r.door}`;
  const defrost = r.defrost === undefined ? '' : `,defrost=${r.defrost}`;
  return `${READINGS_MEASUREMENT},kitchen=${r.kitchenId},gateway=${r.gatewayId},device=${r.device},kind=${r.kind} seq=${r.seq}i${door}${defrost}${temp}${fault} ${r.ts}`;
}
