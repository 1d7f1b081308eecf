// Earlier lunches of a few demo kitchens, for the scenarios that take days (a
// sample removed after 30 h, disposal after 48 h, a seal after a suspected
// illness, the cabinet warming while it holds samples). On the first start they
// go into the gateway's outbox as the scale's detector would have reported them,
// interleaved by time with the backfilled readings, so the server judges them in order.
import type { ServiceRef } from '../contracts/samples.ts';
import { CABINET_SCENARIOS, LUNCH_MENU, type CabinetScenarioName } from '../firmware-sim/samples/scenarios.ts';
import type { UnnumberedSampleEvent } from '../gateway/outbox/outbox.ts';
import { localDate } from '../server/app/site-time.ts';
import { SAMPLE_CABINET } from './demo-samples.ts';

const HOUR = 3_600_000;

interface PastLunch { scenario: CabinetScenarioName; daysAgo: number; description: string; sealBy?: string }

/** By kitchen number (1-based). The lunch of `daysAgo` days before the demo's lunch, at the same time of day. */
const PAST_LUNCHES: Record<number, PastLunch> = {
  5: { scenario: 'removed-after-30h', daysAgo: 2, description: 'a lunch sample taken out after 30 h (FS-SAMPLE-EARLY), on the board of 2 days ago' },
  6: { scenario: 'disposal-after-48h', daysAgo: 3, description: 'the lunch of 3 days ago disposed of after 49 h: lawful, no alert' },
  8: { scenario: 'normal-lunch', daysAgo: 2, sealBy: '市场监管 王', description: 'a sample of the lunch of 2 days ago sealed after a suspected illness (FS-SAMPLE-SEAL)' },
  10: { scenario: 'normal-lunch', daysAgo: 1, description: 'the sample cabinet warmed to ~12 °C 3 h ago while holding yesterday\'s lunch (FS-COLD-ALARM, FS-SAMPLE-TEMP)' },
};

export const PAST_LUNCH_NUMBERS = Object.keys(PAST_LUNCHES).map(Number);

export function pastLunchOf(kitchenNumber: number): PastLunch | undefined {
  return PAST_LUNCHES[kitchenNumber];
}

/** The scale's acts of a scenario as sample events (what the detector reports), from its service start. */
export function sampleEventsOf(name: CabinetScenarioName, startAt: number, scaleSerial: string): UnnumberedSampleEvent[] {
  const service: ServiceRef = { date: localDate(startAt, 'Asia/Shanghai'), meal: 'lunch' };
  const onSlot = new Map<number, number>();
  let badge: string | undefined;
  let dish: string | undefined;
  const events: UnnumberedSampleEvent[] = [];
  const base = { device: `${SAMPLE_CABINET}-scale`, cabinet: SAMPLE_CABINET, scaleSerial };
  for (const step of CABINET_SCENARIOS[name].steps) {
    const ts = startAt + step.atS * 1000 + 2000; // the weight settles about 2 s after the act
    if (step.action === 'scan-badge') badge = step.badge;
    else if (step.action === 'scan-label') dish = step.dish;
    else if (step.action === 'place') {
      onSlot.set(step.slot, step.netGrams);
      events.push({ ...base, ts, type: 'placed', slot: step.slot, netWeightG: step.netGrams, badge, ...(dish ? { label: { dish, service } } : {}) });
      dish = undefined;
    } else if (step.action === 'remove') {
      events.push({ ...base, ts, type: 'removed', slot: step.slot, netWeightG: onSlot.get(step.slot) ?? 0, badge });
    }
  }
  return events;
}

/** The past lunch of a kitchen: its service, menu and events (those before `now`); none for most kitchens. */
export function pastLunch(kitchenNumber: number, lunchStart: number, now: number) {
  const past = PAST_LUNCHES[kitchenNumber];
  if (!past) return undefined;
  const startAt = lunchStart - past.daysAgo * 24 * HOUR;
  return {
    ...past,
    startAt,
    service: { date: localDate(startAt, 'Asia/Shanghai'), meal: 'lunch' as const },
    dishes: [...LUNCH_MENU],
    events: sampleEventsOf(past.scenario, startAt, `IND-DEMO-${kitchenNumber}`).filter((e) => e.ts < now),
  };
}
