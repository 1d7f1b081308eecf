// [FS-SAMPLE-MISSING] std (每餐次、每个品种): every dish on a service's menu needs a sample
// recorded within missingAfterMin (30 min) of the service's start.
//
// Two questions, kept apart on purpose:
// - The alert: which dishes had no sample by the deadline. It is decided once the
//   deadline passes and never changes afterwards, so a re-evaluation (restart, replay)
//   raises the same alerts. A late sample does not undo it: the rule book keeps the
//   alert "for the inspector if not fixed the same day", and closing it is a person's act.
// - The board: whether a dish has a sample at all. A late sample fixes the dish (its
//   status is the sample's own, flagged `late`), see ledger.ts.
//
// Dish names match exactly after trimming whitespace: no case folding or fuzzy matching,
// since labels are printed from the menu and a near-miss must show up as an extra sample.
import type { Profile } from '../../../contracts/profiles.ts';
import { dishKey, menuDishes, missingDeadline, ofService, sampleParams } from './params.ts';
import type { MealService, SampleRecord } from './types.ts';

/** The service's samples of one dish, earliest placement first (id breaks ties). */
export function samplesOfDish(service: MealService, samples: readonly SampleRecord[], dish: string): SampleRecord[] {
  return samples
    .filter((record) => ofService(record, service) && dishKey(record.dish) === dishKey(dish))
    .sort((a, b) => a.placedAt - b.placedAt || a.id - b.id);
}

/** [FS-SAMPLE-MISSING] Null when the profile has no sample rules. */
export function missingDeadlineOf(service: MealService, profile: Profile): number | null {
  const params = sampleParams(profile);
  return params === null ? null : missingDeadline(service, params);
}

/** [FS-SAMPLE-MISSING] The deadline has passed (at the deadline itself it has). */
export function isPastMissingDeadline(service: MealService, profile: Profile, now: number): boolean {
  const deadline = missingDeadlineOf(service, profile);
  return deadline !== null && now >= deadline;
}

/** [FS-SAMPLE-MISSING] A sample of this dish placed no later than the deadline. */
function sampledInTime(service: MealService, samples: readonly SampleRecord[], dish: string, deadline: number): boolean {
  return samplesOfDish(service, samples, dish).some((record) => record.placedAt <= deadline);
}

/**
 * [FS-SAMPLE-MISSING] Menu dishes (trimmed, in menu order) with no sample placed by
 * startsAt + missingAfterMin, once `now` has reached that deadline; [] before it.
 */
export function missingDishes(service: MealService, samples: readonly SampleRecord[], profile: Profile, now: number): string[] {
  const deadline = missingDeadlineOf(service, profile);
  if (deadline === null || now < deadline) return [];
  return menuDishes(service).filter((dish) => !sampledInTime(service, samples, dish, deadline));
}
