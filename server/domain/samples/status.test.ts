// The status precedence: sealed > disposed > removed-early > compromised > light > marginal > ok;
// no record: missing past the deadline, else pending.
import { describe, expect, it } from 'vitest';
import { sampleStatus } from './samples.ts';
import { FISH, NO_SAMPLES, P, atH, excursion } from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CabinetExcursion, LedgerStatus, SampleRecord } from './types.ts';

// Each step down the ladder drops the reason that won the step above. FISH weighs 121 g (light).
const light = FISH;
const early = { ...light, removedAt: atH(20), removedBy: 'badge-zhao' };
const disposed = { ...early, disposedAt: atH(21), disposedBy: 'badge-zhao' };
const sealedAll = { ...disposed, sealedAt: atH(22), sealedBy: 'badge-li' };
const HOT = [excursion(60, 120)];
const NOW = atH(72);

const CASES: Array<{
  rule: string; name: string; record: SampleRecord | null; excursions?: CabinetExcursion[];
  missing?: boolean; profile?: Profile; expected: LedgerStatus;
}> = [
  { rule: 'FS-SAMPLE-SEAL', name: 'sealed beats disposed, early, compromised and light', record: sealedAll, excursions: HOT, expected: 'sealed' },
  { rule: 'FS-SAMPLE-SEAL', name: 'disposed beats early, compromised and light', record: disposed, excursions: HOT, expected: 'disposed' },
  { rule: 'FS-SAMPLE-EARLY', name: 'removed-early beats compromised and light', record: early, excursions: HOT, expected: 'removed-early' },
  { rule: 'FS-SAMPLE-TEMP', name: 'compromised beats light', record: light, excursions: HOT, expected: 'compromised' },
  { rule: 'FS-SAMPLE-WEIGHT', name: '121 g is light', record: light, expected: 'light' },
  { rule: 'FS-SAMPLE-WEIGHT', name: '124 g is marginal', record: { ...light, netWeightG: 124 }, expected: 'marginal' },
  { rule: 'FS-SAMPLE-WEIGHT', name: '130 g is ok', record: { ...light, netWeightG: 130 }, expected: 'ok' },
  {
    rule: 'FS-SAMPLE-EARLY', name: 'removed after 48 h is not removed-early: its weight decides',
    record: { ...light, removedAt: atH(49) }, expected: 'light',
  },
  {
    rule: 'FS-SAMPLE-EARLY', name: 'removed at 20 h after a seal is sealed, not removed-early',
    record: { ...early, sealedAt: atH(19) }, expected: 'sealed',
  },
  { rule: 'FS-SAMPLE-MISSING', name: 'no record past the deadline is missing', record: null, missing: true, expected: 'missing' },
  { rule: 'FS-SAMPLE-MISSING', name: 'no record before the deadline is pending', record: null, missing: false, expected: 'pending' },
  {
    rule: 'FS-SAMPLE-WEIGHT', name: 'a profile without sample rules: a light, early-removed, exposed sample is ok',
    record: early, excursions: HOT, profile: NO_SAMPLES, expected: 'ok',
  },
];

describe('sampleStatus', () => {
  for (const c of CASES) {
    it(`[${c.rule}] ${c.name}`, () => {
      const ctx = { excursions: c.excursions ?? [], profile: c.profile ?? P, now: NOW, missing: c.missing ?? false };
      expect(sampleStatus(c.record, ctx)).toBe(c.expected);
    });
  }
});
