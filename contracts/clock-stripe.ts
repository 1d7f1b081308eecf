// The burned-in clock of the simulated cameras, machine-readable: a row of square
// blocks at the top-left of every frame carries the camera's wall clock at capture
// (ms since the epoch, modulo 2^24). A viewer decodes it from the picture it shows and
// compares it with its own clock: that difference is the glass-to-glass latency. The
// simulator draws it (firmware-sim/cameras) and the dashboard and benchmark read it,
// so both sides take the layout from here.
//
//   block 0: white, block 1: black (sync: tells a stripe from an arbitrary picture)
//   block 2 + i: bit i of (ms mod 2^24), white = 1
//
// Blocks are 16 × 16 px and aligned to macroblocks, so MPEG-1 and H.264 keep them sharp.

export const STRIPE_BLOCK_PX = 16;
export const STRIPE_BITS = 24;
export const STRIPE_BLOCKS = 2 + STRIPE_BITS;
export const STRIPE_MODULO = 2 ** STRIPE_BITS;
/** The narrowest picture that can carry the stripe. */
export const STRIPE_MIN_WIDTH = STRIPE_BLOCKS * STRIPE_BLOCK_PX;

/** The value a frame captured at `epochMs` carries. */
export function stripeValue(epochMs: number): number {
  return Math.floor(epochMs) % STRIPE_MODULO;
}

/** Mean luma of the inner 8 × 8 of block `index` (its edges blur under compression). */
function blockLuma(luma: ArrayLike<number>, stride: number, index: number): number {
  const x0 = index * STRIPE_BLOCK_PX + 4;
  let sum = 0;
  for (let y = 4; y < 12; y++) {
    for (let x = x0; x < x0 + 8; x++) sum += luma[y * stride + x] ?? 0;
  }
  return sum / 64;
}

/**
 * Reads the stripe from a luma (Y) plane with the given row stride; null when the
 * picture carries none (too narrow, or the sync blocks are not white then black).
 */
export function readStripe(luma: ArrayLike<number>, stride: number): number | null {
  if (stride < STRIPE_MIN_WIDTH || luma.length < stride * STRIPE_BLOCK_PX) return null;
  if (blockLuma(luma, stride, 0) < 160 || blockLuma(luma, stride, 1) > 96) return null;
  let value = 0;
  for (let bit = 0; bit < STRIPE_BITS; bit++) {
    if (blockLuma(luma, stride, 2 + bit) >= 128) value += 2 ** bit;
  }
  return value;
}

/** Milliseconds from capture (the stripe's value) to `nowMs`, modulo the stripe's range. */
export function stripeLatencyMs(value: number, nowMs: number): number {
  return (((stripeValue(nowMs) - value) % STRIPE_MODULO) + STRIPE_MODULO) % STRIPE_MODULO;
}
