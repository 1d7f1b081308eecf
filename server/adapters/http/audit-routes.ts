// REST of the audit log: verify the hash chain (admin and auditor), and read entries, newest
// first (admin and auditor everywhere; inspectors for the kitchens in their scope).
import { Router, type Response } from 'express';
import type { AuditVerification } from '../../../contracts/alert-workflow.ts';
import { isValidId } from '../../../contracts/topics.ts';
import type { AuditListQuery } from '../sql/audit-repo.ts';
import type { AuditEntryDto } from '../../app/audit.ts';
import { fail } from './errors.ts';
import { access, type AccountsPort } from './auth.ts';

export interface AuditApiDeps {
  audit: { verify(): AuditVerification; list(q: AuditListQuery): AuditEntryDto[] };
  accounts: AccountsPort;
}

const MAX_ENTRIES = 1000;

/** Those who answer for the whole record: the administrator and the auditor. */
function mustReadWholeLog(res: Response, accounts: AccountsPort): boolean {
  const { role } = access(accounts, res).user;
  return role === 'admin' || role === 'auditor';
}

export function createAuditRouter(deps: AuditApiDeps): Router {
  const r = Router();
  r.get('/audit/verify', (_req, res) => {
    if (!mustReadWholeLog(res, deps.accounts)) fail('forbidden', 'only an administrator or an auditor may verify the audit log');
    res.json(deps.audit.verify());
  });
  r.get('/audit', (req, res) => {
    const who = access(deps.accounts, res);
    const whole = mustReadWholeLog(res, deps.accounts);
    if (!whole && who.user.role !== 'inspector') fail('forbidden', `${who.user.username} may not read the audit log`);
    const { kitchen, limit } = req.query;
    if (kitchen !== undefined && (typeof kitchen !== 'string' || !isValidId(kitchen))) fail('invalid_query', 'kitchen must be a valid id');
    if (kitchen !== undefined) who.kitchen(kitchen as string);
    const n = limit === undefined ? 100 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_ENTRIES) fail('invalid_query', `limit must be 1..${MAX_ENTRIES}`);
    // An inspector sees the entries of the kitchens in their scope, not the accounts' own.
    res.json(deps.audit.list({ kitchenId: kitchen as string | undefined, kitchenFilter: whole ? undefined : who.sees, limit: n }));
  });
  return r;
}
