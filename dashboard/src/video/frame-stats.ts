// Counts decoded frames for a live player: how many, how long the first one took,
// and the decoded frame rate over the last couple of seconds. Pure: the caller
// passes the clock, so it is tested without a browser.

export interface FrameStats {
  readonly frames: number;
  /** Milliseconds from the player's start to its first decoded frame; null before it. */
  readonly firstFrameMs: number | null;
  /** Milliseconds since the last decoded frame; null before the first. */
  sinceLastMs(now: number): number | null;
  onFrame(now: number): void;
  /** Decoded frames per second over the window; null until two frames. */
  fps(now: number): number | null;
}

const DEFAULT_WINDOW_MS = 2000;

export function createFrameStats(startedAt: number, windowMs: number = DEFAULT_WINDOW_MS): FrameStats {
  let frames = 0;
  let firstFrameMs: number | null = null;
  let lastAt: number | null = null;
  // Frame times within the window, oldest first (a few dozen at most).
  let times: number[] = [];
  const prune = (now: number): void => {
    const from = now - windowMs;
    let i = 0;
    while (i < times.length && times[i]! <= from) i++;
    if (i) times = times.slice(i);
  };
  return {
    get frames() {
      return frames;
    },
    get firstFrameMs() {
      return firstFrameMs;
    },
    sinceLastMs(now) {
      return lastAt === null ? null : now - lastAt;
    },
    onFrame(now) {
      frames += 1;
      if (firstFrameMs === null) firstFrameMs = Math.max(0, now - startedAt);
      lastAt = now;
      times.push(now);
      prune(now);
    },
    fps(now) {
      prune(now);
      const first = times[0];
      const last = times[times.length - 1];
      // From the gaps between the frames in the window: a count per window would be off by one at its edges.
      if (first === undefined || last === undefined || times.length < 2) return frames > 1 ? 0 : null;
      if (last === first) return null; // a burst decoded in one go: no gap to measure yet
      return ((times.length - 1) * 1000) / (last - first);
    },
  };
}
