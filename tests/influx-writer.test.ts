import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeriesStore, type SeriesStore } from '../server/adapters/influx/series-store.ts';
import { createBatchWriter, type PendingPoint } from '../server/adapters/influx/batch-writer.ts';
import { startTestInfluxd, eventually } from './fixtures/influxd.ts';

let influxd: Awaited<ReturnType<typeof startTestInfluxd>>;
let store: SeriesStore;

beforeAll(async () => {
  influxd = await startTestInfluxd();
  store = createSeriesStore({ url: influxd.url, database: 'writer_test' });
  await store.ensureDatabase();
});
afterAll(async () => influxd?.cleanup());

function points(series: string, n: number, startMs = 1_700_000_000_000): PendingPoint<number>[] {
  return Array.from({ length: n }, (_, i) => ({
    line: `t,s=${series} v=${i}i ${startMs + i}`,
    ack: i,
  }));
}

async function count(series: string): Promise<number> {
  const rows = await store.query<{ count: number }>(`SELECT count(v) FROM t WHERE s='${series}'`);
  return rows[0]?.count ?? 0;
}

function recordingWriter(extra: Partial<Parameters<typeof createBatchWriter<number>>[0]> = {}) {
  const stored: number[] = [];
  const errors = { retryable: 0, permanent: 0, full: 0 };
  const writer = createBatchWriter<number>({
    store,
    maxBatch: 2000,
    flushIntervalMs: 50,
    backoffMinMs: 50,
    backoffMaxMs: 500,
    onStored: (acks) => stored.push(...acks),
    onRejected: () => undefined,
    metrics: {
      pointsWritten: () => undefined,
      writeError: (retryable) => (retryable ? errors.retryable++ : errors.permanent++),
      bufferDepth: () => undefined,
      bufferFull: (n) => (errors.full += n),
    },
    ...extra,
  });
  return { writer, stored, errors };
}

describe('InfluxDB batch writer against a real influxd', () => {
  it('writes 10,000 points in batches and acknowledges each once', async () => {
    const { writer, stored } = recordingWriter();
    expect(writer.offer(points('a', 10_000))).toBe(true);
    await writer.drained();
    await writer.stop();
    expect(await count('a')).toBe(10_000);
    expect(new Set(stored).size).toBe(10_000);
    expect(stored.length).toBe(10_000);
  });

  it('loses nothing across an InfluxDB outage within the buffer, and says no when the buffer is full', async () => {
    const { writer, stored, errors } = recordingWriter({ maxBuffer: 6000 });
    await influxd.stop();
    expect(writer.offer(points('b', 5000))).toBe(true);
    await eventually(() => errors.retryable, (n) => n >= 2);
    // The buffer holds 5000 of 6000: a further 2000 do not fit and are refused, counted.
    expect(writer.offer(points('b', 2000, 1_800_000_000_000))).toBe(false);
    expect(errors.full).toBe(2000);
    expect(stored).toHaveLength(0);
    await influxd.restart();
    await writer.drained();
    await writer.stop();
    expect(await count('b')).toBe(5000);
    expect(stored).toHaveLength(5000);
  });

  it('drops a batch InfluxDB refuses for good (4xx) and reports it as rejected', async () => {
    const rejected: number[] = [];
    const { writer, errors } = recordingWriter({ onRejected: (acks) => rejected.push(...acks) });
    writer.offer([{ line: 'not line protocol at all', ack: 7 }]);
    await writer.drained();
    await writer.stop();
    expect(rejected).toEqual([7]);
    expect(errors.permanent).toBe(1);
  });

  it('keeps readings when the database was dropped (404): re-creates it and retries, rejecting nothing', async () => {
    const rejected: number[] = [];
    const { writer, stored, errors } = recordingWriter({ onRejected: (acks) => rejected.push(...acks) });
    await store.query('DROP DATABASE writer_test');
    writer.offer(points('c', 300));
    await writer.drained();
    await writer.stop();
    expect(errors.retryable).toBeGreaterThanOrEqual(1);
    expect(rejected).toEqual([]);
    expect(stored).toHaveLength(300);
    expect(await count('c')).toBe(300);
  });
});
