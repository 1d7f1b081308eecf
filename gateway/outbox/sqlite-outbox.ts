// The durable outbox: one SQLite file per gateway (WAL, synchronous=FULL so an
// appended reading survives a power cut of the gateway). AUTOINCREMENT keeps
// outbox ids from ever being reused, so a late acknowledgement can never delete
// a newer reading.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reading } from '../../contracts/payloads.ts';
import type { SampleEvent } from '../../contracts/samples.ts';
import type { AiEvent } from '../../contracts/cameras.ts';
import type { Outbox, OutboxEntry, UnnumberedAiEvent, UnnumberedReading, UnnumberedSampleEvent } from './outbox.ts';

export function createSqliteOutbox(path: string): Outbox {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS outbox (oid INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, sent_at INTEGER NOT NULL DEFAULT 0);
           CREATE TABLE IF NOT EXISTS device_seq (device TEXT PRIMARY KEY, last INTEGER NOT NULL);
           CREATE TABLE IF NOT EXISTS cursors (name TEXT PRIMARY KEY, value INTEGER NOT NULL)`);
  // Outboxes written before sample events existed hold readings only.
  const columns = db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>;
  if (!columns.some((c) => c.name === 'kind')) db.exec(`ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'reading'`);
  const insert = db.prepare('INSERT INTO outbox (body, kind) VALUES (?, ?)');
  const setBody = db.prepare('UPDATE outbox SET body = ? WHERE oid = ?');
  const nextSeq = db.prepare(`INSERT INTO device_seq (device, last) VALUES (?, 1)
    ON CONFLICT(device) DO UPDATE SET last = last + 1 RETURNING last`);
  const due = db.prepare('SELECT body, kind FROM outbox WHERE sent_at < ? ORDER BY oid LIMIT ?');
  const sent = db.prepare('UPDATE outbox SET sent_at = ? WHERE oid = ?');
  const del = db.prepare('DELETE FROM outbox WHERE oid = ?');
  const count = db.prepare('SELECT count(*) AS n FROM outbox');

  function numbered<T extends { device: string }>(r: T, kind: OutboxEntry['kind']): T & { oid: number; seq: number } {
    const { last } = nextSeq.get(r.device) as { last: number };
    const oid = Number(insert.run('{}', kind).lastInsertRowid);
    const record = { ...r, oid, seq: last };
    setBody.run(JSON.stringify(record), oid);
    return record;
  }
  const append = db.transaction((readings: UnnumberedReading[]) => readings.map((r) => numbered(r, 'reading') as Reading));
  const appendSamples = db.transaction((events: UnnumberedSampleEvent[]) => events.map((e) => numbered(e, 'sample') as SampleEvent));
  const appendAiEvents = db.transaction((events: UnnumberedAiEvent[]) => events.map((e) => {
    const oid = Number(insert.run('{}', 'ai').lastInsertRowid);
    const record: AiEvent = { ...e, oid };
    setBody.run(JSON.stringify(record), oid);
    return record;
  }));
  const getCursor = db.prepare('SELECT value FROM cursors WHERE name = ?');
  const putCursor = db.prepare('INSERT INTO cursors (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value');
  const markSent = db.transaction((oids: number[], at: number) => {
    for (const oid of oids) sent.run(at, oid);
  });
  const ack = db.transaction((oids: number[]) => oids.reduce((n, oid) => n + del.run(oid).changes, 0));

  return {
    append,
    appendSamples,
    appendAiEvents,
    cursor: (name) => (getCursor.get(name) as { value: number } | undefined)?.value ?? 0,
    setCursor: (name, value) => void putCursor.run(name, value),
    due: (limit, sentBefore) => (due.all(sentBefore, limit) as Array<{ body: string; kind: OutboxEntry['kind'] }>)
      .map((r) => ({ kind: r.kind, record: JSON.parse(r.body) }) as OutboxEntry),
    markSent,
    ack,
    resetSent: () => void db.exec('UPDATE outbox SET sent_at = 0'),
    depth: () => (count.get() as { n: number }).n,
    close: () => db.close(),
  };
}
