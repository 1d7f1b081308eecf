// Ties the sample cabinet's scale to the gateway: poll the indicator, let the
// pure detector find placements and removals, and hand each act to the
// gateway's outbox (which numbers, keeps and sends it like a reading).
import type { SampleEvent } from '../../contracts/samples.ts';
import { detect, initialDetectorState } from './detector.ts';
import { toUnnumberedSampleEvent } from './convert.ts';
import type { ScaleRead } from './types.ts';

export interface SamplePollerOptions {
  driver: { read(): Promise<ScaleRead>; close(): Promise<void> };
  /** The gateway's recordSamples: outbox, then the uplink. */
  record(events: Array<Omit<SampleEvent, 'oid' | 'seq'>>): unknown;
  device: string;
  cabinet: string;
  pollIntervalMs: number;
}

export function createSamplePoller(opts: SamplePollerOptions) {
  let state = initialDetectorState();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function pollOnce(): Promise<number> {
    const read = await opts.driver.read();
    if (!read.ok) return 0; // a silent indicator: try again next poll
    const result = detect(state, read);
    state = result.state;
    if (result.events.length === 0) return 0;
    opts.record(result.events.map((e) => toUnnumberedSampleEvent(e, { device: opts.device, cabinet: opts.cabinet, scaleSerial: read.serial })));
    return result.events.length;
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => void pollOnce().catch(() => 0).finally(schedule), opts.pollIntervalMs);
  }

  return {
    pollOnce,
    start: schedule,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await opts.driver.close();
    },
  };
}
