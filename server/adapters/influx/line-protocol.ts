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

export function readingLine(r: StoredReading): string {
  const fields = [`seq=${r.seq}i`, `door=${r.door === true}`, `defrost=${r.defrost === true}`];
  if (r.tempC !== null) fields.push(`temp=${r.tempC}`);
  if (r.fault) fields.push(`fault="${r.fault}"`);
  return `${READINGS_MEASUREMENT},kitchen=${r.kitchenId},gateway=${r.gatewayId},device=${r.device},kind=${r.kind} ${fields.join(',')} ${r.ts}`;
}
