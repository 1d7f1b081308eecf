// [FS-SAMPLE-RECORD] std: a sample record must hold the dish name, the time (month-day-hour
// at least: the placement timestamp covers it), the person and the weight; one lacking any
// of them is rejected with an error naming every missing field at once, so the person at
// the cabinet fixes the label or badge in one go. The server maps a rejection to HTTP 400
// `sample_record_incomplete` or a rejected MQTT sample event.
import { SAMPLE_RECORD_FIELDS, type SampleRecordField, type ServiceRef } from './types.ts';

export interface SampleRecordInput {
  dish: string;
  service: ServiceRef;
  placedAt: number;
  placedBy: string;
  netWeightG: number;
}

export type SampleRecordCheck = { ok: true } | { ok: false; missing: SampleRecordField[]; message: string };

const hasText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/** A service names both its day and its meal; half a reference cannot be filed. */
const hasService = (value: Partial<ServiceRef> | undefined | null): boolean =>
  value != null && hasText(value.date) && hasText(value.meal);

const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A zero or negative net weight means the scale registered no sample: there is no weight. */
const isWeight = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value > 0;

const PRESENT: Readonly<Record<SampleRecordField, (input: Partial<SampleRecordInput>) => boolean>> = {
  dish: (input) => hasText(input.dish),
  service: (input) => hasService(input.service),
  placedAt: (input) => isTime(input.placedAt),
  placedBy: (input) => hasText(input.placedBy),
  netWeightG: (input) => isWeight(input.netWeightG),
};

/** [FS-SAMPLE-RECORD] ok, or the missing fields in SAMPLE_RECORD_FIELDS order. */
export function checkSampleRecord(input: Partial<SampleRecordInput>): SampleRecordCheck {
  const missing = SAMPLE_RECORD_FIELDS.filter((field) => !PRESENT[field](input));
  if (missing.length === 0) return { ok: true };
  return { ok: false, missing, message: `sample record incomplete: missing ${missing.join(', ')}` };
}
