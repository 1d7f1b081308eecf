// Batches points to InfluxDB by size and by time, keeps one write in flight
// (1.6.7 answers "engine: error syncing wal" under many concurrent writes), and
// retries retryable failures with capped exponential backoff. The buffer is
// bounded: when full, offer() says no and the caller does not acknowledge, so
// the gateway keeps the reading and sends it again later — an outage within the
// buffer loses nothing, and reaching the limit is counted and logged, not silent.
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
  flushIntervalMs?: number;
  maxBuffer?: number;
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
  /** Writes everything buffered (retrying) and stops the timer. */
  stop(): Promise<void>;
  /** Resolves when the buffer is empty (for tests and shutdown). */
  drained(): Promise<void>;
}

export function createBatchWriter<A>(opts: BatchWriterOptions<A>): BatchWriter<A> {
  const maxBatch = opts.maxBatch ?? 5000;
  const maxBuffer = opts.maxBuffer ?? 200_000;
  const backoffMin = opts.backoffMinMs ?? 100;
  const backoffMax = opts.backoffMaxMs ?? 10_000;
  const buffer: PendingPoint<A>[] = [];
  let writing = false;
  let stopped = false;
  let backoff = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let lastFullLog = 0;
  const waiters: Array<() => void> = [];
  const timer = setInterval(() => void flush(), opts.flushIntervalMs ?? 200);

  function notifyDrained() {
    if (buffer.length > 0 || writing) return;
    for (const resolve of waiters.splice(0)) resolve();
  }

  async function flush(): Promise<void> {
    if (writing || retryTimer || buffer.length === 0) return notifyDrained();
    writing = true;
    const batch = buffer.slice(0, maxBatch);
    try {
      await opts.store.writeLines(batch.map((p) => p.line));
      buffer.splice(0, batch.length);
      backoff = 0;
      opts.metrics?.pointsWritten(batch.length);
      opts.onStored(batch.map((p) => p.ack));
    } catch (err) {
      handleFailure(err as Error, batch);
    } finally {
      writing = false;
      opts.metrics?.bufferDepth(buffer.length);
    }
    if (!retryTimer && buffer.length >= maxBatch) setImmediate(() => void flush());
    notifyDrained();
  }

  function handleFailure(err: Error, batch: PendingPoint<A>[]) {
    const retryable = !(err instanceof SeriesWriteError) || err.canRetry;
    opts.metrics?.writeError(retryable);
    if (!retryable) {
      buffer.splice(0, batch.length);
      opts.onRejected(batch.map((p) => p.ack), err);
      return;
    }
    backoff = Math.min(backoffMax, backoff === 0 ? backoffMin : backoff * 2);
    const delay = backoff / 2 + Math.random() * (backoff / 2);
    opts.log?.warn({ err: err.message, retryInMs: Math.round(delay), buffered: buffer.length }, 'InfluxDB write failed; will retry');
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void flush();
    }, delay);
  }

  return {
    offer(points) {
      if (stopped || buffer.length + points.length > maxBuffer) {
        opts.metrics?.bufferFull(points.length);
        if (Date.now() - lastFullLog > 10_000) {
          lastFullLog = Date.now();
          opts.log?.warn({ buffered: buffer.length, maxBuffer }, 'write buffer full; readings not acknowledged, gateways will resend');
        }
        return false;
      }
      for (const p of points) buffer.push(p);
      opts.metrics?.bufferDepth(buffer.length);
      if (buffer.length >= maxBatch) void flush();
      return true;
    },
    depth: () => buffer.length,
    drained: () => new Promise<void>((resolve) => {
      waiters.push(resolve);
      notifyDrained();
    }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      const deadline = Date.now() + 10_000;
      while ((buffer.length > 0 || writing) && Date.now() < deadline) {
        await flush();
        await new Promise((r) => setTimeout(r, 20));
      }
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
