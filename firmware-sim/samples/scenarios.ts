// Sample-cabinet scenarios as data: timed acts of the canteen staff at the
// cabinet, relative to the meal service's start. The simulator plays them; the
// gateway's end-to-end tests and the server's sample-ledger tests reuse them.
import type { Meal, ServiceRef } from '../../contracts/samples.ts';

const MIN_S = 60;
const HOUR_S = 3600;

/** An act at the cabinet. A label carries its meal service as printed on it. */
export type CabinetAction =
  | { action: 'scan-label'; dish: string; service: ServiceRef }
  | { action: 'scan-badge'; badge: string }
  | { action: 'place'; slot: number; netGrams: number }
  | { action: 'remove'; slot: number }
  | SealAction;

/**
 * Sealing (封存, FS-SAMPLE-SEAL) is not an act the scale can see: a manager
 * records it with the server's seal API (who, why, which samples) before the
 * samples are taken out for the regulator. The simulator keeps it as a marker
 * (state.seals, onSeal) so that a test or the demo can make that API call at
 * the right moment; nothing of it appears on the bus or in a SampleEvent.
 */
export interface SealAction {
  action: 'seal';
  slots: number[];
  badge: string;
  reason: string;
}

/** In scenario data a label names only its meal: the date is the service's, known when it is played. */
export type CabinetStep = { atS: number } & (
  | Exclude<CabinetAction, { action: 'scan-label' }>
  | { action: 'scan-label'; dish: string; meal: Meal }
);

export const CABINET_SCENARIO_NAMES = [
  'normal-lunch', 'light-sample', 'dish-never-sampled', 'removed-after-30h', 'disposal-after-48h', 'sealed-after-illness',
] as const;
export type CabinetScenarioName = (typeof CABINET_SCENARIO_NAMES)[number];

export interface CabinetScenario {
  readonly name: CabinetScenarioName;
  readonly seed: number;
  readonly description: string;
  /** The cabinet whose temperature unit is `samples-1` in firmware-sim/scenarios.ts. */
  readonly cabinetId: string;
  readonly slots: number;
  readonly meal: Meal;
  /** Site-local start of the service; the scenario's time 0. */
  readonly serviceStart: string;
  /** The service's menu: every dish must be sampled (FS-SAMPLE-MISSING). */
  readonly menu: readonly string[];
  readonly durationS: number;
  readonly steps: readonly CabinetStep[];
}

/** A lunch menu of a community canteen (braised meatballs, steamed perch, tomato and egg, garlic broccoli). */
export const LUNCH_MENU = ['红烧狮子头', '清蒸鲈鱼', '番茄炒蛋', '蒜蓉西兰花'] as const;
const NORMAL_GRAMS = [152.4, 138.0, 171.6, 129.3] as const;

/**
 * One dish after another into slots 1, 2, …: the cook scans the badge, then the
 * dish's label, then puts the box down; a dish every 4 min from minute 2, so
 * the last is in well within FS-SAMPLE-MISSING's 30 min.
 */
function sampling(grams: ReadonlyArray<number | null>, badge = 'S001'): CabinetStep[] {
  return grams.flatMap((g, i) => {
    const dish = LUNCH_MENU[i];
    if (g === null || dish === undefined) return [];
    const at = (2 + 4 * i) * MIN_S;
    return [
      { atS: at, action: 'scan-badge', badge },
      { atS: at + 10, action: 'scan-label', dish, meal: 'lunch' },
      { atS: at + 25, action: 'place', slot: i + 1, netGrams: g },
    ];
  });
}

/** One badge scan, then the boxes taken out 20 s apart (all within the gateway's 2 min badge window). */
function removals(slots: number[], atS: number, badge: string): CabinetStep[] {
  return [
    { atS, action: 'scan-badge', badge },
    ...slots.map((slot, i): CabinetStep => ({ atS: atS + 20 * (i + 1), action: 'remove', slot })),
  ];
}

const lunch = { cabinetId: 'samples-1', slots: 8, meal: 'lunch', serviceStart: '11:30', menu: LUNCH_MENU } as const;
const ALL = [1, 2, 3, 4];

