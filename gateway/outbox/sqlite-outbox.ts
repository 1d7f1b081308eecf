// The durable outbox: one SQLite file per gateway (WAL, synchronous=FULL so an
// appended reading survives a power cut of the gateway). AUTOINCREMENT keeps
// outbox ids from ever being reused, so a late acknowledgement can never delete
// a newer reading.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reading } from '../../contracts/payloads.ts';
import type { Outbox, UnnumberedReading } from './outbox.ts';

export function createSqliteOutbox(path: string): Outbox {
  mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE IF NOT EXISTS outbox (oid INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, sent_at INTEGER NOT NULL DEFAULT 0);
           CREATE TABLE IF NOT EXISTS device_seq (device TEXT PRIMARY KEY, last INTEGER NOT NULL)`);
  const insert = db.prepare('INSERT INTO outbox (body) VALUES (?)');
  const setBody = db.prepare('UPDATE outbox SET body = ? WHERE oid = ?');
  const nextSeq = db.prepare(`INSERT INTO device_seq (device, last) VALUES (?, 1)
    ON CONFLICT(device) DO UPDATE SET last = last + 1 RETURNING last`);
  const due = db.prepare('SELECT body FROM outbox WHERE sent_at < ? ORDER BY oid LIMIT ?');
  const sent = db.prepare('UPDATE outbox SET sent_at = ? WHERE oid = ?');
  const del = db.prepare('DELETE FROM outbox WHERE oid = ?');
  const count = db.prepare('SELECT count(*) AS n FROM outbox');

  const append = db.transaction((readings: UnnumberedReading[]) =>
    readings.map((r) => {
      const { last } = nextSeq.get(r.device) as { last: number };
      const oid = Number(insert.run('{}').lastInsertRowid);
      const reading = { ...r, oid, seq: last } as Reading;
      setBody.run(JSON.stringify(reading), oid);
      return reading;
    }));
  const markSent = db.transaction((oids: number[], at: number) => {
    for (const oid of oids) sent.run(at, oid);
  });
  const ack = db.transaction((oids: number[]) => oids.reduce((n, oid) => n + del.run(oid).changes, 0));

  return {
    append,
    due: (limit, sentBefore) => (due.all(sentBefore, limit) as Array<{ body: string }>).map((r) => JSON.parse(r.body) as Reading),
    markSent,
    ack,
    resetSent: () => void db.exec('UPDATE outbox SET sent_at = 0'),
    depth: () => (count.get() as { n: number }).n,
    close: () => db.close(),
  };
}
