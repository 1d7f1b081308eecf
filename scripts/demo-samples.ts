// The demo's food-sample cabinets: each kitchen's cabinet has a multi-slot scale
// (a weighing indicator on Modbus TCP) polled by the kitchen's gateway. Lunch is
// moved to start a couple of minutes after the demo does, so a new user can
// watch the sample boards fill up; a few kitchens get a light sample or a dish
// that is never sampled.
import type { Clock } from '../contracts/clock.ts';
import type { Meal } from '../contracts/samples.ts';
import { createSampleCabinetSim, type SampleCabinetSim } from '../firmware-sim/samples/cabinet-sim.ts';
import { CABINET_SCENARIOS, LUNCH_MENU, type CabinetScenarioName } from '../firmware-sim/samples/scenarios.ts';
import { createScaleDriver } from '../gateway/samples/scale-driver.ts';
import { createSamplePoller } from '../gateway/samples/sample-poller.ts';
import type { Gateway } from '../gateway/gateway.ts';
import type { SamplesRepo } from '../server/adapters/sql/samples-repo.ts';
import { localDate } from '../server/app/site-time.ts';

export const SAMPLE_CABINET = 'samples-1';
const TIME_ZONE = 'Asia/Shanghai';

/** Which kitchens' lunch goes wrong, by kitchen number (1-based). */
const LUNCH_TROUBLE: Record<number, { scenario: CabinetScenarioName; description: string }> = {
  4: { scenario: 'light-sample', description: 'lunch: one sample weighs 118 g (FS-SAMPLE-WEIGHT)' },
  9: { scenario: 'dish-never-sampled', description: 'lunch: one dish is never sampled (FS-SAMPLE-MISSING 30 min after lunch starts)' },
};

export function lunchTroubleOf(kitchenNumber: number): string | undefined {
  return LUNCH_TROUBLE[kitchenNumber]?.description;
}

/** The next whole minute at least `leadMs` from now: when the demo's lunch starts. */
export function demoLunchStart(now: number, leadMs = 2 * 60_000): number {
  return Math.ceil((now + leadMs) / 60_000) * 60_000;
}

function hhmm(ms: number): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
}

/** Lunch today at the demo's lunch time, with the cabinet scenarios' menu. */
export function seedLunch(samples: SamplesRepo, kitchenId: string, lunchStart: number) {
  const starts = hhmm(lunchStart);
  const ends = hhmm(lunchStart + 90 * 60_000);
  samples.setMealTimes(kitchenId, [{ meal: 'lunch' as Meal, starts, ends }]);
  samples.setMenu(kitchenId, { date: localDate(lunchStart, TIME_ZONE), meal: 'lunch' }, [...LUNCH_MENU]);
}

export interface RunningCabinet { sim: SampleCabinetSim; stop(): Promise<void> }

export async function startDemoCabinet(kitchenNumber: number, opts: { clock: Clock; gateway: Gateway; lunchStart: number }): Promise<RunningCabinet> {
  const scenario = CABINET_SCENARIOS[LUNCH_TROUBLE[kitchenNumber]?.scenario ?? 'normal-lunch'];
  const sim = createSampleCabinetSim({
    cabinetId: SAMPLE_CABINET, slots: scenario.slots, clock: opts.clock, seed: scenario.seed + kitchenNumber,
    scenario, startAt: opts.lunchStart, port: 0,
  });
  await sim.start();
  const poller = createSamplePoller({
    driver: createScaleDriver({ host: '127.0.0.1', port: sim.address().port, timeoutMs: 1000, clock: opts.clock }),
    record: (events) => opts.gateway.recordSamples(events),
    device: `${SAMPLE_CABINET}-scale`, cabinet: SAMPLE_CABINET, pollIntervalMs: 1000,
  });
  poller.start();
  return {
    sim,
    async stop() {
      await poller.stop();
      await sim.stop();
    },
  };
}
