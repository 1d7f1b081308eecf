// One word per sample for the board and the inspection export (rule book section 7.2).
// Precedence, first match wins:
//
//   sealed > disposed > removed-early > compromised > light > marginal > ok
//
// Lifecycle facts (sealed, disposed) outrank defects because they say where the sample is
// and what may still be done with it; among defects, the one that destroys the sample's
// worth as evidence outranks the weaker ones. A lower-ranked defect is not lost: it was
// raised as its own alert when it happened (events.ts).
// With no record: 'missing' once the service is past its FS-SAMPLE-MISSING deadline,
// else 'pending' (not a defect, so not in SAMPLE_STATUSES).
import type { CabinetExcursion, LedgerStatus, SampleRecord, SampleStatus } from './types.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import { isCompromised } from './compromised.ts';
import { removedEarly } from './retention.ts';
import { weightVerdict } from './weight.ts';

export interface StatusContext {
  excursions: readonly CabinetExcursion[];
  profile: Profile;
  now: number;
  /** The record's service is past its missing deadline (isPastMissingDeadline). */
  missing: boolean;
}

const RANKED: ReadonlyArray<readonly [SampleStatus, (record: SampleRecord, ctx: StatusContext) => boolean]> = [
  ['sealed', (record) => record.sealedAt !== null], // [FS-SAMPLE-SEAL]
  ['disposed', (record) => record.disposedAt !== null],
  ['removed-early', (record, ctx) => removedEarly(record, ctx.profile)], // [FS-SAMPLE-EARLY]
  ['compromised', (record, ctx) => isCompromised(record, ctx.excursions, ctx.profile, ctx.now)], // [FS-SAMPLE-TEMP]
  ['light', (record, ctx) => weightVerdict(record.netWeightG, ctx.profile) === 'light'], // [FS-SAMPLE-WEIGHT]
  ['marginal', (record, ctx) => weightVerdict(record.netWeightG, ctx.profile) === 'marginal'],
];

export function sampleStatus(record: SampleRecord, ctx: StatusContext): SampleStatus;
export function sampleStatus(record: SampleRecord | null, ctx: StatusContext): LedgerStatus;
export function sampleStatus(record: SampleRecord | null, ctx: StatusContext): LedgerStatus {
  if (record === null) return ctx.missing ? 'missing' : 'pending'; // [FS-SAMPLE-MISSING]
  const hit = RANKED.find(([, applies]) => applies(record, ctx));
  return hit === undefined ? 'ok' : hit[0];
}
