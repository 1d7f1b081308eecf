// Logs a repeated condition once per key per window (a bad device is logged
// once, not on every message), counting what it swallowed in between.
import type { Logger } from 'pino';

export function createThrottledLog(log: Pick<Logger, 'warn'>, windowMs = 60_000, now: () => number = Date.now) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (key: string, obj: object, msg: string) => {
    const t = now();
    const entry = last.get(key);
    if (entry && t - entry.at < windowMs) {
      entry.suppressed++;
      return;
    }
    log.warn({ ...obj, suppressedSinceLast: entry?.suppressed ?? 0 }, msg);
    last.set(key, { at: t, suppressed: 0 });
  };
}
