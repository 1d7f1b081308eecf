// [FS-SAMPLE-TEMP] std: a sample whose cabinet left 0–8 °C during its retention is
// compromised: it can no longer prove what the food was like when served. The
// excursions are the spans of the cabinet's cold-chain alarms (rule book section 3, with
// its on-delays and defrost excuse), supplied by the server; this file only intersects
// them with the sample's time in the cabinet, so the sample rules never re-judge a
// temperature themselves.
//
// Spans are half-open. The sample is held over [placedAt, end) with
// end = min(removedAt ?? disposedAt ?? now, placedAt + retentionH): after its retention a
// sample is no longer evidence the rule protects. An excursion covers [from, to): `to` is
// the moment the cabinet was back in range, so one ending exactly as the sample is placed
// does not touch it; `to` null means still out.
import type { Profile } from '../../../contracts/profiles.ts';
import { retentionEndsAt, sampleParams } from './params.ts';
import type { CabinetExcursion, SampleParams, SampleRecord } from './types.ts';

export interface Span {
  from: number;
  to: number;
}

/** [FS-SAMPLE-TEMP] When the sample stopped being at risk in its cabinet, as of `now`. */
function heldUntil(record: SampleRecord, params: SampleParams, now: number): number {
  const gone = record.removedAt ?? record.disposedAt ?? now;
  return Math.min(gone, now, retentionEndsAt(record, params));
}

/** [FS-SAMPLE-TEMP] The part of an excursion the sample sat through; null when none. */
export function exposure(record: SampleRecord, excursion: CabinetExcursion, profile: Profile, now: number): Span | null {
  const params = sampleParams(profile);
  if (params === null || excursion.cabinet !== record.cabinet) return null;
  const from = Math.max(record.placedAt, excursion.from);
  const to = Math.min(heldUntil(record, params, now), excursion.to ?? now);
  return from < to ? { from, to } : null;
}

/** [FS-SAMPLE-TEMP] Any excursion of this record's cabinet overlapping its retention. */
export function isCompromised(
  record: SampleRecord,
  excursions: readonly CabinetExcursion[],
  profile: Profile,
  now: number,
): boolean {
  return excursions.some((excursion) => exposure(record, excursion, profile, now) !== null);
}
