// The alerts raised per act: placement, removal, service check, cabinet excursion.
import { describe, expect, it } from 'vitest';
import { excursionEvents, placementEvents, removalEvents, serviceCheckEvents } from './samples.ts';
import {
  EGG, FISH, LUNCH, LUNCH_SAMPLES, NO_SAMPLES, P, PORK, at, atH, excursion, sample,
} from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { SampleAlertEvent } from './types.ts';

const LUNCH_REF = { date: '2025-01-06', meal: 'lunch' } as const;
const OTHER_CABINET = sample({ id: 9, dish: '红烧肉', netWeightG: 130, cabinet: 'cab-2' });
const REMOVED = sample({ id: 8, dish: '炒青菜', netWeightG: 130, removedAt: at(30) });

const CASES: Array<{ rule: string; name: string; run: (profile: Profile) => SampleAlertEvent[]; expected: SampleAlertEvent[] }> = [
  {
    rule: 'FS-SAMPLE-WEIGHT', name: 'placing 121 g of 清蒸鱼 raises an alarm',
    run: (p) => placementEvents(FISH, p),
    expected: [{
      type: 'raise', ruleId: 'FS-SAMPLE-WEIGHT', severity: 'alarm', subject: { sampleId: 2 }, at: at(10),
      message: 'sample of 清蒸鱼 (lunch 2025-01-06) weighs 121 g, below the 125 g minimum [CN-GB31654]',
    }],
  },
  { rule: 'FS-SAMPLE-WEIGHT', name: 'placing 124 g (marginal) raises nothing', run: (p) => placementEvents(EGG, p), expected: [] },
  { rule: 'FS-SAMPLE-WEIGHT', name: 'placing 130 g raises nothing', run: (p) => placementEvents(PORK, p), expected: [] },
  {
    rule: 'FS-SAMPLE-EARLY', name: 'removing 红烧肉 after 20.5 h raises an alarm',
    run: (p) => removalEvents(PORK, PORK.placedAt + 20.5 * 3_600_000, p),
    expected: [{
      type: 'raise', ruleId: 'FS-SAMPLE-EARLY', severity: 'alarm', subject: { sampleId: 1 }, at: PORK.placedAt + 20.5 * 3_600_000,
      message: 'sample of 红烧肉 (lunch 2025-01-06) removed after 20.5 h, before the 48 h retention, without a seal [CN-GB31654]',
    }],
  },
  { rule: 'FS-SAMPLE-EARLY', name: 'removing after 48 h raises nothing', run: (p) => removalEvents(PORK, PORK.placedAt + 48 * 3_600_000, p), expected: [] },
  {
    rule: 'FS-SAMPLE-EARLY', name: 'removing a sealed sample raises nothing',
    run: (p) => removalEvents({ ...PORK, sealedAt: atH(5) }, atH(6), p), expected: [],
  },
  {
    rule: 'FS-SAMPLE-MISSING', name: 'the check at 12:05 raises one alarm for 炒青菜, dated at the 12:00 deadline',
    run: (p) => serviceCheckEvents(LUNCH, LUNCH_SAMPLES, p, at(35)),
    expected: [{
      type: 'raise', ruleId: 'FS-SAMPLE-MISSING', severity: 'alarm', subject: { service: LUNCH_REF, dish: '炒青菜' }, at: at(30),
      message: 'no sample of 炒青菜 (lunch 2025-01-06) recorded within 30 min of service start [CN-GB31654]',
    }],
  },
  { rule: 'FS-SAMPLE-MISSING', name: 'the check at 11:59 raises nothing', run: (p) => serviceCheckEvents(LUNCH, LUNCH_SAMPLES, p, at(29)), expected: [] },
  {
    rule: 'FS-SAMPLE-TEMP', name: 'a 45-min excursion of cab-1 raises one alarm per sample held there, from its start',
    run: (p) => excursionEvents(excursion(60, 105), [PORK, FISH, OTHER_CABINET, REMOVED], p, at(200)),
    expected: [PORK, FISH].map((record) => ({
      type: 'raise', ruleId: 'FS-SAMPLE-TEMP', severity: 'alarm', subject: { sampleId: record.id }, at: at(60),
      message: `sample of ${record.dish} (lunch 2025-01-06) compromised: cabinet cab-1 out of range for 45 min of its 48 h retention [CN-GB31654]`,
    })),
  },
  {
    rule: 'FS-SAMPLE-TEMP', name: 'an excursion still running is dated at the placement when it began before it',
    run: (p) => excursionEvents(excursion(0, null), [PORK], p, at(40)),
    expected: [{
      type: 'raise', ruleId: 'FS-SAMPLE-TEMP', severity: 'alarm', subject: { sampleId: 1 }, at: at(10),
      message: 'sample of 红烧肉 (lunch 2025-01-06) compromised: cabinet cab-1 out of range for 30 min so far of its 48 h retention [CN-GB31654]',
    }],
  },
];

describe('sample events', () => {
  for (const c of CASES) {
    it(`[${c.rule}] ${c.name}`, () => {
      expect(c.run(P)).toEqual(c.expected);
    });
  }
  for (const c of CASES) {
    it(`[${c.rule}] a profile without sample rules raises nothing: ${c.name}`, () => {
      expect(c.run(NO_SAMPLES)).toEqual([]);
    });
  }
});
