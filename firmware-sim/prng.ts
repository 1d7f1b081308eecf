// A tiny seeded PRNG so that every simulated series is reproducible: the same
// seed gives the same noise, hence the same readings, in tests and in the demo.

/** One mulberry32 step: returns a float in [0, 1) and the next state. Pure. */
export function mulberry32(state: number): [value: number, next: number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/**
 * Derives a per-device seed from the kitchen seed and the device id (FNV-1a),
 * so adding a device to a kitchen does not change the series of the others.
 */
export function deriveSeed(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
