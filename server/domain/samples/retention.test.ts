// [FS-SAMPLE-EARLY] removal before 48 h without a seal; [FS-SAMPLE-SEAL] a sealed sample is never disposed.
import { describe, expect, it } from 'vitest';
import {
  canDispose, canSeal, removalVerdict, sealVerdict,
  type DisposeCheck, type RemovalVerdict, type SealCheck, type SealVerdict,
} from './samples.ts';
import { NO_SAMPLES, P, PORK, STRICT, at, atH } from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { SampleRecord } from './types.ts';

const placed = PORK.placedAt;
const H48 = placed + 48 * 3_600_000;
const sealed = { ...PORK, sealedAt: atH(20), sealedBy: 'badge-li' };
const disposed = { ...PORK, removedAt: H48, disposedAt: H48, disposedBy: 'badge-wang' };

const REMOVAL: Array<{ name: string; record?: SampleRecord; removedAt: number; profile?: Profile; expected: RemovalVerdict }> = [
  { name: 'removed 1 ms before 48 h is early', removedAt: H48 - 1, expected: 'early' },
  { name: 'removed after 20 h is early', removedAt: atH(20), expected: 'early' },
  { name: 'removed at exactly 48 h is ok', removedAt: H48, expected: 'ok' },
  { name: 'removed after 50 h is ok', removedAt: H48 + 2 * 3_600_000, expected: 'ok' },
  { name: 'removed after 20 h, sealed at that moment, is ok (handed to the regulator)', record: sealed, removedAt: atH(20), expected: 'ok' },
  { name: 'a seal after the removal does not excuse it', record: sealed, removedAt: atH(19), expected: 'early' },
  { name: 'the retention comes from the profile: 60 h is early under 72 h', removedAt: placed + 60 * 3_600_000, profile: STRICT, expected: 'early' },
  { name: 'a profile without sample rules judges no removal', removedAt: at(11), profile: NO_SAMPLES, expected: 'ok' },
];

const DISPOSE: Array<{ name: string; record: SampleRecord | null; at: number; profile?: Profile; expected: DisposeCheck }> = [
  { name: 'after 48 h: ok', record: PORK, at: H48, expected: { ok: true } },
  { name: 'before 48 h: too early', record: PORK, at: H48 - 1, expected: { ok: false, reason: 'too_early' } },
  { name: 'a sealed sample: never, even after 48 h', record: sealed, at: H48 + 1, expected: { ok: false, reason: 'sealed' } },
  { name: 'a sealed sample before 48 h: the seal is the reason', record: sealed, at: atH(30), expected: { ok: false, reason: 'sealed' } },
  { name: 'already disposed', record: disposed, at: H48 + 1, expected: { ok: false, reason: 'already_disposed' } },
  { name: 'no record', record: null, at: H48, expected: { ok: false, reason: 'not_placed' } },
  { name: 'a disposal dated before the placement', record: PORK, at: placed - 1, expected: { ok: false, reason: 'not_placed' } },
  { name: 'a profile without sample rules has no retention', record: PORK, at: atH(1), profile: NO_SAMPLES, expected: { ok: true } },
  { name: 'but still never disposes a sealed sample', record: sealed, at: atH(1), profile: NO_SAMPLES, expected: { ok: false, reason: 'sealed' } },
];

const SEAL: Array<{ name: string; record: SampleRecord; expected: SealCheck }> = [
  { name: 'a held sample can be sealed', record: PORK, expected: { ok: true } },
  { name: 'a sample already taken out can be sealed', record: { ...PORK, removedAt: atH(5) }, expected: { ok: true } },
  { name: 'a disposed sample cannot', record: disposed, expected: { ok: false, reason: 'disposed' } },
  { name: 'a sealed sample cannot be sealed again', record: sealed, expected: { ok: false, reason: 'already_sealed' } },
];

const VERDICT: Array<{ name: string; record: SampleRecord; expected: SealVerdict }> = [
  { name: 'unsealed', record: PORK, expected: 'unsealed' },
  { name: 'sealed', record: sealed, expected: 'sealed' },
  { name: 'sealed and disposed is a breach', record: { ...sealed, disposedAt: H48 }, expected: 'breached' },
];

describe('removalVerdict', () => {
  for (const c of REMOVAL) {
    it(`[FS-SAMPLE-EARLY] ${c.name}`, () => {
      expect(removalVerdict(c.record ?? PORK, c.removedAt, c.profile ?? P)).toBe(c.expected);
    });
  }
});

describe('canDispose', () => {
  for (const c of DISPOSE) {
    it(`[FS-SAMPLE-SEAL] ${c.name}`, () => {
      expect(canDispose(c.record, c.at, c.profile ?? P)).toEqual(c.expected);
    });
  }
});

describe('canSeal and sealVerdict', () => {
  for (const c of SEAL) {
    it(`[FS-SAMPLE-SEAL] canSeal: ${c.name}`, () => {
      expect(canSeal(c.record)).toEqual(c.expected);
    });
  }
  for (const c of VERDICT) {
    it(`[FS-SAMPLE-SEAL] sealVerdict: ${c.name}`, () => {
      expect(sealVerdict(c.record)).toBe(c.expected);
    });
  }
});
