// The injected clock shared by the simulator, the gateway and the server's timers,
// so scenarios and rules run at any speed in tests (no Date.now in domain code).
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that moves only when told to: for tests and replays. */
export function manualClock(startMs: number): Clock & { advance(ms: number): number; set(ms: number): void } {
  let t = startMs;
  return {
    now: () => t,
    advance: (ms) => (t += ms),
    set: (ms) => {
      t = ms;
    },
  };
}

/** A clock that runs `speed` times faster than real time from `startMs` on. */
export function scaledClock(startMs: number, speed: number, real: Clock = systemClock): Clock {
  const realStart = real.now();
  return { now: () => Math.round(startMs + (real.now() - realStart) * speed) };
}
