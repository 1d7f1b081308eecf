// The audit log in SQL: appended inside a transaction that reads the newest entry's hash, so
// two appends can never chain onto the same predecessor. UPDATE and DELETE are refused by
// triggers (database.ts); this file never tries them.
import { chainEntry, type AuditBody, type AuditEntry } from '../../domain/audit/chain.ts';
import { canonicalJson } from '../../domain/audit/canonical.ts';
import type { Db } from './database.ts';

interface AuditRow {
  seq: number; at: number; actor: string; role: string | null; action: string; subject: string;
  kitchen_id: string | null; data: string; prev_hash: string; hash: string;
}

/** Stored data that is no longer JSON (tampered with) still yields an entry, whose hash then fails. */
function parseData(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { unparseable: text };
  } catch {
    return { unparseable: text };
  }
}

const toEntry = (r: AuditRow): AuditEntry => ({
  seq: r.seq, at: r.at, actor: r.actor, role: r.role, action: r.action, subject: r.subject,
  kitchenId: r.kitchen_id, data: parseData(r.data), prevHash: r.prev_hash, hash: r.hash,
});

export interface AuditListQuery {
  kitchenId?: string;
  /** Only entries of kitchens this accepts (an inspector's scope); entries of no kitchen are left out. */
  kitchenFilter?: (kitchenId: string) => boolean;
  limit: number;
}

export function createAuditRepo(db: Db) {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  const counter = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'`);
  const insert = db.prepare(`INSERT INTO audit_log (seq, at, actor, role, action, subject, kitchen_id, data, prev_hash, hash)
    VALUES (@seq, @at, @actor, @role, @action, @subject, @kitchenId, @data, @prevHash, @hash)`);
  /** The highest seq ever given out: more than the newest row's when newest rows were removed. */
  const lastAssignedSeq = () => (counter.get() as { seq: number } | undefined)?.seq ?? 0;

  const append = db.transaction((body: Omit<AuditBody, 'seq'>): AuditEntry => {
    const prev = last.get() as { seq: number; hash: string } | undefined;
    // Continue the counter even past removed rows, so a removal shows as a gap.
    const entry = chainEntry(prev, body, Math.max(prev?.seq ?? 0, lastAssignedSeq()) + 1);
    insert.run({ ...entry, data: canonicalJson(entry.data) });
    return entry;
  });

  return {
    append: (body: Omit<AuditBody, 'seq'>): AuditEntry => append(body),
    /** Runs `fn` in one transaction (nested ones become savepoints): a change and its audit entry together. */
    atomically: <T>(fn: () => T): T => db.transaction(fn)(),
    /** Every entry, oldest first, without loading them all at once. */
    *all(): Generator<AuditEntry> {
      for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate()) yield toEntry(row as AuditRow);
    },
    lastAssignedSeq,
    bySubject: (subject: string): AuditEntry[] =>
      (db.prepare('SELECT * FROM audit_log WHERE subject = ? ORDER BY seq').all(subject) as AuditRow[]).map(toEntry),
    /** Newest first. */
    list(q: AuditListQuery): AuditEntry[] {
      const rows = q.kitchenId !== undefined
        ? db.prepare('SELECT * FROM audit_log WHERE kitchen_id = ? ORDER BY seq DESC').iterate(q.kitchenId)
        : db.prepare(`SELECT * FROM audit_log ${q.kitchenFilter ? 'WHERE kitchen_id IS NOT NULL' : ''} ORDER BY seq DESC`).iterate();
      const out: AuditEntry[] = [];
      for (const row of rows) {
        const r = row as AuditRow;
        if (q.kitchenFilter && !q.kitchenFilter(r.kitchen_id!)) continue;
        out.push(toEntry(r));
        if (out.length >= q.limit) break; // breaking out of iterate() ends the statement
      }
      return out;
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
