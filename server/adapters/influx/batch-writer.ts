// Batches points to InfluxDB and retries retryable failures with capped
// exponential backoff. The buffer is bounded: when full, offer() says no and the
// caller does not acknowledge, so the gateway keeps the reading and sends it
// again later — an outage within the buffer loses nothing, and reaching the
// limit is counted and logged, not silent.
//
// Flush policy (docs/decisions/0004-ingest-performance.md): an idle writer
// writes what it has after a short linger; while a write is in flight, points
// gather and go out as soon as it completes (group commit), so batches grow
// with the load and latency stays one write long instead of a timer period. A
// second write starts only for a full batch (a backlog): InfluxDB 1.6.7 answers
// "engine: error syncing wal" under many concurrent small writes.
import type { SeriesStore } from './series-store.ts';
import { SeriesWriteError } from './series-store.ts';

export interface PendingPoint<A> {
  line: string;
  ack: A;
}

export interface WriterMetrics {
  pointsWritten(n: number): void;
  writeError(retryable: boolean): void;
  bufferDepth(n: number): void;
  bufferFull(n: number): void;
}

export interface BatchWriterOptions<A> {
  store: Pick<SeriesStore, 'writeLines'>;
  maxBatch?: number;
  /** How long an idle writer waits for more points before it writes a partial batch. */
  flushIntervalMs?: number;
  /** Points buffered or being written, at most. */
  maxBuffer?: number;
  /** Writes in flight at most; the second only for a full batch. */
  maxInFlight?: number;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  /** Called after each successful write with what it stored. */
  onStored(acks: A[]): void;
  /** Called when InfluxDB refuses points for good (4xx): they will never be stored. */
  onRejected(acks: A[], error: Error): void;
  metrics?: WriterMetrics;
  log?: { warn(obj: object, msg: string): void };
}

export interface BatchWriter<A> {
  /** Accepts all points or none; false when the bounded buffer cannot take them. */
  offer(points: PendingPoint<A>[]): boolean;
  depth(): number;
  /** Writes everything buffered (retrying), then stops. */
  stop(): Promise<void>;
  /** Resolves when the buffer is empty (for tests and shutdown). */
  drained(): Promise<void>;
}

/** Measured with bench/run.ts on 2 cores: 20,000-point batches with a second
 *  write for a backlog took about twice the readings/s of 5,000 with one, and no
 *  WAL errors; docs/decisions/0004-ingest-performance.md has the figures. */
export const WRITER_DEFAULTS = { maxBatch: 20_000, maxInFlight: 2, lingerMs: 5, maxBuffer: 200_000 };

export function createBatchWriter<A>(opts: BatchWriterOptions<A>): BatchWriter<A> {
  const maxBatch = opts.maxBatch ?? WRITER_DEFAULTS.maxBatch;
  const maxBuffer = opts.maxBuffer ?? WRITER_DEFAULTS.maxBuffer;
  const maxInFlight = opts.maxInFlight ?? WRITER_DEFAULTS.maxInFlight;
  const lingerMs = opts.flushIntervalMs ?? WRITER_DEFAULTS.lingerMs;
  const backoffMin = opts.backoffMinMs ?? 100;
  const backoffMax = opts.backoffMaxMs ?? 10_000;
  let queue: PendingPoint<A>[] = [];
  let inFlight = 0;
  let inFlightPoints = 0;
  let stopped = false;
  let backoff = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let lingerTimer: NodeJS.Timeout | undefined;
  let lastFullLog = 0;
  const waiters: Array<() => void> = [];
  const depth = () => queue.length + inFlightPoints;

  function drained(): Promise<void> {
    return new Promise<void>((resolve) => {
      waiters.push(resolve);
      notifyDrained();
    });
  }

  function notifyDrained() {
    if (depth() > 0) return;
    for (const resolve of waiters.splice(0)) resolve();
  }

  /** Starts the writes the policy allows now. */
  function flush() {
    if (lingerTimer) clearTimeout(lingerTimer);
    lingerTimer = undefined;
    while (!retryTimer && inFlight < maxInFlight && queue.length > 0 && (inFlight === 0 || queue.length >= maxBatch)) {
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = batch === queue ? [] : queue.slice(maxBatch);
      void write(batch);
    }
    notifyDrained();
  }

  async function write(batch: PendingPoint<A>[]) {
    inFlight++;
    inFlightPoints += batch.length;
    let failure: Error | undefined;
    try {
      await opts.store.writeLines(batch.map((p) => p.line));
    } catch (err) {
      failure = err as Error;
    }
    inFlight--;
    inFlightPoints -= batch.length;
    if (failure) handleFailure(failure, batch);
    else {
      backoff = 0;
      opts.metrics?.pointsWritten(batch.length);
      opts.onStored(batch.map((p) => p.ack));
    }
    opts.metrics?.bufferDepth(depth());
    flush(); // whatever gathered during this write goes out now
  }

  function handleFailure(err: Error, batch: PendingPoint<A>[]) {
    const retryable = !(err instanceof SeriesWriteError) || err.canRetry;
    opts.metrics?.writeError(retryable);
    if (!retryable) return opts.onRejected(batch.map((p) => p.ack), err);
    queue = batch.concat(queue); // first out again; a re-write overwrites identical points
    if (retryTimer) return; // the other write in flight failed too: one backoff
    backoff = Math.min(backoffMax, backoff === 0 ? backoffMin : backoff * 2);
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    opts.log?.warn({ err: err.message, retryInMs: Math.round(delay), buffered: depth() }, 'InfluxDB write failed; will retry');
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      flush();
    }, delay);
  }

  return {
    offer(points) {
      if (stopped || depth() + points.length > maxBuffer) {
        opts.metrics?.bufferFull(points.length);
        if (Date.now() - lastFullLog > 10_000) {
          lastFullLog = Date.now();
          opts.log?.warn({ buffered: depth(), maxBuffer }, 'write buffer full; readings not acknowledged, gateways will resend');
        }
        return false;
      }
      for (const p of points) queue.push(p);
      opts.metrics?.bufferDepth(depth());
      if (queue.length >= maxBatch) flush();
      else if (inFlight === 0 && !retryTimer && !lingerTimer) lingerTimer = setTimeout(flush, lingerMs);
      return true;
    },
    depth,
    drained,
    async stop() {
      stopped = true;
      const done = drained();
      flush();
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((resolve) => (deadline = setTimeout(resolve, 10_000)))]);
      clearTimeout(deadline);
      if (retryTimer) clearTimeout(retryTimer);
      if (lingerTimer) clearTimeout(lingerTimer);
    },
  };
}
