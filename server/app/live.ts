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

/** What onReadings keeps per unit. The ts stays a number and the view object
 *  (ISO time, state) is built only when it is emitted or asked for: onReadings
 *  runs for every reading, and Date.parse / toISOString / stateOf there were a
 *  measurable share of the ingest CPU (docs/decisions/0004-ingest-performance.md). */
interface Unit {
  kitchenId: string;
  deviceId: string;
  ts: number;
  temp: number | null;
  door: boolean;
  defrost: boolean;
  dirty: boolean;
}

export function createLiveHub(opts: {
  stateOf(kitchenId: string, deviceId: string): UnitState;
  emit(reading: LatestReading): void;
  coalesceMs?: number;
}): LiveHub {
  // kitchen → device → unit: two lookups of strings we already have, instead of
  // building a `${kitchen}/${device}` key for every reading.
  const units = new Map<string, Map<string, Unit>>();
  let dirty: Unit[] = [];
  const timer = setInterval(flush, opts.coalesceMs ?? 500);

  const view = (u: Unit): LatestReading => ({
    kitchenId: u.kitchenId, deviceId: u.deviceId, ts: new Date(u.ts).toISOString(),
    temp: u.temp, door: u.door, defrost: u.defrost, state: opts.stateOf(u.kitchenId, u.deviceId),
  });

  function markDirty(u: Unit) {
    if (u.dirty) return;
    u.dirty = true;
    dirty.push(u);
  }

  function flush() {
    const due = dirty;
    dirty = [];
    for (const u of due) {
      u.dirty = false;
      opts.emit(view(u));
    }
  }

  return {
    onReadings(readings) {
      let kitchenId: string | undefined;
      let devices: Map<string, Unit> | undefined;
      for (const r of readings) {
        if (r.kitchenId !== kitchenId || !devices) {
          kitchenId = r.kitchenId;
          devices = units.get(kitchenId);
          if (!devices) units.set(kitchenId, (devices = new Map()));
        }
        let u = devices.get(r.device);
        if (!u) {
          u = { kitchenId, deviceId: r.device, ts: r.ts, temp: r.tempC, door: r.door ?? false, defrost: r.defrost ?? false, dirty: false };
          devices.set(r.device, u);
        } else {
          if (u.ts > r.ts) continue; // a catch-up reading older than what we show
          u.ts = r.ts;
          u.temp = r.tempC;
          u.door = r.door ?? u.door; // unknown (silent unit): keep the last known state
          u.defrost = r.defrost ?? u.defrost;
        }
        markDirty(u);
      }
    },
    onStateChange(kitchenId, deviceId) {
      const u = units.get(kitchenId)?.get(deviceId);
      if (u) markDirty(u); // its state is read when it is emitted
    },
    latest(kitchenId) {
      const out: LatestReading[] = [];
      for (const [k, devices] of units) {
        if (kitchenId && k !== kitchenId) continue;
        for (const u of devices.values()) out.push(view(u));
      }
      return out;
    },
    stop: () => clearInterval(timer),
  };
}
