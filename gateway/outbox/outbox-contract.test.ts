// One contract suite, run against every outbox implementation (as MQTT.js runs
// its abstract_store suite against each store).
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Outbox, UnnumberedReading } from './outbox.ts';
import { createMemoryOutbox } from './memory-outbox.ts';
import { createSqliteOutbox } from './sqlite-outbox.ts';
import Database from 'better-sqlite3';

const reading = (device: string, ts: number): UnnumberedReading => ({ device, kind: 'chiller', ts, temp: 4.2, unit: 'Cel' });
const tmpFile = () => join(mkdtempSync(join(tmpdir(), 'kcw-outbox-')), 'outbox.sqlite');

const implementations: Array<[string, () => Outbox]> = [
  ['memory', createMemoryOutbox],
  ['sqlite', () => createSqliteOutbox(tmpFile())],
];

describe.each(implementations)('outbox contract: %s', (_name, make) => {
  it('numbers readings with increasing oids and per-device sequence numbers', () => {
    const box = make();
    const out = box.append([reading('a', 1), reading('b', 1), reading('a', 2)]);
    expect(out.map((r) => r.seq)).toEqual([1, 1, 2]);
    expect(out[0]!.oid).toBeLessThan(out[1]!.oid);
    expect(out[1]!.oid).toBeLessThan(out[2]!.oid);
    expect(box.depth()).toBe(3);
  });

  it('returns due readings oldest first, skipping recently sent ones', () => {
    const box = make();
    const [r1, r2, r3] = box.append([reading('a', 1), reading('a', 2), reading('a', 3)]);
    box.markSent([r2!.oid], 1000);
    expect(box.due(10, 500).map((e) => e.record.oid)).toEqual([r1!.oid, r3!.oid]);
    expect(box.due(10, 1001).map((e) => e.record.oid)).toEqual([r1!.oid, r2!.oid, r3!.oid]);
    expect(box.due(1, 1001).map((e) => e.record.oid)).toEqual([r1!.oid]);
  });

  it('forgets only acknowledged readings, and an unknown or repeated ack changes nothing', () => {
    const box = make();
    const [r1, r2] = box.append([reading('a', 1), reading('a', 2)]);
    expect(box.ack([r1!.oid, 999_999])).toBe(1);
    expect(box.ack([r1!.oid])).toBe(0);
    expect(box.due(10, Number.MAX_SAFE_INTEGER).map((e) => e.record.oid)).toEqual([r2!.oid]);
  });

  it('never reuses an oid after the newest reading was acknowledged', () => {
    const box = make();
    const [r1] = box.append([reading('a', 1)]);
    box.ack([r1!.oid]);
    const [r2] = box.append([reading('a', 2)]);
    expect(r2!.oid).toBeGreaterThan(r1!.oid);
    expect(r2!.seq).toBe(2);
  });

  it('makes everything due again after resetSent', () => {
    const box = make();
    const out = box.append([reading('a', 1), reading('a', 2)]);
    box.markSent(out.map((r) => r.oid), 5000);
    expect(box.due(10, 100)).toHaveLength(0);
    box.resetSent();
    expect(box.due(10, 100)).toHaveLength(2);
  });
  it('keeps sample events beside readings in one numbering, oldest first, each with its kind', () => {
    const box = make();
    const [r1] = box.append([reading('probe', 1)]);
    const [s1] = box.appendSamples([{ device: 'scale-1', ts: 2, type: 'placed', cabinet: 'samples-1', slot: 3, netWeightG: 131.2, scaleSerial: 'IND-7' }]);
    const [r2] = box.append([reading('probe', 3)]);
    expect(box.due(10, 1).map((e) => [e.kind, e.record.oid])).toEqual([['reading', r1!.oid], ['sample', s1!.oid], ['reading', r2!.oid]]);
    expect(s1!.seq).toBe(1);
    expect(box.ack([s1!.oid])).toBe(1);
    expect(box.depth()).toBe(2);
  });

  it('keeps AI events with their snapshot in the same numbering, and named cursors', () => {
    const box = make();
    const [r1] = box.append([reading('probe', 1)]);
    const event = { id: 'evt-7', camera: 'cam-1', category: 'smoking' as const, confidence: 0.9, ts: 2, snapshot: { mime: 'image/jpeg' as const, data: '/9j/4AAQ' } };
    const [a1] = box.appendAiEvents([event]);
    expect(a1).toEqual({ ...event, oid: a1!.oid });
    expect(box.due(10, 1).map((e) => [e.kind, e.record.oid])).toEqual([['reading', r1!.oid], ['ai', a1!.oid]]);
    expect(box.due(10, 1)[1]!.record).toEqual(a1);
    expect(box.cursor('edge-box')).toBe(0);
    box.setCursor('edge-box', 42);
    expect(box.cursor('edge-box')).toBe(42);
  });
});

describe('sqlite outbox durability', () => {
  it('keeps readings, their numbering and the sequence across a reopen', () => {
    const file = tmpFile();
    const first = createSqliteOutbox(file);
    const [r1, r2] = first.append([reading('a', 1), reading('a', 2)]);
    first.ack([r1!.oid]);
    first.close();
    const second = createSqliteOutbox(file);
    expect(second.due(10, 1).map((e) => e.record.oid)).toEqual([r2!.oid]);
    const [r3] = second.append([reading('a', 3)]);
    expect(r3!.seq).toBe(3);
    expect(r3!.oid).toBeGreaterThan(r2!.oid);
    second.close();
  });

  it('keeps a cursor across a reopen', () => {
    const file = tmpFile();
    const first = createSqliteOutbox(file);
    first.setCursor('edge-box', 17);
    first.close();
    const second = createSqliteOutbox(file);
    expect(second.cursor('edge-box')).toBe(17);
    second.close();
  });

  it('opens an outbox written before sample events existed, keeping its readings', () => {
    const file = tmpFile();
    const old = new Database(file);
    old.exec(`CREATE TABLE outbox (oid INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL, sent_at INTEGER NOT NULL DEFAULT 0);
              CREATE TABLE device_seq (device TEXT PRIMARY KEY, last INTEGER NOT NULL);`);
    old.prepare('INSERT INTO outbox (body) VALUES (?)').run(JSON.stringify({ ...reading('a', 1), oid: 1, seq: 1 }));
    old.close();
    const box = createSqliteOutbox(file);
    expect(box.due(10, 1)).toEqual([{ kind: 'reading', record: { ...reading('a', 1), oid: 1, seq: 1 } }]);
    box.close();
  });
});
