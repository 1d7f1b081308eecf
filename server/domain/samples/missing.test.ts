// [FS-SAMPLE-MISSING] menu dishes with no sample placed by start + 30 min, once that deadline has passed.
import { describe, expect, it } from 'vitest';
import { missingDishes } from './samples.ts';
import { DINNER, LUNCH, LUNCH_SAMPLES, NO_SAMPLES, P, STRICT, at, sample } from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { MealService, SampleRecord } from './types.ts';

const GREENS = (overrides: Partial<SampleRecord> = {}): SampleRecord =>
  sample({ id: 4, dish: '炒青菜', netWeightG: 130, ...overrides });

const CASES: Array<{
  name: string; nowMin: number; samples: readonly SampleRecord[]; service?: MealService; profile?: Profile; expected: string[];
}> = [
  { name: 'nothing is missing before the deadline (29 min)', nowMin: 29, samples: LUNCH_SAMPLES, expected: [] },
  { name: 'the unsampled dish is missing at the deadline (30 min)', nowMin: 30, samples: LUNCH_SAMPLES, expected: ['炒青菜'] },
  { name: 'and stays missing hours later', nowMin: 6 * 60, samples: LUNCH_SAMPLES, expected: ['炒青菜'] },
  { name: 'a sample placed exactly at the deadline counts', nowMin: 60, samples: [...LUNCH_SAMPLES, GREENS({ placedAt: at(30) })], expected: [] },
  {
    name: 'a sample placed 1 min late does not undo the alert',
    nowMin: 60, samples: [...LUNCH_SAMPLES, GREENS({ placedAt: at(31) })], expected: ['炒青菜'],
  },
  { name: 'a sample placed before the start counts', nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ placedAt: at(-20) })], expected: [] },
  { name: 'a removed sample was still recorded', nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ removedAt: at(15) })], expected: [] },
  { name: 'dish names match after trimming', nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ dish: ' 炒青菜 ' })], expected: [] },
  { name: 'but not loosely: 青菜 is not 炒青菜', nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ dish: '青菜' })], expected: ['炒青菜'] },
  {
    name: "another kitchen's sample does not count",
    nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ kitchenId: 'k-002' })], expected: ['炒青菜'],
  },
  {
    name: "another service's sample does not count",
    nowMin: 30, samples: [...LUNCH_SAMPLES, GREENS({ service: DINNER.service })], expected: ['炒青菜'],
  },
  { name: 'with no samples every dish is missing, in menu order', nowMin: 30, samples: [], expected: ['红烧肉', '清蒸鱼', '番茄炒蛋', '炒青菜'] },
  {
    name: 'menu entries are trimmed, blanks and repeats dropped',
    nowMin: 30, samples: [], service: { ...LUNCH, dishes: [' 红烧肉', '红烧肉 ', '', '清蒸鱼'] }, expected: ['红烧肉', '清蒸鱼'],
  },
  { name: 'the delay comes from the profile: missing at 20 min under a 20-min rule', nowMin: 20, samples: LUNCH_SAMPLES, profile: STRICT, expected: ['炒青菜'] },
  { name: 'a profile without sample rules finds nothing missing', nowMin: 6 * 60, samples: [], profile: NO_SAMPLES, expected: [] },
];

describe('missingDishes', () => {
  for (const c of CASES) {
    it(`[FS-SAMPLE-MISSING] ${c.name}`, () => {
      expect(missingDishes(c.service ?? LUNCH, c.samples, c.profile ?? P, at(c.nowMin))).toEqual(c.expected);
    });
  }
});
