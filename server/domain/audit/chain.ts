// The audit log's hash chain (rule book section 6: every corrective action, acknowledgement
// and setting change is written to an append-only, hash-chained log). Each entry's hash covers
// the previous entry's hash and the entry itself, so changing any field of any entry, or
// removing one, breaks the chain from there on. Pure: no I/O, no clock.
import { createHash } from 'node:crypto';
import type { AuditVerification } from '../../../contracts/alert-workflow.ts';
import { canonicalJson } from './canonical.ts';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says; `at` in ms since the epoch. */
export interface AuditBody {
  seq: number;
  at: number;
  actor: string;
  role: string | null;
  action: string;
  subject: string;
  kitchenId: string | null;
  data: Record<string, unknown>;
}

export interface AuditEntry extends AuditBody {
  prevHash: string;
  hash: string;
}

/** sha256(prevHash + '\n' + canonical JSON of the body), lowercase hex. */
export function entryHash(prevHash: string, body: AuditBody): string {
  const { seq, at, actor, role, action, subject, kitchenId, data } = body;
  const text = canonicalJson({ seq, at, actor, role, action, subject, kitchenId, data });
  return createHash('sha256').update(`${prevHash}\n${text}`).digest('hex');
}

/** The next entry after `last` (or the first when there is none). */
export function chainEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, body: Omit<AuditBody, 'seq'>, seq?: number): AuditEntry {
  const prevHash = last?.hash ?? GENESIS_HASH;
  const full = { ...body, seq: seq ?? (last?.seq ?? 0) + 1 };
  return { ...full, prevHash, hash: entryHash(prevHash, full) };
}

/**
 * Recomputes the chain from its first entry, oldest first. `brokenAt` is the seq of the first
 * entry that does not follow from the one before it: changed, or the next one after a removal.
 * `lastSeq`, when known (the store's own counter), also catches the removal of the newest entries.
 * `entries` counts every entry and `head` is the newest stored hash, broken or not.
 */
export function verifyChain(entries: Iterable<AuditEntry>, lastSeq?: number): AuditVerification {
  let prev: AuditEntry | undefined;
  let count = 0;
  let brokenAt: number | null = null;
  for (const e of entries) {
    count++;
    if (brokenAt === null) brokenAt = breakAt(prev, e);
    prev = e;
  }
  const newest = prev?.seq ?? 0;
  if (brokenAt === null && lastSeq !== undefined && lastSeq > newest) brokenAt = newest + 1;
  return { ok: brokenAt === null, entries: count, head: prev?.hash ?? null, brokenAt };
}

/** The seq at which `e` fails to follow `prev`, or null when it follows. */
function breakAt(prev: AuditEntry | undefined, e: AuditEntry): number | null {
  const expectedPrev = prev?.hash ?? GENESIS_HASH;
  const expectedSeq = (prev?.seq ?? 0) + 1;
  if (e.seq === expectedSeq && e.prevHash === expectedPrev && entryHash(expectedPrev, e) === e.hash) return null;
  // Still linked to its predecessor: this entry was altered (its seq perhaps too), and it stands
  // where `expectedSeq` should. Not linked: entries before it are gone, or it was altered.
  return e.prevHash === expectedPrev ? expectedSeq : e.seq;
}
