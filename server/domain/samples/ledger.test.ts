// The day's board: services in meal order, every menu dish with its sample and status.
import { describe, expect, it } from 'vitest';
import { ledgerForDay, type LedgerDish, type LedgerService } from './samples.ts';
import {
  BREAKFAST, DINNER, EGG, FISH, LUNCH, LUNCH_SAMPLES, NO_SAMPLES, P, PORK, at, excursion, sample,
} from './samples.fixtures.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { CabinetExcursion, LedgerStatus, MealService, SampleRecord } from './types.ts';

const row = (dish: string, s: SampleRecord | null, status: LedgerStatus, extra: Partial<LedgerDish> = {}): LedgerDish =>
  ({ dish, sample: s, more: [], late: false, status, ...extra });

const board = (service: MealService, dishes: LedgerDish[], extra: SampleRecord[] = []): LedgerService =>
  ({ kitchenId: service.kitchenId, service: service.service, startsAt: service.startsAt, dishes, extra });

const LATE_GREENS = sample({ id: 4, dish: '炒青菜', netWeightG: 128, placedAt: at(45) });
const PORK_AGAIN = sample({ id: 5, dish: '红烧肉', netWeightG: 140, placedAt: at(20) });
const MISPRINT = sample({ id: 6, dish: '红烧狮子头', netWeightG: 130 });

const CASES: Array<{
  rule: string; name: string; services: MealService[]; samples: readonly SampleRecord[]; nowMin: number;
  excursions?: CabinetExcursion[]; profile?: Profile; expected: LedgerService[];
}> = [
  {
    rule: 'FS-SAMPLE-MISSING', name: 'lunch at 12:00: 130 g ok, 121 g light, 124 g marginal, 炒青菜 missing',
    services: [LUNCH], samples: LUNCH_SAMPLES, nowMin: 30,
    expected: [board(LUNCH, [
      row('红烧肉', PORK, 'ok'), row('清蒸鱼', FISH, 'light'), row('番茄炒蛋', EGG, 'marginal'), row('炒青菜', null, 'missing'),
    ])],
  },
  {
    rule: 'FS-SAMPLE-MISSING', name: 'lunch at 11:59: the unsampled dish is pending',
    services: [LUNCH], samples: LUNCH_SAMPLES, nowMin: 29,
    expected: [board(LUNCH, [
      row('红烧肉', PORK, 'ok'), row('清蒸鱼', FISH, 'light'), row('番茄炒蛋', EGG, 'marginal'), row('炒青菜', null, 'pending'),
    ])],
  },
  {
    rule: 'FS-SAMPLE-MISSING', name: 'a late sample fixes the dish on the board, flagged late',
    services: [LUNCH], samples: [...LUNCH_SAMPLES, LATE_GREENS], nowMin: 60,
    expected: [board(LUNCH, [
      row('红烧肉', PORK, 'ok'), row('清蒸鱼', FISH, 'light'), row('番茄炒蛋', EGG, 'marginal'),
      row('炒青菜', LATE_GREENS, 'ok', { late: true }),
    ])],
  },
  {
    rule: 'FS-SAMPLE-TEMP', name: 'an excursion marks the cabinet\'s samples compromised; a second sample goes to more; off-menu to extra',
    services: [LUNCH], samples: [MISPRINT, PORK_AGAIN, ...LUNCH_SAMPLES], nowMin: 200, excursions: [excursion(60, 100)],
    expected: [board(LUNCH, [
      row('红烧肉', PORK, 'compromised', { more: [PORK_AGAIN] }), row('清蒸鱼', FISH, 'compromised'),
      row('番茄炒蛋', EGG, 'compromised'), row('炒青菜', null, 'missing'),
    ], [MISPRINT])],
  },
  {
    rule: 'FS-SAMPLE-MISSING', name: 'services come in meal order whatever the input order; dinner is not yet due',
    services: [DINNER, LUNCH, BREAKFAST], samples: LUNCH_SAMPLES, nowMin: 60,
    expected: [
      board(BREAKFAST, [row('白粥', null, 'missing'), row('馒头', null, 'missing')]),
      board(LUNCH, [
        row('红烧肉', PORK, 'ok'), row('清蒸鱼', FISH, 'light'), row('番茄炒蛋', EGG, 'marginal'), row('炒青菜', null, 'missing'),
      ]),
      board(DINNER, [row('冬瓜汤', null, 'pending')]),
    ],
  },
  {
    rule: 'FS-SAMPLE-WEIGHT', name: 'a profile without sample rules: samples ok, nothing ever missing',
    services: [LUNCH], samples: LUNCH_SAMPLES, nowMin: 200, profile: NO_SAMPLES,
    expected: [board(LUNCH, [
      row('红烧肉', PORK, 'ok'), row('清蒸鱼', FISH, 'ok'), row('番茄炒蛋', EGG, 'ok'), row('炒青菜', null, 'pending'),
    ])],
  },
];

describe('ledgerForDay', () => {
  for (const c of CASES) {
    it(`[${c.rule}] ${c.name}`, () => {
      const ctx = { excursions: c.excursions ?? [], profile: c.profile ?? P, now: at(c.nowMin) };
      expect(ledgerForDay(c.services, c.samples, ctx)).toEqual(c.expected);
    });
  }
});
