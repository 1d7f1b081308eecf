// The day's sample board and the ledger of the inspection export (rule book section 7.2):
// every meal service, every dish on its menu, its sample and its status.
//
// - Services are listed breakfast, lunch, dinner (then by date and kitchen, so a
//   multi-day or multi-kitchen list stays stable).
// - A dish's `sample` is its earliest placed sample. Further samples of the same dish
//   (say a second, heavier one added after a light one) are listed in `more`, never
//   dropped: the board shows the first, the conservative choice, and the inspector sees all.
// - `late`: the sample was placed after the FS-SAMPLE-MISSING deadline. It fixes the
//   dish (its status is the sample's) but the missing alert raised at the deadline stays.
// - `extra`: samples of the service whose dish is not on its menu, e.g. a misprinted label.
// - Samples of services not in `services` are not on this board.
import type { Profile } from '../../../contracts/profiles.ts';
import { isPastMissingDeadline, missingDeadlineOf, samplesOfDish } from './missing.ts';
import { dishKey, mealOrder, menuDishes, ofService } from './params.ts';
import { sampleStatus } from './status.ts';
import type { CabinetExcursion, LedgerStatus, MealService, SampleRecord, ServiceRef } from './types.ts';

export interface LedgerContext {
  excursions: readonly CabinetExcursion[];
  profile: Profile;
  now: number;
}

export interface LedgerDish {
  dish: string;
  sample: SampleRecord | null;
  more: SampleRecord[];
  late: boolean;
  status: LedgerStatus;
}

export interface LedgerService {
  kitchenId: string;
  service: ServiceRef;
  startsAt: number;
  dishes: LedgerDish[];
  extra: SampleRecord[];
}

function byMealOrder(a: MealService, b: MealService): number {
  return mealOrder(a.service) - mealOrder(b.service)
    || a.service.date.localeCompare(b.service.date)
    || a.kitchenId.localeCompare(b.kitchenId);
}

function ledgerDish(service: MealService, samples: readonly SampleRecord[], dish: string, ctx: LedgerContext): LedgerDish {
  const [sample = null, ...more] = samplesOfDish(service, samples, dish);
  const deadline = missingDeadlineOf(service, ctx.profile);
  const missing = isPastMissingDeadline(service, ctx.profile, ctx.now);
  return {
    dish,
    sample,
    more,
    late: sample !== null && deadline !== null && sample.placedAt > deadline,
    status: sampleStatus(sample, { ...ctx, missing }),
  };
}

function ledgerService(service: MealService, samples: readonly SampleRecord[], ctx: LedgerContext): LedgerService {
  const menu = menuDishes(service);
  const extra = samples
    .filter((record) => ofService(record, service) && !menu.includes(dishKey(record.dish)))
    .sort((a, b) => a.placedAt - b.placedAt || a.id - b.id);
  return {
    kitchenId: service.kitchenId,
    service: service.service,
    startsAt: service.startsAt,
    dishes: menu.map((dish) => ledgerDish(service, samples, dish, ctx)),
    extra,
  };
}

/** The board of the given services, in meal order, as of ctx.now. */
export function ledgerForDay(
  services: readonly MealService[],
  samples: readonly SampleRecord[],
  ctx: LedgerContext,
): LedgerService[] {
  return [...services].sort(byMealOrder).map((service) => ledgerService(service, samples, ctx));
}
