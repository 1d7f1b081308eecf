// The audit log's use cases: record an act, verify the chain, list entries. Other use cases
// get `record` (and `atomically`, to write their change and its entry in one transaction)
// injected, never the repo.
import type { AuditVerification } from '../../contracts/alert-workflow.ts';
import { verifyChain, type AuditBody, type AuditEntry } from '../domain/audit/chain.ts';
import type { AuditListQuery, AuditRepo } from '../adapters/sql/audit-repo.ts';

/** One act to record; the log adds the time, its seq and the hashes. `actor` is a person's
 *  display name or "system"; `action` is `<thing>.<what happened>` (alert.resolved,
 *  kitchen.meal-times); `subject` is `<thing>:<id>` (alert:12). */
export type AuditInput = Omit<AuditBody, 'seq' | 'at'>;

export type RecordAudit = (entry: AuditInput) => void;

/** What a use case that changes something and records it needs. */
export interface AuditPort {
  record: RecordAudit;
  atomically<T>(fn: () => T): T;
}

/** An entry as the API shows it. */
export interface AuditEntryDto extends Omit<AuditEntry, 'at'> {
  at: string;
}

export const toAuditDto = (e: AuditEntry): AuditEntryDto => ({ ...e, at: new Date(e.at).toISOString() });

export function createAudit(deps: { repo: AuditRepo; now(): number }) {
  return {
    record: (entry: AuditInput): AuditEntry => deps.repo.append({ ...entry, at: deps.now() }),
    atomically: <T>(fn: () => T): T => deps.repo.atomically(fn),
    verify: (): AuditVerification => verifyChain(deps.repo.all(), deps.repo.lastAssignedSeq()),
    ofSubject: (subject: string): AuditEntry[] => deps.repo.bySubject(subject),
    list: (q: AuditListQuery): AuditEntryDto[] => deps.repo.list(q).map(toAuditDto),
  };
}

export type Audit = ReturnType<typeof createAudit>;
