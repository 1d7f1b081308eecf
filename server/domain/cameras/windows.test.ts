// [FS-CAM-OFFLINE] service hours: each meal widened by preparation before and clearing up after, merged.
import { describe, expect, it } from 'vitest';
import { serviceInstantAfter, serviceMsBetween, serviceWindows } from './cameras.ts';
import { DAY, MEALS, P, STRICT, local, meal, window } from './cameras.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { MealSpan, ServiceWindow } from './types.ts';

const WINDOWS: Array<{ name: string; meals: MealSpan[]; profile?: Profile; expected: ServiceWindow[] }> = [
  { name: 'lunch 11:00–13:00 is served 09:00–13:30', meals: [meal('lunch', '11:00', '13:00')], expected: [window('09:00', '13:30')] },
  {
    name: 'breakfast and lunch touch at 09:00 and merge; dinner stands apart',
    meals: MEALS, expected: [window('04:30', '13:30'), window('15:00', '19:30')],
  },
  {
    name: 'overlapping windows merge, given in any order',
    meals: [meal('dinner', '12:30', '14:00'), meal('lunch', '11:00', '13:00')], expected: [window('09:00', '14:30')],
  },
  {
    name: 'the lead and tail come from the profile: 1 h before, none after',
    meals: MEALS, profile: STRICT, expected: [window('05:30', '08:30'), window('10:00', '13:00'), window('16:00', '19:00')],
  },
  { name: 'a meal that ends before it starts adds nothing', meals: [meal('lunch', '13:00', '11:00')], expected: [] },
  { name: 'no meals, no service hours', meals: [], expected: [] },
];

const COUNTED: Array<{ name: string; from: string; to: string; minutes: number }> = [
  { name: 'inside a window', from: '10:00', to: '10:11', minutes: 11 },
  { name: 'across the gap between windows', from: '13:25', to: '15:06', minutes: 11 },
  { name: 'entirely outside', from: '13:30', to: '15:00', minutes: 0 },
];

const CROSSING: Array<{ name: string; from: string; needMin: number; expected: number | null }> = [
  { name: '10 min from 10:00 is 10:10', from: '10:00', needMin: 10, expected: local('10:10') },
  { name: '10 min from 14:00 is 15:10, once dinner preparation starts', from: '14:00', needMin: 10, expected: local('15:10') },
  { name: '10 min from 13:25 is 15:05: 5 before the gap, 5 after', from: '13:25', needMin: 10, expected: local('15:05') },
  { name: 'exactly filling a window ends at its end', from: '19:20', needMin: 10, expected: local('19:30') },
  { name: 'the day runs out', from: '19:25', needMin: 10, expected: null },
];

describe('service windows', () => {
  for (const c of WINDOWS) {
    it(`[FS-CAM-OFFLINE] ${c.name}`, () => {
      expect(serviceWindows(c.meals, c.profile ?? P)).toEqual(c.expected);
    });
  }
  for (const c of COUNTED) {
    it(`[FS-CAM-OFFLINE] service minutes counted ${c.name}`, () => {
      expect(serviceMsBetween(DAY, local(c.from), local(c.to))).toBe(c.minutes * 60_000);
    });
  }
  for (const c of CROSSING) {
    it(`[FS-CAM-OFFLINE] service time reached: ${c.name}`, () => {
      expect(serviceInstantAfter(DAY, local(c.from), c.needMin * 60_000)).toBe(c.expected);
    });
  }
});
