// A pure model of one slot of the sample cabinet's scale: a load cell behind a
// weighing indicator. No clock and no I/O; and, unlike the thermal model, no
// stepping: a reading is a function of the slot's last act and the time asked
// for, so a cabinet can be read 49 h after a placement without iterating.
//
// Tare: each slot's preset tare is the weight of its empty sample box, set at
// install. An empty slot weighs ~0 g gross; a box with food weighs tare + food.
// Noise: seeded, ±0.3 g, new at every A/D conversion (100 ms). Settling: a
// placement or removal swings and decays for 1–2 s; the stable flag is off
// until then, as an indicator's motion detection would keep it. Drift: none.
import { deriveSeed, mulberry32 } from '../prng.ts';

/** The indicator converts ten times a second; readings are constant within a conversion. */
export const CONVERSION_MS = 100;
export const NOISE_G = 0.3;
/** Sample boxes (~35 g) vary a little; each slot is tared with its own box at install. */
const TARE_G = 35;
const TARE_SPREAD_G = 0.5;
const SETTLE_MIN_MS = 1000;
const SETTLE_SPREAD_MS = 1000;
/** The swing of the tray after a box lands or leaves. */
const SWING_PERIOD_MS = 350;

export interface LoadCellSlot {
  readonly seed: number;
  readonly tareG: number;
  /** Net grams of food on the slot (in its box), or null when the slot is empty. */
  readonly netG: number | null;
  /** Noise-free gross the tray was at when the last act happened, and when. */
  readonly fromG: number;
  readonly actAt: number;
  readonly settleMs: number;
  /** Acts so far: seeds each act's settling time. */
  readonly acts: number;
}

export interface SlotReading {
  /** Gross grams at the indicator's 0.1 g resolution. */
  grossG: number;
  stable: boolean;
}

/** An empty, settled slot, tared with its own box at install. */
export function installSlot(seed: number, atMs: number, tareG?: number): LoadCellSlot {
  const [u] = mulberry32(deriveSeed(seed, 'tare'));
  const tare = tareG ?? round1(TARE_G + (2 * u - 1) * TARE_SPREAD_G);
  return { seed, tareG: tare, netG: null, fromG: 0, actAt: atMs - SETTLE_MIN_MS - SETTLE_SPREAD_MS, settleMs: 0, acts: 0 };
}

/** Where the tray comes to rest: nothing, or a box of food. */
export function restingGrossG(s: LoadCellSlot): number {
  return s.netG === null ? 0 : s.tareG + s.netG;
}

/** A box with `netG` grams of food put on an empty slot. */
export function place(s: LoadCellSlot, netG: number, atMs: number): LoadCellSlot {
  if (s.netG !== null) throw new Error('slot is occupied');
  if (!(netG > 0)) throw new RangeError(`net weight must be positive, got ${netG}`);
  return act(s, netG, atMs);
}

/** The box taken off. */
export function remove(s: LoadCellSlot, atMs: number): LoadCellSlot {
  if (s.netG === null) throw new Error('slot is empty');
  return act(s, null, atMs);
}

function act(s: LoadCellSlot, netG: number | null, atMs: number): LoadCellSlot {
  if (atMs < s.actAt) throw new RangeError(`act at ${atMs} before the previous one at ${s.actAt}`);
  const [u] = mulberry32(deriveSeed(s.seed, `act-${s.acts}`));
  return {
    ...s, netG, fromG: trueGrossG(s, atMs), actAt: atMs,
    settleMs: Math.round(SETTLE_MIN_MS + u * SETTLE_SPREAD_MS), acts: s.acts + 1,
  };
}

/** Noise-free gross: a decaying swing from where the tray was towards where it comes to rest. */
export function trueGrossG(s: LoadCellSlot, atMs: number): number {
  const rest = restingGrossG(s);
  const dt = atMs - s.actAt;
  if (dt >= s.settleMs * 2) return rest;
  // τ = settle/6: at the moment the stable flag comes on the swing is down to e^-6 (0.25 %) of the step.
  const decay = Math.exp(-dt / (s.settleMs / 6)) * Math.cos((2 * Math.PI * dt) / SWING_PERIOD_MS);
  return rest + (s.fromG - rest) * decay;
}

/** What the indicator shows at `atMs`: the conversion in progress then, with its noise. */
export function read(s: LoadCellSlot, atMs: number): SlotReading {
  const conversion = Math.floor(atMs / CONVERSION_MS);
  const t = conversion * CONVERSION_MS;
  return { grossG: round1(trueGrossG(s, t) + noiseG(s.seed, conversion)), stable: t - s.actAt >= s.settleMs };
}

/** Triangular noise in ±NOISE_G, a pure function of the slot's seed and the conversion number. */
function noiseG(seed: number, conversion: number): number {
  const [u1, next] = mulberry32((seed ^ Math.imul(conversion, 0x9e3779b1)) >>> 0);
  const [u2] = mulberry32(next);
  return (u1 + u2 - 1) * NOISE_G;
}

const round1 = (g: number): number => Math.round(g * 10) / 10;
