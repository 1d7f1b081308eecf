// Service hours (rule book section 5: "equipment must run during preparation and dining
// hours"): each meal widened by prepLeadMin before it (preparation) and mealTailMin after
// it (clearing up), merged where they overlap or touch. FS-CAM-OFFLINE counts time only
// inside them, and the inspector's uptime % is measured over them.
import type { Profile } from '../../../contracts/profiles.ts';
import { MS_PER_MIN, cameraParams } from './params.ts';
import type { MealSpan, ServiceWindow } from './types.ts';

/** The day's service windows, sorted and merged; a meal that ends before it starts adds nothing. */
export function serviceWindows(meals: readonly MealSpan[], profile: Profile): ServiceWindow[] {
  const params = cameraParams(profile);
  const widened = meals
    .filter((m) => m.endsAt > m.startsAt)
    .map((m) => ({ startsAt: m.startsAt - params.prepLeadMin * MS_PER_MIN, endsAt: m.endsAt + params.mealTailMin * MS_PER_MIN }))
    .sort((a, b) => a.startsAt - b.startsAt);
  const merged: ServiceWindow[] = [];
  for (const w of widened) {
    const last = merged[merged.length - 1];
    if (last && w.startsAt <= last.endsAt) last.endsAt = Math.max(last.endsAt, w.endsAt);
    else merged.push({ ...w });
  }
  return merged;
}

/** Milliseconds of service hours within [from, to). */
export function serviceMsBetween(windows: readonly ServiceWindow[], from: number, to: number): number {
  let total = 0;
  for (const w of windows) total += Math.max(0, Math.min(w.endsAt, to) - Math.max(w.startsAt, from));
  return total;
}

/** The instant at which `needMs` of service hours have passed since `from`; null when the windows run out first. */
export function serviceInstantAfter(windows: readonly ServiceWindow[], from: number, needMs: number): number | null {
  let need = needMs;
  for (const w of [...windows].sort((a, b) => a.startsAt - b.startsAt)) {
    if (w.endsAt <= from) continue;
    const start = Math.max(w.startsAt, from);
    if (w.endsAt - start >= need) return start + need;
    need -= w.endsAt - start;
  }
  return null;
}

/** Inside service hours at `at`. */
export const inService = (windows: readonly ServiceWindow[], at: number): boolean =>
  windows.some((w) => w.startsAt <= at && at < w.endsAt);
