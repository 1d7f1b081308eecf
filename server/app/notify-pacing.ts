// How many notifications may be under way at once, and how often one channel may be sent to:
// WeCom and DingTalk robots refuse more than about 20 messages a minute (errcode 45009, 130101),
// and a burst of alerts (a power cut in a kitchen with twenty units) must not turn into a burst of
// refused messages, each retried and refused again. What is held back stays pending in the
// deliveries table and goes on a later round. Transport timing: the real clock, not the rules'.

export interface PacingLimits {
  /** Attempts under way at once, over every channel. */
  maxInFlight: number;
  /** Attempts started per channel in any 60 s. */
  perChannelPerMinute: number;
}

export const DEFAULT_PACING: PacingLimits = { maxInFlight: 8, perChannelPerMinute: 15 };

const WINDOW_MS = 60_000;

export function createPacer(limits: PacingLimits, wallClock: () => number) {
  const started = new Map<number, number[]>();
  let inFlight = 0;

  /** The channel's starts within the last minute (older ones forgotten). */
  function recent(channelId: number, now: number): number[] {
    const kept = (started.get(channelId) ?? []).filter((t) => now - t < WINDOW_MS);
    if (kept.length === 0) started.delete(channelId);
    else started.set(channelId, kept);
    return kept;
  }

  return {
    full: () => inFlight >= limits.maxInFlight,
    /** Channels that have had their share of this minute. */
    pacedChannels(): number[] {
      const now = wallClock();
      return [...started.keys()].filter((id) => recent(id, now).length >= limits.perChannelPerMinute);
    },
    /** Takes a slot for an attempt to this channel, or answers false (it waits for a later round). */
    admit(channelId: number): boolean {
      const now = wallClock();
      if (inFlight >= limits.maxInFlight || recent(channelId, now).length >= limits.perChannelPerMinute) return false;
      started.set(channelId, [...recent(channelId, now), now]);
      inFlight++;
      return true;
    },
    release() {
      inFlight = Math.max(0, inFlight - 1);
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
