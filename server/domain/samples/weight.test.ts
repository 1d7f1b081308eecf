// [FS-SAMPLE-WEIGHT] light below min − tolerance, marginal within ±tolerance (inclusive), ok above.
import { describe, expect, it } from 'vitest';
import { weightVerdict, type WeightVerdict } from './samples.ts';
import { NO_SAMPLES, P, STRICT } from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';

const CASES: Array<{ name: string; grams: number; profile?: Profile; expected: WeightVerdict }> = [
  { name: '118 g is light', grams: 118, expected: 'light' },
  { name: '121 g is light', grams: 121, expected: 'light' },
  { name: '122.9 g is light (below 125 − 2)', grams: 122.9, expected: 'light' },
  { name: '123 g is marginal (the lower edge is included)', grams: 123, expected: 'marginal' },
  { name: '124 g is marginal, not light', grams: 124, expected: 'marginal' },
  { name: '125 g is marginal (at the minimum, within the tolerance)', grams: 125, expected: 'marginal' },
  { name: '127 g is marginal (the upper edge is included)', grams: 127, expected: 'marginal' },
  { name: '127.1 g is ok', grams: 127.1, expected: 'ok' },
  { name: '130 g is ok', grams: 130, expected: 'ok' },
  { name: 'a NaN reading is light, never ok', grams: Number.NaN, expected: 'light' },
  { name: 'the limits come from the profile: 140 g is light under 150 g ± 5 g', grams: 140, profile: STRICT, expected: 'light' },
  { name: 'the limits come from the profile: 155 g is marginal under 150 g ± 5 g', grams: 155, profile: STRICT, expected: 'marginal' },
  { name: 'a profile without sample rules judges no weight', grams: 10, profile: NO_SAMPLES, expected: 'ok' },
];

describe('weightVerdict', () => {
  for (const c of CASES) {
    it(`[FS-SAMPLE-WEIGHT] ${c.name}`, () => {
      expect(weightVerdict(c.grams, c.profile ?? P)).toBe(c.expected);
    });
  }
});
