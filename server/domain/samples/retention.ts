// [FS-SAMPLE-EARLY] std: a sample stays in the cabinet at least retentionH (48 h) after
// it was placed. Removing it sooner is an alarm, unless it was sealed (封存) first: a
// sealed sample leaves the cabinet to be handed to the regulator, which is the point of
// keeping it. The seal must come at or before the removal; sealing a sample after it has
// already gone does not make the removal legitimate.
// [FS-SAMPLE-SEAL] std: a sealed sample must never be disposed of. The guards below are
// what the app layer asks before it records a disposal or a seal.
import type { Profile } from '../../../contracts/profiles.ts';
import { retentionEndsAt, sampleParams } from './params.ts';
import type { SampleRecord } from './types.ts';

export type RemovalVerdict = 'ok' | 'early';
export type DisposeCheck = { ok: true } | { ok: false; reason: 'sealed' | 'too_early' | 'already_disposed' | 'not_placed' };
export type SealCheck = { ok: true } | { ok: false; reason: 'disposed' | 'already_sealed' };
/** 'breached': sealed and disposed both, which the guards forbid; only bypassed or imported data shows it. */
export type SealVerdict = 'unsealed' | 'sealed' | 'breached';

const sealedBy = (record: SampleRecord, at: number): boolean => record.sealedAt !== null && record.sealedAt <= at;

/** [FS-SAMPLE-EARLY] Exactly at placedAt + retentionH is on time ("before 48 h have passed" is early). */
export function removalVerdict(record: SampleRecord, removedAt: number, profile: Profile): RemovalVerdict {
  const params = sampleParams(profile);
  if (params === null || sealedBy(record, removedAt)) return 'ok';
  return removedAt < retentionEndsAt(record, params) ? 'early' : 'ok';
}

/** [FS-SAMPLE-EARLY] The record's own removal, judged; false while it is still held. */
export const removedEarly = (record: SampleRecord, profile: Profile): boolean =>
  record.removedAt !== null && removalVerdict(record, record.removedAt, profile) === 'early';

/** [FS-SAMPLE-SEAL] */
export function sealVerdict(record: SampleRecord): SealVerdict {
  if (record.sealedAt === null) return 'unsealed';
  return record.disposedAt === null ? 'sealed' : 'breached';
}

/**
 * [FS-SAMPLE-SEAL] [FS-SAMPLE-EARLY] May this sample be disposed of at `at`? The seal is
 * checked first: it is the one reason no amount of waiting removes. A disposal dated
 * before the placement (or of no record) is 'not_placed'.
 */
export function canDispose(record: SampleRecord | null, at: number, profile: Profile): DisposeCheck {
  if (record === null) return { ok: false, reason: 'not_placed' };
  if (record.sealedAt !== null) return { ok: false, reason: 'sealed' };
  if (record.disposedAt !== null) return { ok: false, reason: 'already_disposed' };
  if (at < record.placedAt) return { ok: false, reason: 'not_placed' };
  const params = sampleParams(profile);
  if (params !== null && at < retentionEndsAt(record, params)) return { ok: false, reason: 'too_early' };
  return { ok: true };
}

/** [FS-SAMPLE-SEAL] A sample can be sealed while it exists, held or already taken out, but only once. */
export function canSeal(record: SampleRecord): SealCheck {
  if (record.disposedAt !== null) return { ok: false, reason: 'disposed' };
  if (record.sealedAt !== null) return { ok: false, reason: 'already_sealed' };
  return { ok: true };
}
