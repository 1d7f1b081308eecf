// What each sample rule reads from the profile (rule book sections 2 and 4): its
// severity and its durations, so no rule file holds a food-safety number of its own.
// A profile whose `samples` is null (US-FDA-2022, UK-FSA) has no sample rules at all.
import type { Severity } from '../../../contracts/api.ts';
import type { Profile } from '../../../contracts/profiles.ts';
import type { MealService, SampleParams, SampleRecord, SampleRuleId, ServiceRef } from './types.ts';
import { MEALS } from '../../../contracts/samples.ts';

/** Unit conversions, not thresholds. */
export const MS_PER_MIN = 60_000;
export const MS_PER_H = 60 * MS_PER_MIN;

/** The severity column of the rule book's section 4 table (FS-SAMPLE-RECORD and -SEAL raise nothing). */
export const SAMPLE_RULE_SEVERITY: Readonly<Record<Exclude<SampleRuleId, 'FS-SAMPLE-RECORD' | 'FS-SAMPLE-SEAL'>, Severity>> =
  Object.freeze({
    'FS-SAMPLE-WEIGHT': 'alarm',
    'FS-SAMPLE-MISSING': 'alarm',
    'FS-SAMPLE-EARLY': 'alarm',
    'FS-SAMPLE-TEMP': 'alarm',
  });

export const sampleParams = (profile: Profile): SampleParams | null => profile.samples;

/** [FS-SAMPLE-EARLY] [FS-SAMPLE-TEMP] When the sample's retention period ends. */
export const retentionEndsAt = (record: SampleRecord, params: SampleParams): number =>
  record.placedAt + params.retentionH * MS_PER_H;

/** [FS-SAMPLE-MISSING] A dish with no sample by this time is missing. */
export const missingDeadline = (service: MealService, params: SampleParams): number =>
  service.startsAt + params.missingAfterMin * MS_PER_MIN;

/** Menus are typed by hand and labels printed from them: stray spaces must not split a dish. */
export const dishKey = (dish: string): string => dish.trim();

export const sameService = (a: ServiceRef, b: ServiceRef): boolean => a.date === b.date && a.meal === b.meal;

/** The sample belongs to this service of this kitchen, whatever its dish. */
export const ofService = (record: SampleRecord, service: MealService): boolean =>
  record.kitchenId === service.kitchenId && sameService(record.service, service.service);

/** Breakfast, lunch, dinner: the order a day's board lists services in. */
export const mealOrder = (ref: ServiceRef): number => MEALS.indexOf(ref.meal);

/** The menu's dishes, trimmed, without blanks or repeats, in menu order. */
export const menuDishes = (service: MealService): string[] =>
  [...new Set(service.dishes.map(dishKey))].filter((dish) => dish !== '');

/** "118 g", "20.5 h": one decimal at most, so messages carry the numbers without float noise. */
export const fmt = (value: number): string => String(Math.round(value * 10) / 10);
