// The one adapter over InfluxDB 1.x. Queries go through the `influx` client
// (InfluxQL over /query). Writes POST line protocol to /write ourselves: the
// client marks its only host unavailable after one failure and then fails every
// write with "No host available", and we need the HTTP status to tell a
// retryable failure (5xx, network) from a permanent one (4xx). See
// docs/decisions/0002-influx-writes.md.
import { InfluxDB, type IResults } from 'influx';

export class SeriesWriteError extends Error {
  constructor(
    message: string,
    readonly canRetry: boolean,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface SeriesStore {
  url: string;
  database: string;
  ensureDatabase(): Promise<void>;
  /** Writes line protocol with ms precision; throws SeriesWriteError. */
  writeLines(lines: readonly string[]): Promise<void>;
  query<T = Record<string, unknown>>(influxql: string): Promise<IResults<T>>;
  ping(timeoutMs?: number): Promise<boolean>;
}

export function createSeriesStore(opts: { url: string; database: string }): SeriesStore {
  const url = opts.url.replace(/\/$/, '');
  const parsed = new URL(url);
  const client = new InfluxDB({
    host: parsed.hostname,
    port: Number(parsed.port || 8086),
    protocol: parsed.protocol === 'https:' ? 'https' : 'http',
    database: opts.database,
  });
  const writeUrl = `${url}/write?db=${encodeURIComponent(opts.database)}&precision=ms`;

  async function writeLines(lines: readonly string[]): Promise<void> {
    let res: Response;
    try {
      res = await fetch(writeUrl, { method: 'POST', body: lines.join('\n') });
    } catch (err) {
      throw new SeriesWriteError(`InfluxDB unreachable: ${(err as Error).message}`, true);
    }
    if (res.status === 204) return;
    const body = (await res.text()).slice(0, 300);
    // Only 400 (bad line protocol, field type conflict) can never pass. 5xx ("engine:
    // error syncing wal" under load), a dropped database (404, re-created here) or an
    // auth problem can: those readings must wait, not be acknowledged as rejected.
    if (res.status === 404 && body.includes('database not found')) await ensureDatabase().catch(() => undefined);
    throw new SeriesWriteError(`InfluxDB write ${res.status}: ${body}`, res.status !== 400, res.status);
  }

  async function ensureDatabase() {
    await client.query(`CREATE DATABASE "${opts.database}"`);
  }

  return {
    url,
    database: opts.database,
    ensureDatabase,
    writeLines,
    query: <T>(influxql: string) => client.query<T>(influxql, { precision: 'ms' as never }),
    async ping(timeoutMs = 2000) {
      try {
        const res = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(timeoutMs) });
        return res.status === 204;
      } catch {
        return false;
      }
    },
  };
}
