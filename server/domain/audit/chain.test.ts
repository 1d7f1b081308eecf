// The hash chain finds any changed field of any entry at that entry, and a removed entry.
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, chainEntry, entryHash, verifyChain, type AuditEntry } from './chain.ts';

const T = Date.UTC(2026, 10, 23, 2, 0, 0);

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(chainEntry(out.at(-1), {
      at: T + i * 1000, actor: i % 2 ? '王师傅' : '李经理', role: 'kitchen_staff', action: 'alert.resolved', subject: `alert:${i + 1}`,
      kitchenId: 'k1', data: { cause: 'door', correctiveAction: '关门并检查门封', disposition: { kind: 'kept', reason: '未超过 2 小时' } },
    }));
  }
  return out;
}

const FIELDS: Array<[string, (e: AuditEntry) => AuditEntry]> = [
  ['seq', (e) => ({ ...e, seq: e.seq + 100 })],
  ['at', (e) => ({ ...e, at: e.at + 1 })],
  ['actor', (e) => ({ ...e, actor: `${e.actor}x` })],
  ['role', (e) => ({ ...e, role: 'admin' })],
  ['action', (e) => ({ ...e, action: 'alert.closed' })],
  ['subject', (e) => ({ ...e, subject: 'alert:999' })],
  ['kitchenId', (e) => ({ ...e, kitchenId: 'k2' })],
  ['data (one character)', (e) => ({ ...e, data: { ...e.data, correctiveAction: '关门并检查门锁' } })],
  ['data (nested)', (e) => ({ ...e, data: { ...e.data, disposition: { kind: 'discarded', quantity: '3 kg' } } })],
  ['prevHash', (e) => ({ ...e, prevHash: GENESIS_HASH.replace(/0$/, '1') })],
  ['hash', (e) => ({ ...e, hash: e.hash.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) })],
];

describe('audit hash chain', () => {
  it('starts from the genesis hash and links each entry to the one before', () => {
    const entries = chain(3);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries[2]!.hash).toBe(entryHash(entries[1]!.hash, entries[2]!));
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 3, head: entries[2]!.hash, brokenAt: null });
  });

  it('verifies an empty log', () => {
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, head: null, brokenAt: null });
  });

  for (const [field, change] of FIELDS) {
    it.each([0, 2, 4])(`finds a changed ${field} at that entry (entry %i of 5)`, (i) => {
      const entries = chain(5);
      entries[i] = change(entries[i]!);
      expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: i + 1 });
    });
  }

  it.each([0, 2, 3])('finds a removed entry (index %i) at the entry after it', (i) => {
    const entries = chain(5);
    entries.splice(i, 1);
    expect(verifyChain(entries)).toMatchObject({ ok: false, brokenAt: i + 2 });
  });

  it("finds the newest entry removed when told the store's last seq", () => {
    const entries = chain(5).slice(0, 4);
    expect(verifyChain(entries).ok).toBe(true); // the chain alone cannot tell
    expect(verifyChain(entries, 5)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('refuses a chain rebuilt around a changed entry only from the genesis on (a recomputed head differs)', () => {
    const original = chain(3);
    const forged = [original[0]!, chainEntry(original[0], { ...original[1]!, actor: 'someone' })];
    forged.push(chainEntry(forged[1], original[2]!));
    expect(verifyChain(forged).ok).toBe(true);
    expect(verifyChain(forged).head).not.toBe(verifyChain(original).head);
  });
});
