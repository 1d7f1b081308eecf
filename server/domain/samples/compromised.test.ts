// [FS-SAMPLE-TEMP] a sample whose cabinet was out of range during its retention is compromised.
import { describe, expect, it } from 'vitest';
import { isCompromised } from './samples.ts';
import { NO_SAMPLES, P, PORK, at, atH, excursion } from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CabinetExcursion, SampleRecord } from './types.ts';

// PORK is placed at minute 10; its 48 h retention ends at minute 10 + 2880.
const END = 10 + 48 * 60;
const NOW = 3 * 24 * 60; // three days later, past the retention

const CASES: Array<{
  name: string; excursions: CabinetExcursion[]; record?: SampleRecord; nowMin?: number; profile?: Profile; expected: boolean;
}> = [
  { name: 'an excursion during the retention compromises it', excursions: [excursion(60, 100)], expected: true },
  { name: "another cabinet's excursion does not", excursions: [excursion(60, 100, 'cab-2')], expected: false },
  { name: 'no excursions: not compromised', excursions: [], expected: false },
  { name: 'an excursion ending exactly at the placement does not', excursions: [excursion(-60, 10)], expected: false },
  { name: 'one ending 1 min after the placement does', excursions: [excursion(-60, 11)], expected: true },
  { name: 'one starting exactly as the retention ends does not', excursions: [excursion(END, END + 60)], expected: false },
  { name: 'one starting 1 min before the retention ends does', excursions: [excursion(END - 1, END + 60)], expected: true },
  { name: 'one still running, started during the retention, does', excursions: [excursion(200, null)], nowMin: 300, expected: true },
  { name: 'one starting after now is not counted yet', excursions: [excursion(400, 500)], nowMin: 300, expected: false },
  {
    name: 'one after the sample was removed does not',
    excursions: [excursion(200, 300)], record: { ...PORK, removedAt: atH(2) }, expected: false,
  },
  {
    name: 'one after the sample was disposed (no removal recorded) does not',
    excursions: [excursion(200, 300)], record: { ...PORK, disposedAt: atH(2) }, expected: false,
  },
  { name: 'a profile without sample rules marks nothing compromised', excursions: [excursion(60, 100)], profile: NO_SAMPLES, expected: false },
];

describe('isCompromised', () => {
  for (const c of CASES) {
    it(`[FS-SAMPLE-TEMP] ${c.name}`, () => {
      expect(isCompromised(c.record ?? PORK, c.excursions, c.profile ?? P, at(c.nowMin ?? NOW))).toBe(c.expected);
    });
  }
});
