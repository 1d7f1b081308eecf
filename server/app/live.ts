// The live view: the latest reading of every unit and its state, pushed to
// viewers coalesced per unit (at most one update per unit per interval), so a
// burst of catch-up batches or a benchmark does not flood the browsers.
import type { LatestReading, UnitState } from '../../contracts/api.ts';
import type { StoredReading } from '../adapters/influx/line-protocol.ts';

export interface LiveHub {
  onReadings(readings: StoredReading[]): void;
  /** A unit's state changed without a reading (an alert raised or cleared, offline). */
  onStateChange(kitchenId: string, deviceId: string): void;
  latest(kitchenId?: string): LatestReading[];
  stop(): void;
}

export function createLiveHub(opts: {
  stateOf(kitchenId: string, deviceId: string): UnitState;
  emit(reading: LatestReading): void;
  coalesceMs?: number;
}): LiveHub {
  const latest = new Map<string, LatestReading>();
  const dirty = new Set<string>();
  const key = (k: string, d: string) => `${k}/${d}`;
  const timer = setInterval(flush, opts.coalesceMs ?? 500);

  function flush() {
    for (const k of dirty) {
      const reading = latest.get(k);
      if (reading) opts.emit(reading);
    }
    dirty.clear();
  }

  return {
    onReadings(readings) {
      for (const r of readings) {
        const k = key(r.kitchenId, r.device);
        const prev = latest.get(k);
        if (prev && Date.parse(prev.ts) > r.ts) continue; // a catch-up reading older than what we show
        latest.set(k, {
          kitchenId: r.kitchenId, deviceId: r.device, ts: new Date(r.ts).toISOString(),
          temp: r.tempC, door: r.door === true, defrost: r.defrost === true,
          state: opts.stateOf(r.kitchenId, r.device),
        });
        dirty.add(k);
      }
    },
    onStateChange(kitchenId, deviceId) {
      const k = key(kitchenId, deviceId);
      const reading = latest.get(k);
      if (!reading) return;
      reading.state = opts.stateOf(kitchenId, deviceId);
      dirty.add(k);
    },
    latest: (kitchenId) => [...latest.values()].filter((r) => !kitchenId || r.kitchenId === kitchenId),
    stop: () => clearInterval(timer),
  };
}