export const CABINET_SCENARIOS: Readonly<Record<CabinetScenarioName, CabinetScenario>> = {
  'normal-lunch': {
    ...lunch, name: 'normal-lunch', seed: 20240611, durationS: 25 * MIN_S, steps: sampling(NORMAL_GRAMS),
    description: 'Four dishes, each sampled (129–172 g) by badge S001 within 20 min of the 11:30 service start.',
  },
  'light-sample': {
    ...lunch, name: 'light-sample', seed: 20240612, durationS: 25 * MIN_S,
    steps: sampling([152.4, 118.0, 171.6, 129.3]),
    description: 'As normal-lunch, but the steamed perch (slot 2) is sampled at 118 g, below 125 g (FS-SAMPLE-WEIGHT).',
  },
  'dish-never-sampled': {
    ...lunch, name: 'dish-never-sampled', seed: 20240613, durationS: 45 * MIN_S,
    steps: sampling([152.4, 138.0, null, 129.3]),
    description: 'Tomato and egg (3rd dish) is never sampled: nothing on slot 3 (FS-SAMPLE-MISSING after 30 min).',
  },
  'removed-after-30h': {
    ...lunch, name: 'removed-after-30h', seed: 20240614, durationS: 30 * HOUR_S + 5 * MIN_S,
    steps: [...sampling(NORMAL_GRAMS), ...removals([2], 30 * HOUR_S, 'S002')],
    description: 'After normal-lunch, S002 takes the steamed perch (slot 2) out after 30 h, without a seal (FS-SAMPLE-EARLY).',
  },
  'disposal-after-48h': {
    ...lunch, name: 'disposal-after-48h', seed: 20240615, durationS: 49 * HOUR_S + 5 * MIN_S,
    steps: [...sampling(NORMAL_GRAMS), ...removals(ALL, 49 * HOUR_S, 'S002')],
    description: 'After normal-lunch, S002 disposes of all four samples 49 h after the service: a lawful disposal.',
  },
  'sealed-after-illness': {
    ...lunch, name: 'sealed-after-illness', seed: 20240616, durationS: 26 * HOUR_S + 15 * MIN_S,
    steps: [
      ...sampling(NORMAL_GRAMS),
      { atS: 26 * HOUR_S, action: 'seal', slots: ALL, badge: 'M001', reason: 'suspected food-borne illness' },
      ...removals(ALL, 26 * HOUR_S + 10 * MIN_S, 'M001'),
    ],
    description: 'After normal-lunch, diners fall ill: at 26 h manager M001 seals all four samples (seal API), '
      + 'then takes them out for the regulator 10 min later: a removal before 48 h that is not FS-SAMPLE-EARLY.',
  },
};

/**
 * When a scenario starts, in UTC ms: its service start on a site-local date.
 * `tzOffsetMin` is the site's offset from UTC (China: +480, no DST).
 */
export function serviceStartAt(scenario: CabinetScenario, date: string, tzOffsetMin = 480): number {
  const [y = NaN, mo = NaN, d = NaN] = date.split('-').map(Number);
  const [h = NaN, mi = NaN] = scenario.serviceStart.split(':').map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi) - tzOffsetMin * 60_000;
  if (Number.isNaN(ms)) throw new RangeError(`bad date ${date} or service start ${scenario.serviceStart}`);
  return ms;
}

/** The site-local date of a UTC instant, as a label prints it. */
export function localDate(atMs: number, tzOffsetMin = 480): string {
  return new Date(atMs + tzOffsetMin * 60_000).toISOString().slice(0, 10);
}

/** The acts of a scenario at absolute times, labels dated with the service's local date. */
export function scheduleCabinet(
  scenario: CabinetScenario, startAt: number, tzOffsetMin = 480,
): Array<{ atMs: number; action: CabinetAction }> {
  const date = localDate(startAt, tzOffsetMin);
  return [...scenario.steps]
    .sort((a, b) => a.atS - b.atS)
    .map(({ atS, ...step }) => ({
      atMs: startAt + atS * 1000,
      action: step.action === 'scan-label'
        ? { action: 'scan-label', dish: step.dish, service: { date, meal: step.meal } }
        : step,
    }));
}
