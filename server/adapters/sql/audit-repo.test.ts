// The audit log in SQLite: appends chain onto the newest entry, the database refuses UPDATE
// and DELETE, and an attacker who goes around the triggers is found by verification.
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { createAuditRepo } from './audit-repo.ts';
import { createAudit } from '../../app/audit.ts';
import { GENESIS_HASH } from '../../domain/audit/chain.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);

function setup(n = 3) {
  const db = openDatabase(':memory:');
  let now = T;
  const audit = createAudit({ repo: createAuditRepo(db), now: () => (now += 1000) });
  for (let i = 1; i <= n; i++) {
    audit.record({ actor: '王师傅', role: 'kitchen_staff', action: 'alert.commented', subject: `alert:${i}`, kitchenId: i % 2 ? 'k1' : 'k2', data: { text: `第 ${i} 条` } });
  }
  return { db, audit };
}

describe('audit log in SQL', () => {
  it('chains each append onto the newest entry and verifies', () => {
    const { db, audit } = setup();
    const rows = db.prepare('SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq').all() as Array<{ seq: number; prev_hash: string; hash: string }>;
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(rows[2]!.prev_hash).toBe(rows[1]!.hash);
    expect(audit.verify()).toEqual({ ok: true, entries: 3, head: rows[2]!.hash, brokenAt: null });
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET actor = 'someone' WHERE seq = 2`],
    ['DELETE', 'DELETE FROM audit_log WHERE seq = 2'],
  ])('refuses %s (append-only, enforced by the database)', (_name, sql) => {
    const { db, audit } = setup();
    expect(() => db.exec(sql)).toThrow(/append-only/);
    expect(audit.verify().ok).toBe(true);
  });

  it('finds a changed data byte at its seq once the trigger is dropped', () => {
    const { db, audit } = setup();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare(`UPDATE audit_log SET data = replace(data, '第 2', '第 9') WHERE seq = 2`).run();
    expect(audit.verify()).toMatchObject({ ok: false, entries: 3, brokenAt: 2 });
  });

  it('finds removed entries, in the middle and at the end', () => {
    const { db, audit } = setup(4);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.exec('DELETE FROM audit_log WHERE seq = 4');
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 4 }); // the store's counter remembers 4
    db.exec('DELETE FROM audit_log WHERE seq = 2');
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('continues the counter past a removed newest entry, so the gap shows', () => {
    const { db, audit } = setup(2);
    db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 2');
    const next = audit.record({ actor: 'x', role: null, action: 'a', subject: 's', kitchenId: null, data: {} });
    expect(next.seq).toBe(3);
    // Entry 3 chains onto entry 1 by hash, but stands where 2 should be: 2 is missing.
    expect(audit.verify()).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('lists newest first, by kitchen, and within a scope leaves out entries of no kitchen', () => {
    const { audit } = setup(4);
    audit.record({ actor: 'system', role: null, action: 'user.created', subject: 'user:li', kitchenId: null, data: {} });
    expect(audit.list({ limit: 10 }).map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(audit.list({ kitchenId: 'k1', limit: 10 }).map((e) => e.seq)).toEqual([3, 1]);
    expect(audit.list({ kitchenFilter: (k) => k === 'k2', limit: 1 }).map((e) => e.seq)).toEqual([4]);
    expect(audit.list({ limit: 1 })[0]).toMatchObject({ at: new Date(T + 5000).toISOString(), action: 'user.created' });
  });
});
