// Placement and removal of food samples (rule book section 4), detected from
// the scale's per-slot weights. Pure: (state, snapshot) → (state', events); the
// time is the snapshot's, so a recorded series replays to the same events.
//
// A slot's weight counts only once settled: the indicator's stable flag on AND
// the last N readings within ±band of their mean. Its net (gross − preset tare)
// below the threshold is "empty" (nothing, or an empty box); changes smaller
// than the threshold are noise, crumbs, condensation. A slot is a state machine
// (unknown → empty ⇄ loaded), so one act gives one event however long the
// weight then stays put. The first settled weight of a slot after start is a
// baseline, not an act: a gateway restart must not re-report the cabinet.
import type { SampleLabel } from '../../contracts/samples.ts';
import { parseLabel } from './label.ts';
import type { ScaleSnapshot, SlotSample } from './types.ts';

export interface DetectorOptions {
  /** Settled readings in a row needed (the gateway polls every ~0.5 s). */
  stableReadings: number;
  /** Each of them within ± this of their mean, grams. */
  stableBandG: number;
  /** Net weights and changes below this are not a sample, grams. */
  thresholdG: number;
  /** A scan counts for an act this long before the weight settled. */
  scanWindowMs: number;
}

export const DEFAULT_DETECTOR_OPTIONS: Readonly<DetectorOptions> = {
  stableReadings: 3, stableBandG: 0.5, thresholdG: 5, scanWindowMs: 2 * 60_000,
};

export interface DetectorEvent {
  type: 'placed' | 'removed';
  slot: number;
  /** Net grams that arrived (placed) or left (removed), at 0.1 g. */
  netWeightG: number;
  /** When the weight settled: the first of the settled readings. */
  ts: number;
  /** Placements only: the label scanned last, if within the window and not used by an earlier placement. */
  label?: SampleLabel;
  /** The badge scanned last, if within the window. */
  badge?: string;
}

interface Reading { ts: number; netG: number; settled: boolean }
interface SlotTrack { phase: 'unknown' | 'empty' | 'loaded'; loadG: number; recent: readonly Reading[] }
interface Scan<T> { value: T; seenAt: number }

export interface DetectorState {
  readonly slots: Readonly<Record<number, SlotTrack>>;
  /** Last scan counters seen; null until the first snapshot (whose buffers are a baseline, not scans). */
  readonly labelCounter: number | null;
  readonly badgeCounter: number | null;
  /** `used`: already attached to a placement (a label names one sample). */
  readonly label: (Scan<SampleLabel> & { used: boolean }) | null;
  readonly badge: Scan<string> | null;
  /** Scans of something that is not a sample label: counted, never fatal. */
  readonly unreadableLabels: number;
}

export function initialDetectorState(): DetectorState {
  return { slots: {}, labelCounter: null, badgeCounter: null, label: null, badge: null, unreadableLabels: 0 };
}

export function detect(
  state: DetectorState, snap: ScaleSnapshot, opts: DetectorOptions = DEFAULT_DETECTOR_OPTIONS,
): { state: DetectorState; events: DetectorEvent[] } {
  let s = takeScans(state, snap);
  const events: DetectorEvent[] = [];
  const slots = { ...s.slots };
  for (const sample of [...snap.slots].sort((a, b) => a.slot - b.slot)) {
    const [track, acts] = step(slots[sample.slot], sample, snap.ts, opts);
    slots[sample.slot] = track;
    for (const act of acts) {
      const [next, event] = attach(s, act, opts);
      s = next;
      events.push(event);
    }
  }
  return { state: { ...s, slots }, events };
}

/** New scans are told by their counter; the latest scan of each kind replaces the one before. */
function takeScans(s: DetectorState, snap: ScaleSnapshot): DetectorState {
  let next: DetectorState = { ...s, labelCounter: snap.label.counter, badgeCounter: snap.badge.counter };
  if (s.labelCounter !== null && snap.label.counter !== s.labelCounter) {
    const label = parseLabel(snap.label.text);
    next = label
      ? { ...next, label: { value: label, seenAt: snap.ts, used: false } }
      : { ...next, label: null, unreadableLabels: s.unreadableLabels + 1 };
  }
  const badge = snap.badge.text.trim();
  if (s.badgeCounter !== null && snap.badge.counter !== s.badgeCounter) {
    next = { ...next, badge: badge.length > 0 && badge.length <= 40 ? { value: badge, seenAt: snap.ts } : null };
  }
  return next;
}

type Act = Omit<DetectorEvent, 'label' | 'badge'>;

/** One reading of one slot: its new track and the acts it completes (none, one, or removed + placed). */
function step(track: SlotTrack | undefined, sample: SlotSample, ts: number, o: DetectorOptions): [SlotTrack, Act[]] {
  const reading = { ts, netG: sample.grossG - sample.tareG, settled: sample.stable && !sample.overload };
  const recent = [...(track?.recent ?? []), reading].slice(-o.stableReadings);
  const t: SlotTrack = { phase: track?.phase ?? 'unknown', loadG: track?.loadG ?? 0, recent };
  const settled = settledNet(recent, o);
  if (settled === null) return [t, []];
  const at = recent[0]?.ts ?? ts;
  const net = round1(settled);
  const loaded = net >= o.thresholdG;
  if (t.phase === 'unknown') return [{ ...t, phase: loaded ? 'loaded' : 'empty', loadG: net }, []];
  if (t.phase === 'empty') {
    return loaded ? [{ ...t, phase: 'loaded', loadG: net }, [{ type: 'placed', slot: sample.slot, netWeightG: net, ts: at }]] : [t, []];
  }
  const removed: Act = { type: 'removed', slot: sample.slot, netWeightG: t.loadG, ts: at };
  if (!loaded) return [{ ...t, phase: 'empty', loadG: 0 }, [removed]];
  // A box swapped faster than the empty slot could settle between polls: the old one left, a new one arrived.
  if (Math.abs(net - t.loadG) >= o.thresholdG) {
    return [{ ...t, loadG: net }, [removed, { type: 'placed', slot: sample.slot, netWeightG: net, ts: at }]];
  }
  return [{ ...t, loadG: net }, []]; // the same sample: follow its small changes, report nothing
}

/** The mean net of the last N readings if they are all flagged stable and within the band; else null. */
function settledNet(recent: readonly Reading[], o: DetectorOptions): number | null {
  if (recent.length < o.stableReadings || !recent.every((r) => r.settled)) return null;
  const mean = recent.reduce((sum, r) => sum + r.netG, 0) / recent.length;
  return recent.every((r) => Math.abs(r.netG - mean) <= o.stableBandG) ? mean : null;
}

/** Who and what: the badge for any act, the label for a placement; a label serves one placement only. */
function attach(s: DetectorState, act: Act, o: DetectorOptions): [DetectorState, DetectorEvent] {
  const fresh = <T>(scan: Scan<T> | null): scan is Scan<T> => scan !== null && scan.seenAt >= act.ts - o.scanWindowMs;
  const event: DetectorEvent = { ...act, netWeightG: Math.max(0, act.netWeightG) };
  if (fresh(s.badge)) event.badge = s.badge.value;
  if (act.type !== 'placed' || !fresh(s.label) || s.label.used) return [s, event];
  event.label = s.label.value;
  return [{ ...s, label: { ...s.label, used: true } }, event];
}

const round1 = (g: number): number => Math.round(g * 10) / 10;
