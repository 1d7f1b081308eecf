// The acceptable temperature range a unit's inspection-pack figures are judged by: the profile's
// legal limits, read from the same profile the alarm rules use (rule book sections 2 and 3), so the
// pack and the alarms never disagree on a number. Only the limits, none of the alarm mechanics.
import type { UnitConfig } from '../types.ts';
import { isChilled, isFreezer } from '../rules/rule-params.ts';

/** Inclusive limits; null where the profile sets no limit on that side. */
export interface TempRange {
  minC: number | null;
  maxC: number | null;
}

export function acceptableRange(unit: UnitConfig): TempRange {
  const p = unit.profile;
  // [FS-COLD-LOW] below minC and [FS-COLD-ALARM] above maxC: chillers, cold rooms, sample cabinets (0–8 °C in CN-GB31654).
  if (isChilled(unit)) return { minC: p.chilled.minC, maxC: p.chilled.maxC };
  // [FS-FRZ-ALARM] above frozen.maxC (≤ −12 °C in CN-GB31654); a freezer has no lower limit.
  if (isFreezer(unit)) return { minC: null, maxC: p.frozen.maxC };
  // Hot holding (FS-HOT, ≥ 60 °C) is not a device kind yet: add it here when it is.
  throw new Error(`no temperature range for unit kind ${unit.kind}`);
}

/** Exactly at a limit is in range, as the alarm rules judge (`temp > maxC` is out). */
export function isOutOfRange(tempC: number, range: TempRange): boolean {
  return (range.minC !== null && tempC < range.minC) || (range.maxC !== null && tempC > range.maxC);
}
