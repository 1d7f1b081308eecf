// Test fixtures for the sample rules, as data: one kitchen's lunch of 4 dishes on
// Monday 2025-01-06 at 11:30 Asia/Shanghai (03:30 UTC), and its samples of 130 g, 121 g
// and 124 g, with the fourth dish never sampled. Times are minutes from the lunch start.
import { CN_GB31654, type Profile } from '../../../contracts/profiles.ts';
import type { CabinetExcursion, MealService, SampleRecord } from './types.ts';

/** 11:30 Asia/Shanghai on 2025-01-06. */
export const LUNCH_START = Date.UTC(2025, 0, 6, 3, 30);
export const at = (minute: number): number => LUNCH_START + minute * 60_000;
export const atH = (hours: number): number => at(hours * 60);

export const P = CN_GB31654;
/** A stricter local rule: 150 g, ±5 g, 72 h, 20 min. */
export const STRICT: Profile = { ...CN_GB31654, id: 'LOCAL-STRICT', samples: { minWeightG: 150, scaleToleranceG: 5, retentionH: 72, missingAfterMin: 20 } };
export const NO_SAMPLES: Profile = { ...CN_GB31654, id: 'NO-SAMPLES', samples: null };

export const KITCHEN = 'k-001';
export const CABINET = 'cab-1';

export const LUNCH: MealService = {
  kitchenId: KITCHEN,
  service: { date: '2025-01-06', meal: 'lunch' },
  startsAt: LUNCH_START,
  dishes: ['红烧肉', '清蒸鱼', '番茄炒蛋', '炒青菜'],
};

export const BREAKFAST: MealService = {
  ...LUNCH,
  service: { date: '2025-01-06', meal: 'breakfast' },
  startsAt: Date.UTC(2025, 0, 5, 23, 30), // 07:30 local
  dishes: ['白粥', '馒头'],
};

export const DINNER: MealService = {
  ...LUNCH,
  service: { date: '2025-01-06', meal: 'dinner' },
  startsAt: Date.UTC(2025, 0, 6, 9, 30), // 17:30 local
  dishes: ['冬瓜汤'],
};

/** A lunch sample placed 10 min after the start into slot = id, overridable. */
export function sample(overrides: Partial<SampleRecord> & Pick<SampleRecord, 'id' | 'dish' | 'netWeightG'>): SampleRecord {
  return {
    kitchenId: KITCHEN,
    service: LUNCH.service,
    scaleSerial: 'SC-0001',
    cabinet: CABINET,
    slot: overrides.id,
    placedAt: at(10),
    placedBy: 'badge-wang',
    photoRef: null,
    removedAt: null,
    removedBy: null,
    sealedAt: null,
    sealedBy: null,
    disposedAt: null,
    disposedBy: null,
    ...overrides,
  };
}

export const PORK = sample({ id: 1, dish: '红烧肉', netWeightG: 130 });
export const FISH = sample({ id: 2, dish: '清蒸鱼', netWeightG: 121 });
export const EGG = sample({ id: 3, dish: '番茄炒蛋', netWeightG: 124 });
/** 炒青菜 has no sample. */
export const LUNCH_SAMPLES: readonly SampleRecord[] = [PORK, FISH, EGG];

export const excursion = (fromMin: number, toMin: number | null, cabinet = CABINET): CabinetExcursion => ({
  cabinet,
  from: at(fromMin),
  to: toMin === null ? null : at(toMin),
});
